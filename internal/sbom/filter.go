package sbom

import (
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/deps"
)

// Filter selects packages of an inventory. Within one field any value may
// match (OR); every non-empty field must match (AND). Matching ignores case.
type Filter struct {
	// Packages are names, name globs ("*" and "?"), or package URLs.
	Packages []string
	// Licenses are SPDX identifiers or identifier prefixes (see
	// matchLicense), or "unknown".
	Licenses []string
	// Functions are function IDs ("svc/name"), bare names or globs; a
	// package matches when one of them ships it.
	Functions []string
	// Ecosystems are OSV ecosystem names (npm, PyPI, Go…).
	Ecosystems []string
	// Scopes are runtime, optional, unknown or dev.
	Scopes []string
}

// Validate checks the values that have a fixed set.
func (f Filter) Validate() error {
	for _, s := range f.Scopes {
		switch deps.Scope(strings.ToLower(s)) {
		case deps.Runtime, deps.Optional, deps.Unknown, deps.Dev:
		default:
			return fmt.Errorf("unknown scope %q (want runtime, optional, unknown or dev)", s)
		}
	}
	return nil
}

// Empty reports whether the filter selects everything.
func (f Filter) Empty() bool {
	return len(f.Packages)+len(f.Licenses)+len(f.Functions)+len(f.Ecosystems)+len(f.Scopes) == 0
}

// Apply returns a copy of inv holding only the packages f selects.
func (f Filter) Apply(inv *Inventory) *Inventory {
	out := *inv
	out.Packages = []*Package{}
	for _, p := range inv.Packages {
		if f.Match(p, inv.Functions) {
			out.Packages = append(out.Packages, p)
		}
	}
	return &out
}

// Match reports whether f selects p; fns are the inventory's functions.
func (f Filter) Match(p *Package, fns []Function) bool {
	return anyOf(f.Packages, func(v string) bool { return matchPackage(p, v) }) &&
		anyOf(f.Licenses, func(v string) bool { return matchLicense(p.License, v) }) &&
		anyOf(f.Ecosystems, func(v string) bool { return strings.EqualFold(p.Ecosystem, strings.TrimSpace(v)) }) &&
		anyOf(f.Scopes, func(v string) bool { return strings.EqualFold(string(p.Scope), strings.TrimSpace(v)) }) &&
		anyOf(f.Functions, func(v string) bool { return shipsTo(p, fns, v) })
}

// anyOf is true when vals is empty or one of them matches.
func anyOf(vals []string, match func(string) bool) bool {
	if len(vals) == 0 {
		return true
	}
	for _, v := range vals {
		if match(v) {
			return true
		}
	}
	return false
}

func matchPackage(p *Package, v string) bool {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "pkg:") {
		return strings.EqualFold(p.PURL, v)
	}
	return glob(strings.ToLower(v), strings.ToLower(p.Name))
}

// shipsTo reports whether a function matching v ships p.
func shipsTo(p *Package, fns []Function, v string) bool {
	v = strings.ToLower(strings.TrimSpace(v))
	for _, id := range p.Functions {
		if glob(v, strings.ToLower(id)) {
			return true
		}
		for _, fn := range fns {
			if fn.ID == id && glob(v, strings.ToLower(fn.Name)) {
				return true
			}
		}
	}
	return false
}

// glob matches s against pattern where "*" is any run of characters
// (slashes included) and "?" any one character.
func glob(pattern, s string) bool {
	px, sx := 0, 0
	star, mark := -1, 0
	for sx < len(s) {
		switch {
		case px < len(pattern) && (pattern[px] == '?' || pattern[px] == s[sx]):
			px++
			sx++
		case px < len(pattern) && pattern[px] == '*':
			star, mark = px, sx
			px++
		case star >= 0:
			px = star + 1
			mark++
			sx = mark
		default:
			return false
		}
	}
	for px < len(pattern) && pattern[px] == '*' {
		px++
	}
	return px == len(pattern)
}
