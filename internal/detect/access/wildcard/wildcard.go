// Package wildcard reports IAM statements that grant more than they name:
// wildcard actions, write/delete on every resource, Allow with NotAction
// or NotResource, and iam:PassRole on every role. A statement shared by
// several functions (a provider role) is reported once, attributed to all
// of them.
package wildcard

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
func (*Detector) Name() string { return "iam-wildcard" }

// Category implements detect.Detector.
func (*Detector) Category() finding.Category { return finding.Access }

// Rules implements detect.Detector.
func (*Detector) Rules() []finding.Rule {
	return []finding.Rule{ActionRule, ResourceRule, NotActionRule, PassRoleRule}
}

// Detect implements detect.Detector.
func (*Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	fns := in.Project.Functions
	for _, sh := range iam.GroupStatements(fns, weighable) {
		if err := ctx.Err(); err != nil {
			return err
		}
		c := check{st: sh.Statement, ids: sh.Functions, all: fns, report: report}
		c.run()
	}
	return nil
}

// weighable keeps resolved Allow statements written by the user: SAM
// policy templates are access/broad-sam-policy's.
func weighable(st model.Statement) bool {
	return iam.Allows(st) && !strings.HasPrefix(st.Origin, "sam-policy:")
}

// check weighs one shared statement.
type check struct {
	st     model.Statement
	ids    []string
	all    []*model.Function
	report func(finding.Finding)
}

func (c check) run() {
	if len(c.st.NotAction) > 0 || len(c.st.NotResource) > 0 {
		c.notAction()
		return
	}
	scope := iam.Broadest(c.st.Resource)
	if !c.wildcardActions(scope) && scope >= iam.Service {
		c.wildcardResource()
	}
	if scope >= iam.Service {
		c.passRole()
	}
}

// wildcardActions reports the statement's wildcard actions; it returns
// true when the statement has any (reported or not).
func (c check) wildcardActions(scope iam.Scope) bool {
	var worst finding.Severity
	var parts []string
	any := false
	for _, a := range c.st.Action {
		if !iam.IsWildcard(a) || isPassRole(a) {
			continue
		}
		any = true
		cov := iam.Cover(a)
		sev := actionSeverity(cov, scope)
		if sev == skip {
			continue
		}
		if sev > worst {
			worst = sev
		}
		parts = append(parts, describeCoverage(a, cov, c.st.Resource))
	}
	if worst == skip {
		return any
	}
	f := c.finding(ActionRule, conditioned(worst, c.st.Condition))
	f.Message = fmt.Sprintf("Allows %s on %s. %s.",
		strings.Join(parts, "; "), describeResources(c.st.Resource, scope), c.grantee())
	c.report(f)
	return true
}

// wildcardResource reports specific actions on every resource.
func (c check) wildcardResource() {
	var worst finding.Severity
	byLevel := map[finding.Severity][]string{}
	for _, a := range c.st.Action {
		sev := resourceSeverity(a)
		if sev == skip {
			continue
		}
		byLevel[sev] = append(byLevel[sev], a)
		if sev > worst {
			worst = sev
		}
	}
	if worst == skip {
		return
	}
	f := c.finding(ResourceRule, conditioned(worst, c.st.Condition))
	f.Message = fmt.Sprintf("Allows %s on %s: %s. %s.",
		strings.Join(byLevel[worst], ", "), describeResources(c.st.Resource, iam.Broadest(c.st.Resource)),
		powerText(byLevel[worst][0]), c.grantee())
	c.report(f)
}

// passRole reports iam:PassRole on every role.
func (c check) passRole() {
	for _, a := range c.st.Action {
		if !isPassRole(a) {
			continue
		}
		f := c.finding(PassRoleRule, conditioned(PassRoleRule.Severity, c.st.Condition))
		f.Message = fmt.Sprintf("Allows %s on %s: any role of the account, administrator roles included, can be handed to a service the function controls. %s.",
			a, strings.Join(c.st.Resource, ", "), c.grantee())
		c.report(f)
		return
	}
}

// notAction reports Allow with NotAction or NotResource.
func (c check) notAction() {
	sev := finding.SeverityMedium
	what := "every resource except " + strings.Join(c.st.NotResource, ", ")
	if len(c.st.NotAction) > 0 {
		if iam.Broadest(c.st.Resource) >= iam.Service || len(c.st.NotResource) > 0 {
			sev = finding.SeverityHigh
		}
		what = "every action of every service except " + strings.Join(c.st.NotAction, ", ")
		if len(c.st.Resource) > 0 {
			what += " on " + strings.Join(c.st.Resource, ", ")
		}
	}
	f := c.finding(NotActionRule, conditioned(sev, c.st.Condition))
	f.Message = fmt.Sprintf("An Allow with %s grants %s, including whatever AWS adds later. %s.",
		notKind(c.st), what, c.grantee())
	c.report(f)
}

func (c check) finding(r finding.Rule, sev finding.Severity) finding.Finding {
	f := r.New()
	f.Severity = sev
	f.File, f.Line = c.st.Source.File, c.st.Source.Line
	f.Functions = append([]string(nil), c.ids...)
	f.Evidence = fnmap.StatementText(c.st)
	f.Key = iam.ContentKey(c.st)
	return f
}

// grantee says through what and to whom the statement grants, marking
// the functions anonymous callers reach.
func (c check) grantee() string {
	h := "Granted through " + fnmap.OriginText(c.st.Origin) + " to " + fnmap.Holders(c.ids, c.all)
	if pub := fnmap.AnyPublic(c.ids, c.all); len(pub) > 0 {
		sort.Strings(pub)
		verb := " is"
		if len(pub) > 1 {
			verb = " are"
		}
		h += "; " + strings.Join(pub, ", ") + verb + " reachable anonymously"
	}
	return h
}

func notKind(st model.Statement) string {
	switch {
	case len(st.NotAction) > 0 && len(st.NotResource) > 0:
		return "NotAction and NotResource"
	case len(st.NotAction) > 0:
		return "NotAction"
	}
	return "NotResource"
}
