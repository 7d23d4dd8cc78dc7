package sbom

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func names(inv *Inventory) []string {
	out := []string{}
	for _, p := range inv.Packages {
		out = append(out, p.Name+"@"+p.Version)
	}
	return out
}

func TestFilter(t *testing.T) {
	inv := inventoryOf(t, fixture)
	for _, tt := range []struct {
		name string
		f    Filter
		want []string
	}{
		{"everything", Filter{}, names(inv)},
		{"package by name", Filter{Packages: []string{"ms"}}, []string{"ms@2.1.2", "ms@2.1.3"}},
		{"package name ignores case", Filter{Packages: []string{"JSZip"}}, []string{"jszip@3.10.1"}},
		{"package glob", Filter{Packages: []string{"@shop/*"}}, []string{"@shop/billing@1.0.0"}},
		{"package purl", Filter{Packages: []string{"pkg:npm/ms@2.1.3"}}, []string{"ms@2.1.3"}},
		{"several packages", Filter{Packages: []string{"uuid", "pako"}}, []string{"pako@1.0.11", "uuid@9.0.1"}},
		{"license id inside an expression", Filter{Licenses: []string{"GPL-3.0-or-later"}}, []string{"jszip@3.10.1"}},
		{"license prefix at a boundary", Filter{Licenses: []string{"GPL-3.0"}}, []string{"jszip@3.10.1"}},
		{"license family prefix", Filter{Licenses: []string{"gpl"}}, []string{"jszip@3.10.1"}},
		{"license in an AND", Filter{Licenses: []string{"Zlib"}}, []string{"pako@1.0.11"}},
		{"license prefix needs a boundary", Filter{Licenses: []string{"MI"}}, []string{}},
		{"unknown license", Filter{Licenses: []string{"unknown"}}, []string{"@shop/billing@1.0.0", "old-helper@0.0.3", "pytest@7.4.3", "requests@2.31.0", "urllib3@2.0.7"}},
		{"function by ID", Filter{Functions: []string{"billing/charge"}}, []string{"debug@4.3.4", "ms@2.1.2", "uuid@9.0.1"}},
		{"function by name", Filter{Functions: []string{"report"}}, []string{"requests@2.31.0", "urllib3@2.0.7"}},
		{"function glob", Filter{Functions: []string{"shop-legacy/*"}}, []string{"debug@4.3.4", "ms@2.1.2"}},
		{"ecosystem ignores case", Filter{Ecosystems: []string{"pypi"}}, []string{"pytest@7.4.3", "requests@2.31.0", "urllib3@2.0.7"}},
		{"scope dev", Filter{Scopes: []string{"dev"}}, []string{"mocha@10.2.0", "ms@2.1.3", "pytest@7.4.3"}},
		{"scope optional", Filter{Scopes: []string{"optional"}}, []string{"fsevents@2.3.3"}},
		{"filters combine with AND", Filter{Licenses: []string{"MIT"}, Functions: []string{"charge"}}, []string{"debug@4.3.4", "ms@2.1.2", "uuid@9.0.1"}},
		{"nothing matches", Filter{Packages: []string{"left-pad"}}, []string{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, names(tt.f.Apply(inv))); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func TestFilterValidate(t *testing.T) {
	if err := (Filter{Scopes: []string{"runtime", "DEV", "optional", "unknown"}}).Validate(); err != nil {
		t.Errorf("valid scopes refused: %v", err)
	}
	if err := (Filter{Scopes: []string{"prod"}}).Validate(); err == nil {
		t.Error("scope prod accepted")
	}
}

func TestGlob(t *testing.T) {
	for _, tt := range []struct {
		pattern, s string
		want       bool
	}{
		{"lodash", "lodash", true},
		{"lodash", "lodash.merge", false},
		{"lodash*", "lodash.merge", true},
		{"@aws-sdk/*", "@aws-sdk/client-s3", true},
		{"*/client-*", "@aws-sdk/client-s3", true},
		{"?s", "ms", true},
		{"?s", "s", false},
		{"*", "", true},
		{"a*b*c", "aXbYbc", true},
		{"a*b*c", "aXbYb", false},
	} {
		if got := glob(tt.pattern, tt.s); got != tt.want {
			t.Errorf("glob(%q, %q) = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}

func TestValidExpression(t *testing.T) {
	for _, tt := range []struct {
		expr string
		want bool
	}{
		{"MIT", true},
		{"GPL-2.0+", true},
		{"(MIT OR Apache-2.0)", true},
		{"MIT AND (BSD-3-Clause OR Zlib)", true},
		{"GPL-2.0-only WITH Classpath-exception-2.0", true},
		{"LicenseRef-acme-1.0", true},
		{"DocumentRef-other:LicenseRef-x", true},
		{"((MIT))", true},
		{"", false},
		{"MIT OR", false},
		{"OR MIT", false},
		{"(MIT", false},
		{"MIT)", false},
		{"MIT Apache-2.0", false},
		{"mit or apache-2.0", false}, // operators are upper case
		{"SEE LICENSE IN LICENSE.txt", false},
		{"Apache 2.0", false},
		{"MIT/X11", false},
		{"GPL-2.0 WITH", false},
		{"DocumentRef-x:MIT", false},
	} {
		if got := ValidExpression(tt.expr); got != tt.want {
			t.Errorf("ValidExpression(%q) = %v, want %v", tt.expr, got, tt.want)
		}
	}
}

func TestValidExpressionDepth(t *testing.T) {
	deep := ""
	for i := 0; i < 1000; i++ {
		deep += "("
	}
	deep += "MIT"
	for i := 0; i < 1000; i++ {
		deep += ")"
	}
	if ValidExpression(deep) {
		t.Error("1000 nested parentheses accepted; nesting is bounded")
	}
}

func TestLicenseIDs(t *testing.T) {
	for _, tt := range []struct {
		expr string
		want []string
	}{
		{"MIT", []string{"MIT"}},
		{"(MIT OR GPL-3.0-or-later)", []string{"MIT", "GPL-3.0-or-later"}},
		{"GPL-2.0+ WITH Bison-exception-2.2", []string{"GPL-2.0", "Bison-exception-2.2"}},
		{"mit or apache-2.0", []string{"mit", "apache-2.0"}},
		{"", nil},
	} {
		if d := cmp.Diff(tt.want, LicenseIDs(tt.expr)); d != "" {
			t.Errorf("LicenseIDs(%q) (-want +got):\n%s", tt.expr, d)
		}
	}
}

func TestMatchLicense(t *testing.T) {
	s := func(v string) *string { return &v }
	for _, tt := range []struct {
		license *string
		term    string
		want    bool
	}{
		{s("GPL-3.0-only OR MIT"), "GPL-3.0", true},
		{s("GPL-3.0-only OR MIT"), "gpl-3.0-only", true},
		{s("GPL-3.0-only OR MIT"), "mit", true},
		{s("GPL-3.0-only OR MIT"), "GPL", true},
		{s("LGPL-2.1-only"), "GPL", false},
		{s("GPL-2.0+"), "GPL-2.0", true},
		{s("AGPL-3.0-only"), "GPL-3.0", false},
		{s("MIT"), "MI", false},
		{s("MIT"), "", false},
		{nil, "unknown", true},
		{nil, "MIT", false},
		{s("MIT"), "unknown", false},
	} {
		if got := matchLicense(tt.license, tt.term); got != tt.want {
			l := "<nil>"
			if tt.license != nil {
				l = *tt.license
			}
			t.Errorf("matchLicense(%q, %q) = %v, want %v", l, tt.term, got, tt.want)
		}
	}
}

func TestCompareVersions(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"4.9.0", "4.10.0", -1},
		{"4.17.15", "4.17.15", 0},
		{"1.0.0", "1.0.0-beta", -1},
		{"2.1.3", "2.1.2", 1},
		{"1.02", "1.2", 0},
		{"", "1", -1},
		{"v1", "1", 1},
	} {
		if got := compareVersions(tt.a, tt.b); got != tt.want {
			t.Errorf("compareVersions(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestCSVSafe(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"@shop/billing", "@shop/billing"},
		{"-1", "-1"},
		{"pkg:npm/%40shop/billing@1.0.0", "pkg:npm/%40shop/billing@1.0.0"},
		{"=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"},
		{"=1", "'=1"},
		{"@SUM(A1:A2)", "'@SUM(A1:A2)"},
		{"-2+3|cmd", "'-2+3|cmd"},
		{"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
		{"lodash", "lodash"},
		{"", ""},
	} {
		if got := csvSafe(tt.in); got != tt.want {
			t.Errorf("csvSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
