package yarnlock

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/npm"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// berry builds the graph of a yarn 2+ lockfile: YAML entries keyed by
// descriptors ("name@npm:^1.0.0, name@npm:^1.1.0") with a resolution
// ("name@npm:1.2.0"); workspaces are entries resolved to "workspace:".
type berry struct {
	tree    *walk.Tree
	b       *npm.Builder
	byDesc  map[string]string   // descriptor → package ID
	byName  map[string][]string // name → package IDs
	root    *cfgtree.Node       // the project's own entry (workspace:.)
	rootMf  *npm.Manifest
	members []berryMember
	pkgs    []berryPkg
}

type berryMember struct {
	member
	n *cfgtree.Node
}

type berryPkg struct {
	id string
	n  *cfgtree.Node
}

func parseBerry(tree *walk.Tree, file string, data []byte) (*deps.Lockfile, error) {
	doc, err := cfgtree.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if doc.Kind != cfgtree.Map {
		return nil, fmt.Errorf("%s: line %d: a yarn lockfile is a map of entries", file, doc.Line)
	}
	format := "yarn-berry"
	if v := doc.Path("__metadata", "version").Str(); v != "" {
		format += "@" + v
	}
	y := &berry{tree: tree, b: npm.NewBuilder(file, format), byDesc: map[string]string{}, byName: map[string][]string{}}
	for _, e := range doc.Entries {
		if e.Key != "__metadata" && e.Value.Kind == cfgtree.Map {
			y.entry(e)
		}
	}
	for _, p := range y.pkgs {
		y.edges(p.id, p.n, nil)
		y.patchEdge(p.id)
	}
	y.project()
	return y.b.Finish(), nil
}

// entry records one lockfile entry.
func (y *berry) entry(e cfgtree.Entry) {
	descs := splitDescriptors(e.Key)
	res := e.Value.Get("resolution").Str()
	if res == "" && len(descs) > 0 {
		res = descs[0]
	}
	name, ref := npm.SplitSpec(res)
	if ws, ok := strings.CutPrefix(ref, "workspace:"); ok {
		y.workspace(e, name, path.Clean(ws))
		return
	}
	p := y.b.Add(&deps.Package{
		ID: res, Name: name, Version: e.Value.Get("version").Str(), Local: isLocalRef(ref),
		Source: model.Location{File: y.b.Lockfile().File, Line: e.Line},
	})
	y.index(descs, name, p.ID)
	y.pkgs = append(y.pkgs, berryPkg{p.ID, e.Value})
}

func (y *berry) index(descs []string, name, id string) {
	for _, d := range descs {
		y.byDesc[d] = id
	}
	y.byName[name] = append(y.byName[name], id)
}

// workspace records the project's entry or a member's.
func (y *berry) workspace(e cfgtree.Entry, name, rel string) {
	if rel == "." {
		y.root = e.Value
		return
	}
	dir := npm.JoinDir(y.b.Lockfile().Dir, rel)
	mb := berryMember{member{dir: dir, rel: rel, m: memberManifest(y.tree, y.b, dir)}, e.Value}
	addMember(y.b, mb.member, name, e.Value.Get("version").Str(), e.Line)
	y.index(splitDescriptors(e.Key), name, rel)
	y.members = append(y.members, mb)
}

// project records the direct dependencies of the project and its members.
func (y *berry) project() {
	y.rootMf = rootManifest(y.tree, y.b)
	if y.root != nil {
		y.direct(y.root, y.rootMf, func(id string, s deps.Scope, spec string) { y.b.Root(id, s, spec) }, "")
	} else {
		y.b.Warn("no workspace:. entry for the project: direct dependencies unknown")
	}
	for _, mb := range y.members {
		y.edges(mb.rel, mb.n, mb.m)
		y.direct(mb.n, mb.m, func(id string, s deps.Scope, spec string) { y.b.Member(mb.dir, id, s, spec) }, mb.rel)
	}
}

// direct resolves a workspace entry's dependencies, with scopes from its
// package.json.
func (y *berry) direct(n *cfgtree.Node, m *npm.Manifest, add func(string, deps.Scope, string), from string) {
	for _, d := range entriesOf(n.Get("dependencies")) {
		rng := d.Value.Str()
		id, ok := y.resolve(d.Key, rng)
		if !ok {
			y.b.Missing(from, d.Key, rng, y.optional(n, d.Key))
			continue
		}
		s, spec, declared := declaredScope(m, d.Key)
		if !declared {
			spec = rng
		}
		add(id, s, spec)
	}
}

// edges resolves a package's dependencies; for a workspace member (m set)
// the ones its package.json declares only as devDependencies are left
// out, as they do not come with it.
func (y *berry) edges(id string, n *cfgtree.Node, m *npm.Manifest) {
	for _, d := range entriesOf(n.Get("dependencies")) {
		if m != nil {
			if s, _, ok := declaredScope(m, d.Key); ok && s == deps.Dev {
				continue
			}
		}
		rng := d.Value.Str()
		to, ok := y.resolve(d.Key, rng)
		optional := y.optional(n, d.Key)
		if !ok {
			y.b.Missing(id, d.Key, rng, optional)
			continue
		}
		y.b.Edge(id, to, optional)
	}
}

// patchEdge links a patched package to the package it patches
// ("resolve@patch:resolve@npm%3A1.22.8#…" → "resolve@npm:1.22.8"): the
// original code ships too, so it takes the patched one's scope.
func (y *berry) patchEdge(id string) {
	_, ref := npm.SplitSpec(id)
	inner, ok := strings.CutPrefix(ref, "patch:")
	if !ok {
		return
	}
	inner, _, _ = strings.Cut(inner, "#")
	if base, err := url.PathUnescape(inner); err == nil && y.b.Get(base) != nil {
		y.b.Edge(id, base, false)
	}
}

func (y *berry) optional(n *cfgtree.Node, name string) bool {
	b, _ := n.Path("dependenciesMeta", name, "optional").Bool()
	return b
}

var protocol = regexp.MustCompile(`^[a-z][a-z0-9+.-]*:`)

// resolve finds the package a dependency range names: by descriptor (a
// range without protocol means npm:), else the only package of that name.
func (y *berry) resolve(name, rng string) (string, bool) {
	desc := name + "@" + rng
	if !protocol.MatchString(rng) {
		desc = name + "@npm:" + rng
	}
	if id, ok := y.byDesc[desc]; ok {
		return id, true
	}
	if id, ok := y.byDesc[name+"@"+rng]; ok {
		return id, true
	}
	if ids := y.byName[name]; len(ids) == 1 {
		return ids[0], true
	}
	return "", false
}

// splitDescriptors reads an entry key "a@npm:^1, a@npm:^1.2".
func splitDescriptors(key string) []string {
	var out []string
	for _, d := range strings.Split(key, ",") {
		if d = strings.TrimSpace(d); d != "" {
			out = append(out, d)
		}
	}
	return out
}

// isLocalRef reports a resolution to code on disk.
func isLocalRef(ref string) bool {
	for _, p := range []string{"link:", "portal:", "file:", "workspace:"} {
		if strings.HasPrefix(ref, p) {
			return true
		}
	}
	return false
}

func entriesOf(n *cfgtree.Node) []cfgtree.Entry {
	if n == nil || n.Kind != cfgtree.Map {
		return nil
	}
	return n.Entries
}
