package taint

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/source/syntax"
)

// syn wraps a parsed file for the front-ends: the node helpers of package
// syntax (kinds, text, children) and the lowering budget.
type syn struct {
	syntax.Doc
	// file is the parsed file; function bodies are lowered from its tree
	// while it is open.
	file *source.File
	// budget bounds the nodes a front-end lowers (hostile input).
	budget int
}

// maxLowerNodes bounds the IR nodes built from one file.
const maxLowerNodes = 400_000

// maxNest bounds the nesting depth the front-ends follow.
const maxNest = 200

func newSyn(f *source.File) *syn {
	return &syn{Doc: f.Syntax(), file: f, budget: maxLowerNodes}
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

// operator returns the operator of a binary/unary/assignment node: its
// operator field, else its anonymous children's kinds joined by spaces.
func (s *syn) operator(n *ts.Node) string {
	if f := syntax.Field(n, "operator"); f != nil {
		return s.Text(f)
	}
	var ops []string
	for _, c := range syntax.Children(n) {
		if !c.IsNamed() {
			ops = append(ops, s.Kind(&c))
		}
	}
	return strings.Join(ops, " ")
}
