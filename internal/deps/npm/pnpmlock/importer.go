package pnpmlock

import (
	"path"
	"sort"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/npm"
	"github.com/cladsec/clad/internal/model"
)

// importerDirs lists the importers, the project (".") first.
func (l *lock) importerDirs() []string {
	out := make([]string, 0, len(l.importers))
	for d := range l.importers {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// addMember records a workspace member (an importer other than ".") as a
// local package named by its package.json.
func (l *lock) addMember(dir string) {
	full := npm.JoinDir(l.b.Lockfile().Dir, dir)
	p := &deps.Package{ID: dir, Name: path.Base(dir), Local: true, Scope: deps.Runtime,
		Source: model.Location{File: l.b.Lockfile().File, Line: l.importerLine(dir)}}
	if m, err := npm.ReadManifest(l.tree, npm.JoinDir(full, "package.json")); err == nil {
		if m.Name != "" {
			p.Name = m.Name
		}
		p.Version = m.Version
	}
	l.b.Add(p)
	l.b.AddMember(full)
}

func (l *lock) importerLine(dir string) int {
	for _, e := range mapEntries(l.doc.Get("importers")) {
		if path.Clean(e.Key) == dir {
			return e.Line
		}
	}
	return 0
}

// importer records the direct dependencies of the project (".") or of a
// workspace member, and a member's own edges.
func (l *lock) importer(dir string) {
	n := l.importers[dir]
	full := npm.JoinDir(l.b.Lockfile().Dir, dir)
	for _, sec := range []struct {
		key   string
		scope deps.Scope
	}{{"dependencies", deps.Runtime}, {"optionalDependencies", deps.Optional}, {"devDependencies", deps.Dev}} {
		for _, d := range mapEntries(n.Get(sec.key)) {
			ref, spec := l.refSpec(n, d)
			to, ok := l.resolve(d.Key, ref, dir)
			if !ok {
				l.b.Missing(memberID(dir), d.Key, ref, sec.scope == deps.Optional)
				continue
			}
			if dir == "." {
				l.b.Root(to, sec.scope, spec)
				continue
			}
			l.b.Member(full, to, sec.scope, spec)
			if sec.scope != deps.Dev {
				l.b.Edge(dir, to, sec.scope == deps.Optional)
			}
		}
	}
}

func memberID(dir string) string {
	if dir == "." {
		return ""
	}
	return dir
}

// refSpec reads an importer dependency: {specifier, version} in 6.0 and
// later, a bare reference with the range under "specifiers" in 5.x.
func (l *lock) refSpec(imp *cfgtree.Node, d cfgtree.Entry) (ref, spec string) {
	if d.Value.Kind == cfgtree.Map {
		return d.Value.Get("version").Str(), d.Value.Get("specifier").Str()
	}
	return d.Value.Str(), imp.Path("specifiers", d.Key).Str()
}
