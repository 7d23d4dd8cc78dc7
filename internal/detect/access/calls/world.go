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
	sources *source.Cache
	done    func() // frees sources when the world made them; nil otherwise
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

// newWorld returns a world parsing through sources; done is called by
// close (it frees the cache when the world made it).
func newWorld(sources *source.Cache, done func()) *world {
	return &world{tree: sources.Tree(), sources: sources, done: done, configs: map[string]*cfgtree.Node{}, files: map[string]*parsed{}}
}

// parse returns the parsed file, or nil when it cannot be read or parsed.
func (w *world) parse(p string) *parsed {
	if x, ok := w.files[p]; ok {
		return x
	}
	var out *parsed
	if w.tree != nil && len(w.files) < maxParsed && source.DetectLang(p) != source.Unsupported {
		if f, err := w.sources.File(p); err == nil && f.Tree() != nil {
			out = &parsed{path: p, f: f, doc: f.Syntax(), root: f.Tree().RootNode(), scopes: map[uintptr]map[string]ts.Node{}}
		}
	}
	w.files[p] = out
	return out
}

// close forgets every parsed file (and frees them when the world owns its
// cache).
func (w *world) close() {
	w.files = map[string]*parsed{}
	if w.done != nil {
		w.done()
	}
}
