package packagelock

import (
	"path"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/npm"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// v2 reads the "packages" map of lockfileVersion 2 and 3: keys are install
// locations ("node_modules/a/node_modules/b", "packages/member"), "" is the
// project, and entries with "link": true point at another key.
type v2 struct {
	tree    *walk.Tree
	b       *npm.Builder
	entries map[string]*cfgtree.Node
	order   []string // keys in file order
	lines   map[string]int
	links   map[string]string // link location → target location
	globs   []string
}

func newV2(tree *walk.Tree, b *npm.Builder, pkgs *cfgtree.Node) *v2 {
	v := &v2{
		tree: tree, b: b,
		entries: make(map[string]*cfgtree.Node, len(pkgs.Entries)),
		lines:   make(map[string]int, len(pkgs.Entries)),
		links:   map[string]string{},
	}
	for _, e := range pkgs.Entries {
		if e.Value.Kind != cfgtree.Map {
			continue
		}
		if v.entries[e.Key] == nil {
			v.order = append(v.order, e.Key)
		}
		v.entries[e.Key] = e.Value
		v.lines[e.Key] = e.Line
		if link, _ := e.Value.Get("link").Bool(); link && e.Key != "" {
			v.links[e.Key] = linkTarget(e.Value.Get("resolved").Str())
		}
	}
	return v
}

// linkTarget cleans a link's "resolved" (a path relative to the lockfile,
// sometimes written as file:).
func linkTarget(r string) string {
	r = strings.TrimPrefix(r, "file:")
	if r == "" {
		return ""
	}
	return path.Clean(r)
}

func (v *v2) build() {
	rootEntry := v.entries[""]
	if rootEntry != nil {
		v.globs = npm.ManifestFromNode(rootEntry).Workspaces
	}
	for _, key := range v.order {
		if key != "" && v.links[key] == "" {
			v.add(key, v.entries[key])
		}
	}
	for _, key := range v.order {
		if target := v.links[key]; target != "" && v.b.Get(target) == nil {
			v.addLinkOnly(key, target)
		}
	}
	for _, key := range v.order {
		if key != "" && v.links[key] == "" {
			v.edges(key, v.entries[key])
		}
	}
	v.project(rootEntry)
}

// add records the package installed at key.
func (v *v2) add(key string, n *cfgtree.Node) {
	local := !isInstall(key)
	name := n.Get("name").Str()
	if name == "" {
		name = npm.NameFromPath(key)
	}
	if name == "" {
		name = v.linkName(key)
	}
	p := &deps.Package{
		ID: key, Name: name, Version: n.Get("version").Str(),
		License: npm.License(n), Local: local,
		Scope:  flagScope(n),
		Source: model.Location{File: v.b.Lockfile().File, Line: v.lines[key]},
	}
	if local {
		p.Scope = deps.Runtime
	}
	v.b.Add(p)
}

// addLinkOnly records a linked directory the lockfile has no entry for.
func (v *v2) addLinkOnly(key, target string) {
	v.b.Add(&deps.Package{
		ID: target, Name: npm.NameFromPath(key), Version: v.entries[key].Get("version").Str(), Local: true,
		Scope: deps.Runtime, Source: model.Location{File: v.b.Lockfile().File, Line: v.lines[key]},
	})
}

// linkName is the name under which some link installs the directory key.
func (v *v2) linkName(key string) string {
	for _, l := range v.order {
		if v.links[l] == key {
			if n := npm.NameFromPath(l); n != "" {
				return n
			}
		}
	}
	return path.Base(key)
}

// isInstall reports whether key is a location inside node_modules (as
// opposed to a directory of the project: a workspace or a file: link).
func isInstall(key string) bool {
	return strings.HasPrefix(key, "node_modules/") || strings.Contains(key, "/node_modules/")
}

// flagScope is npm's own verdict, kept for packages no dependency reaches.
func flagScope(n *cfgtree.Node) deps.Scope {
	if b, _ := n.Get("dev").Bool(); b {
		return deps.Dev
	}
	if b, _ := n.Get("optional").Bool(); b {
		return deps.Optional
	}
	if b, _ := n.Get("devOptional").Bool(); b {
		return deps.Optional
	}
	return deps.Runtime
}

// edges resolves the dependencies of the package at key.
func (v *v2) edges(key string, n *cfgtree.Node) {
	member := !isInstall(key) && v.isMember(key)
	for _, d := range npm.DepsOf(n, member) {
		to, ok := v.resolve(key, d.Name)
		if d.Kind != npm.Dev {
			if ok {
				v.b.Edge(key, to, d.Kind == npm.Optional || d.OptionalPeer)
				v.b.Want(key, to, d.Spec)
			} else {
				v.b.Missing(key, d.Name, d.Spec, d.Kind == npm.Optional || d.Kind == npm.Peer)
			}
		}
		if member && ok {
			v.b.Member(npm.JoinDir(v.b.Lockfile().Dir, key), to, d.Scope(), d.Spec)
		}
	}
	if member {
		v.b.AddMember(npm.JoinDir(v.b.Lockfile().Dir, key))
	}
}

// project records the project's own direct dependencies from the "" entry,
// or from the package.json beside the lockfile when the entry is missing.
func (v *v2) project(root *cfgtree.Node) {
	var ds []npm.Dep
	if root != nil {
		ds = npm.DepsOf(root, true)
	} else if m, err := npm.ReadManifest(v.tree, npm.JoinDir(v.b.Lockfile().Dir, "package.json")); err == nil {
		ds = m.Deps
	} else {
		v.b.Warn("the lockfile has no entry for the project (\"\") and no package.json is beside it: direct dependencies unknown")
	}
	for _, d := range ds {
		to, ok := v.resolve("", d.Name)
		if !ok {
			v.b.Missing("", d.Name, d.Spec, d.Kind == npm.Optional || d.Kind == npm.Peer)
			continue
		}
		v.b.Root(to, d.Scope(), d.Spec)
	}
}

// resolve finds the package a dependency name of the package at key gets,
// following links.
func (v *v2) resolve(key, name string) (string, bool) {
	loc, ok := npm.Resolve(v.has, key, name)
	if !ok {
		return "", false
	}
	if t, isLink := v.links[loc]; isLink {
		return t, t != ""
	}
	return loc, true
}

func (v *v2) has(loc string) bool { return v.entries[loc] != nil }

// isMember reports whether the project directory key is a workspace.
func (v *v2) isMember(key string) bool {
	for _, g := range v.globs {
		g = strings.TrimSuffix(path.Clean(strings.TrimPrefix(g, "./")), "/")
		if ok, _ := doublestar.Match(g, key); ok {
			return true
		}
	}
	return false
}
