package source

import (
	"path"
	"slices"
	"strings"

	"github.com/cladsec/clad/internal/walk"
)

// Bounds of Reach.
const (
	// DefaultMaxReach is the file budget when Reach is given none.
	DefaultMaxReach = 500
	// MaxReachDepth is the longest import chain Reach follows.
	MaxReachDepth = 32
)

// Reach returns the files reachable from entry (a handler file) through
// local imports, breadth first: entry first, the others sorted. Cycles are
// safe; the walk stops after maxFiles files (DefaultMaxReach when <= 0) or
// MaxReachDepth levels. codeDir is the function's code root (see
// ResolveImport). Files that cannot be read or parsed are kept but not
// followed; JSON files loaded by require are kept too, other assets
// (stylesheets, images) are not. For Go, the reach is
// the package: the other non-test .go files of entry's directory. For
// Python, the __init__.py of every package a reached module belongs to
// (below codeDir) runs too, and is included.
func Reach(t *walk.Tree, entry, codeDir string, maxFiles int) []string {
	c := NewCache(t)
	defer c.Close()
	return c.Reach(entry, codeDir, maxFiles)
}

// Reach is Reach over the cache's tree, parsing through the cache.
func (c *Cache) Reach(entry, codeDir string, maxFiles int) []string {
	t := c.tree
	if t == nil || !t.Exists(entry) {
		return nil
	}
	if maxFiles <= 0 {
		maxFiles = DefaultMaxReach
	}
	codeDir = cleanDir(codeDir)
	seen := map[string]bool{entry: true}
	order := []string{entry}
	level := []string{entry}
	for depth := 0; depth < MaxReachDepth && len(level) > 0; depth++ {
		var next []string
		for _, file := range level {
			for _, dep := range c.fileDeps(file, codeDir) {
				if len(order) >= maxFiles {
					slices.Sort(order[1:])
					return order
				}
				if !seen[dep] && reachable(dep) {
					seen[dep] = true
					order = append(order, dep)
					next = append(next, dep)
				}
			}
		}
		level = next
	}
	slices.Sort(order[1:])
	return order
}

// reachable reports whether a loaded file belongs in the reach: source code
// and JSON data, not stylesheets or images a bundler would have inlined.
func reachable(p string) bool {
	return DetectLang(p) != Unsupported || strings.EqualFold(path.Ext(p), ".json")
}

// fileDeps returns the files one file loads directly.
func (c *Cache) fileDeps(file, codeDir string) []string {
	t := c.tree
	switch lang := DetectLang(file); {
	case lang == Go:
		return goPackageFiles(t, file)
	case lang == Unsupported:
		return nil
	}
	f, err := c.File(file)
	if err != nil {
		return nil
	}
	imps := f.LocalImports()
	var deps []string
	if f.Lang == Python {
		deps = pyPackageInits(t, file, codeDir)
	}
	for _, imp := range imps {
		target, ok := ResolveImport(t, file, codeDir, imp)
		if !ok {
			continue
		}
		deps = append(deps, target)
		if f.Lang == Python {
			deps = append(deps, pyPackageInits(t, target, codeDir)...)
		}
	}
	return deps
}

// goPackageFiles returns the other non-test Go files in file's directory.
func goPackageFiles(t *walk.Tree, file string) []string {
	dir := dirOf(file)
	var out []string
	for _, f := range t.Under(strings.TrimSuffix(dir, "/")) {
		p := f.Path
		if p != file && dirOf(p) == dir && path.Ext(p) == ".go" && !strings.HasSuffix(p, "_test.go") {
			out = append(out, p)
		}
	}
	return out
}

// pyPackageInits returns the __init__.py files of the packages enclosing
// file, innermost first, up to (not including) codeDir.
func pyPackageInits(t *walk.Tree, file, codeDir string) []string {
	var out []string
	for d := dirOf(file); d != codeDir && d != "" && isUnder(d, codeDir); d = dirOf(d) {
		if init := joinPath(d, "__init__.py"); init != "" && init != file && t.Exists(init) {
			out = append(out, init)
		}
		if strings.HasSuffix(d, walk.ArchiveSep) {
			break
		}
	}
	return out
}
