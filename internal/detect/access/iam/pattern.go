package iam

import (
	"path"
	"sort"
	"strings"
)

// Coverage is what an action or action pattern grants.
type Coverage struct {
	// Service is the lower-case service prefix ("" for "*").
	Service string
	// Class is the strongest class the pattern may grant.
	Class Class
	// Wildcard is true when the action contains * or ?.
	Wildcard bool
	// Everything is "*"; ServiceWide is "service:*".
	Everything, ServiceWide bool
	// Known is true when the matches come from the action table; false
	// when the pattern was weighed by its verb alone.
	Known bool
	// Examples are the strongest matched actions, at most three.
	Examples []string
}

// IsWildcard reports whether an action string holds a wildcard.
func IsWildcard(action string) bool { return strings.ContainsAny(action, "*?") }

// Cover weighs an action or a pattern.
func Cover(action string) Coverage {
	action = strings.TrimSpace(action)
	if action == "*" {
		return Coverage{Class: Permissions, Wildcard: true, Everything: true, Known: true}
	}
	svc, name, ok := strings.Cut(action, ":")
	svc = strings.ToLower(svc)
	c := Coverage{Service: svc, Wildcard: IsWildcard(action)}
	if !ok {
		c.Class = Write
		return c
	}
	if !c.Wildcard {
		c.Class, c.Known, c.Examples = Classify(action), true, []string{action}
		return c
	}
	c.ServiceWide = strings.Trim(name, "*") == ""
	if strings.ContainsAny(svc, "*?") {
		c.Everything = true
		c.Class, c.Known = Permissions, true
		return c
	}
	if names, known := actionIndex[svc]; known {
		c.Known = true
		c.matchKnown(svc, name, names)
		if c.ServiceWide && c.Class < Permissions && (svc == "iam" || svc == "sts") {
			c.Class = Permissions
		}
		return c
	}
	c.Class = verbClass(svc, name)
	return c
}

// matchKnown weighs a pattern against the known actions of a service.
func (c *Coverage) matchKnown(svc, pattern string, names []string) {
	var hits []string
	for _, n := range names {
		if ok, _ := path.Match(strings.ToLower(pattern), strings.ToLower(n)); ok {
			hits = append(hits, svc+":"+n)
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return Classify(hits[i]) > Classify(hits[j]) })
	for i, h := range hits {
		if cl := Classify(h); cl > c.Class {
			c.Class = cl
		}
		if i < 3 {
			c.Examples = append(c.Examples, h)
		}
	}
	if c.ServiceWide && c.Class < Delete {
		// The table is not complete: a whole service always includes
		// destructive and administrative actions.
		c.Class = Delete
	}
}

// verbClass weighs a pattern of a service missing from the table by the
// literal text before its first wildcard: "Get*" reads, "Delete*" deletes;
// a leading wildcard could be anything.
func verbClass(svc, pattern string) Class {
	lit := pattern[:strings.IndexAny(pattern, "*?")]
	if lit == "" {
		if svc == "iam" || svc == "sts" {
			return Permissions
		}
		return Delete
	}
	return Classify(svc + ":" + lit)
}
