// Package code is the detector of the Code category: it runs the taint
// engine (internal/taint) over every function's handler and reports what
// reaches a dangerous sink (command, code, template, SQL, NoSQL, HTML,
// file path, URL, deserialisation, XML, regex, redirect, object-shape
// sinks) with the trace from source to sink, and the high-signal patterns
// that need no taint (authorisation checks that fall through, JWTs not
// verified, secrets compared with ==). A finding in code shared by several
// functions is one finding listing all of them.
package code

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/extract/handler"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/taint"
)

// Detector reports code vulnerabilities.
type Detector struct {
	opts taint.Options
}

// New returns the code detector.
func New() *Detector { return &Detector{} }

// Name identifies the detector.
func (d *Detector) Name() string { return "code" }

// Category is Code.
func (d *Detector) Category() finding.Category { return finding.Code }

// Rules documents every rule the detector reports.
func (d *Detector) Rules() []finding.Rule { return rules() }

// merged is one issue and every function it was found in.
type merged struct {
	is  taint.Issue
	fns map[string]bool
}

// Detect analyses every function with resolved handler code. One engine
// serves the whole scan, over the scan's parse cache.
func (d *Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	eng := taint.NewShared(in.SourceCache(), d.opts)
	byKey := map[string]*merged{}
	var order []string
	for _, fn := range in.Project.Functions {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if fn.HandlerStatus != model.HandlerResolved || fn.File == "" {
			continue
		}
		issues, err := eng.Analyze(ctx, taint.Target{Fn: fn, Symbol: handler.Symbol(fn.Provider, fn.Runtime, fn.Handler)})
		if err != nil {
			continue // an unparsable handler is reported by the extractors
		}
		for _, is := range issues {
			k := fmt.Sprintf("%s|%s|%d|%s", is.Rule, is.File, is.Line, is.Source)
			m, ok := byKey[k]
			if !ok {
				m = &merged{is: is, fns: map[string]bool{}}
				byKey[k] = m
				order = append(order, k)
			}
			m.fns[fn.ID] = true
		}
	}
	byID := in.Functions()
	for _, k := range order {
		report(d.finding(byKey[k], byID))
	}
	return nil
}

// finding turns a merged issue into a finding.
func (d *Detector) finding(m *merged, byID map[string]*model.Function) finding.Finding {
	r := ruleByID[m.is.Rule]
	f := r.New()
	f.File, f.Line = m.is.File, m.is.Line
	for id := range m.fns {
		f.Functions = append(f.Functions, id)
	}
	sort.Strings(f.Functions)
	f.Evidence = m.is.Evidence
	f.Trace = m.is.Trace
	f.Key = m.is.Key
	f.Message = message(m.is, names(f.Functions, byID))
	return f
}

// names returns the functions' names for messages.
func names(ids []string, byID map[string]*model.Function) string {
	var out []string
	for _, id := range ids {
		if fn := byID[id]; fn != nil && fn.Name != "" {
			out = append(out, fn.Name)
		} else {
			out = append(out, id)
		}
	}
	return strings.Join(out, ", ")
}

// message says what reaches what, where, in which function.
func message(is taint.Issue, fns string) string {
	if is.Source == "" {
		return fmt.Sprintf("%s: %s (%s:%d).", fns, is.Detail, is.File, is.Line)
	}
	from := is.SourceDesc
	if len(is.Trace) > 0 {
		from += fmt.Sprintf(" read at %s:%d", is.Trace[0].File, is.Trace[0].Line)
	}
	last := is.Trace[len(is.Trace)-1]
	s := fmt.Sprintf("%s: the %s reaches %s at %s:%d without a sanitiser", fns, from, is.Sink, last.File, last.Line)
	if is.Detail != "" {
		s += " (" + is.Detail + ")"
	}
	return s + ": " + impact[is.Rule]
}
