// Package python reads the dependency files of Python projects and
// deployment packages: requirements*.txt (with -r/-c includes, hashes,
// markers and extras), Pipfile.lock, poetry.lock, uv.lock and installed
// *.dist-info/METADATA in deployment packages.
package python

import (
	"regexp"
	"strings"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
)

var nameRun = regexp.MustCompile(`[-_.]+`)

// Normalize returns the PEP 503 normalised form of a project name.
func Normalize(name string) string {
	return strings.ToLower(nameRun.ReplaceAllString(strings.TrimSpace(name), "-"))
}

// newPackage builds a PyPI package; an empty version means unpinned and
// the ID is then the bare normalised name.
func newPackage(name, version, file string, line int) *deps.Package {
	n := Normalize(name)
	purl := lockbuild.PURL("pypi", "", n, version)
	p := &deps.Package{ID: pyID(n, version), Ecosystem: deps.PyPI, Name: n, Version: version, PURL: purl}
	p.Source.File = file
	p.Source.Line = line
	return p
}

// pyID is name@version, or the bare name when unpinned.
func pyID(name, version string) string {
	if version == "" {
		return name
	}
	return name + "@" + version
}
