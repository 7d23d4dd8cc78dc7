package deps

import (
	"strings"
)

// Shipped is what one function ships from one lockfile: the direct
// dependencies that apply to its code and every package reachable from
// them.
type Shipped struct {
	Lockfile *Lockfile
	// Roots are the direct dependencies for the function's code directory
	// (a workspace member's own, or the project's).
	Roots []string
	// Member is the workspace member directory, "" for the project root.
	Member string
	// Reach holds the IDs of the packages reachable from Roots, dev-only
	// packages included (check Package.Scope).
	Reach map[string]bool
}

// runtimeEcosystems maps a runtime's language family to the ecosystems
// whose packages such a function can load.
var runtimeEcosystems = map[string][]string{
	"node": {NPM}, "python": {PyPI}, "go": {Go}, "provided": {Go, CratesIO},
	"java": {Maven}, "ruby": {RubyGems}, "dotnet": {NuGet}, "php": {Packagist},
}

// Ecosystems returns the ecosystems a runtime loads packages from; nil
// means unknown (every ecosystem may apply).
func Ecosystems(runtime string) []string {
	r := strings.ToLower(runtime)
	for _, p := range []struct{ prefix, lang string }{
		{"node", "node"}, {"python", "python"}, {"go", "go"}, {"provided", "provided"}, {"custom", "provided"},
		{"java", "java"}, {"ruby", "ruby"}, {"dotnet", "dotnet"}, {"php", "php"},
	} {
		if strings.HasPrefix(r, p.prefix) {
			return runtimeEcosystems[p.lang]
		}
	}
	return nil
}

// ForFunction returns, per ecosystem the function's runtime loads, the
// innermost lockfile governing codeDir and what the function ships from it.
// Where a directory holds both a lockfile and an installed tree
// (node_modules, dist-info), the installed tree wins inside deployment
// packages (it is what ships) and the lockfile wins elsewhere.
func ForFunction(lfs []*Lockfile, codeDir, runtime string) []Shipped {
	want := map[string]bool{}
	for _, e := range Ecosystems(runtime) {
		want[e] = true
	}
	best := map[string]*Lockfile{}
	for _, l := range lfs {
		if (len(want) > 0 && !want[l.Ecosystem]) || !l.Governs(codeDir) {
			continue
		}
		if cur := best[l.Ecosystem]; cur == nil || better(l, cur) {
			best[l.Ecosystem] = l
		}
	}
	var out []Shipped
	for _, l := range lfs { // lockfile order keeps the result stable
		if best[l.Ecosystem] != l {
			continue
		}
		roots, member := l.RootsFor(codeDir)
		out = append(out, Shipped{Lockfile: l, Roots: roots, Member: member, Reach: l.Reachable(roots)})
	}
	return out
}

// better reports whether a should govern instead of b: the deeper
// directory, then an installed tree inside an archive, then a real lockfile
// over declared ranges, then a file with packages that ship over a
// development-only one (requirements.txt over requirements-dev.txt).
func better(a, b *Lockfile) bool {
	if len(a.Dir) != len(b.Dir) {
		return len(a.Dir) > len(b.Dir)
	}
	if strings.Contains(a.Dir, "!/") && installed(a) != installed(b) {
		return installed(a)
	}
	if a.DeclaredOnly != b.DeclaredOnly {
		return b.DeclaredOnly
	}
	return devOnly(b) && !devOnly(a)
}

// installed reports whether l is an installed tree rather than a lockfile.
func installed(l *Lockfile) bool { return l.Format == "node_modules" || l.Format == "dist-info" }

// devOnly reports whether every package of l is a development dependency.
func devOnly(l *Lockfile) bool {
	for _, p := range l.Packages {
		if p.Scope != Dev {
			return false
		}
	}
	return len(l.Packages) > 0
}

// Shadowed returns the lockfiles that another lockfile of the same
// ecosystem and directory describes better: the lockfile inside a
// deployment package beside its installed tree, the package.json or
// unpinned requirements beside a real lockfile. They list the same
// packages; checking both would report each one twice.
func Shadowed(lfs []*Lockfile) map[*Lockfile]bool {
	out := map[*Lockfile]bool{}
	for _, a := range lfs {
		for _, b := range lfs {
			if a == b || a.Ecosystem != b.Ecosystem || a.Dir != b.Dir {
				continue
			}
			inArchive := strings.Contains(a.Dir, "!/")
			if inArchive && installed(a) != installed(b) && installed(a) ||
				a.DeclaredOnly != b.DeclaredOnly && b.DeclaredOnly {
				out[b] = true
			}
		}
	}
	return out
}

// Reachable returns the IDs of every package reachable from roots.
func (l *Lockfile) Reachable(roots []string) map[string]bool {
	seen := map[string]bool{}
	stack := append([]string(nil), roots...)
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		p := l.Get(id)
		if p == nil || seen[id] {
			continue
		}
		seen[id] = true
		stack = append(stack, p.Deps...)
	}
	return seen
}
