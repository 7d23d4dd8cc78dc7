package handling

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/source/syntax"
)

// syn wraps one parsed file with the node helpers the checks share: those
// of package syntax (kinds, text, children, walk) and, below, the ones that
// read expressions. The three grammars name their fields alike (function/
// arguments, object/property), so most helpers serve JavaScript, Python
// and Go at once.
type syn struct {
	syntax.Doc
	path string
	lang source.Lang
	root *ts.Node
}

// maxDepth bounds every recursive descent into an expression: hostile
// input nests deeper than any hand-written code.
const maxDepth = 48

func newSyn(f *source.File) *syn {
	s := &syn{Doc: f.Syntax(), path: f.Path, lang: f.Lang}
	if tree := f.Tree(); tree != nil {
		s.root = tree.RootNode()
	}
	return s
}

// unwrap skips the wrappers that do not change a value: parentheses,
// await, TypeScript casts and non-null assertions, Go's & and *.
func (s *syn) unwrap(n *ts.Node) *ts.Node {
	for i := 0; n != nil && i < maxDepth; i++ {
		switch s.Kind(n) {
		case "parenthesized_expression", "await_expression", "await", "as_expression",
			"satisfies_expression", "non_null_expression", "type_assertion":
			n = s.First(n)
		case "unary_expression":
			if op := s.Text(syntax.Field(n, "operator")); op != "&" && op != "*" {
				return n
			}
			n = syntax.Field(n, "operand")
		default:
			return n
		}
	}
	return n
}

// dotted returns the dotted name of an identifier or a chain of property
// accesses ("console.log", "self.logger.info"), or "".
func (s *syn) dotted(n *ts.Node) string {
	var parts []string
	for i := 0; n != nil && i < maxDepth; i++ {
		n = s.unwrap(n)
		switch s.Kind(n) {
		case "identifier", "this", "self", "package_identifier", "property_identifier", "field_identifier", "type_identifier":
			parts = append(parts, s.Text(n))
			return joinReverse(parts)
		case "member_expression", "attribute", "selector_expression":
			obj, prop := s.member(n)
			if prop == "" {
				return ""
			}
			parts = append(parts, prop)
			n = obj
		default:
			return ""
		}
	}
	return ""
}

func joinReverse(parts []string) string {
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, ".")
}

// member splits a property access into its object and property name:
// a.b, a["b"], a['b'] (Python), a.B (Go), m["b"] (Go index).
func (s *syn) member(n *ts.Node) (*ts.Node, string) {
	switch s.Kind(n) {
	case "member_expression":
		return syntax.Field(n, "object"), s.Text(syntax.Field(n, "property"))
	case "attribute":
		return syntax.Field(n, "object"), s.Text(syntax.Field(n, "attribute"))
	case "selector_expression":
		return syntax.Field(n, "operand"), s.Text(syntax.Field(n, "field"))
	case "subscript_expression":
		v, _ := s.str(syntax.Field(n, "index"))
		return syntax.Field(n, "object"), v
	case "subscript":
		v, _ := s.str(syntax.Field(n, "subscript"))
		return syntax.Field(n, "value"), v
	case "index_expression":
		v, _ := s.str(syntax.Field(n, "index"))
		return syntax.Field(n, "operand"), v
	}
	return nil, ""
}

// isMember reports whether n is a property access of any language.
func (s *syn) isMember(kind string) bool {
	switch kind {
	case "member_expression", "attribute", "selector_expression", "subscript_expression", "subscript", "index_expression":
		return true
	}
	return false
}

// arg is one argument of a call: positional (kw "") or keyword.
type arg struct {
	kw string
	n  *ts.Node
}

// call returns the callee and arguments of a call or new expression.
func (s *syn) call(n *ts.Node) (*ts.Node, []arg, bool) {
	var callee *ts.Node
	switch s.Kind(n) {
	case "call_expression", "call":
		callee = syntax.Field(n, "function")
	case "new_expression":
		callee = syntax.Field(n, "constructor")
	default:
		return nil, nil, false
	}
	var args []arg
	list := syntax.Field(n, "arguments")
	for _, c := range s.Named(list) {
		c := c
		if s.Kind(&c) == "keyword_argument" {
			args = append(args, arg{kw: s.Text(syntax.Field(&c, "name")), n: syntax.Field(&c, "value")})
			continue
		}
		args = append(args, arg{n: &c})
	}
	return callee, args, true
}

// last returns the part of a dotted name after its last dot.
func last(dotted string) string {
	if i := strings.LastIndexByte(dotted, '.'); i >= 0 {
		return dotted[i+1:]
	}
	return dotted
}

// receiver returns the part of a dotted name before its last dot.
func receiver(dotted string) string {
	if i := strings.LastIndexByte(dotted, '.'); i >= 0 {
		return dotted[:i]
	}
	return ""
}

// isFunc reports whether kind is a function of any of the languages.
func isFunc(kind string) bool {
	switch kind {
	case "function_declaration", "function_expression", "function", "arrow_function", "method_definition",
		"generator_function", "generator_function_declaration", "function_definition", "lambda",
		"method_declaration", "func_literal":
		return true
	}
	return false
}
