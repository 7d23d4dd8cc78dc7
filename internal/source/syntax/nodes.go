package syntax

import ts "github.com/tree-sitter/go-tree-sitter"

// Line returns the 1-based line a node starts on (0 for nil).
func Line(n *ts.Node) int {
	if n == nil {
		return 0
	}
	return int(n.StartPosition().Row) + 1
}

// Field returns the child in a named field, or nil (also for a nil n).
func Field(n *ts.Node, name string) *ts.Node {
	if n == nil {
		return nil
	}
	return n.ChildByFieldName(name)
}

// Children returns every child of n, named or not, in order.
func Children(n *ts.Node) []ts.Node {
	if n == nil {
		return nil
	}
	c := n.Walk()
	defer c.Close()
	return n.Children(c)
}

// NamedChildren returns the named children of n in order, comments
// included (Doc.Named leaves them out).
func NamedChildren(n *ts.Node) []ts.Node {
	if n == nil || n.NamedChildCount() == 0 {
		return nil
	}
	c := n.Walk()
	defer c.Close()
	return n.NamedChildren(c)
}

// FieldChildren returns every child of n in the named field, in order (a
// Python import's names, a Go declaration's identifiers).
func FieldChildren(n *ts.Node, name string) []ts.Node {
	if n == nil {
		return nil
	}
	c := n.Walk()
	defer c.Close()
	return n.ChildrenByFieldName(name, c)
}

// Named returns the named children of n in order, comments left out: the
// operands, statements or elements of a node.
func (d *Doc) Named(n *ts.Node) []ts.Node {
	all := NamedChildren(n)
	out := all[:0]
	for _, k := range all {
		if d.Kind(&k) != "comment" {
			out = append(out, k)
		}
	}
	return out
}

// First returns the first named, non-comment child of n, or nil.
func (d *Doc) First(n *ts.Node) *ts.Node {
	for _, c := range d.Named(n) {
		return &c
	}
	return nil
}

// HasToken reports whether n has a direct anonymous child spelled tok (a
// keyword such as "default" or "async").
func (d *Doc) HasToken(n *ts.Node, tok string) bool {
	for _, c := range Children(n) {
		if !c.IsNamed() && d.Kind(&c) == tok {
			return true
		}
	}
	return false
}

// Walk visits every node under root, root included, depth first and
// without recursion, passing each node's kind. visit returns false to skip
// a node's subtree. Each node passed to visit is a fresh copy it may keep.
func (d *Doc) Walk(root *ts.Node, visit func(n *ts.Node, kind string) bool) {
	if root == nil {
		return
	}
	c := root.Walk()
	defer c.Close()
	for {
		n := c.Node()
		if visit(n, d.Kind(n)) && c.GotoFirstChild() {
			continue
		}
		for !c.GotoNextSibling() {
			if !c.GotoParent() {
				return
			}
		}
	}
}
