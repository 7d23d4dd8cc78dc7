package nodemodules

import (
	"strings"

	"github.com/cladsec/clad/internal/deps/npm"
)

const nm = "node_modules/"

// installLoc splits the path of an installed package's manifest into the
// directory holding the outermost node_modules (deps.Dir form) and the
// package's location below it ("node_modules/a/node_modules/@s/b"); ok is
// false for any other file, including package.json files nested in a
// package's own folders ("node_modules/a/dist/package.json").
func installLoc(p string) (root, loc string, ok bool) {
	rest, found := strings.CutSuffix(p, "/package.json")
	if !found {
		return "", "", false
	}
	idx := firstNodeModules(rest)
	if idx < 0 {
		return "", "", false
	}
	loc = rest[idx:]
	if !validLoc(loc) {
		return "", "", false
	}
	return rootDir(rest[:idx]), loc, true
}

// firstNodeModules is the index of the first "node_modules/" path segment.
func firstNodeModules(p string) int {
	from := 0
	for {
		i := strings.Index(p[from:], nm)
		if i < 0 {
			return -1
		}
		i += from
		if i == 0 || p[i-1] == '/' {
			return i
		}
		from = i + 1
	}
}

func rootDir(prefix string) string {
	switch {
	case prefix == "":
		return "."
	case strings.HasSuffix(prefix, "!/"):
		return prefix
	}
	return strings.TrimSuffix(prefix, "/")
}

// validLoc accepts node_modules/<name>(/node_modules/<name>)*, names
// possibly scoped, and pnpm's node_modules/.pnpm/<key>/node_modules/<name>.
func validLoc(loc string) bool {
	rest := loc
	for {
		seg, after, more := strings.Cut(rest, "/")
		if seg != "node_modules" || !more {
			return false
		}
		seg, rest, more = strings.Cut(after, "/")
		switch {
		case seg == ".pnpm":
			key, r, ok := strings.Cut(rest, "/")
			if !ok || key == "" {
				return false
			}
			rest = r
			continue
		case strings.HasPrefix(seg, "@"):
			name, r, ok := strings.Cut(rest, "/")
			if !npm.ValidName(seg + "/" + name) {
				return false
			}
			rest, more = r, ok
		default:
			if !npm.ValidName(seg) || strings.HasPrefix(seg, ".") {
				return false
			}
		}
		if !more {
			return true
		}
	}
}
