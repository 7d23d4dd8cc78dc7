// Package eolruntime reports functions on runtimes that no longer receive
// (or will soon stop receiving) security patches, from the dated table in
// package runtimes: one finding per runtime setting, attributed to every
// function it applies to.
package eolruntime

import (
	"context"
	"fmt"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/fnmap"
	"github.com/cladsec/clad/internal/detect/access/runtimes"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Soon is how far ahead a coming deprecation is reported.
const Soon = 180 * 24 * time.Hour

// Rule is the documented check.
var Rule = finding.Rule{
	ID:       "access/eol-runtime",
	Category: finding.Access,
	Severity: finding.SeverityHigh,
	Title:    "Function runtime past or near its end of support",
	CWE:      []string{"CWE-1104"},
	Why:      "A deprecated runtime no longer receives security patches: every vulnerability found in the language runtime or its OS image after that day stays open.",
	Doc: `Cloud providers patch the language runtime and OS image of managed runtimes
until the runtime is deprecated; after that the function keeps running on
an image nobody fixes, and soon it can no longer be updated either. clad
keeps a dated table of AWS Lambda, Azure Functions (language workers and
host versions 1.x-3.x) and Google Cloud Functions runtimes, each row citing
the provider page it comes from. The finding gives the date patches
stopped: high when it is past, medium when it is less than 180 days away.
Dates that were only scheduled when the table was written, or on which
sources disagree, are reported one step lower with a note to check the
provider page.`,
	Fix:  "Move the function to a supported runtime (for example nodejs22.x or python3.13 on Lambda; FUNCTIONS_EXTENSION_VERSION ~4 with a supported language version on Azure) and test it.",
	Bad:  "provider:\n  name: aws\n  runtime: nodejs12.x",
	Good: "provider:\n  name: aws\n  runtime: nodejs22.x",
}

// Detector implements detect.Detector.
type Detector struct {
	// Now is the clock; time.Now unless a test fixes it.
	Now   func() time.Time
	table *runtimes.Table
	err   error
}

// New returns the detector with the embedded runtime table.
func New() *Detector {
	t, err := runtimes.Default()
	return &Detector{Now: time.Now, table: t, err: err}
}

// Name implements detect.Detector.
func (*Detector) Name() string { return "eol-runtime" }

// Category implements detect.Detector.
func (*Detector) Category() finding.Category { return finding.Access }

// Rules implements detect.Detector.
func (*Detector) Rules() []finding.Rule { return []finding.Rule{Rule} }

// use is one runtime setting and the functions it applies to.
type use struct {
	rt       runtimes.Runtime
	setting  string // the text in the manifest ("runtime: nodejs12.x")
	file     string
	line     int
	manifest string
	ids      []string
}

// Detect implements detect.Detector.
func (d *Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	if d.err != nil {
		return fmt.Errorf("runtime table: %w", d.err)
	}
	now := d.Now()
	loc := fnmap.NewLocator(in.Tree)
	uses := map[string]*use{}
	var order []string
	for _, fn := range in.Project.Functions {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, u := range d.usesOf(fn, loc) {
			k := fmt.Sprintf("%s\x00%s\x00%s\x00%d", u.manifest, u.rt.ID, u.file, u.line)
			if uses[k] == nil {
				uses[k] = u
				order = append(order, k)
			}
			uses[k].ids = append(uses[k].ids, fn.ID)
		}
	}
	for _, k := range order {
		if f, ok := d.weigh(uses[k], now, in.Project.Functions); ok {
			report(f)
		}
	}
	return nil
}

// usesOf returns the table rows a function's settings match.
func (d *Detector) usesOf(fn *model.Function, loc *fnmap.Locator) []*use {
	var out []*use
	add := func(id, setting, file string, line int) {
		if rt, ok := d.table.Lookup(fn.Provider, id); ok {
			if line <= 0 {
				file, line = fn.Source.File, fn.Source.Line
			}
			out = append(out, &use{rt: rt, setting: setting, file: file, line: line, manifest: fn.Manifest})
		}
	}
	if fn.Runtime != "" && !unresolved(fn, "runtime") {
		setting, file, line := runtimeLine(fn, loc)
		add(fn.Runtime, setting, file, line)
	}
	if fn.Provider == model.Azure {
		if id, setting, file, line := azureHost(fn, loc); id != "" {
			add(id, setting, file, line)
		}
	}
	return out
}

func unresolved(fn *model.Function, field string) bool {
	for _, u := range fn.Unresolved {
		if strings.EqualFold(u, field) {
			return true
		}
	}
	return false
}

// runtimeLine finds where the runtime is written: in the function's own
// block, else at the provider or Globals level; Azure reads it from the
// app settings.
func runtimeLine(fn *model.Function, loc *fnmap.Locator) (setting, file string, line int) {
	if fn.Provider == model.Azure {
		for _, name := range []string{"WEBSITE_NODE_DEFAULT_VERSION", "FUNCTIONS_WORKER_RUNTIME_VERSION", "FUNCTIONS_WORKER_RUNTIME"} {
			if e, ok := env(fn, name); ok {
				return name + "=" + e.Value, e.Source.File, e.Source.Line
			}
		}
		return "runtime " + fn.Runtime, "", 0
	}
	setting = "runtime: " + fn.Runtime
	same := func(v string) bool { return strings.EqualFold(strings.TrimSpace(v), fn.Runtime) }
	if line := fnmap.FindKey(loc.BlockAt(fn.Source.File, fn.Source.Line), "runtime", 2, same); line > 0 {
		return setting, fn.Source.File, line
	}
	if line := fnmap.FindKey(loc.Root(fn.Manifest), "runtime", 3, same); line > 0 {
		return setting, fn.Manifest, line
	}
	return setting, "", 0
}

// azureHost reads the Functions host version: FUNCTIONS_EXTENSION_VERSION,
// else a host.json without "version" (the 1.x schema).
func azureHost(fn *model.Function, loc *fnmap.Locator) (id, setting, file string, line int) {
	if e, ok := env(fn, "FUNCTIONS_EXTENSION_VERSION"); ok && e.Resolved {
		v := strings.TrimPrefix(strings.TrimSpace(e.Value), "~")
		v, _, _ = strings.Cut(v, ".")
		return "host~" + v, "FUNCTIONS_EXTENSION_VERSION=" + e.Value, e.Source.File, e.Source.Line
	}
	if path.Base(fn.Manifest) != "host.json" {
		return "", "", "", 0
	}
	if root := loc.Root(fn.Manifest); root != nil && root.GetFold("version") == nil {
		return "host~1", "host.json without \"version\" (Functions 1.x)", fn.Manifest, 1
	}
	return "", "", "", 0
}

func env(fn *model.Function, name string) (model.EnvVar, bool) {
	for _, e := range fn.Environment {
		if strings.EqualFold(e.Name, name) {
			return e, true
		}
	}
	return model.EnvVar{}, false
}

var providerNames = map[string]string{"aws": "AWS Lambda", "azure": "Azure Functions", "gcp": "Google Cloud Functions"}

// weigh builds the finding for one runtime setting, if it is due.
func (d *Detector) weigh(u *use, now time.Time, all []*model.Function) (finding.Finding, bool) {
	left := u.rt.Deprecated.Sub(now)
	if left > Soon {
		return finding.Finding{}, false
	}
	sort.Strings(u.ids)
	f := Rule.New()
	date := u.rt.Deprecated.Format("2006-01-02")
	where := providerNames[u.rt.Provider]
	if left <= 0 {
		f.Message = fmt.Sprintf("%s (%s) reached end of support on %s on %s: it has not received security patches since.",
			u.rt.ID, u.rt.Name, where, date)
		if u.rt.Provider == "aws" {
			f.Message += " Lambda also blocks creating, then updating, functions that use it."
		}
	} else {
		f.Severity = finding.SeverityMedium
		f.Message = fmt.Sprintf("%s (%s) reaches end of support on %s on %s, in %d days: it stops receiving security patches then.",
			u.rt.ID, u.rt.Name, where, date, int(left.Hours()/24)+1)
	}
	if !u.rt.Certain() {
		f.Severity = f.Severity.Raise(-1)
		f.Message += fmt.Sprintf(" The date is %s; check %s.", statusText(u.rt.Status), u.rt.Source)
	} else {
		f.Message += " Source: " + u.rt.Source + "."
	}
	f.Message += " Used by " + fnmap.Holders(u.ids, all) + "."
	f.File, f.Line = u.file, u.line
	f.Functions = u.ids
	f.Evidence = u.setting
	f.Key = u.manifest + "|" + u.rt.Provider + "|" + u.rt.ID
	return f, true
}

func statusText(s string) string {
	if s == runtimes.Scheduled {
		return "the one the provider had scheduled when clad's table was written, and schedules move"
	}
	return "not confirmed (sources disagree)"
}
