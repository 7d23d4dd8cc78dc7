package python

import (
	"context"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/walk"
)

// Pipfile reads Pipfile.lock (with the Pipfile beside it for the direct
// dependencies and their declared ranges).
type Pipfile struct{}

// NewPipfile returns the Pipfile.lock parser.
func NewPipfile() *Pipfile { return &Pipfile{} }

// Name implements deps.Parser.
func (*Pipfile) Name() string { return "python/pipfile-lock" }

// FileRequired implements deps.Parser.
func (*Pipfile) FileRequired(p string) bool { return path.Base(p) == "Pipfile.lock" }

// Parse implements deps.Parser. Packages of "default" are runtime, those
// only in "develop" are dev; the format has no graph.
func (*Pipfile) Parse(ctx context.Context, tree *walk.Tree, file string) (*deps.Lockfile, error) {
	data, err := lockbuild.ReadText(tree, file)
	if err != nil {
		return nil, err
	}
	root, err := lockbuild.ParseJSON(file, data)
	if err != nil {
		return nil, err
	}
	if root.Kind != cfgtree.Map || (root.Get("default") == nil && root.Get("develop") == nil) {
		return nil, lockbuild.Errorf(file, root.Line, "not a Pipfile.lock: no default or develop section")
	}
	b := lockbuild.New(file, deps.PyPI, "Pipfile.lock")
	for _, sec := range []struct {
		key   string
		scope deps.Scope
	}{{"default", deps.Runtime}, {"develop", deps.Dev}} {
		if err := pipfileSection(b, file, root.Get(sec.key), sec.scope); err != nil {
			return nil, err
		}
	}
	applyDeclared(b, manifestDeps(tree, file, "Pipfile"))
	return b.Finish(false), nil
}

func pipfileSection(b *lockbuild.Builder, file string, sec *cfgtree.Node, scope deps.Scope) error {
	if sec == nil {
		return nil
	}
	if sec.Kind != cfgtree.Map {
		return lockbuild.Errorf(file, sec.Line, "section is not an object")
	}
	for _, e := range sec.Entries {
		if e.Value.Kind != cfgtree.Map {
			return lockbuild.Errorf(file, e.Line, "package %q is not an object", e.Key)
		}
		version := strings.TrimPrefix(e.Value.Get("version").Str(), "==")
		version = strings.TrimPrefix(version, "=")
		p := newPackage(e.Key, version, file, e.Line)
		p.Scope = scope
		b.Add(p)
	}
	return nil
}

// applyDeclared marks the packages a manifest declares as roots and sets
// their declared range. Names are matched after normalisation, on every
// version present.
func applyDeclared(b *lockbuild.Builder, decl []declared) {
	if len(decl) == 0 {
		return
	}
	byName := b.ByName()
	for _, d := range decl {
		for _, p := range byName[d.name] {
			if p.Declared == "" {
				p.Declared = d.spec
			}
			b.Root(p.ID, d.scope)
		}
	}
}
