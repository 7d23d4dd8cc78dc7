package semrange

import (
	"strings"

	"github.com/cladsec/clad/internal/advisory"
)

// clause is one PEP 440 version specifier clause.
type clause struct {
	op, ver string
}

var pepOps = []string{"===", "~=", "==", "!=", "<=", ">=", "<", ">"}

// pepClauses splits a specifier set (">=2.0, <3", "==1.4.*"); a bare
// version means "==". It fails on anything else (URLs, markers).
func pepClauses(rng string) ([]clause, bool) {
	rng = strings.TrimSpace(rng)
	if rng == "" {
		return nil, true
	}
	var out []clause
	for _, part := range strings.Split(rng, ",") {
		part = strings.TrimSpace(part)
		c := clause{op: "=="}
		for _, op := range pepOps {
			if strings.HasPrefix(part, op) {
				c.op = op
				part = part[len(op):]
				break
			}
		}
		c.ver = strings.TrimSpace(part)
		if c.ver == "" || strings.ContainsAny(c.ver, " ;@/") {
			return nil, false
		}
		out = append(out, c)
	}
	return out, true
}

func pepSatisfies(rng, version string) (bool, bool) {
	cs, ok := pepClauses(rng)
	if !ok {
		return false, false
	}
	for _, c := range cs {
		ok, known := c.admits(strings.TrimSpace(version))
		if !known {
			return false, false
		}
		if !ok {
			return false, true
		}
	}
	return true, true
}

// admits evaluates one clause.
func (c clause) admits(v string) (bool, bool) {
	if c.op == "===" {
		return v == c.ver, true
	}
	if prefix, ok := strings.CutSuffix(c.ver, ".*"); ok {
		in, known := pepPrefix(v, prefix)
		switch c.op {
		case "==":
			return in, known
		case "!=":
			return !in, known
		}
		return false, false
	}
	if c.op == "~=" {
		lo, known := compare(v, c.ver)
		if !known {
			return false, false
		}
		in, known := pepPrefix(v, compatiblePrefix(c.ver))
		return lo >= 0 && in, known
	}
	d, known := compare(v, c.ver)
	if !known {
		return false, false
	}
	switch c.op {
	case "==":
		return d == 0, true
	case "!=":
		return d != 0, true
	case "<":
		return d < 0, true
	case "<=":
		return d <= 0, true
	case ">":
		return d > 0, true
	case ">=":
		return d >= 0, true
	}
	return false, false
}

func compare(a, b string) (int, bool) {
	d, err := advisory.CompareVersions(advisory.PyPI, a, b)
	return d, err == nil
}

// pepPrefix reports whether v's release starts with prefix ("1.4.2" in
// "1.4"): v >= prefix and v < prefix with its last part incremented.
func pepPrefix(v, prefix string) (bool, bool) {
	lo, known := compare(v, prefix)
	if !known {
		return false, false
	}
	hi, known := compare(v, bump(prefix))
	return lo >= 0 && hi < 0, known
}

// compatiblePrefix drops the last release part: "~=1.4.2" admits "1.4.*".
func compatiblePrefix(v string) string {
	parts := strings.Split(releaseOf(v), ".")
	if len(parts) < 2 {
		return v
	}
	return strings.Join(parts[:len(parts)-1], ".")
}

// releaseOf keeps the numeric release segment of a version.
func releaseOf(v string) string {
	end := 0
	for end < len(v) && (v[end] >= '0' && v[end] <= '9' || v[end] == '.') {
		end++
	}
	return strings.TrimSuffix(v[:end], ".")
}

// bump increments the last release part ("1.4" → "1.5").
func bump(prefix string) string {
	parts := strings.Split(releaseOf(prefix), ".")
	last := parts[len(parts)-1]
	n := 0
	for _, ch := range last {
		n = n*10 + int(ch-'0')
	}
	parts[len(parts)-1] = itoa(n + 1)
	return strings.Join(parts, ".")
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// pepExact accepts "1.2.3" and "==1.2.3" (no wildcard).
func pepExact(v string) (string, bool) {
	cs, ok := pepClauses(v)
	if !ok || len(cs) != 1 || (cs[0].op != "==" && cs[0].op != "===") || strings.HasSuffix(cs[0].ver, "*") {
		return "", false
	}
	if _, err := advisory.CompareVersions(advisory.PyPI, cs[0].ver, cs[0].ver); err != nil {
		return "", false
	}
	return cs[0].ver, true
}

// pepLowest is the greatest lower bound among the clauses ("0" without
// one).
func pepLowest(rng string) (string, bool) {
	cs, ok := pepClauses(rng)
	if !ok {
		return "", false
	}
	lo := "0"
	for _, c := range cs {
		var b string
		switch c.op {
		case ">=", "==", "===", "~=":
			b = strings.TrimSuffix(c.ver, ".*")
		case ">":
			b = c.ver + ".post0"
		default:
			continue
		}
		if d, known := compare(b, lo); known && d > 0 {
			lo = b
		}
	}
	if ok, known := pepSatisfies(rng, lo); !ok || !known {
		return "", false
	}
	return lo, true
}
