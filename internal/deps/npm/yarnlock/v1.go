package yarnlock

import (
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/npm"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// v1 builds the graph of a yarn v1 lockfile.
type v1 struct {
	tree    *walk.Tree
	b       *npm.Builder
	byDesc  map[string]string // "name@range" → package ID
	members map[string]string // workspace package name → member ID
	entries []v1entry
	used    map[string]bool
}

type v1entry struct {
	id string
	it item
}

func parseV1File(tree *walk.Tree, file string, data []byte) (*deps.Lockfile, error) {
	root, err := parseV1(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	v := &v1{tree: tree, b: npm.NewBuilder(file, "yarn@1"), byDesc: map[string]string{}, members: map[string]string{}, used: map[string]bool{}}
	for _, it := range root.items {
		if it.sub != nil {
			v.add(it)
		}
	}
	for _, e := range v.entries {
		v.edges(e)
	}
	v.project()
	return v.b.Finish(), nil
}

// add records the package an entry resolves its descriptors to.
func (v *v1) add(it item) {
	name, spec := npm.SplitSpec(it.keys[0])
	if real, rng, ok := npm.Alias(spec); ok {
		name, spec = real, rng
	}
	version := ""
	if ver, ok := it.sub.get("version"); ok {
		version = ver.value
	}
	p := &deps.Package{
		ID: name + "@" + version, Name: name, Version: version, Local: npm.IsLocalSpec(spec),
		Source: model.Location{File: v.b.Lockfile().File, Line: it.line},
	}
	p = v.b.Add(p)
	for _, d := range it.keys {
		v.byDesc[d] = p.ID
	}
	v.entries = append(v.entries, v1entry{p.ID, it})
}

func (v *v1) edges(e v1entry) {
	for _, sec := range []struct {
		key      string
		optional bool
	}{{"dependencies", false}, {"optionalDependencies", true}} {
		blk, ok := e.it.sub.get(sec.key)
		if !ok || blk.sub == nil {
			continue
		}
		for _, d := range blk.sub.items {
			if len(d.keys) != 1 {
				continue
			}
			if to, ok := v.resolve(d.keys[0], d.value); ok {
				v.used[to] = true
				v.b.Edge(e.id, to, sec.optional)
				v.b.Want(e.id, to, d.value)
			} else {
				v.b.Missing(e.id, d.keys[0], d.value, sec.optional)
			}
		}
	}
}

// resolve finds the entry for a dependency, or the workspace member of
// that name.
func (v *v1) resolve(name, spec string) (string, bool) {
	if id, ok := v.byDesc[name+"@"+spec]; ok {
		return id, true
	}
	if id, ok := v.members[name]; ok {
		return id, true
	}
	return "", false
}

// project ties the lockfile to the package.json beside it and to the
// workspace members it declares.
func (v *v1) project() {
	m := rootManifest(v.tree, v.b)
	if m == nil {
		v.guessRoots()
		return
	}
	var members []member
	for _, dir := range npm.MemberDirs(v.tree, v.b.Lockfile().Dir, m.Workspaces) {
		rel, _ := npm.RelDir(v.b.Lockfile().Dir, dir)
		mb := member{dir: dir, rel: rel, m: memberManifest(v.tree, v.b, dir)}
		addMember(v.b, mb, "", "", 0)
		if mb.m != nil && mb.m.Name != "" {
			v.members[mb.m.Name] = rel
		}
		members = append(members, mb)
	}
	v.declared(m.Deps, func(id string, d npm.Dep) { v.b.Root(id, d.Scope(), d.Spec) }, "")
	for _, mb := range members {
		if mb.m == nil {
			continue
		}
		v.declared(mb.m.Deps, func(id string, d npm.Dep) {
			v.b.Member(mb.dir, id, d.Scope(), d.Spec)
			if d.Kind != npm.Dev {
				v.b.Edge(mb.rel, id, d.Kind == npm.Optional || d.OptionalPeer)
			}
		}, mb.rel)
	}
}

// declared resolves the dependencies a manifest declares.
func (v *v1) declared(ds []npm.Dep, found func(string, npm.Dep), from string) {
	for _, d := range ds {
		if id, ok := v.resolve(d.Name, d.Spec); ok {
			found(id, d)
		} else {
			v.b.Missing(from, d.Name, d.Spec, d.Kind == npm.Optional || d.Kind == npm.Peer)
		}
	}
}

// guessRoots takes the entries nothing depends on as the direct
// dependencies, with unknown scope.
func (v *v1) guessRoots() {
	for _, e := range v.entries {
		if !v.used[e.id] && !strings.HasSuffix(e.id, "@") {
			v.b.Root(e.id, deps.Unknown, "")
		}
	}
}
