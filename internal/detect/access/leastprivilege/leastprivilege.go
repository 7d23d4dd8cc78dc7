// Package leastprivilege compares what each function's code calls with
// what its role grants (see internal/iam): grants no function uses,
// wildcards the code proves can be narrowed, and calls the role does not
// allow.
package leastprivilege

import (
	"context"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/shared"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/iam"
)

// Detector implements detect.Detector.
type Detector struct{}

// New returns the detector.
func New() *Detector { return &Detector{} }

// Name implements detect.Detector.
func (*Detector) Name() string { return "least-privilege" }

// Category implements detect.Detector.
func (*Detector) Category() finding.Category { return finding.Access }

// Rules implements detect.Detector.
func (*Detector) Rules() []finding.Rule {
	return []finding.Rule{UnusedRule, NarrowableRule, MissingRule}
}

// Detect implements detect.Detector.
func (*Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	if in.Project == nil || in.Tree == nil {
		return nil
	}
	r := shared.IAM(in).Review()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("least-privilege review: %w", err)
	}
	for _, u := range r.Unused {
		report(unusedFinding(u))
	}
	for _, n := range r.Narrowable {
		report(narrowableFinding(n))
	}
	for _, m := range r.Missing {
		report(missingFinding(m))
	}
	return nil
}

func unusedFinding(u iam.Unused) finding.Finding {
	f := UnusedRule.New()
	if !u.Level.Powerful() {
		f.Severity = finding.SeverityLow
	}
	f.File, f.Line = u.Source.File, u.Source.Line
	f.Functions = u.Functions
	f.Evidence = "Action: " + strings.Join(u.Actions, ", ")
	f.Key = grantKey(u.Grant) + "|" + strings.Join(u.Actions, ",")
	msg := fmt.Sprintf("%s grants %s%s to %s, but %s calls %s",
		grantName(u.Grant), strings.Join(u.Actions, ", "), onResources(u.Resources), holders(u.Functions),
		whose(len(u.Functions)), pronoun(len(u.Actions)))
	if len(u.Examples) > 0 {
		msg += fmt.Sprintf(" (the wildcard includes %s)", strings.Join(u.Examples, ", "))
	}
	f.Message = msg + "."
	if u.Replacement != "" {
		f.Message += fmt.Sprintf(" %s covers the calls it makes.", u.Replacement)
		f.Fix = fmt.Sprintf("Replace %s with %s.", strings.TrimPrefix(u.Label, "SAM policy template "), u.Replacement)
	}
	return f
}

func narrowableFinding(n iam.Narrowable) finding.Finding {
	f := NarrowableRule.New()
	f.File, f.Line = n.Source.File, n.Source.Line
	f.Functions = n.Functions
	f.Evidence = "Action: " + n.Pattern
	f.Key = grantKey(n.Grant) + "|" + n.Pattern
	var uses, actions []string
	for _, u := range n.Needed {
		actions = append(actions, u.Action)
		uses = append(uses, fmt.Sprintf("%s (%s)", u.Action, useWhere(u)))
	}
	msg := fmt.Sprintf("%s grants %s%s to %s; %s needs only %s. Replace the wildcard with %s",
		grantName(n.Grant), n.Pattern, onResources(n.Resources), holders(n.Functions),
		codeOf(len(n.Functions)), strings.Join(uses, ", "),
		strings.Join(actions, ", "))
	switch {
	case n.Pattern == "*":
		msg += "; it also grants every other action of every service"
		if len(n.Examples) > 0 {
			msg += fmt.Sprintf(", such as %s", strings.Join(n.Examples, ", "))
		}
	case len(n.Examples) > 0:
		msg += fmt.Sprintf("; it also grants %d other actions clad knows, such as %s", n.Extra, strings.Join(n.Examples, ", "))
	}
	f.Message = msg + "."
	f.Fix = "Replace " + n.Pattern + " with " + strings.Join(actions, ", ") +
		" (the framework adds the CloudWatch Logs, X-Ray and VPC permissions to the roles it generates; a role you define yourself needs them listed)."
	return f
}

func missingFinding(m iam.Missing) finding.Finding {
	f := MissingRule.New()
	if !m.Certain {
		f.Severity = finding.SeverityMedium
	}
	f.File, f.Line = m.Evidence.File, m.Evidence.Line
	f.Functions = []string{m.Function}
	f.Evidence = m.Evidence.Code
	f.Key = m.Function + "|" + m.Action + "|" + m.Resource
	outcome := "the call fails with AccessDenied"
	if !m.Certain {
		outcome = "the call may fail with AccessDenied"
	}
	f.Message = fmt.Sprintf("%s calls %s on %s (%s:%d), but %s: %s.",
		shortID(m.Function), m.Action, m.Resource, m.Evidence.File, m.Evidence.Line, m.Reason, outcome)
	return f
}

// grantKey identifies a grant without line numbers.
func grantKey(g iam.Grant) string {
	return g.Role + "|" + g.Origin + "|" + g.Label + "|" + strings.Join(g.Resources, ",")
}

// grantName names the grant and the role it belongs to.
func grantName(g iam.Grant) string {
	name := "The " + g.Label
	if g.Label == "statement" {
		name = "The IAM statement"
	}
	if g.Role != "" && g.Role != "function" {
		name += " of role " + g.Role
	}
	return name
}

func onResources(rs []string) string {
	if len(rs) == 0 {
		return ""
	}
	return " on " + strings.Join(rs, ", ")
}

// holders names the functions holding a grant.
func holders(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = shortID(id)
	}
	sort.Strings(names)
	if len(names) == 1 {
		return names[0]
	}
	return fmt.Sprintf("%d functions (%s)", len(names), strings.Join(names, ", "))
}

// whose says whose code does not call a grant.
func whose(n int) string {
	if n == 1 {
		return "its code never"
	}
	return "none of their code"
}

// codeOf names the code of one or several functions.
func codeOf(n int) string {
	if n == 1 {
		return "its code"
	}
	return "their code"
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// useWhere says who needs an action and where.
func useWhere(u iam.Use) string {
	var fns []string
	for _, id := range u.Functions {
		fns = append(fns, shortID(id))
	}
	s := strings.Join(fns, ", ")
	if len(u.Evidence) > 0 {
		s += fmt.Sprintf(", %s:%d", u.Evidence[0].File, u.Evidence[0].Line)
	} else {
		s += ", its event source"
	}
	return s
}

// shortID drops the service part of a function ID.
func shortID(id string) string { return path.Base(id) }
