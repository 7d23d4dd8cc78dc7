package advisory

import (
	"errors"
	"testing"
)

// TestCompareVersions checks the ordering of each ecosystem through
// CompareVersions: want is the sign of a compared with b.
func TestCompareVersions(t *testing.T) {
	tests := []struct {
		eco, a, b string
		want      int
	}{
		// npm: SemVer 2.0 precedence (the spec's own example chain).
		{NPM, "1.0.0-alpha", "1.0.0-alpha.1", -1},
		{NPM, "1.0.0-alpha.1", "1.0.0-alpha.beta", -1},
		{NPM, "1.0.0-alpha.beta", "1.0.0-beta", -1},
		{NPM, "1.0.0-beta", "1.0.0-beta.2", -1},
		{NPM, "1.0.0-beta.2", "1.0.0-beta.11", -1},
		{NPM, "1.0.0-beta.11", "1.0.0-rc.1", -1},
		{NPM, "1.0.0-rc.1", "1.0.0", -1},
		{NPM, "1.0.0+build.5", "1.0.0", 0},
		{NPM, "1.10.0", "1.9.0", 1},
		{NPM, "4.17.21", "4.17.4", 1},
		{NPM, "2.0.0-0", "1.99.99", 1},
		// PyPI: PEP 440 with normalisation.
		{PyPI, "1.0.dev0", "1.0a1", -1},
		{PyPI, "1.0a1", "1.0b1", -1},
		{PyPI, "1.0b1", "1.0rc1", -1},
		{PyPI, "1.0rc1", "1.0", -1},
		{PyPI, "1.0", "1.0.post1", -1},
		{PyPI, "1.0.post1", "1.1", -1},
		{PyPI, "1.0", "1.0.0", 0},
		{PyPI, "1.0+local.7", "1.0", 1},
		{PyPI, "1!0.5", "2.0", 1},
		{PyPI, "1.0-post1", "1.0.post1", 0},
		{PyPI, "1.0RC1", "1.0rc1", 0},
		{PyPI, "1.0.0alpha1", "1.0.0a1", 0},
		{PyPI, "v2.2.2", "2.2.2", 0},
		{PyPI, "2.10.1", "2.9", 1},
		// Go: SemVer with pseudo-versions and +incompatible.
		{Go, "v0.0.0-20190125091013-d26f9f9a57f3", "v0.0.0-20180816102801-aaf60122140d", 1},
		{Go, "0.0.0-20190125091013-d26f9f9a57f3", "v0.0.0-20190125091013-d26f9f9a57f3", 0},
		{Go, "v1.2.4-0.20200101000000-abcdefabcdef", "v1.2.3", 1},
		{Go, "v1.2.4-0.20200101000000-abcdefabcdef", "v1.2.4", -1},
		{Go, "v1.2.3-pre.0.20200101000000-abcdefabcdef", "v1.2.3-pre", 1},
		{Go, "v2.0.0+incompatible", "2.0.0", 0},
		{Go, "v2.0.0+incompatible", "v1.9.9", 1},
		{Go, "v1.20.0", "v1.9.0", 1},
		// Maven: ComparableVersion qualifiers.
		{Maven, "1.0-alpha-1", "1.0-beta-1", -1},
		{Maven, "1.0-beta-1", "1.0-milestone-1", -1},
		{Maven, "1.0-milestone-1", "1.0-rc-1", -1},
		{Maven, "1.0-rc-1", "1.0-SNAPSHOT", -1},
		{Maven, "1.0-SNAPSHOT", "1.0", -1},
		{Maven, "1.0", "1.0-sp-1", -1},
		{Maven, "5.2.20.RELEASE", "5.2.20", 0},
		{Maven, "1.0.0", "1", 0},
		{Maven, "1.0-ga", "1.0", 0},
		{Maven, "1.0-cr1", "1.0-rc1", 0},
		{Maven, "2.17.1", "2.3", 1},
		// RubyGems.
		{RubyGems, "1.0.0.pre", "1.0.0", -1},
		{RubyGems, "1.0.0.a", "1.0.0.b", -1},
		{RubyGems, "1.0", "1.0.0", 0},
		{RubyGems, "1.10", "1.9", 1},
		{RubyGems, "5.2.4.3", "5.2.4", 1},
		// NuGet.
		{NuGet, "1.0.0-beta", "1.0.0", -1},
		{NuGet, "1.0", "1.0.0", 0},
		{NuGet, "13.0.1", "13.0.0", 1},
		{NuGet, "4.61.3", "4.61.10", -1},
		// Packagist.
		{Packagist, "1.0.0-beta", "1.0.0", -1},
		{Packagist, "v5.20.12", "5.20.12", 0},
		{Packagist, "5.20.12", "5.20.6", 1},
		// crates.io.
		{CratesIO, "0.0.0-0", "0.1.0", -1},
		{CratesIO, "0.9.4", "0.10.0", -1},
	}
	for _, tt := range tests {
		got, err := CompareVersions(tt.eco, tt.a, tt.b)
		if err != nil {
			t.Errorf("%s %q vs %q: %v", tt.eco, tt.a, tt.b, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s %q vs %q = %d, want %d", tt.eco, tt.a, tt.b, got, tt.want)
		}
		if back, _ := CompareVersions(tt.eco, tt.b, tt.a); back != -tt.want {
			t.Errorf("%s %q vs %q = %d, want %d (antisymmetry)", tt.eco, tt.b, tt.a, back, -tt.want)
		}
	}
}

func TestCompareVersionsUnknownEcosystem(t *testing.T) {
	if _, err := CompareVersions("NoSuchEcosystem", "1", "2"); !errors.Is(err, ErrNoOrdering) {
		t.Fatalf("err = %v, want ErrNoOrdering", err)
	}
}

func TestCompareSemver(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"1.0.0-rc.1", "1.0.0", -1},
		{"v1.2.3", "1.2.3", 0},
		{"1.2.3+meta", "1.2.3+other", 0},
		{"1.0.0-alpha", "1.0.0-1", 1}, // numeric identifiers sort first
		{"0.0.0-0", "0.0.0", -1},
	}
	for _, tt := range tests {
		if got := CompareSemver(tt.a, tt.b); got != tt.want {
			t.Errorf("CompareSemver(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestEcosystemKeyAndNames(t *testing.T) {
	keys := map[string]string{
		"npm": NPM, "NPM": NPM, "pypi": PyPI, "go": Go, "crates.io": CratesIO,
		"Maven:https://maven.google.com": Maven, "Packagist:https://packages.drupal.org/8": Packagist,
		"Debian:11": "Debian:11", " RubyGems ": RubyGems,
	}
	for in, want := range keys {
		if got := EcosystemKey(in); got != want {
			t.Errorf("EcosystemKey(%q) = %q, want %q", in, got, want)
		}
	}
	names := []struct{ eco, a, b string }{
		{PyPI, "Foo_Bar", "foo-bar"},
		{PyPI, "jinja2", "Jinja2"},
		{PyPI, "zope.interface", "Zope-Interface"},
		{PyPI, "a__b", "a.b"},
		{NuGet, "Newtonsoft.Json", "newtonsoft.json"},
		{Packagist, "Symfony/HTTP-Kernel", "symfony/http-kernel"},
	}
	for _, n := range names {
		if NormalizeName(n.eco, n.a) != NormalizeName(n.eco, n.b) {
			t.Errorf("%s: %q and %q should name the same package", n.eco, n.a, n.b)
		}
	}
	distinct := []struct{ eco, a, b string }{
		{NPM, "Lodash", "lodash"},
		{Maven, "org.example:Lib", "org.example:lib"},
		{Go, "github.com/Foo/bar", "github.com/foo/bar"},
		{PyPI, "foobar", "foo-bar"},
	}
	for _, n := range distinct {
		if NormalizeName(n.eco, n.a) == NormalizeName(n.eco, n.b) {
			t.Errorf("%s: %q and %q must stay distinct", n.eco, n.a, n.b)
		}
	}
}
