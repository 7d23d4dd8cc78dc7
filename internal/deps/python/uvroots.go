package python

import (
	"sort"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
)

// roots marks the dependencies of workspace members as roots. A member
// that depends on another member passes the other's dependencies on, with
// the weaker of the two scopes.
func (u *uvGraph) roots() {
	u.workspaces = map[string][]string{}
	for _, m := range u.pkgs {
		if m.local == "" {
			continue
		}
		declared := uvDeclared(m)
		direct := map[string]bool{}
		u.memberRoots(m, deps.Runtime, map[string]bool{}, func(p *uvPkg, scope deps.Scope) {
			u.b.Root(p.id, scope)
			direct[p.id] = true
			if spec, ok := declared[p.name]; ok {
				if pkg := u.b.Get(p.id); pkg != nil && pkg.Declared == "" {
					pkg.Declared = spec
				}
			}
		})
		ids := make([]string, 0, len(direct))
		for id := range direct {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		u.workspaces[lockbuild.JoinDir(u.dir, m.local)] = ids
	}
}

func (u *uvGraph) memberRoots(m *uvPkg, scope deps.Scope, seen map[string]bool, mark func(*uvPkg, deps.Scope)) {
	if seen[m.id] {
		return
	}
	seen[m.id] = true
	for _, l := range depLists(m.t) {
		s := lockbuild.Weaker(scope, l.scope)
		for _, ref := range l.refs {
			for _, to := range u.target(ref) {
				if to.local != "" {
					u.memberRoots(to, s, seen, mark)
					continue
				}
				mark(to, s)
			}
		}
	}
}

// uvDeclared reads the member's [package.metadata] requires-dist and
// requires-dev specifiers by normalised name.
func uvDeclared(m *uvPkg) map[string]string {
	out := map[string]string{}
	meta := m.t.Table("metadata")
	refs := meta.Tables("requires-dist")
	if dev := meta.Table("requires-dev"); dev != nil {
		for _, g := range dev.Keys {
			refs = append(refs, dev.Tables(g)...)
		}
	}
	for _, r := range refs {
		name := Normalize(r.String("name"))
		if _, ok := out[name]; !ok || out[name] == "" {
			out[name] = r.String("specifier")
		}
	}
	return out
}
