package toml

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// scalar parses a number or a date-time.
func (p *parser) scalar() (*Value, error) {
	line := p.line
	start := p.pos
	for !p.eof() && isScalarByte(p.peek()) {
		p.pos++
	}
	tok := string(p.src[start:p.pos])
	if isDate(tok) && p.peek0() == ' ' && isTimeStart(p.src[min(p.pos+1, len(p.src)):]) {
		p.pos++
		for !p.eof() && isScalarByte(p.peek()) {
			p.pos++
		}
		tok = string(p.src[start:p.pos])
	}
	if isDate(tok) || strings.Contains(tok, ":") {
		if !validDatetime(tok) {
			return nil, p.errf("invalid date-time %q", tok)
		}
		return &Value{Kind: Datetime, Str: tok, Line: line}, nil
	}
	if i, ok := parseInt(tok); ok {
		return &Value{Kind: Integer, Int: i, Line: line}, nil
	}
	if f, ok := parseFloat(tok); ok {
		return &Value{Kind: Float, Float: f, Line: line}, nil
	}
	return nil, p.errf("invalid number %q", tok)
}

func (p *parser) peek0() byte {
	if p.eof() {
		return 0
	}
	return p.peek()
}

func isScalarByte(c byte) bool { return isBare(c) || c == '+' || c == '.' || c == ':' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isDate(s string) bool {
	return len(s) >= 10 && isDigit(s[0]) && isDigit(s[3]) && s[4] == '-' && s[7] == '-'
}

func isTimeStart(b []byte) bool {
	return len(b) >= 3 && isDigit(b[0]) && isDigit(b[1]) && b[2] == ':'
}

// validDatetime accepts offset and local date-times, local dates and
// local times (seconds optional, as TOML 1.1 allows).
func validDatetime(s string) bool {
	s = strings.ToUpper(s)
	if len(s) > 10 && (s[10] == ' ' || s[10] == 'T') {
		s = s[:10] + "T" + s[11:]
	}
	layouts := []string{
		"2006-01-02T15:04:05Z07:00", "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05",
		"2006-01-02T15:04", "2006-01-02", "15:04:05", "15:04",
	}
	for _, l := range layouts {
		if _, err := time.Parse(l, s); err == nil {
			return true
		}
	}
	return false
}

// parseInt reads decimal, hex, octal and binary integers.
func parseInt(s string) (int64, bool) {
	base := 10
	digits := s
	if len(s) > 2 && s[0] == '0' {
		switch s[1] {
		case 'x':
			base = 16
		case 'o':
			base = 8
		case 'b':
			base = 2
		}
		if base != 10 {
			digits = s[2:]
		}
	}
	if base == 10 {
		body := strings.TrimLeft(s, "+-")
		if len(s)-len(body) > 1 || len(body) > 1 && body[0] == '0' {
			return 0, false
		}
		digits = body
	}
	clean, ok := underscores(digits, base)
	if !ok {
		return 0, false
	}
	if base == 10 {
		clean = s[:len(s)-len(digits)] + clean
	}
	i, err := strconv.ParseInt(clean, base, 64)
	return i, err == nil
}

// underscores removes the underscores of a digit run, each of which must
// sit between two digits of the base.
func underscores(s string, base int) (string, bool) {
	if s == "" {
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' {
			if i == 0 || i == len(s)-1 || !isBaseDigit(s[i-1], base) || !isBaseDigit(s[i+1], base) {
				return "", false
			}
			continue
		}
		if !isBaseDigit(c, base) {
			return "", false
		}
		b.WriteByte(c)
	}
	return b.String(), true
}

func isBaseDigit(c byte, base int) bool {
	switch base {
	case 2:
		return c == '0' || c == '1'
	case 8:
		return c >= '0' && c <= '7'
	case 16:
		return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
	}
	return isDigit(c)
}

// parseFloat reads sign? int (.frac)? (e sign? int)?, inf and nan.
func parseFloat(s string) (float64, bool) {
	body := s
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		body = s[1:]
	}
	switch body {
	case "inf":
		if neg {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case "nan":
		return math.NaN(), true
	}
	mant, exp, hasExp := strings.Cut(strings.ToLower(body), "e")
	intPart, frac, hasFrac := strings.Cut(mant, ".")
	if !hasExp && !hasFrac || intPart == "" || len(intPart) > 1 && intPart[0] == '0' {
		return 0, false
	}
	parts := []string{intPart}
	if hasFrac {
		parts = append(parts, frac)
	}
	for _, part := range parts {
		if _, ok := underscores(part, 10); !ok {
			return 0, false
		}
	}
	if hasExp {
		e := strings.TrimLeft(exp, "+-")
		if len(exp)-len(e) > 1 {
			return 0, false
		}
		if _, ok := underscores(e, 10); !ok {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	return f, err == nil
}
