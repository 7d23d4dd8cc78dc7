package pnpmlock

import (
	"path"
	"strings"

	"github.com/cladsec/clad/internal/deps/npm"
)

// stripPeers drops the peer suffix of a key or reference: "(…)" groups in
// 6.0 and 9.0, "_…" in 5.x.
func stripPeers(s string, major int) string {
	if i := strings.IndexByte(s, '('); i > 0 {
		s = s[:i]
	}
	if major < 6 {
		// 5.x: "/name/1.0.0_react@18.2.0"; the suffix follows the version.
		slash := strings.LastIndexByte(s, '/')
		if i := strings.IndexByte(s[slash+1:], '_'); i > 0 {
			s = s[:slash+1+i]
		}
	}
	return s
}

// nameVersion reads a package key: "/name/1.0.0_peers" (5.x),
// "/name@1.0.0(peers)" (6.0), "name@1.0.0(peers)" (9.0).
func nameVersion(key string, major int) (name, version string) {
	k := strings.TrimPrefix(stripPeers(key, major), "/")
	if major < 6 {
		i := strings.LastIndexByte(k, '/')
		if i <= 0 {
			return k, ""
		}
		return k[:i], k[i+1:]
	}
	return npm.SplitSpec(k)
}

// candidates lists the package keys a dependency reference may name.
func candidates(name, ref string, major int) []string {
	var out []string
	switch {
	case strings.HasPrefix(ref, "/"):
		out = append(out, ref)
	case major < 6:
		out = append(out, "/"+name+"/"+ref)
	case major < 7:
		out = append(out, "/"+name+"@"+ref)
	default:
		if isAliasRef(ref) {
			out = append(out, ref)
		}
		out = append(out, name+"@"+ref)
	}
	return append(out, ref, "/"+ref)
}

// isAliasRef reports a 9.0 reference naming another package
// ("string-width@4.2.3" under the name "string-width-cjs").
func isAliasRef(ref string) bool {
	base := stripPeers(ref, 9)
	return strings.LastIndexByte(base, '@') > 0
}

// linkTarget returns the directory a "link:" reference points at, relative
// to the lockfile's directory, from the importer at dir.
func linkTarget(ref, dir string) (string, bool) {
	rel, ok := strings.CutPrefix(ref, "link:")
	if !ok {
		return "", false
	}
	return path.Clean(path.Join(dir, rel)), true
}
