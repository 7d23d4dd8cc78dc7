// Package packagejson reads a bare package.json, one no lockfile governs,
// as a declared-only dependency list: each declared dependency is a package
// whose Version is the declared range, so a matcher can only say that the
// range could resolve to an affected version (Lockfile.DeclaredOnly).
package packagejson

import (
	"context"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/npm"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

var _ deps.Parser = (*Parser)(nil)

// Parser reads package.json files that have no lockfile.
type Parser struct{}

// New returns the bare package.json parser.
func New() *Parser { return &Parser{} }

// Name identifies the parser.
func (*Parser) Name() string { return "package.json" }

// FileRequired matches package.json outside node_modules.
func (*Parser) FileRequired(p string) bool {
	return path.Base(p) == "package.json" && !strings.Contains(p, "node_modules/")
}

// Parse returns nil, nil when something better governs the manifest: a
// lockfile beside it, a workspace root with a lockfile that lists it as a
// member, or an installed node_modules beside it.
func (*Parser) Parse(ctx context.Context, tree *walk.Tree, file string) (*deps.Lockfile, error) {
	dir := deps.Dir(file)
	if governed(tree, dir) {
		return nil, nil
	}
	m, err := npm.ReadManifest(tree, file)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	b := npm.NewBuilder(file, "package.json")
	b.Lockfile().DeclaredOnly = true
	for _, d := range m.Deps {
		add(b, file, d)
	}
	return b.Finish(), nil
}

// add records one declared dependency: its ID is the name it is declared
// under, its Version the declared range (the alias target's range for
// "npm:real@range").
func add(b *npm.Builder, file string, d npm.Dep) {
	name, rng := d.Name, d.Spec
	if real, r, ok := npm.Alias(d.Spec); ok {
		name, rng = real, r
	}
	if b.Get(d.Name) == nil {
		b.Add(&deps.Package{
			ID: d.Name, Name: name, Version: rng, PURL: npm.PURL(name, ""),
			Local: npm.IsLocalSpec(d.Spec), Scope: d.Scope(),
			Source: model.Location{File: file, Line: d.Line},
		})
	}
	b.Root(d.Name, d.Scope(), d.Spec)
}

// governed reports whether a lockfile or an installed tree speaks for the
// package.json in dir.
func governed(tree *walk.Tree, dir string) bool {
	if _, ok := npm.LockfileIn(tree, dir); ok {
		return true
	}
	if len(npm.FilesUnder(tree, npm.JoinDir(dir, "node_modules"))) > 0 {
		return true
	}
	for d, ok := npm.ParentDir(dir); ok; d, ok = npm.ParentDir(d) {
		if _, has := npm.LockfileIn(tree, d); !has {
			continue
		}
		rel, _ := npm.RelDir(d, dir)
		if npm.MatchesGlobs(workspaceGlobs(tree, d), rel) {
			return true
		}
	}
	return false
}

// workspaceGlobs are the member globs of the workspace root at dir, from
// package.json "workspaces" and pnpm-workspace.yaml "packages".
func workspaceGlobs(tree *walk.Tree, dir string) []string {
	var globs []string
	if m, err := npm.ReadManifest(tree, npm.JoinDir(dir, "package.json")); err == nil {
		globs = append(globs, m.Workspaces...)
	}
	if data, err := tree.ReadFile(npm.JoinDir(dir, "pnpm-workspace.yaml")); err == nil {
		if n, err := cfgtree.Parse(data); err == nil {
			globs = append(globs, n.Get("packages").Strings()...)
		}
	}
	return globs
}
