package fnmap

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/walk"
)

// Locator finds where a setting is written in a manifest, for findings
// about values the function map keeps without a line (the runtime, the
// role, an Azure binding's authLevel). Each file is parsed once; a file
// that cannot be read or parsed yields line 0 and the caller falls back to
// a line it knows.
type Locator struct {
	tree  *walk.Tree
	cache map[string]*cfgtree.Node
}

// NewLocator returns a locator over tree (which may be nil).
func NewLocator(tree *walk.Tree) *Locator {
	return &Locator{tree: tree, cache: map[string]*cfgtree.Node{}}
}

// Root returns the parsed file, or nil.
func (l *Locator) Root(file string) *cfgtree.Node {
	if n, ok := l.cache[file]; ok {
		return n
	}
	var root *cfgtree.Node
	if l.tree != nil && file != "" && l.tree.Exists(file) {
		if data, err := l.tree.ReadFile(file); err == nil {
			if n, err := cfgtree.Parse(data); err == nil {
				root = n
			}
		}
	}
	l.cache[file] = root
	return root
}

// KeyLine returns the line of the key at the end of a path of map keys
// (matched case-insensitively), or 0.
func (l *Locator) KeyLine(file string, keys ...string) int {
	line, _ := entry(l.Root(file), keys...)
	return line
}

// Value returns the node at a path of map keys, or nil.
func (l *Locator) Value(file string, keys ...string) *cfgtree.Node {
	_, n := entry(l.Root(file), keys...)
	return n
}

// entry follows keys and returns the last entry's line and value.
func entry(n *cfgtree.Node, keys ...string) (int, *cfgtree.Node) {
	line := 0
	for _, k := range keys {
		if n == nil || n.Kind != cfgtree.Map {
			return 0, nil
		}
		found := false
		for _, e := range n.Entries {
			if strings.EqualFold(e.Key, k) {
				line, n, found = e.Line, e.Value, true
				break
			}
		}
		if !found {
			return 0, nil
		}
	}
	return line, n
}

// BlockAt returns the value of the map entry declared at line (a function
// block such as "createOrder:" or a SAM resource), or nil.
func (l *Locator) BlockAt(file string, line int) *cfgtree.Node {
	return blockAt(l.Root(file), line, 0)
}

func blockAt(n *cfgtree.Node, line, depth int) *cfgtree.Node {
	if n == nil || depth > 8 {
		return nil
	}
	for _, e := range n.Entries {
		if e.Line == line && e.Value != nil && e.Value.Kind == cfgtree.Map {
			return e.Value
		}
		if found := blockAt(e.Value, line, depth+1); found != nil {
			return found
		}
	}
	for _, it := range n.Items {
		if found := blockAt(it, line, depth+1); found != nil {
			return found
		}
	}
	return nil
}

// FindKey searches n breadth-first, at most maxDepth levels down, for an
// entry named key (case-insensitive) whose scalar value satisfies match
// (nil matches any); it returns the entry's line or 0.
func FindKey(n *cfgtree.Node, key string, maxDepth int, match func(string) bool) int {
	level := []*cfgtree.Node{n}
	for d := 0; d <= maxDepth && len(level) > 0; d++ {
		var next []*cfgtree.Node
		for _, m := range level {
			if m == nil {
				continue
			}
			for _, e := range m.Entries {
				if strings.EqualFold(e.Key, key) && (match == nil || match(e.Value.Str())) {
					return e.Line
				}
				next = append(next, e.Value)
			}
			next = append(next, m.Items...)
		}
		level = next
	}
	return 0
}

// BindingKeyLine returns the line of key inside the Azure binding that
// starts at bindingLine in a function.json, or 0.
func (l *Locator) BindingKeyLine(file string, bindingLine int, key string) int {
	root := l.Root(file)
	if root == nil {
		return 0
	}
	for _, b := range root.GetFold("bindings").List() {
		if b.Line != bindingLine {
			continue
		}
		line, _ := entry(b, key)
		return line
	}
	return 0
}
