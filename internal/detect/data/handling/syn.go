package handling

import (
	"strings"
	"sync"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source"
)

// syn wraps one parsed file with the node helpers the checks share. The
// three grammars name their fields alike (function/arguments, object/
// property), so most helpers serve JavaScript, Python and Go at once.
type syn struct {
	path  string
	lang  source.Lang
	src   []byte
	kinds []string
	root  *ts.Node
}

// maxDepth bounds every recursive descent into an expression: hostile
// input nests deeper than any hand-written code.
const maxDepth = 48

// kindTables caches the node type names of each grammar by symbol id.
var kindTables sync.Map

func newSyn(f *source.File) *syn {
	s := &syn{path: f.Path, lang: f.Lang, src: f.Source()}
	tree := f.Tree()
	if tree == nil {
		return s
	}
	s.root = tree.RootNode()
	if t, ok := kindTables.Load(f.Lang); ok {
		s.kinds = t.([]string)
		return s
	}
	l := tree.Language()
	t := make([]string, l.NodeKindCount())
	for i := range t {
		t[i] = l.NodeKindForId(uint16(i))
	}
	kindTables.Store(f.Lang, t)
	s.kinds = t
	return s
}

// kind returns the node's type name ("" for nil).
func (s *syn) kind(n *ts.Node) string {
	if n == nil {
		return ""
	}
	if id := int(n.KindId()); id < len(s.kinds) {
		return s.kinds[id]
	}
	return n.Kind()
}

// text returns the node's source text.
func (s *syn) text(n *ts.Node) string {
	if n == nil {
		return ""
	}
	a, b := n.ByteRange()
	if b > uint(len(s.src)) || a > b {
		return ""
	}
	return string(s.src[a:b])
}

// line returns the 1-based line the node starts on.
func line(n *ts.Node) int {
	if n == nil {
		return 0
	}
	return int(n.StartPosition().Row) + 1
}

// field returns the child in a named field, or nil.
func field(n *ts.Node, name string) *ts.Node {
	if n == nil {
		return nil
	}
	return n.ChildByFieldName(name)
}

// named returns the named children of n, comments left out.
func (s *syn) named(n *ts.Node) []ts.Node {
	if n == nil || n.NamedChildCount() == 0 {
		return nil
	}
	c := n.Walk()
	defer c.Close()
	all := n.NamedChildren(c)
	out := all[:0]
	for _, k := range all {
		if s.kind(&k) != "comment" {
			out = append(out, k)
		}
	}
	return out
}

// first returns the first named, non-comment child of n.
func (s *syn) first(n *ts.Node) *ts.Node {
	for _, c := range s.named(n) {
		return &c
	}
	return nil
}

// walk visits every node under root depth first, without recursion;
// visit returns false to skip a node's subtree.
func (s *syn) walk(root *ts.Node, visit func(n *ts.Node, kind string) bool) {
	if root == nil {
		return
	}
	c := root.Walk()
	defer c.Close()
	for {
		n := c.Node()
		if visit(n, s.kind(n)) && c.GotoFirstChild() {
			continue
		}
		for !c.GotoNextSibling() {
			if !c.GotoParent() {
				return
			}
		}
	}
}

// unwrap skips the wrappers that do not change a value: parentheses,
// await, TypeScript casts and non-null assertions, Go's & and *.
func (s *syn) unwrap(n *ts.Node) *ts.Node {
	for i := 0; n != nil && i < maxDepth; i++ {
		switch s.kind(n) {
		case "parenthesized_expression", "await_expression", "await", "as_expression",
			"satisfies_expression", "non_null_expression", "type_assertion":
			n = s.first(n)
		case "unary_expression":
			if op := s.text(field(n, "operator")); op != "&" && op != "*" {
				return n
			}
			n = field(n, "operand")
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
		switch s.kind(n) {
		case "identifier", "this", "self", "package_identifier", "property_identifier", "field_identifier", "type_identifier":
			parts = append(parts, s.text(n))
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
	switch s.kind(n) {
	case "member_expression":
		return field(n, "object"), s.text(field(n, "property"))
	case "attribute":
		return field(n, "object"), s.text(field(n, "attribute"))
	case "selector_expression":
		return field(n, "operand"), s.text(field(n, "field"))
	case "subscript_expression":
		v, _ := s.str(field(n, "index"))
		return field(n, "object"), v
	case "subscript":
		v, _ := s.str(field(n, "subscript"))
		return field(n, "value"), v
	case "index_expression":
		v, _ := s.str(field(n, "index"))
		return field(n, "operand"), v
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
	switch s.kind(n) {
	case "call_expression", "call":
		callee = field(n, "function")
	case "new_expression":
		callee = field(n, "constructor")
	default:
		return nil, nil, false
	}
	var args []arg
	list := field(n, "arguments")
	for _, c := range s.named(list) {
		c := c
		if s.kind(&c) == "keyword_argument" {
			args = append(args, arg{kw: s.text(field(&c, "name")), n: field(&c, "value")})
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
