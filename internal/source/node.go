package source

import (
	"sync"

	ts "github.com/tree-sitter/go-tree-sitter"
)

// Small helpers over tree-sitter nodes shared by the language files. They
// iterate children with cursors, not by index (ts_node_child is linear in
// the index, so an indexed loop is quadratic on the huge flat ERROR nodes
// of hostile input), and walk whole trees without recursion.

// line returns the 1-based line a node starts on (0 for nil).
func line(n *ts.Node) int {
	if n == nil {
		return 0
	}
	return int(n.StartPosition().Row) + 1
}

// text returns a node's source text ("" for nil).
func (f *File) text(n *ts.Node) string {
	if n == nil {
		return ""
	}
	start, end := n.ByteRange()
	if end > uint(len(f.src)) || start > end {
		return ""
	}
	return string(f.src[start:end])
}

// field returns the child in a named field, or nil.
func field(n *ts.Node, name string) *ts.Node {
	if n == nil {
		return nil
	}
	return n.ChildByFieldName(name)
}

// kind returns a node's type ("" for nil), looked up by symbol id in the
// language's table: Node.Kind would copy a C string on every call, and the
// walkers ask for the kind of every node.
func (f *File) kind(n *ts.Node) string {
	if n == nil {
		return ""
	}
	if id := int(n.KindId()); id < len(f.kinds) {
		return f.kinds[id]
	}
	return n.Kind() // ERROR has an id outside the table
}

// kindTables caches, per Lang, the node type name of every symbol id.
var kindTables sync.Map

// kindTable returns the symbol names of l's grammar, indexed by id.
func kindTable(l Lang, g *ts.Language) []string {
	if t, ok := kindTables.Load(l); ok {
		return t.([]string)
	}
	t := make([]string, g.NodeKindCount())
	for i := range t {
		t[i] = g.NodeKindForId(uint16(i))
	}
	kindTables.Store(l, t)
	return t
}

// children returns every child of n, named or not, in order.
func children(n *ts.Node) []ts.Node {
	if n == nil {
		return nil
	}
	c := n.Walk()
	defer c.Close()
	return n.Children(c)
}

// namedChildren returns the named children of n, in order.
func namedChildren(n *ts.Node) []ts.Node {
	if n == nil || n.NamedChildCount() == 0 {
		return nil
	}
	c := n.Walk()
	defer c.Close()
	return n.NamedChildren(c)
}

// hasToken reports whether n has a direct anonymous child spelled tok (a
// keyword such as "default" or "type").
func (f *File) hasToken(n *ts.Node, tok string) bool {
	for _, c := range children(n) {
		if !c.IsNamed() && f.kind(&c) == tok {
			return true
		}
	}
	return false
}

// preorder visits every node under root, root included, depth first and
// without recursion, passing each node's kind. visit returns false to skip
// a node's subtree.
func (f *File) preorder(root *ts.Node, visit func(n *ts.Node, kind string) bool) {
	if root == nil {
		return
	}
	c := root.Walk()
	defer c.Close()
	for {
		n := c.Node()
		if visit(n, f.kind(n)) && c.GotoFirstChild() {
			continue
		}
		for !c.GotoNextSibling() {
			if !c.GotoParent() {
				return
			}
		}
	}
}
