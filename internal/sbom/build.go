package sbom

import (
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/model"
)

// Build makes the inventory of a scanned project: root is the path the
// user gave, lfs the dependency files the scan parsed.
func Build(root string, project *model.Project, lfs []*deps.Lockfile) *Inventory {
	inv := &Inventory{SchemaVersion: SchemaVersion, Root: root, Functions: []Function{}, Packages: []*Package{}}
	b := &builder{byKey: map[string]*Package{}, deps: map[string]map[string]bool{}, fns: map[string]map[string]bool{}, roots: map[string]bool{}}
	for _, lf := range lfs {
		if !shadowed(lf, lfs) {
			b.addLockfile(lf)
		}
	}
	if project != nil {
		fns := append([]*model.Function(nil), project.Functions...)
		sort.SliceStable(fns, func(i, j int) bool { return fns[i].ID < fns[j].ID })
		for _, fn := range fns {
			f := newFunction(fn)
			f.Dependencies = b.attribute(fn, lfs)
			inv.Functions = append(inv.Functions, f)
		}
	}
	inv.Packages = b.finish()
	inv.Roots = b.projectRoots()
	return inv
}

// shadowed reports whether lf only declares ranges (a bare manifest,
// unpinned requirements) while a real lockfile of the same ecosystem pins
// the same directory: its ranges would show as packages of their own.
func shadowed(lf *deps.Lockfile, lfs []*deps.Lockfile) bool {
	if !lf.DeclaredOnly {
		return false
	}
	for _, o := range lfs {
		if o != lf && !o.DeclaredOnly && o.Ecosystem == lf.Ecosystem && o.Dir == lf.Dir {
			return true
		}
	}
	return false
}

// builder merges lockfile packages by key.
type builder struct {
	byKey map[string]*Package
	order []*Package
	deps  map[string]map[string]bool // key → keys it depends on
	fns   map[string]map[string]bool // key → function IDs
	roots map[string]bool            // keys of the project's direct dependencies
}

// Key is the inventory key of a package pinned by lf.
func Key(lf *deps.Lockfile, p *deps.Package) string {
	switch {
	case p.Local:
		return "local:" + lf.File + "#" + p.ID
	case p.PURL != "":
		return p.PURL
	}
	return p.Ecosystem + ":" + p.Name + "@" + p.Version
}

func (b *builder) addLockfile(lf *deps.Lockfile) {
	for _, p := range lf.Packages {
		key := Key(lf, p)
		pkg := b.byKey[key]
		if pkg == nil {
			pkg = &Package{Key: key, Ecosystem: p.Ecosystem, Name: p.Name, Version: p.Version, PURL: p.PURL, Scope: p.Scope, Local: p.Local}
			b.byKey[key] = pkg
			b.order = append(b.order, pkg)
		}
		b.merge(pkg, lf, p)
		for _, d := range p.Deps {
			if dp := lf.Get(d); dp != nil {
				b.edge(key, Key(lf, dp))
			}
		}
	}
	for _, id := range lf.Roots {
		if p := lf.Get(id); p != nil {
			b.roots[Key(lf, p)] = true
		}
	}
}

// projectRoots are the project's own direct dependencies, plus the local
// packages nothing depends on (workspace members: their dependencies hang
// off them in the graph).
func (b *builder) projectRoots() []string {
	depended := map[string]bool{}
	for _, to := range b.deps {
		for k := range to {
			depended[k] = true
		}
	}
	for _, p := range b.order {
		if p.Local && !depended[p.Key] {
			b.roots[p.Key] = true
		}
	}
	return keys(b.roots)
}

// merge adds one occurrence of a package.
func (b *builder) merge(pkg *Package, lf *deps.Lockfile, p *deps.Package) {
	if pkg.License == nil && strings.TrimSpace(p.License) != "" {
		l := strings.TrimSpace(p.License)
		pkg.License = &l
	}
	if scopeRank(p.Scope) < scopeRank(pkg.Scope) {
		pkg.Scope = p.Scope
	}
	pkg.Direct = pkg.Direct || p.Direct
	line := p.Source.Line
	file := p.Source.File
	if file == "" {
		file = lf.File
	}
	pkg.Occurrences = append(pkg.Occurrences, Occurrence{File: file, Line: line, Format: lf.Format, ID: p.ID, Scope: p.Scope, Direct: p.Direct})
}

// scopeRank orders scopes from the widest: a package that is runtime
// anywhere is runtime.
func scopeRank(s deps.Scope) int {
	switch s {
	case deps.Runtime:
		return 0
	case deps.Optional:
		return 1
	case deps.Dev:
		return 3
	}
	return 2
}

func (b *builder) edge(from, to string) {
	if from == to {
		return
	}
	if b.deps[from] == nil {
		b.deps[from] = map[string]bool{}
	}
	b.deps[from][to] = true
}

// attribute records which packages fn ships: those deps.ForFunction puts
// in its reach, dev dependencies excepted. It returns the keys of the
// direct dependencies fn ships.
func (b *builder) attribute(fn *model.Function, lfs []*deps.Lockfile) []string {
	direct := map[string]bool{}
	for _, s := range deps.ForFunction(lfs, fn.CodeDir, fn.Runtime) {
		for _, id := range s.Roots {
			if p := s.Lockfile.Get(id); p != nil && p.Scope != deps.Dev {
				direct[Key(s.Lockfile, p)] = true
			}
		}
		for id := range s.Reach {
			p := s.Lockfile.Get(id)
			if p == nil || p.Scope == deps.Dev {
				continue
			}
			key := Key(s.Lockfile, p)
			if b.fns[key] == nil {
				b.fns[key] = map[string]bool{}
			}
			b.fns[key][fn.ID] = true
		}
	}
	return keys(direct)
}

func (b *builder) finish() []*Package {
	for _, p := range b.order {
		p.Functions = keys(b.fns[p.Key])
		p.DependsOn = keys(b.deps[p.Key])
		p.Occurrences = dedupOccurrences(p.Occurrences)
	}
	out := append([]*Package{}, b.order...)
	sort.SliceStable(out, func(i, j int) bool { return less(out[i], out[j]) })
	return out
}
