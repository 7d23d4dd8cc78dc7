// Package vulndeps is the library-vulnerability check: every package a
// lockfile pins (or a deployment package installs) is matched against the
// advisory database (OSV data merged with clad's enrichment feed), and each
// vulnerable package version is reported once per lockfile and flaw, with
// the functions that ship and load it, the dependency paths that bring it
// in, the smallest fixed version and the concrete upgrade that pulls the
// fix. Packages no deployed function ships are reported under a separate,
// low-severity rule.
package vulndeps

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/cladsec/clad/internal/advisory"
	"github.com/cladsec/clad/internal/advisory/db"
	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/library/npmreg"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Options configure the detector.
type Options struct {
	// Registry, when set, is consulted (only when the scan is not offline)
	// to find the lowest release of a direct npm dependency whose tree
	// admits the fix (`clad scan --online`). Nil keeps the advice to what
	// the lockfile tells.
	Registry *npmreg.Client
	// Fetch downloads the database when there is none and the scan is
	// not offline (the first `clad scan`), writing a progress line to
	// Progress. Off by default: a detector built by New never touches the
	// network.
	Fetch    bool
	Progress io.Writer
	// BaseURL of the OSV export to fetch from (db.DefaultBaseURL when
	// empty).
	BaseURL string
	// Now returns the current time for the staleness warning (tests fix it).
	Now func() time.Time
}

// Detector implements detect.Detector.
type Detector struct {
	opts Options
}

// New returns the detector with the lockfile-only advice.
func New() *Detector { return &Detector{} }

// NewWithOptions returns a configured detector.
func NewWithOptions(o Options) *Detector { return &Detector{opts: o} }

// Name implements detect.Detector.
func (*Detector) Name() string { return "vulnerable-dependencies" }

// Category implements detect.Detector.
func (*Detector) Category() finding.Category { return finding.Library }

// Rules implements detect.Detector.
func (*Detector) Rules() []finding.Rule { return []finding.Rule{RuleShipped, RuleDev} }

// NotRunNoData is the reason the report gives when there is no advisory
// data.
const NotRunNoData = "library: no advisory data — run `clad db update` (or `clad db import PATH` offline); library vulnerabilities were not checked"

// Detect implements detect.Detector.
func (d *Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	lfs := checkable(in.Lockfiles)
	if len(lfs) == 0 {
		return nil // no dependency file: nothing to check, nothing skipped
	}
	adb, err := d.open(ctx, in)
	if errors.Is(err, db.ErrNoData) {
		in.NotRun(NotRunNoData)
		return nil
	}
	if err != nil {
		in.NotRun(fmt.Sprintf("library: no usable advisory data (%v) — run `clad db update` (or `clad db import PATH` offline); library vulnerabilities were not checked", err))
		return nil
	}
	defer adb.Close()
	if w := db.StaleWarning(in.AdvisoryDir, d.now()); w != "" {
		in.Warn(model.Problem{Level: model.LevelWarning, Kind: "advisory", Stage: d.Name(), Message: w})
	}
	run := &run{
		in: in, db: adb, lfs: lfs, cache: map[string]queryResult{}, records: map[string][]*advisory.Record{},
		online: d.online(in), pathCache: map[string][]depPath{},
	}
	return run.check(ctx, report)
}

// open opens the database, downloading it first when Fetch allows.
func (d *Detector) open(ctx context.Context, in *detect.Input) (*db.DB, error) {
	if !d.opts.Fetch || in.Offline {
		return db.Open(in.AdvisoryDir)
	}
	return db.EnsureOpen(ctx, db.UpdateOptions{Dir: in.AdvisoryDir, Progress: d.opts.Progress, BaseURL: d.opts.BaseURL}, false)
}

func (d *Detector) now() time.Time {
	if d.opts.Now != nil {
		return d.opts.Now()
	}
	return time.Now()
}

// online returns the registry client when the scan may use the network.
func (d *Detector) online(in *detect.Input) *npmreg.Client {
	if in.Offline {
		return nil
	}
	return d.opts.Registry
}
