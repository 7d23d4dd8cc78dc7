// Package secrets is the detector that finds hard-coded credentials in every
// file clad scans and ties each one to the functions that receive it. The
// finding work is done by the pure engine in the engine sub-package (also
// used by the pre-commit and history modes); this package reads the files in
// parallel, decides how bad each secret is from where it sits (a deployed
// function's environment, its code, a test fixture) and writes findings that
// never carry the secret itself.
package secrets

import (
	"context"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/data/secrets/engine"
	"github.com/cladsec/clad/internal/finding"
)

// Detector implements detect.Detector.
type Detector struct {
	scanner *engine.Scanner
	workers int
}

// New returns the detector. Lines marked "gitleaks:allow" are honoured so
// repositories migrating from gitleaks keep their annotations; "clad:allow"
// is left to the suppress package, which also checks the rule and reason.
func New() *Detector {
	return &Detector{scanner: engine.New(engine.WithAllowMarkers("gitleaks:allow"))}
}

// Name implements detect.Detector.
func (*Detector) Name() string { return "secrets" }

// Category implements detect.Detector.
func (*Detector) Category() finding.Category { return finding.Data }

// Rules implements detect.Detector: one documented rule per kind of secret.
func (*Detector) Rules() []finding.Rule {
	rs := engine.Rules()
	out := make([]finding.Rule, len(rs))
	for i, r := range rs {
		out[i] = r.Rule
	}
	return out
}

// Detect implements detect.Detector.
func (d *Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	if in.Tree == nil {
		return nil
	}
	results, err := d.scanTree(ctx, in.Tree)
	if err != nil {
		return err
	}
	att := newAttribution(in)
	for _, r := range results {
		for _, m := range r.matches {
			report(att.finding(r.path, m))
		}
	}
	return nil
}
