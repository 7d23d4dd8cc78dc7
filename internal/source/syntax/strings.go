package syntax

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"
)

// String literals. Each language spells them its own way, and the callers
// differ on escapes, so every variant says in its name what it returns.

// JSString returns the content of a JavaScript/TypeScript string literal,
// or of a template literal without substitutions, as written between the
// quotes (escapes kept). ok is false for any other node.
func (d *Doc) JSString(n *ts.Node) (string, bool) {
	s, _, ok := d.jsString(n)
	return s, ok
}

// jsString is JSString that also tells a quoted string from a template.
func (d *Doc) jsString(n *ts.Node) (s string, quoted, ok bool) {
	switch d.Kind(n) {
	case "string":
		quoted = true
	case "template_string":
		for _, c := range NamedChildren(n) {
			if d.Kind(&c) == "template_substitution" {
				return "", false, false
			}
		}
	default:
		return "", false, false
	}
	t := d.Text(n)
	if len(t) < 2 {
		return "", false, false
	}
	return t[1 : len(t)-1], quoted, true
}

// JSStringOrText returns JSString's content, or the node's text when n is
// not a literal string (property keys and names written either way).
func (d *Doc) JSStringOrText(n *ts.Node) string {
	if s, ok := d.JSString(n); ok {
		return s
	}
	return d.Text(n)
}

// JSStringUnescaped is JSString with the simple escapes of a quoted
// string resolved (\' \" \\ \n \t \/); template literals stay as written.
func (d *Doc) JSStringUnescaped(n *ts.Node) (string, bool) {
	s, quoted, ok := d.jsString(n)
	if quoted {
		s = unescapeJS(s)
	}
	return s, ok
}

// JSStringUnescapedOrText returns JSStringUnescaped's content, or the
// node's text when n is not a literal string.
func (d *Doc) JSStringUnescapedOrText(n *ts.Node) string {
	if s, ok := d.JSStringUnescaped(n); ok {
		return s
	}
	return d.Text(n)
}

// jsEscapes resolves the simple escapes of a JS string literal.
var jsEscapes = strings.NewReplacer(`\'`, `'`, `\"`, `"`, `\\`, `\`, `\n`, "\n", `\t`, "\t", `\/`, `/`)

// unescapeJS resolves the simple escapes of a JS string literal.
func unescapeJS(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	return jsEscapes.Replace(s)
}

// PyString returns the content of a Python string literal, its
// string_content parts joined (escapes as written), or ok false when it
// interpolates (an f-string with {…}). It does not check n's kind.
func (d *Doc) PyString(n *ts.Node) (string, bool) {
	var b strings.Builder
	for _, c := range NamedChildren(n) {
		switch d.Kind(&c) {
		case "string_content":
			b.WriteString(d.Text(&c))
		case "interpolation":
			return "", false
		}
	}
	return b.String(), true
}
