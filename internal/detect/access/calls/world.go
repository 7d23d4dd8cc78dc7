package calls

import (
	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/source/syntax"
	"github.com/cladsec/clad/internal/walk"
)

// maxParsed bounds the source files one Finder keeps parsed.
const maxParsed = 2000

// world holds what every evaluation shares: the tree, parsed sources and
// config files, each read once.
type world struct {
	tree    *walk.Tree
	configs map[string]*cfgtree.Node
	files   map[string]*parsed
}

// parsed is one parsed source file.
type parsed struct {
	path string
	f    *source.File
	doc  syntax.Doc
	root *ts.Node
	// scopes index, per scope node, the statement that binds each name.
	scopes map[uintptr]map[string]ts.Node
}

// scope returns the index of a scope, building it with collect once.
func (p *parsed) scope(n *ts.Node, collect func(n *ts.Node, add func(string, ts.Node))) map[string]ts.Node {
	id := n.Id()
	if idx, ok := p.scopes[id]; ok {
		return idx
	}
	idx := map[string]ts.Node{}
	collect(n, func(name string, st ts.Node) {
		if _, ok := idx[name]; !ok && name != "" {
			idx[name] = st
		}
	})
	p.scopes[id] = idx
	return idx
}

func newWorld(t *walk.Tree) *world {
	return &world{tree: t, configs: map[string]*cfgtree.Node{}, files: map[string]*parsed{}}
}

// parse returns the parsed file, or nil when it cannot be read or parsed.
func (w *world) parse(p string) *parsed {
	if x, ok := w.files[p]; ok {
		return x
	}
	var out *parsed
	if w.tree != nil && len(w.files) < maxParsed && source.DetectLang(p) != source.Unsupported {
		if data, err := w.tree.ReadFile(p); err == nil {
			if f, err := source.Parse(p, data); err == nil && f.Tree() != nil {
				out = &parsed{path: p, f: f, doc: f.Syntax(), root: f.Tree().RootNode(), scopes: map[uintptr]map[string]ts.Node{}}
			}
		}
	}
	w.files[p] = out
	return out
}

// close frees every parsed file.
func (w *world) close() {
	for _, p := range w.files {
		if p != nil {
			p.f.Close()
		}
	}
	w.files = map[string]*parsed{}
}
