package sbom

import "strings"

// maxLicenseDepth bounds parenthesis nesting in license expressions: the
// values come from scanned files.
const maxLicenseDepth = 32

// licenseTokens splits an expression into words and parentheses.
func licenseTokens(expr string) []string {
	var out []string
	word := strings.Builder{}
	flush := func() {
		if word.Len() > 0 {
			out = append(out, word.String())
			word.Reset()
		}
	}
	for _, r := range expr {
		switch {
		case r == '(' || r == ')':
			flush()
			out = append(out, string(r))
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			flush()
		default:
			word.WriteRune(r)
		}
	}
	flush()
	return out
}

// LicenseIDs returns the license and exception identifiers an SPDX
// expression names, in order, without operators or parentheses; a "+"
// suffix is dropped. It is tolerant: text that is no valid expression
// still yields its words.
func LicenseIDs(expr string) []string {
	var out []string
	for _, t := range licenseTokens(expr) {
		if t == "(" || t == ")" || isOperator(t) {
			continue
		}
		out = append(out, strings.TrimSuffix(t, "+"))
	}
	return out
}

func isOperator(t string) bool {
	switch strings.ToUpper(t) {
	case "AND", "OR", "WITH":
		return true
	}
	return false
}

// ValidExpression reports whether expr is a syntactically valid SPDX
// license expression (SPDX 2.3 Annex D): identifiers and LicenseRefs joined
// by AND, OR and WITH, with parentheses. It does not check identifiers
// against the SPDX license list.
func ValidExpression(expr string) bool {
	p := &exprParser{toks: licenseTokens(expr)}
	if len(p.toks) == 0 || !p.expr(0) {
		return false
	}
	return p.pos == len(p.toks)
}

type exprParser struct {
	toks []string
	pos  int
}

func (p *exprParser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

// expr := term ("OR" term)*
func (p *exprParser) expr(depth int) bool {
	if depth > maxLicenseDepth || !p.term(depth) {
		return false
	}
	for p.peek() == "OR" {
		p.pos++
		if !p.term(depth) {
			return false
		}
	}
	return true
}

// term := factor ("AND" factor)*
func (p *exprParser) term(depth int) bool {
	if !p.factor(depth) {
		return false
	}
	for p.peek() == "AND" {
		p.pos++
		if !p.factor(depth) {
			return false
		}
	}
	return true
}

// factor := "(" expr ")" | license ["WITH" exception]
func (p *exprParser) factor(depth int) bool {
	t := p.peek()
	if t == "(" {
		p.pos++
		if !p.expr(depth+1) || p.peek() != ")" {
			return false
		}
		p.pos++
		return true
	}
	if !validLicenseRef(t) {
		return false
	}
	p.pos++
	if p.peek() == "WITH" {
		p.pos++
		if !validIDString(p.peek()) {
			return false
		}
		p.pos++
	}
	return true
}

// validLicenseRef accepts an identifier (optionally with "+"), a
// LicenseRef-x or a DocumentRef-x:LicenseRef-y.
func validLicenseRef(t string) bool {
	if isOperator(t) || t == "(" || t == ")" {
		return false
	}
	if doc, ref, ok := strings.Cut(t, ":"); ok {
		return strings.HasPrefix(doc, "DocumentRef-") && validIDString(doc) &&
			strings.HasPrefix(ref, "LicenseRef-") && validIDString(ref)
	}
	return validIDString(strings.TrimSuffix(t, "+"))
}

// validIDString: letters, digits, "." and "-".
func validIDString(s string) bool {
	if s == "" || isOperator(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '.' || c == '-') {
			return false
		}
	}
	return true
}

// matchLicense reports whether a license expression names an identifier
// equal to term or starting with it at a boundary ("GPL-3.0" matches
// "GPL-3.0-only", "GPL" matches "GPL-2.0-or-later" but not "LGPL-2.1"),
// ignoring case. The term "unknown" matches packages without a license.
func matchLicense(license *string, term string) bool {
	term = strings.ToLower(strings.TrimSpace(term))
	if term == "" {
		return false
	}
	if license == nil {
		return term == "unknown"
	}
	for _, id := range LicenseIDs(*license) {
		id = strings.ToLower(id)
		if id == term {
			return true
		}
		if strings.HasPrefix(id, term) && strings.ContainsRune("-.+", rune(id[len(term)])) {
			return true
		}
	}
	return false
}
