package advisory

import (
	"regexp"
	"strings"
)

// Ecosystem names as OSV spells them, for the ecosystems clad scans.
const (
	NPM       = "npm"
	PyPI      = "PyPI"
	Go        = "Go"
	Maven     = "Maven"
	RubyGems  = "RubyGems"
	NuGet     = "NuGet"
	CratesIO  = "crates.io"
	Packagist = "Packagist"
)

// ScannedEcosystems are the ecosystems clad reads lockfiles for, in the
// order `clad db update` fetches them.
var ScannedEcosystems = []string{NPM, PyPI, Go, Maven, RubyGems, NuGet, CratesIO, Packagist}

// knownEcosystems maps the lower-cased name to OSV's spelling.
var knownEcosystems = func() map[string]string {
	m := map[string]string{}
	for _, e := range []string{
		NPM, PyPI, Go, Maven, RubyGems, NuGet, CratesIO, Packagist,
		"Pub", "Hex", "Hackage", "CRAN", "Bioconductor", "SwiftURL", "GitHub Actions",
		"ConanCenter", "Julia", "opam", "VSCode", "GHC",
	} {
		m[strings.ToLower(e)] = e
	}
	return m
}()

// repoSuffixed are ecosystems whose ":suffix" names an alternative package
// repository, not a distinct ecosystem: matching ignores the suffix.
var repoSuffixed = map[string]bool{Maven: true, Packagist: true, "VSCode": true}

// EcosystemKey returns the key clad indexes an ecosystem under: OSV's
// spelling for known ecosystems (matched case-insensitively), without the
// repository suffix of Maven/Packagist ("Maven:https://maven.google.com"
// → "Maven"). Other ecosystems (Linux distributions with a release suffix)
// keep their full name.
func EcosystemKey(eco string) string {
	eco = strings.TrimSpace(eco)
	base, suffix, hasSuffix := strings.Cut(eco, ":")
	if canon, ok := knownEcosystems[strings.ToLower(base)]; ok {
		base = canon
	}
	if !hasSuffix || repoSuffixed[base] {
		return base
	}
	return base + ":" + suffix
}

var pep503 = regexp.MustCompile(`[-_.]+`)

// NormalizeName returns the form package names are compared in, per the
// ecosystem's rules: PyPI names per PEP 503 (`Foo_Bar` == `foo-bar`);
// NuGet, Packagist and crates.io names case-insensitively; npm, Go module
// paths, Maven group:artifact and RubyGems exactly.
func NormalizeName(eco, name string) string {
	name = strings.TrimSpace(name)
	switch EcosystemKey(eco) {
	case PyPI:
		return pep503.ReplaceAllString(strings.ToLower(name), "-")
	case NuGet, Packagist, CratesIO:
		return strings.ToLower(name)
	default:
		return name
	}
}
