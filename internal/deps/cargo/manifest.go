package cargo

import (
	"context"
	"path"
	"sort"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/deps/toml"
	"github.com/cladsec/clad/internal/walk"
)

// maxManifests bounds the Cargo.toml files read for one lockfile.
const maxManifests = 500

// manifest is what clad reads from a crate's Cargo.toml.
type manifest struct {
	dir  string
	deps map[string]dep // by the depended-on crate's real name
}

// dep is one dependency a manifest declares.
type dep struct {
	spec string
	dev  bool // only under dev-dependencies
}

// findManifests reads the Cargo.toml files under dir, by package name.
// Unreadable manifests are skipped: they only refine scopes.
func findManifests(ctx context.Context, tree *walk.Tree, dir string) map[string]*manifest {
	out := map[string]*manifest{}
	n := 0
	for _, f := range tree.Under(dir) {
		if path.Base(f.Path) != "Cargo.toml" || ctx.Err() != nil {
			continue
		}
		if n++; n > maxManifests {
			break
		}
		data, err := tree.Read(f)
		if err != nil {
			continue
		}
		root, err := toml.Parse(data)
		if err != nil {
			continue
		}
		name := root.Path("package").String("name")
		if name == "" {
			continue
		}
		out[name] = readManifest(lockbuild.Dir(f.Path), root)
	}
	return out
}

func readManifest(dir string, root *toml.Table) *manifest {
	m := &manifest{dir: dir, deps: map[string]dep{}}
	tables := []*toml.Table{root}
	if targets := root.Table("target"); targets != nil {
		for _, k := range targets.Keys {
			tables = append(tables, targets.Table(k))
		}
	}
	for _, t := range tables {
		for _, sec := range []struct {
			key string
			dev bool
		}{{"dependencies", false}, {"build-dependencies", false}, {"dev-dependencies", true}} {
			m.add(t.Table(sec.key), sec.dev)
		}
	}
	return m
}

// add records a dependency table; a crate declared both as a normal and
// a dev dependency counts as normal.
func (m *manifest) add(t *toml.Table, dev bool) {
	for _, k := range t.KeyNames() {
		name, spec := k, ""
		switch v := t.Get(k); v.Kind {
		case toml.String:
			spec = v.Str
		case toml.TableKind:
			spec = v.Table.String("version")
			if real := v.Table.String("package"); real != "" {
				name = real
			}
		}
		old, seen := m.deps[name]
		if seen && !old.dev {
			continue
		}
		if seen && old.spec != "" && spec == "" {
			spec = old.spec
		}
		m.deps[name] = dep{spec: spec, dev: dev}
	}
}

// roots marks the dependencies of the workspace's own crates as roots.
func (g *graph) roots(manifests map[string]*manifest) {
	g.workspaces = map[string][]string{}
	for _, c := range g.crates {
		if !c.local() {
			continue
		}
		m := manifests[c.name]
		direct := map[string]bool{}
		g.localRoots(c, deps.Runtime, false, manifests, map[string]bool{}, func(t *crate, scope deps.Scope, spec string) {
			g.b.Root(t.id(), scope)
			direct[t.id()] = true
			if p := g.b.Get(t.id()); p != nil && p.Declared == "" {
				p.Declared = spec
			}
		})
		if m != nil {
			g.workspaces[m.dir] = sortedKeys(direct)
		}
	}
}

// localRoots walks a local crate's dependencies: registry crates are
// marked, local ones are entered with the weaker scope. The
// dev-dependencies of an entered (nested) crate are skipped: Cargo never
// builds a dependency's dev-dependencies.
func (g *graph) localRoots(c *crate, scope deps.Scope, nested bool, manifests map[string]*manifest, seen map[string]bool, mark func(*crate, deps.Scope, string)) {
	if seen[c.id()] {
		return
	}
	seen[c.id()] = true
	m := manifests[c.name]
	for _, ref := range c.deps {
		for _, t := range g.target(ref) {
			s, spec := deps.Unknown, ""
			if m != nil {
				d := m.deps[t.name]
				s, spec = deps.Runtime, d.spec
				if d.dev {
					s = deps.Dev
				}
				if d.dev && nested {
					continue
				}
			}
			s = lockbuild.Weaker(scope, s)
			if t.local() {
				g.localRoots(t, s, true, manifests, seen, mark)
				continue
			}
			mark(t, s, spec)
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
