package source

import (
	"path"
	"strings"

	"github.com/cladsec/clad/internal/walk"
)

// jsExts are the extensions Node and TypeScript bundlers try, in order.
var jsExts = []string{".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts", ".json"}

// tsForJS maps a .js-family extension to the TypeScript sources that
// compile to it (TypeScript ESM code imports "./x.js" meaning ./x.ts).
var tsForJS = map[string][]string{
	".js": {".ts", ".tsx"}, ".jsx": {".tsx"}, ".mjs": {".mts"}, ".cjs": {".cts"},
}

// ResolveImport finds the file of the tree a local import of fromFile
// loads. codeDir is the function's code root (its sys.path entry for
// Python; "" for the scan root); it bounds the search for absolute Python
// imports. Paths are walk paths (slash-separated, archive entries kept).
func ResolveImport(t *walk.Tree, fromFile, codeDir string, imp Import) (string, bool) {
	if t == nil || imp.Spec == "" {
		return "", false
	}
	switch lang := DetectLang(fromFile); {
	case lang.IsJS():
		return resolveJS(t, fromFile, imp.Spec)
	case lang == Python:
		return resolvePython(t, fromFile, codeDir, imp)
	}
	return "", false
}

// resolveJS tries the spec as a file, with each extension, then as a
// directory's index file, the way Node's CommonJS loader and TypeScript's
// bundler resolution do. package.json "main" fields are not read.
func resolveJS(t *walk.Tree, fromFile, spec string) (string, bool) {
	if !isLocalJS(spec) || strings.HasPrefix(spec, "/") {
		return "", false // absolute paths point outside the project
	}
	spec, _, _ = strings.Cut(spec, "?") // bundler query suffixes
	base, ok := joinRel(dirOf(fromFile), spec)
	if !ok {
		return "", false
	}
	var cands []string
	if base != "" && !strings.HasSuffix(base, walk.ArchiveSep) { // not a root directory
		cands = append(cands, base)
		if ext := path.Ext(base); tsForJS[ext] != nil {
			for _, e := range tsForJS[ext] {
				cands = append(cands, strings.TrimSuffix(base, ext)+e)
			}
		}
		for _, e := range jsExts {
			cands = append(cands, base+e)
		}
	}
	for _, e := range jsExts {
		cands = append(cands, joinPath(base, "index"+e))
	}
	return firstExisting(t, cands)
}

// resolvePython resolves `import a.b`, `from a.b import c` and their
// relative forms. "from M import N" prefers the submodule M.N over M.
func resolvePython(t *walk.Tree, fromFile, codeDir string, imp Import) (string, bool) {
	mod := imp.Spec
	if imp.Relative() {
		rest := strings.TrimLeft(mod, ".")
		dir := dirOf(fromFile)
		for range len(mod) - len(rest) - 1 {
			if dir == "" || dir == "." || strings.HasSuffix(dir, walk.ArchiveSep) {
				return "", false // above the top-level package
			}
			dir = dirOf(dir)
		}
		return firstExisting(t, pyCandidates(dir, rest, imp.Name))
	}
	var cands []string
	for _, root := range pyRoots(dirOf(fromFile), codeDir) {
		cands = append(cands, pyCandidates(root, mod, imp.Name)...)
	}
	return firstExisting(t, cands)
}

// pyCandidates lists the files module mod (dotted, may be empty for the
// package at root itself) may be under root, submodule name first.
func pyCandidates(root, mod, name string) []string {
	var cands []string
	rel := strings.ReplaceAll(mod, ".", "/")
	if name != "" {
		sub := strings.TrimPrefix(rel+"/"+name, "/")
		cands = append(cands, joinPath(root, sub+".py"), joinPath(root, sub+"/__init__.py"))
	}
	if rel == "" {
		return append(cands, joinPath(root, "__init__.py"))
	}
	return append(cands, joinPath(root, rel+".py"), joinPath(root, rel+"/__init__.py"))
}

// pyRoots returns the directories an absolute import is looked up from: the
// importing file's directory, then each parent up to codeDir. A file
// outside codeDir searches its own directory and codeDir.
func pyRoots(dir, codeDir string) []string {
	codeDir = cleanDir(codeDir)
	roots := []string{dir}
	for d := dir; d != codeDir && d != "" && d != "." && isUnder(d, codeDir); {
		d = dirOf(d)
		roots = append(roots, d)
	}
	if roots[len(roots)-1] != codeDir {
		roots = append(roots, codeDir)
	}
	return roots
}

// firstExisting returns the first candidate that is a file of the tree.
func firstExisting(t *walk.Tree, cands []string) (string, bool) {
	for _, c := range cands {
		if c != "" && t.Exists(c) {
			return c, true
		}
	}
	return "", false
}

// dirOf returns the directory of a walk path, keeping the archive separator
// ("a.zip!/x.js" → "a.zip!/", "x.js" → ""). The directory of an archive's
// root is the directory holding the archive.
func dirOf(p string) string {
	if strings.HasSuffix(p, walk.ArchiveSep) {
		return dirOf(strings.TrimSuffix(p, walk.ArchiveSep))
	}
	i := strings.LastIndex(p, "/")
	switch {
	case i < 0:
		return ""
	case strings.HasSuffix(p[:i+1], walk.ArchiveSep):
		return p[:i+1]
	}
	return p[:i]
}

// joinRel joins a directory and a relative path, keeping the archive
// separator. It fails for results that climb above the root of the scan or
// of the archive. Joining to the directory itself gives the directory ("" is
// the scan root, "a.zip!/" an archive's root).
func joinRel(dir, rel string) (string, bool) {
	prefix, inner := "", dir
	if i := strings.Index(dir, walk.ArchiveSep); i >= 0 {
		prefix, inner = dir[:i+len(walk.ArchiveSep)], dir[i+len(walk.ArchiveSep):]
	}
	p := path.Clean(path.Join(inner, rel))
	switch {
	case p == ".." || strings.HasPrefix(p, "../"):
		return "", false
	case p == ".":
		return prefix, true
	}
	return prefix + p, true
}

// joinPath is joinRel for paths known not to climb ("" when they do).
func joinPath(dir, rel string) string {
	p, _ := joinRel(dir, rel)
	return p
}

// cleanDir normalises a code directory to dirOf's form: "", "." and "./"
// are the scan root, an archive root keeps its separator ("a.zip!/").
func cleanDir(d string) string {
	d = strings.TrimPrefix(d, "./")
	if !strings.HasSuffix(d, walk.ArchiveSep) {
		d = strings.TrimSuffix(d, "/")
	}
	if d == "." {
		return ""
	}
	return d
}

// isUnder reports whether dir is codeDir or below it (both in dirOf form).
func isUnder(dir, codeDir string) bool {
	if codeDir == "" || dir == codeDir {
		return true
	}
	if !strings.HasSuffix(codeDir, "/") {
		codeDir += "/"
	}
	return strings.HasPrefix(dir, codeDir)
}
