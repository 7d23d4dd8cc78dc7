package iam

import (
	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/source/syntax"
)

// The SDK-call analysis reads a file's syntax tree many times over (value
// resolution follows bindings back and forth). It works on a plain Go copy
// of the tree-sitter tree that source.Parse built: parent links, field
// names and byte ranges without a cgo call per access. The copy is made
// once per file with one cursor walk.

// maxNodes bounds the copy: hand-written handler code is far smaller, and
// a bigger tree is generated output whose calls clad reports as unseen.
const maxNodes = 400_000

// node is one syntax node.
type node struct {
	kind   string
	field  string // the field this node fills in its parent ("" if none)
	named  bool
	start  uint32
	end    uint32
	line   int // 1-based
	parent *node
	kids   []*node
}

// tree is a parsed file's node copy and its text.
type tree struct {
	root *node
	doc  syntax.Doc
	// truncated is true when the file had more than maxNodes nodes.
	truncated bool
}

// copyTree mirrors f's syntax tree. It returns nil when f has no tree.
func copyTree(f *source.File) *tree {
	t := f.Tree()
	if t == nil {
		return nil
	}
	c := t.Walk()
	defer c.Close()
	out := &tree{doc: f.Syntax()}
	var stack []*node
	count := 0
	for {
		n := c.Node()
		nd := mirror(n, c.FieldId(), &out.doc)
		count++
		if len(stack) > 0 {
			nd.parent = stack[len(stack)-1]
			nd.parent.kids = append(nd.parent.kids, nd)
		} else {
			out.root = nd
		}
		if count < maxNodes && c.GotoFirstChild() {
			stack = append(stack, nd)
			continue
		}
		if count >= maxNodes {
			out.truncated = true
			return out
		}
		for !c.GotoNextSibling() {
			if !c.GotoParent() || len(stack) == 0 {
				return out
			}
			stack = stack[:len(stack)-1]
		}
	}
}

// mirror copies one node's facts.
func mirror(n *ts.Node, fieldID uint16, doc *syntax.Doc) *node {
	s, e := n.ByteRange()
	return &node{kind: doc.Kind(n), field: doc.FieldName(fieldID), named: n.IsNamed(), start: uint32(s), end: uint32(e),
		line: syntax.Line(n)}
}

// text returns n's source text.
func (t *tree) text(n *node) string {
	if n == nil {
		return ""
	}
	return t.doc.Span(uint(n.start), uint(n.end))
}

// get returns the first child filling field name, or nil.
func (n *node) get(name string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.field == name {
			return k
		}
	}
	return nil
}

// all returns every child filling field name.
func (n *node) all(name string) []*node {
	if n == nil {
		return nil
	}
	var out []*node
	for _, k := range n.kids {
		if k.field == name {
			out = append(out, k)
		}
	}
	return out
}

// namedKids returns the named children, comments left out.
func (n *node) namedKids() []*node {
	if n == nil {
		return nil
	}
	out := make([]*node, 0, len(n.kids))
	for _, k := range n.kids {
		if k.named && k.kind != "comment" {
			out = append(out, k)
		}
	}
	return out
}

// firstNamed returns the first named non-comment child, or nil.
func (n *node) firstNamed() *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.named && k.kind != "comment" {
			return k
		}
	}
	return nil
}

// hasToken reports whether n has an anonymous child spelled tok.
func (n *node) hasToken(tok string) bool {
	if n == nil {
		return false
	}
	for _, k := range n.kids {
		if !k.named && k.kind == tok {
			return true
		}
	}
	return false
}

// contains reports whether m lies within n.
func (n *node) contains(m *node) bool {
	return n != nil && m != nil && n.start <= m.start && m.end <= n.end
}

// traverse visits n and every node below it, depth first, without recursion.
// visit returns false to skip a node's children.
func traverse(n *node, visit func(*node) bool) {
	if n == nil {
		return
	}
	stack := []*node{n}
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !visit(cur) {
			continue
		}
		for i := len(cur.kids) - 1; i >= 0; i-- {
			stack = append(stack, cur.kids[i])
		}
	}
}

// ancestor returns the nearest ancestor of n (n excluded) whose kind is in
// kinds, or nil.
func ancestor(n *node, kinds map[string]bool) *node {
	for p := n.parent; p != nil; p = p.parent {
		if kinds[p.kind] {
			return p
		}
	}
	return nil
}

// setOf builds a set of strings.
func setOf(items ...string) map[string]bool {
	m := make(map[string]bool, len(items))
	for _, it := range items {
		m[it] = true
	}
	return m
}
