// Package detect defines the interface every check implements. Detectors
// live in sub-packages by CLAD category (code/, library/, access/, data/) and
// are listed in list.go.
package detect

import (
	"context"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// Detector reports findings over the function map and the scanned files.
// It never prints; it reports.
type Detector interface {
	// Name identifies the detector.
	Name() string
	// Category is the CLAD category of every rule it reports.
	Category() finding.Category
	// Rules documents every rule the detector can report.
	Rules() []finding.Rule
	// Detect examines in and calls report for each finding.
	Detect(ctx context.Context, in *Input, report func(finding.Finding)) error
}

// Input is what detectors see.
type Input struct {
	Project *model.Project
	Tree    *walk.Tree
	// Offline forbids network use.
	Offline bool
	// Lockfiles are the dependency files of the project with their graphs.
	Lockfiles []*deps.Lockfile
	// AdvisoryDir is the advisory database directory ("" = the default).
	AdvisoryDir string
	// NotRun records a check that could not run and why (for example
	// library checks without advisory data); the report says so instead of
	// implying "no findings". Never nil during Detect.
	NotRun func(reason string)
	// Warn records a problem that did not stop the detector. Never nil
	// during Detect.
	Warn func(p model.Problem)
}

// Functions returns the project's functions keyed by ID.
func (in *Input) Functions() map[string]*model.Function {
	m := make(map[string]*model.Function, len(in.Project.Functions))
	for _, f := range in.Project.Functions {
		m[f.ID] = f
	}
	return m
}
