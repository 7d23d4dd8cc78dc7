package advisory

import (
	"fmt"
	"net/url"
	"strings"

	packageurl "github.com/package-url/packageurl-go"
)

// purlEcosystems maps purl types to OSV ecosystems.
var purlEcosystems = map[string]string{
	packageurl.TypeNPM: NPM, packageurl.TypePyPi: PyPI, packageurl.TypeGolang: Go,
	packageurl.TypeMaven: Maven, packageurl.TypeGem: RubyGems, packageurl.TypeNuget: NuGet,
	packageurl.TypeCargo: CratesIO, packageurl.TypeComposer: Packagist, packageurl.TypePub: "Pub",
	packageurl.TypeHex: "Hex", packageurl.TypeHackage: "Hackage", packageurl.TypeCran: "CRAN",
}

// FromPURL returns the OSV ecosystem, package name and version a package
// URL names (pkg:npm/%40scope/name@1.0.0 → npm, @scope/name, 1.0.0;
// pkg:maven/group/artifact@v → Maven, group:artifact, v). Go module paths
// keep their case, which the purl library would lower.
func FromPURL(purl string) (eco, name, version string, err error) {
	p, err := packageurl.FromString(purl)
	if err != nil {
		return "", "", "", fmt.Errorf("package URL %q: %w", truncate(purl, 80), err)
	}
	eco, ok := purlEcosystems[p.Type]
	if !ok {
		return "", "", "", fmt.Errorf("package URL %q: no OSV ecosystem for type %q", truncate(purl, 80), p.Type)
	}
	name = p.Name
	switch p.Type {
	case packageurl.TypeMaven:
		if p.Namespace != "" {
			name = p.Namespace + ":" + p.Name
		}
	case packageurl.TypeGolang:
		name = goPURLPath(purl, p)
	default:
		if p.Namespace != "" {
			name = p.Namespace + "/" + p.Name
		}
	}
	return eco, name, p.Version, nil
}

// goPURLPath re-reads the module path of a golang purl with its case.
func goPURLPath(raw string, p packageurl.PackageURL) string {
	rest := raw[strings.Index(raw, ":")+1:]
	rest = strings.TrimLeft(rest, "/")
	rest = strings.TrimPrefix(rest, "golang/")
	if i := strings.IndexAny(rest, "@?#"); i >= 0 {
		rest = rest[:i]
	}
	if path, err := url.PathUnescape(strings.Trim(rest, "/")); err == nil && strings.EqualFold(path, strings.Trim(p.Namespace+"/"+p.Name, "/")) {
		return path
	}
	return strings.Trim(p.Namespace+"/"+p.Name, "/")
}
