package sbom

import (
	"strings"
	"testing"
)

// FuzzLicenseExpression: license strings come from scanned files; the
// parser, the id extraction and the filter never panic, and what the
// parser accepts always names at least one identifier and survives the
// SPDX writer's checks.
func FuzzLicenseExpression(f *testing.F) {
	for _, s := range []string{
		"MIT", "(MIT OR GPL-3.0-or-later)", "GPL-2.0+ WITH Classpath-exception-2.0", "MIT AND (Zlib OR BSD-3-Clause)",
		"SEE LICENSE IN LICENSE.txt", "DocumentRef-a:LicenseRef-b", "((((", "))", "OR", "\xff\xfe", "",
	} {
		f.Add(s, "GPL")
	}
	f.Fuzz(func(t *testing.T, expr, term string) {
		valid := ValidExpression(expr)
		ids := LicenseIDs(expr)
		if valid && len(ids) == 0 {
			t.Fatalf("ValidExpression(%q) without identifiers", expr)
		}
		if valid && strings.ContainsRune(expr, 0) {
			t.Fatalf("ValidExpression(%q) accepted a control character", expr)
		}
		matchLicense(&expr, term)
		_ = cdxLicenses(&expr)
		_ = spdxExpression(expr)
	})
}

// FuzzGlob: patterns come from the command line, names from scanned files.
func FuzzGlob(f *testing.F) {
	f.Add("@aws-sdk/*", "@aws-sdk/client-s3")
	f.Add("a*b?c*", "axxbyc")
	f.Add("***", "")
	f.Fuzz(func(t *testing.T, pattern, s string) {
		if !strings.ContainsAny(s, "*?") && !glob(s, s) {
			t.Fatalf("glob(%q, %q) should match itself", s, s)
		}
		glob(pattern, s)
	})
}
