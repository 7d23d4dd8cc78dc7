package handling

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// Literal values of the three languages: strings and their literal
// prefixes, booleans, object/dict/struct keys and pairs.

// str returns the content of a string literal that has no interpolation.
func (s *syn) str(n *ts.Node) (string, bool) {
	n = s.unwrap(n)
	switch s.Kind(n) {
	case "string", "template_string", "interpreted_string_literal", "raw_string_literal":
		var b strings.Builder
		for _, c := range s.Named(n) {
			switch s.Kind(&c) {
			case "template_substitution", "interpolation":
				return "", false
			case "string_start", "string_end":
			default:
				b.WriteString(s.Text(&c))
			}
		}
		return b.String(), true
	case "concatenated_string":
		var b strings.Builder
		for _, c := range s.Named(n) {
			v, ok := s.str(&c)
			if !ok {
				return "", false
			}
			b.WriteString(v)
		}
		return b.String(), true
	}
	return "", false
}

// prefix returns the literal text a string expression starts with: the
// whole literal, the part of a template or f-string before its first
// substitution, or the prefix of the left operand of a concatenation.
func (s *syn) prefix(n *ts.Node) (string, *ts.Node, bool) {
	for i := 0; i < maxDepth; i++ {
		n = s.unwrap(n)
		switch s.Kind(n) {
		case "string", "template_string", "interpreted_string_literal", "raw_string_literal":
			var b strings.Builder
			for _, c := range s.Named(n) {
				switch s.Kind(&c) {
				case "template_substitution", "interpolation":
					return b.String(), n, true
				case "string_start", "string_end":
				default:
					b.WriteString(s.Text(&c))
				}
			}
			return b.String(), n, true
		case "concatenated_string":
			n = s.First(n)
		case "binary_expression", "binary_operator":
			if op := s.Text(syntax.Field(n, "operator")); op != "+" {
				return "", nil, false
			}
			n = syntax.Field(n, "left")
		default:
			return "", nil, false
		}
	}
	return "", nil, false
}

// boolValue returns the literal boolean n spells (JavaScript also !0/!1
// and 0/1 where an option expects a flag), ok false for anything else.
func (s *syn) boolValue(n *ts.Node) (bool, bool) {
	n = s.unwrap(n)
	switch s.Kind(n) {
	case "true":
		return true, true
	case "false":
		return false, true
	case "number", "integer", "int_literal":
		switch s.Text(n) {
		case "0":
			return false, true
		case "1":
			return true, true
		}
	case "unary_expression", "not_operator":
		if s.Kind(n) == "unary_expression" && s.Text(syntax.Field(n, "operator")) != "!" {
			return false, false
		}
		arg := syntax.Field(n, "argument")
		if arg == nil {
			arg = syntax.Field(n, "operand")
		}
		switch s.Text(s.unwrap(arg)) {
		case "0":
			return true, true
		case "1":
			return false, true
		}
	}
	return false, false
}

// keyName returns the name of an object/dict/struct key: an identifier,
// a property name or a string literal.
func (s *syn) keyName(n *ts.Node) string {
	if v, ok := s.str(n); ok {
		return v
	}
	n = s.unwrap(n)
	switch s.Kind(n) {
	case "literal_element":
		return s.keyName(s.First(n))
	case "identifier", "property_identifier", "field_identifier", "shorthand_property_identifier":
		return s.Text(n)
	}
	return ""
}

// pairs returns the key/value pairs of an object literal, Python dict or
// Go composite literal, with shorthand properties ({ event }) as a pair
// whose value is the identifier itself.
func (s *syn) pairs(n *ts.Node) []kv {
	n = s.unwrap(n)
	var out []kv
	switch s.Kind(n) {
	case "object", "dictionary":
		for _, c := range s.Named(n) {
			c := c
			switch s.Kind(&c) {
			case "pair":
				out = append(out, kv{key: s.keyName(syntax.Field(&c, "key")), keyNode: syntax.Field(&c, "key"), val: syntax.Field(&c, "value")})
			case "shorthand_property_identifier":
				out = append(out, kv{key: s.Text(&c), keyNode: &c, val: &c})
			}
		}
	case "composite_literal":
		return s.pairs(syntax.Field(n, "body"))
	case "literal_value":
		for _, c := range s.Named(n) {
			c := c
			if s.Kind(&c) == "keyed_element" {
				out = append(out, kv{key: s.keyName(syntax.Field(&c, "key")), keyNode: syntax.Field(&c, "key"), val: s.First(syntax.Field(&c, "value"))})
			}
		}
	}
	return out
}

// kv is one key/value pair of a literal.
type kv struct {
	key     string
	keyNode *ts.Node
	val     *ts.Node
}

// get returns the value of key in a literal's pairs, or nil.
func get(ps []kv, key string) *ts.Node {
	for _, p := range ps {
		if p.key == key {
			return p.val
		}
	}
	return nil
}

// snippet returns the first line of a node's text, shortened for evidence.
func (s *syn) snippet(n *ts.Node) string {
	t := s.Text(n)
	if i := strings.IndexByte(t, '\n'); i >= 0 {
		t = strings.TrimRight(t[:i], " \t\r") + " …"
	}
	const max = 120
	if len(t) > max {
		cut := max
		for cut > 0 && t[cut]&0xC0 == 0x80 {
			cut--
		}
		t = t[:cut] + "…"
	}
	return t
}
