// Package semrange reads the version ranges projects declare for their
// dependencies (npm ranges such as "^4.17.15" or "~6.5.1 || >=7", PEP 440
// specifiers such as ">=2.0,<3" or "~=1.4.2") and answers the questions the
// library checks ask of them: does a range admit a given version, is a
// declared version a single concrete one, and what is the lowest version a
// range admits. npm ranges are evaluated with Masterminds/semver, whose
// caret, tilde, x-range, hyphen and "||" rules are npm's; PEP 440
// specifiers with the ordering of internal/advisory. Other ecosystems are
// unknown: callers then say less instead of guessing.
package semrange

import (
	"strings"

	"github.com/cladsec/clad/internal/advisory"
)

// Satisfies reports whether rng, a range declared in ecosystem eco, admits
// version. known is false when the range or the version cannot be read in
// that ecosystem (a git URL, a dist-tag such as "latest", an ecosystem
// without rules here).
func Satisfies(eco, rng, version string) (ok, known bool) {
	switch advisory.EcosystemKey(eco) {
	case advisory.NPM:
		return npmSatisfies(rng, version)
	case advisory.PyPI:
		return pepSatisfies(rng, version)
	}
	return false, false
}

// Exact reports whether v names one concrete version rather than a range
// ("0.0.4" and "=1.2.3" in npm, "1.2.3" elsewhere).
func Exact(eco, v string) bool {
	v = strings.TrimSpace(v)
	switch advisory.EcosystemKey(eco) {
	case advisory.NPM:
		_, ok := npmExact(v)
		return ok
	case advisory.PyPI:
		_, ok := pepExact(v)
		return ok
	}
	d := strings.TrimPrefix(v, "v") // Go module versions
	return d != "" && d[0] >= '0' && d[0] <= '9' && !strings.ContainsAny(v, " ,<>=^~*|[]()")
}

// Concrete returns the single version v names (without npm's "=" or "v"
// prefix, PEP 440's "=="), and whether it names one.
func Concrete(eco, v string) (string, bool) {
	v = strings.TrimSpace(v)
	switch advisory.EcosystemKey(eco) {
	case advisory.NPM:
		return npmExact(v)
	case advisory.PyPI:
		return pepExact(v)
	}
	return v, Exact(eco, v)
}

// Lowest returns the lowest version rng admits, when the range can be read
// and has a lower bound it can name ("^4.17.15" → "4.17.15", "1.x" →
// "1.0.0", ">=2.0,<3" → "2.0", "*" → "0.0.0").
func Lowest(eco, rng string) (string, bool) {
	switch advisory.EcosystemKey(eco) {
	case advisory.NPM:
		return npmLowest(rng)
	case advisory.PyPI:
		return pepLowest(rng)
	}
	return "", false
}
