// Package nodemodules reads installed dependency trees, the
// node_modules/**/package.json files a deployment package ships: the real
// versions, licenses from each package's own manifest, and edges resolved
// the way Node's require finds them within the tree. One Lockfile per
// node_modules root (Format "node_modules", File the node_modules folder).
package nodemodules

import (
	"context"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/npm"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

var _ deps.Parser = (*Parser)(nil)

// Parser reads installed node_modules trees.
type Parser struct{}

// New returns the node_modules parser.
func New() *Parser { return &Parser{} }

// Name identifies the parser.
func (*Parser) Name() string { return "node_modules" }

// FileRequired matches the manifest of an installed package.
func (*Parser) FileRequired(p string) bool {
	_, _, ok := installLoc(p)
	return ok
}

// Parse builds the whole tree of the node_modules root file belongs to,
// once: only for the root's first package manifest in path order; the
// others return nil, nil. On disk (outside archives) a tree beside a
// lockfile is left to the lockfile, as the walker normally skips
// node_modules there anyway.
func (*Parser) Parse(ctx context.Context, tree *walk.Tree, file string) (*deps.Lockfile, error) {
	root, _, ok := installLoc(file)
	if !ok {
		return nil, nil
	}
	if first, ok := firstManifest(tree, root); !ok || first != file {
		return nil, nil
	}
	manifests := manifestsUnder(tree, root)
	inArchive := strings.Contains(file, walk.ArchiveSep)
	if _, locked := npm.LockfileIn(tree, root); locked && !inArchive {
		return nil, nil
	}
	t := &installed{tree: tree, root: root, shipped: inArchive,
		b: npm.NewBuilder(npm.JoinDir(root, "node_modules"), "node_modules"), locs: map[string]*npm.Manifest{}}
	t.b.Lockfile().Dir = root
	for _, m := range manifests {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t.read(m)
	}
	t.link()
	return t.b.Finish(), nil
}

type manifestFile struct{ file, loc string }

// firstManifest is the first installed package manifest below root in
// path order: the file the tree is built for, found without listing the
// whole tree (Parse is called for every manifest).
func firstManifest(tree *walk.Tree, root string) (string, bool) {
	for _, f := range npm.FilesUnder(tree, npm.JoinDir(root, "node_modules")) {
		if r, _, ok := installLoc(f.Path); ok && r == root {
			return f.Path, true
		}
	}
	return "", false
}

// manifestsUnder lists the installed package manifests of the
// node_modules below root, in path order.
func manifestsUnder(tree *walk.Tree, root string) []manifestFile {
	var out []manifestFile
	for _, f := range npm.FilesUnder(tree, npm.JoinDir(root, "node_modules")) {
		if r, loc, ok := installLoc(f.Path); ok && r == root {
			out = append(out, manifestFile{f.Path, loc})
		}
	}
	return out
}

// installed builds one tree.
type installed struct {
	tree    *walk.Tree
	root    string
	shipped bool // inside a deployment package: everything present ships
	b       *npm.Builder
	locs    map[string]*npm.Manifest
	order   []string
	nBad    int
	bad     []string
}

// read adds one installed package; an unreadable manifest is a warning.
func (t *installed) read(mf manifestFile) {
	m, err := npm.ReadManifest(t.tree, mf.file)
	if err != nil {
		t.nBad++
		if len(t.bad) < 3 {
			t.bad = append(t.bad, err.Error())
		}
		return
	}
	name := m.Name
	if name == "" {
		name = npm.NameFromPath(mf.loc)
	}
	t.locs[mf.loc] = m
	t.order = append(t.order, mf.loc)
	t.b.Add(&deps.Package{
		ID: mf.loc, Name: name, Version: m.Version, License: m.License, Scope: deps.Runtime,
		Source: model.Location{File: mf.file, Line: m.VersionLine},
	})
}

func (t *installed) has(loc string) bool { return t.locs[loc] != nil }

// link resolves every package's dependencies within the tree and ties the
// tree to the application's package.json beside node_modules.
func (t *installed) link() {
	if t.nBad > 0 {
		t.b.Warn("%d installed package manifests unreadable and skipped (%s)", t.nBad, strings.Join(t.bad, "; "))
	}
	required := map[string]bool{}
	for _, loc := range t.order {
		for _, d := range t.locs[loc].Deps {
			if d.Kind == npm.Dev {
				continue // not installed with a dependency
			}
			to, ok := npm.Resolve(t.has, loc, d.Name)
			if !ok {
				t.b.Missing(loc, d.Name, d.Spec, d.Kind == npm.Optional || d.Kind == npm.Peer)
				continue
			}
			required[to] = true
			t.b.Edge(loc, to, d.Kind == npm.Optional || d.OptionalPeer)
			t.b.Want(loc, to, d.Spec)
		}
	}
	t.roots(required)
}

// roots are the dependencies the application's package.json declares, or
// else the top-level packages nothing else requires. Inside a deployment
// package every installed package ships, so all are runtime; on disk the
// manifest's sections give the scopes.
func (t *installed) roots(required map[string]bool) {
	app, err := npm.ReadManifest(t.tree, npm.JoinDir(t.root, "package.json"))
	if err == nil && len(app.Deps) > 0 {
		for _, d := range app.Deps {
			to, ok := npm.Resolve(t.has, "", d.Name)
			if !ok {
				t.b.Missing("", d.Name, d.Spec, d.Kind != npm.Prod)
				continue
			}
			scope := d.Scope()
			if t.shipped {
				scope = deps.Runtime
			}
			t.b.Root(to, scope, d.Spec)
		}
		return
	}
	var top []string
	for _, loc := range t.order {
		if strings.Count(loc, nm) == 1 && !strings.Contains(loc, "/.pnpm/") {
			top = append(top, loc)
		}
	}
	sort.Strings(top)
	found := false
	for _, loc := range top {
		if !required[loc] {
			t.b.Root(loc, deps.Runtime, "")
			found = true
		}
	}
	if !found {
		for _, loc := range top {
			t.b.Root(loc, deps.Runtime, "")
		}
	}
}
