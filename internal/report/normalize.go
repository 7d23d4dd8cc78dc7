package report

import (
	"maps"

	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Normalize returns a copy of r ready to render; r itself is not modified.
// Every writer renders through it, so all formats agree:
//
//   - lists of the contract (findings, functions, manifests, errors,
//     triggers, statements, environment, a finding's functions, summary
//     categories) are [] instead of nil, and the summary maps {} instead of
//     nil, so JSON never says null where a list or object is promised;
//   - resolved environment values that look like secrets are masked with
//     RedactEnv.
//
// Normalize is idempotent. A nil r yields an empty report.
func Normalize(r *Report) *Report {
	if r == nil {
		r = &Report{}
	}
	out := *r
	out.Findings = normalizeFindings(r.Findings)
	out.Errors = nonNil(r.Errors)
	out.Rules = append([]finding.Rule(nil), r.Rules...)
	out.Project.Manifests = nonNil(r.Project.Manifests)
	out.Project.Functions = make([]*model.Function, 0, len(r.Project.Functions))
	for _, fn := range r.Project.Functions {
		if fn != nil {
			out.Project.Functions = append(out.Project.Functions, normalizeFunction(fn))
		}
	}
	out.Summary = normalizeSummary(r.Summary)
	return &out
}

// normalizeFindings copies the findings with a non-nil Functions list.
func normalizeFindings(fs []finding.Finding) []finding.Finding {
	out := make([]finding.Finding, len(fs))
	for i, f := range fs {
		f.Functions = nonNil(f.Functions)
		out[i] = f
	}
	return out
}

// normalizeFunction copies fn with non-nil lists and redacted environment.
func normalizeFunction(fn *model.Function) *model.Function {
	c := *fn
	c.Triggers = nonNil(fn.Triggers)
	c.Statements = nonNil(fn.Statements)
	c.Environment = make([]model.EnvVar, len(fn.Environment))
	for i, e := range fn.Environment {
		if e.Resolved {
			e.Value = RedactEnv(e.Value, e.Name)
		}
		c.Environment[i] = e
	}
	return &c
}

// normalizeSummary copies s with non-nil maps and categories.
func normalizeSummary(s Summary) Summary {
	s.BySeverity = maps.Clone(s.BySeverity)
	if s.BySeverity == nil {
		s.BySeverity = map[string]int{}
	}
	s.ByCategory = maps.Clone(s.ByCategory)
	if s.ByCategory == nil {
		s.ByCategory = map[string]int{}
	}
	s.Categories = nonNil(s.Categories)
	return s
}

// nonNil returns a copy of s that is never nil.
func nonNil[T any](s []T) []T {
	return append(make([]T, 0, len(s)), s...)
}
