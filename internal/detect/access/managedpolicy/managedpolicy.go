// Package managedpolicy reports policies a function's role gets wholesale:
// AWS managed policies with administrator or full-access semantics, and
// SAM policy templates broader than a narrower template would be.
package managedpolicy

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/fnmap"
	"github.com/cladsec/clad/internal/detect/access/iam"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Detector implements detect.Detector.
type Detector struct{}

// New returns the detector.
func New() *Detector { return &Detector{} }

// Name implements detect.Detector.
func (*Detector) Name() string { return "managed-policy" }

// Category implements detect.Detector.
func (*Detector) Category() finding.Category { return finding.Access }

// Rules implements detect.Detector.
func (*Detector) Rules() []finding.Rule { return []finding.Rule{AdminRule, SAMRule} }

// Detect implements detect.Detector.
func (*Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	fns := in.Project.Functions
	for _, g := range groupPolicies(fns) {
		if m, ok := iam.LookupManaged(g.policy.ARN); ok {
			report(adminFinding(g, m, fns))
		}
	}
	for _, fn := range fns {
		if err := ctx.Err(); err != nil {
			return err
		}
		samFindings(fn, report)
	}
	return nil
}

// sharedPolicy is one attachment of a managed policy and the functions
// whose role it is attached to.
type sharedPolicy struct {
	policy model.Policy
	ids    []string
}

// groupPolicies collects managed policy attachments, one per place.
func groupPolicies(fns []*model.Function) []sharedPolicy {
	index := map[string]int{}
	var out []sharedPolicy
	for _, fn := range fns {
		for _, p := range fn.ManagedPolicies {
			k := fmt.Sprintf("%s\x00%s\x00%d", p.ARN, p.Source.File, p.Source.Line)
			i, ok := index[k]
			if !ok {
				i = len(out)
				index[k] = i
				out = append(out, sharedPolicy{policy: p})
			}
			out[i].ids = append(out[i].ids, fn.ID)
		}
	}
	for i := range out {
		sort.Strings(out[i].ids)
	}
	return out
}

func adminFinding(g sharedPolicy, m iam.Managed, all []*model.Function) finding.Finding {
	f := AdminRule.New()
	f.Severity = m.Severity
	f.File, f.Line = g.policy.Source.File, g.policy.Source.Line
	f.Functions = g.ids
	f.Evidence = g.policy.ARN
	f.Key = g.policy.ARN + "|" + g.policy.Origin
	f.Message = fmt.Sprintf("The managed policy %s gives %s %s. Attached through %s.",
		m.Name, fnmap.Holders(g.ids, all), m.Meaning, fnmap.OriginText(g.policy.Origin))
	if pub := fnmap.AnyPublic(g.ids, all); len(pub) > 0 {
		f.Message += " " + strings.Join(pub, ", ") + " can be invoked anonymously."
	}
	return f
}

// samFindings reports the broad SAM policy templates of one function.
func samFindings(fn *model.Function, report func(finding.Finding)) {
	seen := map[string]bool{}
	for _, st := range fn.Statements {
		name, ok := strings.CutPrefix(st.Origin, "sam-policy:")
		if !ok || seen[name] || len(st.Action) == 0 {
			continue
		}
		seen[name] = true
		tpl, broad := broadTemplates[name]
		if !broad {
			continue
		}
		f := SAMRule.New()
		f.Severity = tpl.severity
		f.File, f.Line = st.Source.File, st.Source.Line
		f.Functions = []string{fn.ID}
		f.Evidence = name + " on " + strings.Join(st.Resource, ", ")
		f.Key = fn.ID + "|" + name
		f.Message = fmt.Sprintf("Function %s gets the SAM policy template %s on %s, which grants %s. If the function does not need that, use %s.",
			fn.Name, name, strings.Join(st.Resource, ", "), tpl.grants, tpl.instead)
		report(f)
	}
}
