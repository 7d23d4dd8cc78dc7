// Package serverless extracts the function map from Serverless Framework
// manifests (serverless.yml, .yaml or .json; framework v1 to v4): every
// function with its handler file, triggers, authentication, IAM statements,
// environment, limits and packaging. Framework variables (${self:...},
// ${opt:...}, ${file(...)}, ...) are resolved statically; deploy-time values
// (${ssm:...}, ${cf:...}, ...) stay symbolic and are marked unresolved.
// Manifests written as programs (serverless.ts/.js) are reported, never run.
package serverless

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// stageName names this extractor in problems.
const stageName = "serverless"

// dataNames are the manifests clad reads; programNames are the ones it
// recognises but will not execute.
var (
	dataNames    = map[string]bool{"serverless.yml": true, "serverless.yaml": true, "serverless.json": true}
	programNames = map[string]bool{"serverless.js": true, "serverless.ts": true, "serverless.mjs": true, "serverless.cjs": true}
)

// Extractor reads Serverless Framework manifests.
type Extractor struct{}

// New returns the Serverless Framework extractor.
func New() *Extractor { return &Extractor{} }

// Name identifies the extractor.
func (*Extractor) Name() string { return stageName }

// FileRequired accepts serverless.{yml,yaml,json,js,ts,mjs,cjs} anywhere,
// deployment packages included, except inside installed dependencies.
func (*Extractor) FileRequired(p string) bool {
	if strings.HasPrefix(p, "node_modules/") || strings.Contains(p, "/node_modules/") {
		return false
	}
	base := path.Base(p)
	return dataNames[base] || programNames[base]
}

// Extract reads one manifest and adds its functions to out. A file that
// parses but is no Serverless manifest adds nothing.
func (*Extractor) Extract(ctx context.Context, in *extract.Input, out *extract.Result) error {
	file := in.File.Path
	if base := path.Base(file); programNames[base] {
		out.Problems = append(out.Problems, programProblem(file, base))
		return nil
	}
	data, err := in.Tree.Read(in.File)
	if err != nil {
		return fmt.Errorf("read %s: %w", file, err)
	}
	root, err := cfgtree.Parse(data)
	if err != nil {
		return fmt.Errorf("parse %s: %w", file, err)
	}
	if !isManifest(root) {
		return nil
	}
	svc := newService(in, root)
	fns, err := svc.functions(ctx)
	out.Problems = append(out.Problems, svc.problems()...)
	if err != nil {
		return err
	}
	out.Functions = append(out.Functions, fns...)
	out.Manifests = append(out.Manifests, model.Manifest{File: file, Kind: "serverless", Service: svc.name, Stage: svc.literalStage(), Functions: len(fns)})
	return nil
}

// programProblem explains why a serverless.ts or .js adds no functions.
func programProblem(file, base string) model.Problem {
	return model.Problem{
		File:  file,
		Level: model.LevelError,
		Kind:  "unsupported",
		Stage: stageName,
		Message: base + " is a program, not data; clad never executes scanned code, so its functions are not in the map " +
			"(convert to serverless.yml or scan the template `serverless package` writes to .serverless/)",
	}
}

// isManifest reports whether a parsed document is a Serverless manifest: a
// map with a service, provider or functions.
func isManifest(root *cfgtree.Node) bool {
	return root.Get("service") != nil || root.Get("provider") != nil || root.Get("functions") != nil
}

// serviceDir is the directory of the manifest, which handler paths and
// ${file(...)} are relative to: "." at the root, "pkg.zip!/" at the root of
// an archive.
func serviceDir(file string) string {
	i := strings.LastIndex(file, "/")
	switch {
	case i < 0:
		return "."
	case strings.HasSuffix(file[:i+1], walk.ArchiveSep):
		return file[:i+1]
	}
	return file[:i]
}
