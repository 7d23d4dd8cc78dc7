package npm

import (
	"strings"

	packageurl "github.com/package-url/packageurl-go"
)

// PURL returns the package URL of an npm package
// (pkg:npm/%40scope/name@1.2.3); without a version the URL names the
// package only.
func PURL(name, version string) string {
	if name == "" {
		return ""
	}
	ns, base := "", name
	if strings.HasPrefix(name, "@") {
		if i := strings.IndexByte(name, '/'); i > 0 {
			ns, base = name[:i], name[i+1:]
		}
	}
	return packageurl.NewPackageURL(packageurl.TypeNPM, ns, base, version, nil, "").ToString()
}

// SplitSpec splits "name@spec" at the "@" that ends the name, so scoped
// names keep theirs: "@s/n@^1" → "@s/n", "^1". Without a spec the whole
// text is the name.
func SplitSpec(s string) (name, spec string) {
	from := 0
	if strings.HasPrefix(s, "@") {
		from = 1
	}
	i := strings.IndexByte(s[from:], '@')
	if i < 0 {
		return s, ""
	}
	return s[:from+i], s[from+i+1:]
}

// Alias reads an npm alias spec "npm:real@range" (the package installed
// under another name); ok is false for any other spec.
func Alias(spec string) (name, rng string, ok bool) {
	rest, found := strings.CutPrefix(spec, "npm:")
	if !found || rest == "" {
		return "", "", false
	}
	name, rng = SplitSpec(rest)
	return name, rng, true
}

// IsLocalSpec reports whether a declared spec points at code on disk
// rather than a registry: file:, link:, workspace:, portal: or a path.
func IsLocalSpec(spec string) bool {
	for _, p := range []string{"file:", "link:", "workspace:", "portal:", "./", "../", "/", "~/"} {
		if strings.HasPrefix(spec, p) {
			return true
		}
	}
	return spec == "." || spec == ".."
}

// ValidName is a cheap check that s can be an npm package name: not empty,
// no spaces or path tricks, one "/" only after a scope.
func ValidName(s string) bool {
	if s == "" || len(s) > 214 || strings.ContainsAny(s, " \t\n\\:") {
		return false
	}
	base := s
	if strings.HasPrefix(s, "@") {
		scope, rest, ok := strings.Cut(s[1:], "/")
		if !ok || scope == "" || rest == "" {
			return false
		}
		base = rest
	}
	return !strings.Contains(base, "/") && base != "." && base != ".."
}
