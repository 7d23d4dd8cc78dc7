// Package deps models the dependencies a project ships: the packages each
// lockfile (or installed tree) pins, the graph between them, and which
// functions they reach. Parsers for each format live in sub-packages and
// are listed in internal/deps/list.
package deps

import (
	"path"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// OSV ecosystem names (https://ossf.github.io/osv-schema/#affectedpackage-field).
const (
	NPM       = "npm"
	PyPI      = "PyPI"
	Go        = "Go"
	Maven     = "Maven"
	RubyGems  = "RubyGems"
	NuGet     = "NuGet"
	CratesIO  = "crates.io"
	Packagist = "Packagist"
)

// Scope says whether a package ships with the deployed code.
type Scope string

// Scopes.
const (
	// Runtime packages are installed in production (dependencies).
	Runtime Scope = "runtime"
	// Dev packages are only for development and tests (devDependencies,
	// dev groups, test scope) and are not packaged.
	Dev Scope = "dev"
	// Optional packages may be installed (optionalDependencies).
	Optional Scope = "optional"
	// Unknown when the format does not say.
	Unknown Scope = "unknown"
)

// Package is one resolved package version in a lockfile.
type Package struct {
	// ID is unique within its Lockfile; parsers choose it (for npm the
	// node_modules path, elsewhere usually name@version).
	ID        string `json:"id"`
	Ecosystem string `json:"ecosystem"`
	Name      string `json:"name"`
	Version   string `json:"version"`
	// PURL is the package URL (pkg:npm/%40scope/name@1.2.3).
	PURL string `json:"purl"`
	// License is an SPDX expression when the lockfile or metadata says so.
	License string `json:"license,omitempty"`
	Scope   Scope  `json:"scope"`
	// Direct is true for packages the project itself declares.
	Direct bool `json:"direct,omitempty"`
	// Declared is the range the project declares for a direct dependency
	// (from package.json, pyproject…), when known.
	Declared string `json:"declared,omitempty"`
	// Deps are the IDs of the packages this one depends on.
	Deps []string `json:"deps,omitempty"`
	// Requires maps IDs in Deps to the range this package declares for
	// that dependency (npm: the "dependencies" of its lockfile entry or
	// installed package.json), where the format records it. The fix advice
	// of the library checks reads it: a fixed version inside the parent's
	// range is one `npm update` away.
	Requires map[string]string `json:"requires,omitempty"`
	Source   model.Location    `json:"source"`
	// Local is true for code that does not come from a registry: workspace
	// members, linked or file: directories. Local packages are part of the
	// graph (paths run through them) but are never matched against
	// advisories: their name may be anyone's.
	Local bool `json:"local,omitempty"`
}

// Lockfile is everything one dependency file pins.
type Lockfile struct {
	// File is the lockfile (or manifest) path relative to the scan root.
	File      string `json:"file"`
	Ecosystem string `json:"ecosystem"`
	// Format names the parser and version, e.g. "package-lock@3", "yarn@1",
	// "pnpm@9", "requirements", "poetry", "go.mod", "node_modules".
	Format string `json:"format"`
	// Dir is the project directory the lockfile governs (usually its own
	// directory; a workspace root for workspace members).
	Dir string `json:"dir"`
	// DeclaredOnly is true when versions are ranges from a manifest (a bare
	// package.json, a pom.xml without lockfile): matches are less certain.
	DeclaredOnly bool `json:"declared_only,omitempty"`
	// Roots are the IDs of the direct dependencies.
	Roots    []string   `json:"roots"`
	Packages []*Package `json:"packages"`
	// Workspaces maps a member directory to the IDs of its direct
	// dependencies, for monorepos where one lockfile governs many packages.
	Workspaces map[string][]string `json:"workspaces,omitempty"`
	// Warnings are problems met while parsing that did not stop it, such as
	// dependencies naming packages the lockfile does not hold (those edges
	// are dropped). The scan turns them into warnings on the file.
	Warnings []string `json:"warnings,omitempty"`

	byID map[string]*Package
}

// Get returns the package with id.
func (l *Lockfile) Get(id string) *Package {
	if l.byID == nil || len(l.byID) != len(l.Packages) {
		l.byID = make(map[string]*Package, len(l.Packages))
		for _, p := range l.Packages {
			l.byID[p.ID] = p
		}
	}
	return l.byID[id]
}

// Paths returns up to limit shortest dependency paths from a root to the
// package id, each as a list of IDs from the root to id inclusive.
func (l *Lockfile) Paths(id string, roots []string, limit int) [][]string {
	if limit <= 0 {
		limit = 5
	}
	type item struct{ path []string }
	var out [][]string
	queue := []item{}
	seen := map[string]bool{}
	for _, r := range roots {
		if l.Get(r) != nil && !seen[r] {
			seen[r] = true
			queue = append(queue, item{[]string{r}})
		}
	}
	for len(queue) > 0 && len(out) < limit {
		it := queue[0]
		queue = queue[1:]
		last := it.path[len(it.path)-1]
		if last == id {
			out = append(out, it.path)
			continue
		}
		p := l.Get(last)
		deps := p.Deps
		if !sort.StringsAreSorted(deps) {
			deps = append([]string(nil), deps...)
			sort.Strings(deps)
		}
		for _, d := range deps {
			if seen[d] && d != id {
				continue
			}
			if l.Get(d) == nil {
				continue
			}
			seen[d] = true
			np := append(append([]string(nil), it.path...), d)
			queue = append(queue, item{np})
		}
	}
	return out
}

// PathsFromEachRoot returns, for every root that reaches the package id,
// one shortest path from that root to it (root first, id last): the
// dependency each direct dependency brings it in through, even when a
// shorter path from another root passes the same packages. Shortest first,
// then by the IDs; at most limit (all when limit <= 0). One breadth-first
// walk back from id over the reversed edges finds them all.
func (l *Lockfile) PathsFromEachRoot(id string, roots []string, limit int) [][]string {
	if l.Get(id) == nil {
		return nil
	}
	rev := map[string][]string{}
	for _, p := range l.Packages {
		for _, d := range p.Deps {
			rev[d] = append(rev[d], p.ID)
		}
	}
	next := map[string]string{id: ""} // a node's next hop towards id
	queue := []string{id}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		parents := rev[n]
		sort.Strings(parents)
		for _, p := range parents {
			if _, ok := next[p]; !ok && l.Get(p) != nil {
				next[p] = n
				queue = append(queue, p)
			}
		}
	}
	var out [][]string
	seen := map[string]bool{}
	for _, r := range roots {
		if _, ok := next[r]; !ok || seen[r] {
			continue
		}
		seen[r] = true
		path := []string{r}
		for n := r; n != id; {
			n = next[n]
			path = append(path, n)
		}
		out = append(out, path)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) < len(out[j])
		}
		return strings.Join(out[i], "\x00") < strings.Join(out[j], "\x00")
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// Dir is the directory of a slash-separated file path relative to the scan
// root: "." at the root, and for a file at the top of a zip the archive
// itself with its separator ("fn.zip!/package.json" → "fn.zip!/"), the
// convention the extractors use for code directories.
func Dir(file string) string {
	if i := strings.LastIndex(file, walk.ArchiveSep); i >= 0 && !strings.Contains(file[i+len(walk.ArchiveSep):], "/") {
		return file[:i+len(walk.ArchiveSep)]
	}
	return path.Dir(file)
}

// Governs reports whether the lockfile speaks for code in dir: dir is the
// lockfile's directory or below it (within the same archive).
func (l *Lockfile) Governs(dir string) bool {
	return within(dir, l.Dir)
}

// RootsFor returns the direct dependencies that apply to code in dir: those
// of the innermost workspace member containing dir (member is its
// directory), else the project's Roots (member is "").
func (l *Lockfile) RootsFor(dir string) (roots []string, member string) {
	for m := range l.Workspaces {
		if within(dir, m) && len(m) > len(member) {
			member = m
		}
	}
	if member == "" {
		return l.Roots, ""
	}
	return l.Workspaces[member], member
}

// within reports whether dir is base or below it; base "." holds every
// path outside archives, "fn.zip!/" everything in that archive.
func within(dir, base string) bool {
	switch {
	case base == "." || base == "":
		return !strings.Contains(dir, walk.ArchiveSep)
	case strings.HasSuffix(base, walk.ArchiveSep):
		return strings.HasPrefix(dir, base) || dir == strings.TrimSuffix(base, "/")
	}
	return dir == base || strings.HasPrefix(dir, base+"/")
}
