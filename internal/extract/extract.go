// Package extract defines how format extractors turn files into the function
// map. Each format lives in its own sub-package and is listed in list.go.
package extract

import (
	"context"

	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// Extractor reads one kind of deployment description.
type Extractor interface {
	// Name identifies the extractor in problems and logs.
	Name() string
	// FileRequired is a cheap check on the path alone; it must not read.
	FileRequired(path string) bool
	// Extract reads in.File and adds what it found to out. An error means
	// the file could not be analysed; the scan records it and goes on.
	// Files that turn out not to be of this format add nothing and return nil.
	Extract(ctx context.Context, in *Input, out *Result) error
}

// Input is what an extractor may read: the file, and the rest of the tree
// for references (${file(...)}, handler files).
type Input struct {
	Tree *walk.Tree
	File walk.File
	Vars Vars
}

// Vars are the deploy-time inputs a user may give for variable resolution.
type Vars struct {
	// Stage and Region stand in for --stage/--region (${opt:stage}, ${sls:stage}).
	Stage  string
	Region string
	// Env is consulted for ${env:NAME} only when the user asked for it
	// (--resolve-env); nil means env references stay unresolved.
	Env map[string]string
	// Params answer CloudFormation Parameters without defaults and
	// Serverless ${param:...} (--param key=value).
	Params map[string]string
}

// Result collects what extractors found.
type Result struct {
	Functions []*model.Function
	Manifests []model.Manifest
	Problems  []model.Problem
}

// Warn records a problem that did not stop the extractor.
func (r *Result) Warn(stage, file string, line int, kind, msg string) {
	r.Problems = append(r.Problems, model.Problem{File: file, Line: line, Level: model.LevelWarning, Kind: kind, Stage: stage, Message: msg})
}
