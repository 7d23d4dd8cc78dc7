package lockbuild

import (
	"path"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/deps"
)

// Builder assembles one deps.Lockfile.
type Builder struct {
	lf    *deps.Lockfile
	byID  map[string]*deps.Package
	edges map[string]map[string]bool
	roots map[string]deps.Scope
	order []string
}

// New starts a lockfile for file (slash-separated, relative to the scan
// root); Dir defaults to the file's directory.
func New(file, ecosystem, format string) *Builder {
	return &Builder{
		lf:    &deps.Lockfile{File: file, Ecosystem: ecosystem, Format: format, Dir: Dir(file)},
		byID:  map[string]*deps.Package{},
		edges: map[string]map[string]bool{},
		roots: map[string]deps.Scope{},
	}
}

// Dir is the directory of a slash-separated file path, as deps.Dir spells
// it ("." at the root, "fn.zip!/" at the top of an archive).
func Dir(file string) string { return deps.Dir(file) }

// JoinDir joins a directory and a relative path with the same spelling
// ("fn.zip!/" + "." is "fn.zip!/").
func JoinDir(dir, rel string) string {
	j := path.Join(dir, rel)
	if strings.HasSuffix(j, "!") && strings.HasSuffix(dir, "!/") {
		return j + "/"
	}
	return j
}

// Lockfile gives access to the lockfile's own fields (Format, Dir,
// DeclaredOnly, Workspaces) while building.
func (b *Builder) Lockfile() *deps.Lockfile { return b.lf }

// Add records p and returns it; when a package with the same ID exists the
// existing one is returned unchanged (first occurrence wins, as its source
// line is the one a reader looks for first).
func (b *Builder) Add(p *deps.Package) *deps.Package {
	if old, ok := b.byID[p.ID]; ok {
		return old
	}
	if p.Ecosystem == "" {
		p.Ecosystem = b.lf.Ecosystem
	}
	if p.Scope == "" {
		p.Scope = deps.Unknown
	}
	if p.Source.File == "" {
		p.Source.File = b.lf.File
	}
	b.byID[p.ID] = p
	b.order = append(b.order, p.ID)
	return p
}

// Get returns the package with id, or nil.
func (b *Builder) Get(id string) *deps.Package { return b.byID[id] }

// Len is the number of packages added.
func (b *Builder) Len() int { return len(b.byID) }

// Edge records that from depends on to. Self edges are dropped.
func (b *Builder) Edge(from, to string) {
	if from == to {
		return
	}
	m := b.edges[from]
	if m == nil {
		m = map[string]bool{}
		b.edges[from] = m
	}
	m[to] = true
}

// Root marks id as a direct dependency declared with scope. A package
// declared under several scopes keeps the one that ships the most
// (runtime over optional over dev).
func (b *Builder) Root(id string, scope deps.Scope) {
	if old, ok := b.roots[id]; ok && rank(old) <= rank(scope) {
		return
	}
	b.roots[id] = scope
}

// IsRoot reports whether id was marked as a root.
func (b *Builder) IsRoot(id string) bool { _, ok := b.roots[id]; return ok }

// rank orders scopes from the one that ships the most.
func rank(s deps.Scope) int {
	switch s {
	case deps.Runtime:
		return 0
	case deps.Unknown, "":
		return 1
	case deps.Optional:
		return 2
	}
	return 3
}

// Finish returns the lockfile: packages sorted by ID, edges and roots that
// point at unknown packages dropped, roots marked Direct. With propagate,
// every package reachable from a root takes the scope that ships the most
// among the roots that reach it (a package reachable only from dev roots is
// Dev); packages no root reaches keep the scope the parser gave them.
func (b *Builder) Finish(propagate bool) *deps.Lockfile {
	for from, tos := range b.edges {
		p := b.byID[from]
		if p == nil {
			continue
		}
		for to := range tos {
			if b.byID[to] != nil {
				p.Deps = append(p.Deps, to)
			}
		}
		sort.Strings(p.Deps)
	}
	ids := make([]string, 0, len(b.byID))
	for id := range b.byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	b.lf.Packages = make([]*deps.Package, 0, len(ids))
	for _, id := range ids {
		b.lf.Packages = append(b.lf.Packages, b.byID[id])
	}
	b.lf.Roots = []string{}
	for id := range b.roots {
		if p := b.byID[id]; p != nil {
			p.Direct = true
			b.lf.Roots = append(b.lf.Roots, id)
		}
	}
	sort.Strings(b.lf.Roots)
	if propagate {
		b.propagate()
	}
	return b.lf
}

// propagate walks the graph from the roots, best-shipping scope first.
func (b *Builder) propagate() {
	best := map[string]deps.Scope{}
	for _, s := range []deps.Scope{deps.Runtime, deps.Unknown, deps.Optional, deps.Dev} {
		var queue []string
		for _, id := range b.lf.Roots {
			if b.roots[id] == s {
				queue = append(queue, id)
			}
		}
		for len(queue) > 0 {
			id := queue[0]
			queue = queue[1:]
			if _, done := best[id]; done {
				continue
			}
			best[id] = s
			queue = append(queue, b.byID[id].Deps...)
		}
	}
	for id, s := range best {
		b.byID[id].Scope = s
	}
}

// Packages returns the packages added so far, in the order they were added.
func (b *Builder) Packages() []*deps.Package {
	out := make([]*deps.Package, len(b.order))
	for i, id := range b.order {
		out[i] = b.byID[id]
	}
	return out
}

// ByName indexes the packages added so far by name.
func (b *Builder) ByName() map[string][]*deps.Package {
	out := map[string][]*deps.Package{}
	for _, id := range b.order {
		p := b.byID[id]
		out[p.Name] = append(out[p.Name], p)
	}
	return out
}

// RootOrphans marks every package nothing depends on as a root with its
// own scope: the best guess at the direct dependencies when the format
// does not list them (the guess misses a direct dependency that another
// package also requires).
func (b *Builder) RootOrphans() {
	has := map[string]bool{}
	for from, tos := range b.edges {
		if b.byID[from] == nil {
			continue
		}
		for to := range tos {
			has[to] = true
		}
	}
	for _, id := range b.order {
		if !has[id] {
			b.Root(id, b.byID[id].Scope)
		}
	}
	// A cycle nothing else reaches has no orphan: its first member stands
	// for it.
	reached := b.reachable()
	for _, id := range b.order {
		if !reached[id] {
			b.Root(id, b.byID[id].Scope)
			for r := range b.reachableFrom(id) {
				reached[r] = true
			}
		}
	}
}

func (b *Builder) reachable() map[string]bool {
	ids := make([]string, 0, len(b.roots))
	for id := range b.roots {
		ids = append(ids, id)
	}
	return b.reachableFrom(ids...)
}

func (b *Builder) reachableFrom(ids ...string) map[string]bool {
	seen := map[string]bool{}
	queue := []string{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			queue = append(queue, id)
		}
	}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for to := range b.edges[cur] {
			if !seen[to] && b.byID[to] != nil {
				seen[to] = true
				queue = append(queue, to)
			}
		}
	}
	return seen
}

// Weaker returns the scope that ships less of a and b (runtime, unknown,
// optional, dev in that order): a dependency reached through a dev
// dependency is dev.
func Weaker(a, b deps.Scope) deps.Scope {
	if rank(b) > rank(a) {
		return b
	}
	return a
}
