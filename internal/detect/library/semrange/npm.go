package semrange

import (
	"strings"

	"github.com/Masterminds/semver/v3"
)

// npmSpec cleans a declared npm range: "npm:name@range" aliases keep the
// range; "", "*", "x" and "latest"-like tags are told apart.
func npmSpec(rng string) (string, bool) {
	rng = strings.TrimSpace(rng)
	if rest, ok := strings.CutPrefix(rng, "npm:"); ok {
		if i := strings.LastIndex(rest, "@"); i > 0 {
			rng = rest[i+1:]
		} else {
			rng = ""
		}
	}
	if rng == "" || rng == "*" || rng == "x" || rng == "X" {
		return "*", true
	}
	if strings.ContainsAny(rng, ":/#") || !strings.ContainsAny(rng, "0123456789*xX") {
		return "", false // git/file/URL specs and dist-tags
	}
	return rng, true
}

func npmSatisfies(rng, version string) (bool, bool) {
	spec, ok := npmSpec(rng)
	if !ok {
		return false, false
	}
	v, err := semver.NewVersion(strings.TrimSpace(version))
	if err != nil {
		return false, false
	}
	if spec == "*" {
		return v.Prerelease() == "", true
	}
	c, err := semver.NewConstraint(spec)
	if err != nil {
		return false, false
	}
	return c.Check(v), true
}

// npmExact accepts "1.2.3", "=1.2.3", "v1.2.3" (with prerelease and build
// metadata) and returns the version without its prefix.
func npmExact(v string) (string, bool) {
	s := strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(v), "="), "v")
	if _, err := semver.StrictNewVersion(s); err != nil {
		return "", false
	}
	return s, true
}

// npmLowest finds the lowest version of the loosest "||" alternative.
func npmLowest(rng string) (string, bool) {
	spec, ok := npmSpec(rng)
	if !ok {
		return "", false
	}
	if spec == "*" {
		return "0.0.0", true
	}
	var best *semver.Version
	for _, alt := range strings.Split(spec, "||") {
		lo := altLowest(alt)
		if lo != nil && (best == nil || lo.LessThan(best)) {
			best = lo
		}
	}
	if best == nil {
		return "", false
	}
	if ok, known := npmSatisfies(spec, best.String()); !ok || !known {
		return "", false
	}
	return best.String(), true
}

// altLowest is the greatest lower bound of one comparator set.
func altLowest(alt string) *semver.Version {
	fields := strings.Fields(strings.ReplaceAll(alt, ",", " "))
	if len(fields) == 3 && fields[1] == "-" { // hyphen range "a - b"
		fields = fields[:1]
	}
	lo := semver.MustParse("0.0.0")
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		if isOperatorOnly(f) && i+1 < len(fields) { // ">= 1.2.3"
			f += fields[i+1]
			i++
		}
		if b := lowerBound(f); b != nil && b.GreaterThan(lo) {
			lo = b
		}
	}
	return lo
}

func isOperatorOnly(f string) bool {
	switch f {
	case ">", ">=", "=", "^", "~", "~>", "<", "<=":
		return true
	}
	return false
}

// lowerBound is the lowest version one comparator admits, nil when it has
// none ("<2.0.0") or cannot be read.
func lowerBound(c string) *semver.Version {
	op := c[:len(c)-len(strings.TrimLeft(c, "<>=^~"))]
	ver := strings.TrimPrefix(c[len(op):], "v")
	if strings.HasPrefix(op, "<") {
		return nil
	}
	v, err := semver.NewVersion(fillX(ver))
	if err != nil {
		return nil
	}
	if op == ">" {
		next := v.IncPatch()
		return &next
	}
	return v
}

// fillX turns an x-range into its lowest version: "1.x" → "1.0.0",
// "1.2.*" → "1.2.0", "1" → "1.0.0".
func fillX(v string) string {
	parts := strings.SplitN(v, ".", 3)
	for i, p := range parts {
		if p == "x" || p == "X" || p == "*" {
			parts[i] = "0"
		}
	}
	for len(parts) < 3 {
		parts = append(parts, "0")
	}
	return strings.Join(parts, ".")
}
