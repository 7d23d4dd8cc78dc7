// Package composer reads PHP's composer.lock, with the composer.json
// beside it for the direct dependencies.
package composer

import (
	"context"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/walk"
)

// ComposerLock reads composer.lock.
type ComposerLock struct{}

// NewComposerLock returns the composer.lock parser.
func NewComposerLock() *ComposerLock { return &ComposerLock{} }

// Name implements deps.Parser.
func (*ComposerLock) Name() string { return "composer/composer-lock" }

// FileRequired implements deps.Parser.
func (*ComposerLock) FileRequired(p string) bool { return path.Base(p) == "composer.lock" }

// Parse implements deps.Parser. "packages" are runtime and
// "packages-dev" dev, as the lock says; "require" gives the edges (the
// platform requirements php, ext-*, lib-* are not packages). The
// composer.json beside the lock gives the roots and their constraints;
// without it, packages nothing requires are taken as the roots.
func (*ComposerLock) Parse(ctx context.Context, tree *walk.Tree, file string) (*deps.Lockfile, error) {
	data, err := lockbuild.ReadText(tree, file)
	if err != nil {
		return nil, err
	}
	root, err := lockbuild.ParseJSON(file, data)
	if err != nil {
		return nil, err
	}
	if root.Kind != cfgtree.Map || (root.Get("packages") == nil && root.Get("packages-dev") == nil) {
		return nil, lockbuild.Errorf(file, root.Line, "not a composer.lock: no packages or packages-dev")
	}
	b := lockbuild.New(file, deps.Packagist, "composer.lock")
	var all []*cfgtree.Node
	for _, sec := range []struct {
		key   string
		scope deps.Scope
	}{{"packages", deps.Runtime}, {"packages-dev", deps.Dev}} {
		pkgs, err := readSection(b, file, root.Get(sec.key), sec.scope)
		if err != nil {
			return nil, err
		}
		all = append(all, pkgs...)
	}
	byName := b.ByName()
	for _, n := range all {
		from := id(strings.ToLower(n.Get("name").Str()), n.Get("version").Str())
		for _, dep := range n.Get("require").Keys() {
			for _, to := range byName[strings.ToLower(dep)] {
				b.Edge(from, to.ID)
			}
		}
	}
	if !declaredRoots(b, tree, file, byName) {
		b.RootOrphans()
	}
	return b.Finish(false), nil
}

func readSection(b *lockbuild.Builder, file string, sec *cfgtree.Node, scope deps.Scope) ([]*cfgtree.Node, error) {
	if sec == nil || sec.Kind == cfgtree.Null {
		return nil, nil
	}
	if sec.Kind != cfgtree.Seq {
		return nil, lockbuild.Errorf(file, sec.Line, "packages is not an array")
	}
	var out []*cfgtree.Node
	for _, n := range sec.Items {
		name, version := n.Get("name").Str(), n.Get("version").Str()
		if n.Kind != cfgtree.Map || name == "" || version == "" {
			return nil, lockbuild.Errorf(file, n.Line, "package without a name or version")
		}
		p := newPackage(name, version, file, n.Line)
		p.License = strings.Join(n.Get("license").Strings(), " OR ")
		p.Scope = scope
		b.Add(p)
		out = append(out, n)
	}
	return out, nil
}

// declaredRoots marks the packages composer.json requires; false when
// there is no readable composer.json.
func declaredRoots(b *lockbuild.Builder, tree *walk.Tree, file string, byName map[string][]*deps.Package) bool {
	data, err := tree.ReadFile(path.Join(path.Dir(file), "composer.json"))
	if err != nil {
		return false
	}
	manifest, err := cfgtree.Parse(data)
	if err != nil || manifest.Kind != cfgtree.Map {
		return false
	}
	for _, sec := range []struct {
		key   string
		scope deps.Scope
	}{{"require", deps.Runtime}, {"require-dev", deps.Dev}} {
		req := manifest.Get(sec.key)
		for _, name := range req.Keys() {
			for _, p := range byName[strings.ToLower(name)] {
				if p.Declared == "" {
					p.Declared = req.Get(name).Str()
				}
				b.Root(p.ID, sec.scope)
			}
		}
	}
	return true
}

func id(name, version string) string { return name + "@" + osvVersion(version) }

// osvVersion drops the "v" of "v5.4.0".
func osvVersion(v string) string {
	if len(v) > 1 && v[0] == 'v' && v[1] >= '0' && v[1] <= '9' {
		return v[1:]
	}
	return v
}

// newPackage builds a Packagist package. Names are lower-cased (Composer
// compares them so); a leading "v" is dropped from Version, as OSV writes
// Packagist versions, and kept in the purl.
func newPackage(name, version, file string, line int) *deps.Package {
	name = strings.ToLower(name)
	ns, short := lockbuild.SplitLast(name, "/")
	v := osvVersion(version)
	p := &deps.Package{
		ID: name + "@" + v, Ecosystem: deps.Packagist, Name: name, Version: v,
		PURL: lockbuild.PURL("composer", ns, short, version),
	}
	p.Source.File, p.Source.Line = file, line
	return p
}
