package lockbuild

import (
	"strings"

	"github.com/package-url/packageurl-go"
)

// PURL renders a package URL; namespace may be empty. Go module paths pass
// their leading segments as namespace ("github.com/google", "go-cmp").
func PURL(typ, namespace, name, version string) string {
	p := packageurl.NewPackageURL(typ, namespace, name, version, nil, "")
	return p.ToString()
}

// SplitLast splits "a/b/c" into "a/b" and "c".
func SplitLast(s, sep string) (string, string) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return "", s
	}
	return s[:i], s[i+len(sep):]
}
