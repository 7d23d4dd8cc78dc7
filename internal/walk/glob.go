package walk

import (
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/cladsec/clad/internal/model"
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

// PackageExcludes applies Serverless package patterns to a path relative to
// the service: the last matching pattern wins, and "!x" leaves x out of the
// deployment package ("!.env*", "!test/**").
func PackageExcludes(p *model.Package, rel string) bool {
	if p == nil {
		return false
	}
	out := false
	for _, pat := range p.Patterns {
		neg := strings.HasPrefix(pat, "!")
		if MatchGlob(strings.TrimPrefix(pat, "!"), rel) {
			out = neg
		}
	}
	return out
}
