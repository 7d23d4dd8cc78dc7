package npm

import (
	"path"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/cladsec/clad/internal/walk"
)

// LockfileNames are the JavaScript lockfiles that govern the package.json
// beside them.
var LockfileNames = []string{"package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml"}

// JoinDir joins a slash path rel to a directory in deps.Dir form ("." for
// the root, "fn.zip!/" for the top of an archive), cleaning the result.
func JoinDir(dir, rel string) string {
	rel = strings.TrimPrefix(rel, "./")
	switch {
	case dir == "" || dir == ".":
		return path.Clean(rel)
	case strings.HasSuffix(dir, walk.ArchiveSep):
		c := path.Clean(rel)
		if c == "." {
			return dir
		}
		return dir + c
	}
	return path.Clean(dir + "/" + rel)
}

// RelDir returns p relative to dir (both in deps.Dir form), with ok false
// when p is not dir or below it.
func RelDir(dir, p string) (string, bool) {
	prefix := dirPrefix(dir)
	if p == dir || p+"/" == prefix {
		return ".", true
	}
	if prefix != "" && !strings.HasPrefix(p, prefix) {
		return "", false
	}
	return p[len(prefix):], true
}

// dirPrefix is what every path below dir starts with.
func dirPrefix(dir string) string {
	switch {
	case dir == "" || dir == ".":
		return ""
	case strings.HasSuffix(dir, walk.ArchiveSep):
		return dir
	}
	return dir + "/"
}

// FilesUnder returns the tree's files below dir, in path order.
func FilesUnder(tree *walk.Tree, dir string) []walk.File {
	prefix := dirPrefix(dir)
	if prefix == "" {
		return tree.Files
	}
	i := sort.Search(len(tree.Files), func(i int) bool { return tree.Files[i].Path >= prefix })
	j := i
	for j < len(tree.Files) && strings.HasPrefix(tree.Files[j].Path, prefix) {
		j++
	}
	return tree.Files[i:j]
}

// LockfileIn returns the JavaScript lockfile in dir, if any.
func LockfileIn(tree *walk.Tree, dir string) (string, bool) {
	for _, n := range LockfileNames {
		if p := JoinDir(dir, n); tree.Exists(p) {
			return p, true
		}
	}
	return "", false
}

// MemberDirs expands workspace globs (relative to dir) into the member
// directories that hold a package.json, as paths relative to the scan root,
// sorted. "!pattern" excludes; node_modules is never searched.
func MemberDirs(tree *walk.Tree, dir string, globs []string) []string {
	if len(globs) == 0 {
		return nil
	}
	var out []string
	for _, f := range FilesUnder(tree, dir) {
		if path.Base(f.Path) != "package.json" || strings.Contains(f.Path, "node_modules/") {
			continue
		}
		rel, ok := RelDir(dir, f.Path)
		if !ok {
			continue
		}
		if member := path.Dir(rel); member != "." && MatchesGlobs(globs, member) {
			out = append(out, JoinDir(dir, member))
		}
	}
	sort.Strings(out)
	return out
}

func matchAny(globs []string, p string) bool {
	for _, g := range globs {
		if ok, _ := doublestar.Match(g, p); ok {
			return true
		}
	}
	return false
}

// ParentDir is the directory above dir in deps.Dir form, with ok false at
// the scan root and at the top of an archive (an archive is a project of
// its own).
func ParentDir(dir string) (string, bool) {
	if dir == "" || dir == "." || strings.HasSuffix(dir, walk.ArchiveSep) {
		return "", false
	}
	if i := strings.LastIndex(dir, walk.ArchiveSep); i >= 0 && !strings.Contains(dir[i+len(walk.ArchiveSep):], "/") {
		return dir[:i+len(walk.ArchiveSep)], true
	}
	return path.Dir(dir), true
}

// MatchesGlobs reports whether the directory rel (relative to a workspace
// root) is matched by the root's workspace globs.
func MatchesGlobs(globs []string, rel string) bool {
	var include, exclude []string
	for _, g := range globs {
		neg := strings.HasPrefix(g, "!")
		g = strings.TrimSuffix(path.Clean(strings.TrimPrefix(strings.TrimPrefix(g, "!"), "./")), "/")
		if neg {
			exclude = append(exclude, g)
		} else {
			include = append(include, g)
		}
	}
	return matchAny(include, rel) && !matchAny(exclude, rel)
}
