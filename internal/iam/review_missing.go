package iam

import (
	"strconv"
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// Missing permissions: the needs a function's role does not allow.

// reviewMissing finds calls fn's role does not allow.
func (a *Analyzer) reviewMissing(r *Review, fn *model.Function) {
	if fn.Provider != model.AWS || !a.roleKnown(fn) {
		return
	}
	u := a.Usage(fn)
	var grants []grantStmt
	for _, st := range fn.Statements {
		grants = append(grants, normStatement(st))
	}
	for _, p := range fn.ManagedPolicies {
		g, _, _ := managedStatement(p)
		grants = append(grants, g)
	}
	for i := range u.Needs {
		n := &u.Needs[i]
		if n.Platform || n.Guessed || n.Optional {
			continue
		}
		if m, ok := missingVerdict(grants, n); ok {
			m.Function = fn.ID
			if len(n.Calls) > 0 {
				m.Evidence = u.Calls[n.Calls[0]]
			}
			if n.Inferred {
				m.Certain = false
			}
			r.Missing = append(r.Missing, m)
		}
	}
}

// missingVerdict decides whether a need is not allowed.
func missingVerdict(grants []grantStmt, n *Need) (Missing, bool) {
	allowAction, allowFull, deny := triNo, triNo, triNo
	var others []string
	var denier *grantStmt
	for i := range grants {
		g := &grants[i]
		if g.allow {
			act := g.coversAction(n.Action)
			allowAction = maxTri(allowAction, act)
			full := g.covers(n.Action, n.Resource, n.ResourceKnown)
			allowFull = maxTri(allowFull, full)
			if act == triYes && full == triNo {
				others = append(others, g.resources...)
			}
			continue
		}
		if d := g.covers(n.Action, n.Resource, n.ResourceKnown); d > deny {
			deny = d
			denier = g
		}
	}
	m := Missing{Action: n.Action, Resource: n.Resource}
	switch {
	case deny == triYes:
		m.Certain = true
		m.Reason = "denied by the Deny " + where(denier.src.Source)
	case deny == triMaybe && allowFull == triYes:
		return m, false // a conditional or unresolved Deny: cannot tell
	case allowFull == triYes || allowFull == triMaybe && allowAction == triYes:
		return m, false
	case allowAction == triNo:
		m.Certain = true
		m.Reason = "no statement of the role allows it"
	case allowAction == triMaybe:
		m.Reason = "only statements or managed policies clad cannot resolve might allow it"
	default: // the action is granted, but only on other resources
		m.Reason = "the role allows it only on " + strings.Join(firstN(dedupStrings(others), 3), ", ")
	}
	return m, true
}

func where(l model.Location) string {
	if l.File == "" {
		return "statement"
	}
	return "statement at " + l.File + ":" + strconv.Itoa(l.Line)
}
