package pnpmlock

import (
	"path"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/npm"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// lock builds the graph of one pnpm lockfile.
type lock struct {
	tree  *walk.Tree
	b     *npm.Builder
	major int
	doc   *cfgtree.Node
	// nodes are the resolved instances: "snapshots" in 9.0, else "packages".
	nodes map[string]cfgtree.Entry
	// meta holds 9.0's per-version metadata ("packages").
	meta      map[string]cfgtree.Entry
	importers map[string]*cfgtree.Node
}

func newLock(tree *walk.Tree, file, format string, major int, doc *cfgtree.Node) *lock {
	l := &lock{tree: tree, b: npm.NewBuilder(file, format), major: major, doc: doc,
		nodes: map[string]cfgtree.Entry{}, meta: map[string]cfgtree.Entry{}, importers: map[string]*cfgtree.Node{}}
	nodes := doc.Get("packages")
	if major >= 7 {
		for _, e := range mapEntries(nodes) {
			l.meta[e.Key] = e
		}
		if snaps := doc.Get("snapshots"); snaps != nil {
			nodes = snaps
		}
	}
	for _, e := range mapEntries(nodes) {
		l.nodes[e.Key] = e
	}
	if imp := doc.Get("importers"); imp != nil {
		for _, e := range mapEntries(imp) {
			l.importers[path.Clean(e.Key)] = e.Value
		}
	} else {
		l.importers["."] = doc
	}
	return l
}

func (l *lock) build() *deps.Lockfile {
	keys := make([]string, 0, len(l.nodes))
	for k := range l.nodes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		l.add(k, l.nodes[k])
	}
	dirs := l.importerDirs()
	for _, dir := range dirs {
		if dir != "." {
			l.addMember(dir)
		}
	}
	for _, k := range keys {
		l.edges(id(k), l.nodes[k].Value, ".")
	}
	for _, dir := range dirs {
		l.importer(dir)
	}
	return l.b.Finish()
}

// id is the package ID of a key: the key without its leading slash.
func id(key string) string { return strings.TrimPrefix(key, "/") }

func (l *lock) add(key string, e cfgtree.Entry) {
	name, version := nameVersion(key, l.major)
	line := e.Line
	n := e.Value
	if m, ok := l.meta[stripPeers(key, l.major)]; ok {
		line = m.Line
		n = m.Value
	}
	if s := n.Get("name").Str(); s != "" {
		name = s
	}
	if s := n.Get("version").Str(); s != "" {
		version = s
	}
	l.b.Add(&deps.Package{
		ID: id(key), Name: name, Version: version, Scope: flagScope(e.Value),
		Local:  strings.HasPrefix(version, "file:") || strings.HasPrefix(version, "link:"),
		Source: model.Location{File: l.b.Lockfile().File, Line: line},
	})
}

// flagScope is pnpm's own verdict (5.x and 6.0 write dev: true/false),
// kept for packages no importer reaches.
func flagScope(n *cfgtree.Node) deps.Scope {
	if b, ok := n.Get("dev").Bool(); ok && b {
		return deps.Dev
	}
	if b, _ := n.Get("optional").Bool(); b {
		return deps.Optional
	}
	if _, ok := n.Get("dev").Bool(); ok {
		return deps.Runtime
	}
	return deps.Unknown
}

// edges resolves a package's dependencies and optionalDependencies.
func (l *lock) edges(from string, n *cfgtree.Node, dir string) {
	for _, sec := range []struct {
		key      string
		optional bool
	}{{"dependencies", false}, {"optionalDependencies", true}} {
		for _, d := range mapEntries(n.Get(sec.key)) {
			ref := d.Value.Str()
			if to, ok := l.resolve(d.Key, ref, dir); ok {
				l.b.Edge(from, to, sec.optional)
			} else {
				l.b.Missing(from, d.Key, ref, sec.optional)
			}
		}
	}
}

// resolve finds the package a reference names, or the local directory a
// link: reference points at (a workspace member or a linked folder).
func (l *lock) resolve(name, ref, dir string) (string, bool) {
	if ref == "" {
		return "", false
	}
	if target, ok := linkTarget(ref, dir); ok {
		return l.linked(name, target), true
	}
	for _, k := range candidates(name, ref, l.major) {
		if _, ok := l.nodes[k]; ok {
			return id(k), true
		}
	}
	return "", false
}

// linked returns the package ID of a linked directory, recording it as a
// local package when it is no importer.
func (l *lock) linked(name, target string) string {
	if l.b.Get(target) == nil {
		l.b.Add(&deps.Package{ID: target, Name: name, Local: true, Scope: deps.Runtime,
			Source: model.Location{File: l.b.Lockfile().File}})
	}
	return target
}

func mapEntries(n *cfgtree.Node) []cfgtree.Entry {
	if n == nil || n.Kind != cfgtree.Map {
		return nil
	}
	return n.Entries
}
