package npm

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/deps"
)

// Builder assembles one deps.Lockfile: packages, edges (optional or not),
// the direct dependencies of the project and of each workspace member, and
// what could not be resolved. Finish computes scopes through the graph.
type Builder struct {
	lf      *deps.Lockfile
	byID    map[string]*deps.Package
	edges   map[string][]edge
	start   map[string]deps.Scope
	roots   map[string]bool
	members map[string]map[string]bool
	missing []string
	nMiss   int
	// wants holds the range each package declares for a dependency it
	// resolved: from → to → spec.
	wants map[string]map[string]string
}

type edge struct {
	to       string
	optional bool
}

// NewBuilder starts an npm-ecosystem lockfile for file (relative to the
// scan root); Dir is the file's directory.
func NewBuilder(file, format string) *Builder {
	return &Builder{
		lf:      &deps.Lockfile{File: file, Ecosystem: deps.NPM, Format: format, Dir: deps.Dir(file)},
		byID:    map[string]*deps.Package{},
		edges:   map[string][]edge{},
		start:   map[string]deps.Scope{},
		roots:   map[string]bool{},
		members: map[string]map[string]bool{},
		wants:   map[string]map[string]string{},
	}
}

// Lockfile gives access to the lockfile's own fields while building.
func (b *Builder) Lockfile() *deps.Lockfile { return b.lf }

// Add records p, filling its ecosystem, package URL, source file and a
// default scope; a package whose ID is already known is left as it was and
// the first one is returned.
func (b *Builder) Add(p *deps.Package) *deps.Package {
	if old := b.byID[p.ID]; old != nil {
		return old
	}
	p.Ecosystem = deps.NPM
	if p.PURL == "" && p.Version != "" {
		p.PURL = PURL(p.Name, p.Version)
	}
	if p.Source.File == "" {
		p.Source.File = b.lf.File
	}
	if p.Scope == "" {
		p.Scope = deps.Unknown
	}
	b.byID[p.ID] = p
	return p
}

// Get returns the package with id, or nil.
func (b *Builder) Get(id string) *deps.Package { return b.byID[id] }

// Len is the number of packages.
func (b *Builder) Len() int { return len(b.byID) }

// Edge records that from depends on to; optional edges come from
// optionalDependencies and optional peers.
func (b *Builder) Edge(from, to string, optional bool) {
	if from == to {
		return
	}
	b.edges[from] = append(b.edges[from], edge{to, optional})
}

// Want records the range spec with which from declares its dependency
// to (after resolution); Finish stores it in Package.Requires for the
// edges it keeps. Empty specs and aliases' outer spelling are normalised:
// "npm:real@^1" records "^1".
func (b *Builder) Want(from, to, spec string) {
	if from == to || spec == "" {
		return
	}
	if _, rng, ok := Alias(spec); ok {
		spec = rng
	}
	m := b.wants[from]
	if m == nil {
		m = map[string]string{}
		b.wants[from] = m
	}
	if _, ok := m[to]; !ok {
		m[to] = spec
	}
}

// Root marks id as a direct dependency of the project declared with scope
// and spec.
func (b *Builder) Root(id string, scope deps.Scope, spec string) {
	b.roots[id] = true
	b.direct(id, scope, spec, true)
}

// Member marks id as a direct dependency of the workspace member at dir
// (relative to the scan root).
func (b *Builder) Member(dir, id string, scope deps.Scope, spec string) {
	if b.members[dir] == nil {
		b.members[dir] = map[string]bool{}
	}
	b.members[dir][id] = true
	b.direct(id, scope, spec, false)
}

// AddMember records a workspace member with no dependencies of its own.
func (b *Builder) AddMember(dir string) {
	if b.members[dir] == nil {
		b.members[dir] = map[string]bool{}
	}
}

// direct records a direct dependency; the project's own declared range
// wins over a member's, else the first one seen stays.
func (b *Builder) direct(id string, scope deps.Scope, spec string, project bool) {
	if old, ok := b.start[id]; !ok || ScopeRank(scope) < ScopeRank(old) {
		b.start[id] = scope
	}
	if p := b.byID[id]; p != nil {
		p.Direct = true
		if _, rng, ok := Alias(spec); ok {
			spec = rng
		}
		if p.Declared == "" || project {
			p.Declared = spec
		}
	}
}

// Missing records a dependency that resolves to no package. Missing
// optional dependencies are normal (not installed on this platform) and
// not reported.
func (b *Builder) Missing(from, name, spec string, optional bool) {
	if optional {
		return
	}
	b.nMiss++
	if len(b.missing) < 5 {
		if from == "" {
			from = "(project)"
		}
		b.missing = append(b.missing, fmt.Sprintf("%s > %s@%s", from, name, spec))
	}
}

// Warn adds a warning to the lockfile.
func (b *Builder) Warn(format string, args ...any) {
	b.lf.Warnings = append(b.lf.Warnings, fmt.Sprintf(format, args...))
}

// Finish returns the lockfile: packages sorted by ID, edges deduplicated and
// those to unknown packages dropped (and reported), roots and workspace
// members sorted, scopes computed through the graph.
func (b *Builder) Finish() *deps.Lockfile {
	ids := make([]string, 0, len(b.byID))
	for id := range b.byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	b.lf.Packages = make([]*deps.Package, 0, len(ids))
	for _, id := range ids {
		p := b.byID[id]
		p.Deps = b.depsOf(id)
		p.Requires = b.requiresOf(id, p.Deps)
		b.lf.Packages = append(b.lf.Packages, p)
	}
	b.lf.Roots = b.known(b.roots)
	if len(b.members) > 0 {
		b.lf.Workspaces = map[string][]string{}
		for dir, set := range b.members {
			b.lf.Workspaces[dir] = b.known(set)
		}
	}
	b.propagate()
	if b.nMiss > 0 {
		b.Warn("%d dependencies name packages missing from %s; their edges are dropped (%s%s)",
			b.nMiss, path.Base(b.lf.File), strings.Join(b.missing, ", "), more(b.nMiss, len(b.missing)))
	}
	return b.lf
}

func more(n, shown int) string {
	if n > shown {
		return ", …"
	}
	return ""
}

// depsOf returns the sorted unique targets of id's edges that exist.
func (b *Builder) depsOf(id string) []string {
	es := b.edges[id]
	if len(es) == 0 {
		return nil
	}
	seen := make(map[string]bool, len(es))
	out := make([]string, 0, len(es))
	for _, e := range es {
		if seen[e.to] {
			continue
		}
		seen[e.to] = true
		if b.byID[e.to] == nil {
			b.Missing(id, e.to, "", e.optional)
			continue
		}
		out = append(out, e.to)
	}
	sort.Strings(out)
	return out
}

// requiresOf returns the recorded ranges of id's kept edges, or nil.
func (b *Builder) requiresOf(id string, kept []string) map[string]string {
	w := b.wants[id]
	if len(w) == 0 {
		return nil
	}
	var out map[string]string
	for _, to := range kept {
		if spec, ok := w[to]; ok {
			if out == nil {
				out = make(map[string]string, len(kept))
			}
			out[to] = spec
		}
	}
	return out
}

func (b *Builder) known(set map[string]bool) []string {
	out := []string{}
	for id := range set {
		if b.byID[id] != nil {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}
