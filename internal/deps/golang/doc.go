// Package golang reads the dependencies of Go code: go.mod (with go.sum as
// confirmation) and the build information of Go binaries shipped in
// deployment packages (the "bootstrap" of a provided.al2 Lambda, the
// handler of an Azure custom handler).
package golang

import (
	"strings"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
)

// Stdlib is the package name OSV gives the Go standard library.
const Stdlib = "stdlib"

// newModule builds a Go package. Version is kept without its "v" (as OSV
// ranges write Go versions); the ID and the purl keep Go's spelling.
func newModule(path, version, file string, line int) *deps.Package {
	id := path
	if version != "" {
		id = path + "@" + version
	}
	ns, name := lockbuild.SplitLast(path, "/")
	p := &deps.Package{
		ID: id, Ecosystem: deps.Go, Name: path, Version: strings.TrimPrefix(version, "v"),
		PURL: lockbuild.PURL("golang", ns, name, version),
	}
	p.Source.File, p.Source.Line = file, line
	return p
}

// newStdlib builds the standard library package for a toolchain version
// ("go1.22.3", "1.22", "go1.21rc2 X:boringcrypto").
func newStdlib(goVersion, file string, line int) *deps.Package {
	v := normalizeGoVersion(goVersion)
	if v == "" {
		return nil
	}
	p := &deps.Package{
		ID: Stdlib + "@" + v, Ecosystem: deps.Go, Name: Stdlib, Version: v,
		PURL: lockbuild.PURL("golang", "", Stdlib, v), Scope: deps.Runtime,
	}
	p.Source.File, p.Source.Line = file, line
	return p
}

// normalizeGoVersion turns a Go toolchain version into semver: "go1.22"
// is 1.22.0, "go1.21rc2" is 1.21.0-rc.2; "devel" builds give "".
func normalizeGoVersion(v string) string {
	v, _, _ = strings.Cut(strings.TrimSpace(v), " ")
	v = strings.TrimPrefix(v, "go")
	if v == "" || !isDigit(v[0]) {
		return ""
	}
	pre := ""
	for _, tag := range []string{"rc", "beta", "alpha"} {
		if i := strings.Index(v, tag); i > 0 {
			v, pre = v[:i], "-"+tag+"."+v[i+len(tag):]
			break
		}
	}
	if i := strings.IndexByte(v, '-'); i >= 0 { // go1.22.0-20240101-… development suffixes
		v = v[:i]
	}
	parts := strings.Split(v, ".")
	for _, p := range parts {
		if p == "" || !allDigits(p) {
			return ""
		}
	}
	for len(parts) < 3 {
		parts = append(parts, "0")
	}
	return strings.Join(parts[:3], ".") + pre
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
