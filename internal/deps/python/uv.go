package python

import (
	"context"
	"fmt"
	"path"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/deps/toml"
	"github.com/cladsec/clad/internal/walk"
)

// UV reads uv.lock.
type UV struct{}

// NewUV returns the uv.lock parser.
func NewUV() *UV { return &UV{} }

// Name implements deps.Parser.
func (*UV) Name() string { return "python/uv-lock" }

// FileRequired implements deps.Parser.
func (*UV) FileRequired(p string) bool { return path.Base(p) == "uv.lock" }

// uvPkg is one [[package]] of a uv.lock.
type uvPkg struct {
	t     *toml.Table
	name  string // normalised
	id    string
	local string // project directory for editable/virtual workspace members
}

// Parse implements deps.Parser. Workspace members (editable or virtual
// sources) are the project itself: they are not listed as packages, their
// dependencies are the roots (dev-dependencies as dev, optional ones as
// optional), and scopes flow through the graph.
func (*UV) Parse(ctx context.Context, tree *walk.Tree, file string) (*deps.Lockfile, error) {
	root, err := readTOML(tree, file)
	if err != nil {
		return nil, err
	}
	tables := root.Tables("package")
	if len(tables) == 0 && root.Get("version") == nil {
		return nil, lockbuild.Errorf(file, 1, "not a uv.lock: no version or [[package]]")
	}
	format := "uv"
	if v := root.Get("version"); v != nil && v.Kind == toml.Integer {
		format = fmt.Sprintf("uv@%d", v.Int)
	}
	b := lockbuild.New(file, deps.PyPI, format)
	pkgs, err := uvPackages(b, file, tables)
	if err != nil {
		return nil, err
	}
	u := &uvGraph{b: b, pkgs: pkgs, byName: map[string][]*uvPkg{}, dir: lockbuild.Dir(file)}
	for _, p := range pkgs {
		u.byName[p.name] = append(u.byName[p.name], p)
	}
	u.edges()
	u.roots()
	if len(u.workspaces) == 0 {
		b.RootOrphans()
	}
	lf := b.Finish(true)
	if len(u.workspaces) > 1 {
		lf.Workspaces = u.workspaces
	}
	return lf, nil
}

func uvPackages(b *lockbuild.Builder, file string, tables []*toml.Table) ([]*uvPkg, error) {
	var out []*uvPkg
	for _, t := range tables {
		name, version := t.String("name"), t.String("version")
		if name == "" {
			return nil, lockbuild.Errorf(file, t.Line, "[[package]] without a name")
		}
		p := &uvPkg{t: t, name: Normalize(name), id: pyID(Normalize(name), version)}
		src := t.Table("source")
		for _, k := range []string{"editable", "virtual"} {
			if dir := src.String(k); dir != "" {
				p.local = dir
			}
		}
		if p.local == "" {
			b.Add(newPackage(name, version, file, t.Line))
		}
		out = append(out, p)
	}
	return out, nil
}

type uvGraph struct {
	b          *lockbuild.Builder
	pkgs       []*uvPkg
	byName     map[string][]*uvPkg
	dir        string
	workspaces map[string][]string
}

// target resolves a dependency reference {name, version?}.
func (u *uvGraph) target(ref *toml.Table) []*uvPkg {
	cands := u.byName[Normalize(ref.String("name"))]
	if v := ref.String("version"); v != "" {
		for _, c := range cands {
			if c.t.String("version") == v {
				return []*uvPkg{c}
			}
		}
	}
	return cands
}

// depLists returns the package's dependency lists with the scope each
// gives its targets.
func depLists(t *toml.Table) []struct {
	refs  []*toml.Table
	scope deps.Scope
} {
	type list = struct {
		refs  []*toml.Table
		scope deps.Scope
	}
	out := []list{{t.Tables("dependencies"), deps.Runtime}}
	for _, sec := range []struct {
		key   string
		scope deps.Scope
	}{{"optional-dependencies", deps.Optional}, {"dev-dependencies", deps.Dev}} {
		if groups := t.Table(sec.key); groups != nil {
			for _, g := range groups.Keys {
				out = append(out, list{groups.Tables(g), sec.scope})
			}
		}
	}
	return out
}

// edges links registry packages to what they depend on (their own
// optional dependencies included: they are only locked when requested).
func (u *uvGraph) edges() {
	for _, p := range u.pkgs {
		if p.local != "" {
			continue
		}
		for _, l := range depLists(p.t) {
			for _, ref := range l.refs {
				for _, to := range u.target(ref) {
					if to.local == "" {
						u.b.Edge(p.id, to.id)
					}
				}
			}
		}
	}
}
