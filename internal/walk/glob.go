package walk

import (
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// MatchGlob matches a slash-separated path against a glob (doublestar
// syntax: "**" crosses directories, "{a,b}" alternates). As in .gitignore, a
// pattern without "/" matches the base name anywhere in the tree, and a
// trailing "/" matches a directory and everything under it.
func MatchGlob(pattern, name string) bool {
	pattern = strings.TrimPrefix(pattern, "./")
	if strings.HasSuffix(pattern, "/") {
		pattern += "**"
	}
	if !strings.Contains(strings.TrimSuffix(pattern, "/**"), "/") {
		pattern = "**/" + pattern
	}
	ok, err := doublestar.Match(pattern, name)
	return err == nil && ok
}
