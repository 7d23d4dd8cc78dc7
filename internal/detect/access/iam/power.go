package iam

import (
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// Power is the strongest class of power a function's permissions grant,
// with the grants that reach it.
type Power struct {
	Class Class
	// Grants describe the strongest grants ("dynamodb:* on *",
	// "AmazonS3FullAccess"), at most five.
	Grants []string
}

// FunctionPower weighs every resolved Allow statement and managed policy of
// a function. Actions that are fine on any resource (logs, X-Ray) do not
// count as power.
func FunctionPower(fn *model.Function) Power {
	var p Power
	for _, st := range fn.Statements {
		if !Allows(st) {
			continue
		}
		cl, what := statementPower(st)
		p.add(cl, what)
	}
	for _, mp := range fn.ManagedPolicies {
		if m, ok := LookupManaged(mp.ARN); ok {
			p.add(m.Class, m.Name)
		}
	}
	return p
}

// statementPower is the strongest class one statement grants and how to
// name it.
func statementPower(st model.Statement) (Class, string) {
	res := strings.Join(st.Resource, ", ")
	if len(st.NotAction) > 0 {
		return Permissions, "every action except " + strings.Join(st.NotAction, ", ")
	}
	best, name := None, ""
	for _, a := range st.Action {
		if !IsWildcard(a) && FineOnAnyResource(a) {
			continue
		}
		if c := Cover(a).Class; c > best {
			best, name = c, a
		}
	}
	if best == None {
		return None, ""
	}
	if res == "" && len(st.NotResource) > 0 {
		res = "everything except " + strings.Join(st.NotResource, ", ")
	}
	return best, name + " on " + res
}

func (p *Power) add(c Class, what string) {
	switch {
	case c > p.Class:
		p.Class, p.Grants = c, []string{what}
	case c == p.Class && c > None && len(p.Grants) < 5 && !contains(p.Grants, what):
		p.Grants = append(p.Grants, what)
	}
}

// Writes reports power of at least write.
func (p Power) Writes() bool { return p.Class >= Write }
