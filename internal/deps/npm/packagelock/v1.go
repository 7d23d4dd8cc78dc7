package packagelock

import (
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/npm"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// v1 reads lockfileVersion 1: "dependencies" nested the way node_modules
// is, each entry naming what it "requires".
type v1 struct {
	tree     *walk.Tree
	b        *npm.Builder
	entries  map[string]*cfgtree.Node
	order    []string
	required map[string]bool
}

func newV1(tree *walk.Tree, b *npm.Builder) *v1 {
	return &v1{tree: tree, b: b, entries: map[string]*cfgtree.Node{}, required: map[string]bool{}}
}

func (v *v1) build(top *cfgtree.Node) {
	v.collect("", top)
	for _, key := range v.order {
		v.edges(key, v.entries[key])
	}
	v.project()
}

// collect adds the packages of a "dependencies" map nested at prefix.
func (v *v1) collect(prefix string, deps *cfgtree.Node) {
	for _, e := range deps.Entries {
		if e.Value.Kind != cfgtree.Map || !npm.ValidName(e.Key) {
			continue
		}
		key := prefix + "node_modules/" + e.Key
		if v.entries[key] != nil {
			continue
		}
		v.entries[key] = e.Value
		v.order = append(v.order, key)
		v.add(key, e.Key, e.Line, e.Value)
		if nested := e.Value.Get("dependencies"); nested != nil && nested.Kind == cfgtree.Map {
			v.collect(key+"/", nested)
		}
	}
}

func (v *v1) add(key, name string, line int, n *cfgtree.Node) {
	version := n.Get("version").Str()
	p := &deps.Package{
		ID: key, Name: name, Version: version, Scope: flagScope(n),
		Source: model.Location{File: v.b.Lockfile().File, Line: line},
	}
	if real, ver, ok := npm.Alias(version); ok {
		p.Name, p.Version = real, ver
	}
	if strings.HasPrefix(version, "file:") || strings.HasPrefix(version, "link:") {
		p.Local = true
	}
	v.b.Add(p)
}

// edges resolves what the package at key requires.
func (v *v1) edges(key string, n *cfgtree.Node) {
	req := n.Get("requires")
	if req == nil || req.Kind != cfgtree.Map {
		return
	}
	for _, e := range req.Entries {
		to, ok := npm.Resolve(v.has, key, e.Key)
		if !ok {
			v.b.Missing(key, e.Key, e.Value.Str(), v.optional(key))
			continue
		}
		v.required[to] = true
		v.b.Edge(key, to, v.optional(to) && !v.optional(key))
		v.b.Want(key, to, e.Value.Str())
	}
}

// optional reports whether npm flagged the package at key optional. v1
// does not say which requires are optional: a required package npm flags
// optional while the package requiring it is not must be an
// optionalDependency there, and a missing dependency of an optional package
// is not reported.
func (v *v1) optional(key string) bool {
	b, _ := v.entries[key].Get("optional").Bool()
	return b
}

func (v *v1) has(loc string) bool { return v.entries[loc] != nil }

// project takes the direct dependencies from the package.json beside the
// lockfile; without one, the top-level packages nothing requires stand in.
func (v *v1) project() {
	m, err := npm.ReadManifest(v.tree, npm.JoinDir(v.b.Lockfile().Dir, "package.json"))
	if err != nil {
		v.guessRoots()
		return
	}
	for _, d := range m.Deps {
		to, ok := npm.Resolve(v.has, "", d.Name)
		if !ok {
			v.b.Missing("", d.Name, d.Spec, d.Kind == npm.Optional || d.Kind == npm.Peer)
			continue
		}
		v.b.Root(to, d.Scope(), d.Spec)
	}
}

func (v *v1) guessRoots() {
	v.b.Warn("no package.json beside the lockfile: the top-level packages nothing requires are taken as the direct dependencies, with npm's dev/optional flags")
	var keys []string
	for _, key := range v.order {
		if strings.Count(key, "node_modules/") == 1 && !v.required[key] {
			keys = append(keys, key)
		}
	}
	sort.Strings(keys)
	for _, key := range keys {
		v.b.Root(key, flagScope(v.entries[key]), "")
	}
}
