package taint

import (
	"strings"
	"sync"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source"
)

// syn wraps a parsed file for the front-ends: node kinds by symbol id,
// text, fields and children without recursion-hungry helpers.
type syn struct {
	f     *source.File
	src   []byte
	kinds []string
	// budget bounds the nodes a front-end lowers (hostile input).
	budget int
}

// maxLowerNodes bounds the IR nodes built from one file.
const maxLowerNodes = 400_000

// maxNest bounds the nesting depth the front-ends follow.
const maxNest = 200

var kindCache sync.Map // source.Lang → []string

func newSyn(f *source.File) *syn {
	s := &syn{f: f, src: f.Source(), budget: maxLowerNodes}
	if t, ok := kindCache.Load(f.Lang); ok {
		s.kinds = t.([]string)
		return s
	}
	if tree := f.Tree(); tree != nil {
		l := tree.Language()
		t := make([]string, l.NodeKindCount())
		for i := range t {
			t[i] = l.NodeKindForId(uint16(i))
		}
		kindCache.Store(f.Lang, t)
		s.kinds = t
	}
	return s
}

// kind returns the node's type name.
func (s *syn) kind(n *ts.Node) string {
	if n == nil {
		return ""
	}
	if id := int(n.KindId()); id < len(s.kinds) {
		return s.kinds[id]
	}
	return n.Kind()
}

// text returns a node's source text.
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

// node returns the position record of n.
func (s *syn) node(n *ts.Node) Node {
	if n == nil {
		return Node{}
	}
	a, b := n.ByteRange()
	return Node{Line: int(n.StartPosition().Row) + 1, Start: uint32(a), End: uint32(b)}
}

// spend consumes lowering budget; false once exhausted.
func (s *syn) spend() bool {
	s.budget--
	return s.budget > 0
}

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

// all returns every child of n, named or not.
func all(n *ts.Node) []ts.Node {
	if n == nil {
		return nil
	}
	c := n.Walk()
	defer c.Close()
	return n.Children(c)
}

// hasToken reports whether n has a direct anonymous child spelled tok.
func (s *syn) hasToken(n *ts.Node, tok string) bool {
	for _, c := range all(n) {
		if !c.IsNamed() && s.kind(&c) == tok {
			return true
		}
	}
	return false
}

// operator returns the first anonymous child of n (the operator of a
// binary/unary/assignment node), or "".
func (s *syn) operator(n *ts.Node) string {
	if f := field(n, "operator"); f != nil {
		return s.text(f)
	}
	var ops []string
	for _, c := range all(n) {
		if !c.IsNamed() {
			ops = append(ops, s.kind(&c))
		}
	}
	return strings.Join(ops, " ")
}

// first returns the first named, non-comment child of n.
func (s *syn) first(n *ts.Node) *ts.Node {
	for _, c := range s.named(n) {
		c := c
		return &c
	}
	return nil
}
