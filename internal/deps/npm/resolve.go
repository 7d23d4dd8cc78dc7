package npm

import "strings"

// Resolve finds where a package installed at loc (a node_modules path such
// as "node_modules/a/node_modules/b", "" for the project, "packages/x" for a
// workspace member) finds its dependency name, the way Node's require does:
// loc/node_modules/name, then the node_modules of each enclosing directory.
// has reports whether a location holds a package.
func Resolve(has func(string) bool, loc, name string) (string, bool) {
	d := strings.Trim(loc, "/")
	for {
		if d == "" {
			cand := "node_modules/" + name
			return cand, has(cand)
		}
		if !strings.HasSuffix(d, "/node_modules") && d != "node_modules" {
			if cand := d + "/node_modules/" + name; has(cand) {
				return cand, true
			}
		}
		i := strings.LastIndexByte(d, '/')
		if i < 0 {
			d = ""
		} else {
			d = d[:i]
		}
	}
}

// NameFromPath is the package name a node_modules path installs:
// "node_modules/a/node_modules/@s/b" → "@s/b"; "" when the path does not
// end in node_modules/<name>.
func NameFromPath(loc string) string {
	i := strings.LastIndex(loc, "node_modules/")
	if i < 0 || (i > 0 && loc[i-1] != '/') {
		return ""
	}
	name := loc[i+len("node_modules/"):]
	if !ValidName(name) {
		return ""
	}
	return name
}
