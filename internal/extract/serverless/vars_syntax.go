package serverless

import (
	"strconv"
	"strings"
)

// This file holds the grammar of Serverless Framework variables:
//
//	${source:address}            ${self:custom.table}, ${opt:stage}
//	${source(param):address}     ${file(./config.yml):db.name}, ${cf(us-east-1):stack.Output}
//	${source(param)}             ${file(./env.json)}, ${strToBool(${env:FLAG})}
//	${a, b, 'literal'}           fallbacks, tried left to right
//	${self:custom.${sls:stage}}  references nested inside an address
//
// The parser never fails: text that does not close is taken literally, as
// the framework does.

// refSpan locates one top-level reference in a string: s[start:end] is
// "${...}".
type refSpan struct{ start, end int }

// findRefs returns the top-level references in s, left to right.
func findRefs(s string) []refSpan {
	var out []refSpan
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "${")
		if j < 0 {
			break
		}
		start := i + j
		end := matchRef(s, start)
		if end < 0 {
			break
		}
		out = append(out, refSpan{start, end})
		i = end
	}
	return out
}

// matchRef returns the index just past the '}' that closes the reference
// opening at s[start], or -1. Quotes count only where a fallback literal may
// start (after a comma), so an apostrophe in a file name does not confuse it.
func matchRef(s string, start int) int {
	depth := 0
	var quote, last byte
	for i := start; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote, last = 0, c
			}
		case c == '$' && i+1 < len(s) && s[i+1] == '{':
			depth++
			i++
			last = '{'
		case c == '}':
			depth--
			if depth == 0 {
				return i + 1
			}
			last = c
		case (c == '\'' || c == '"') && last == ',':
			quote = c
		case c != ' ' && c != '\t':
			last = c
		}
	}
	return -1
}

// isWholeRef reports whether s is exactly one reference, so that its value
// takes the type of what it points to (a map, a list, a number).
func isWholeRef(s string) bool {
	if !strings.HasPrefix(s, "${") {
		return false
	}
	return matchRef(s, 0) == len(s)
}

// splitAlternatives splits the body of a reference at its top-level commas:
// "opt:stage, 'dev'" → ["opt:stage", "'dev'"].
func splitAlternatives(body string) []string {
	var out []string
	depth, begin := 0, 0
	var quote byte
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case (c == '\'' || c == '"') && strings.TrimSpace(body[begin:i]) == "":
			quote = c
		case c == '$' && i+1 < len(body) && body[i+1] == '{':
			depth++
			i++
		case c == '(':
			depth++
		case c == '}' || c == ')':
			if depth > 0 {
				depth--
			}
		case c == ',' && depth == 0:
			out = append(out, strings.TrimSpace(body[begin:i]))
			begin = i + 1
		}
	}
	return append(out, strings.TrimSpace(body[begin:]))
}

// ref is one parsed variable: source(param):address.
type ref struct {
	source   string
	param    string
	hasParam bool
	address  string
}

// parseRef parses "source:address", "source(param):address" or
// "source(param)". It reports false for text that is no reference (a bare
// fallback literal such as dev or 5).
func parseRef(s string) (ref, bool) {
	i := 0
	for i < len(s) && isSourceChar(s[i], i == 0) {
		i++
	}
	if i == 0 || i == len(s) {
		return ref{}, false
	}
	r := ref{source: s[:i]}
	rest := s[i:]
	if rest[0] == '(' {
		end := matchParen(rest)
		if end < 0 {
			return ref{}, false
		}
		r.param, r.hasParam = strings.TrimSpace(rest[1:end]), true
		rest = rest[end+1:]
		if rest == "" {
			return r, true
		}
	}
	if rest[0] != ':' {
		return ref{}, false
	}
	r.address = strings.TrimSpace(rest[1:])
	return r, true
}

func isSourceChar(c byte, first bool) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		return true
	case c >= '0' && c <= '9', c == '_', c == '-':
		return !first
	}
	return false
}

// matchParen returns the index of the ')' closing the '(' at s[0], or -1.
func matchParen(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// splitAddress turns "custom.tables.0" into its path elements.
func splitAddress(a string) []string {
	var out []string
	for _, p := range strings.Split(a, ".") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// quoted reports whether s is a quoted fallback literal and returns its text.
func quoted(s string) (string, bool) {
	if len(s) >= 2 && (s[0] == '\'' || s[0] == '"') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1], true
	}
	return "", false
}

// isPlainLiteral reports whether a bare fallback keeps its YAML type (a
// number or boolean) rather than becoming a string.
func isPlainLiteral(s string) bool {
	if s == "true" || s == "false" {
		return true
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}
