// Package detect defines the interface every check implements. Detectors
// live in sub-packages by CLAD category (code/, library/, access/, data/) and
// are listed in list.go.
package detect

import (
	"context"

	"github.com/cladsec/clad/internal/deployed"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/source"
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
	// Sources parses Tree's source files once for the whole scan; read
	// handler code through it (never Close what it returns). Nil in tests
	// that build an Input by hand: use SourceCache.
	Sources *source.Cache
	// Offline forbids network use.
	Offline bool
	// Lockfiles are the dependency files of the project with their graphs.
	Lockfiles []*deps.Lockfile
	// AdvisoryDir is the advisory database directory ("" = the default).
	AdvisoryDir string
	// Deployed is the inventory of functions deployed in the cloud the
	// user handed over (clad scan --deployed); nil when none.
	Deployed []deployed.Function
	// NotRun records a check that could not run and why (for example
	// library checks without advisory data); the report says so instead of
	// implying "no findings". Never nil during Detect.
	NotRun func(reason string)
	// Warn records a problem that did not stop the detector. Never nil
	// during Detect.
	Warn func(p model.Problem)

	shared map[string]any
}

// SourceCache returns Sources, creating it over Tree on first use when the
// Input was built without one. The scan closes the cache it made; an Input
// built by hand leaks nothing worse than trees kept until exit.
func (in *Input) SourceCache() *source.Cache {
	if in.Sources == nil {
		in.Sources = source.NewCache(in.Tree)
	}
	return in.Sources
}

// Shared returns the value stored under key, building it on first use, so
// detectors that need the same analysis of the project (the IAM usage of
// every function, the calls between functions) compute it once per scan.
// Detectors run one after another; build must not call Shared with the
// same key.
func (in *Input) Shared(key string, build func() any) any {
	if v, ok := in.shared[key]; ok {
		return v
	}
	if in.shared == nil {
		in.shared = map[string]any{}
	}
	v := build()
	in.shared[key] = v
	return v
}

// Functions returns the project's functions keyed by ID.
func (in *Input) Functions() map[string]*model.Function {
	m := make(map[string]*model.Function, len(in.Project.Functions))
	for _, f := range in.Project.Functions {
		m[f.ID] = f
	}
	return m
}
