package advisory

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// ev builds events from pairs: "i" introduced, "f" fixed, "l" last_affected,
// "x" limit.
func ev(pairs ...string) []Event {
	var out []Event
	for i := 0; i+1 < len(pairs); i += 2 {
		switch pairs[i] {
		case "i":
			out = append(out, Event{Introduced: pairs[i+1]})
		case "f":
			out = append(out, Event{Fixed: pairs[i+1]})
		case "l":
			out = append(out, Event{LastAffected: pairs[i+1]})
		case "x":
			out = append(out, Event{Limit: pairs[i+1]})
		}
	}
	return out
}

func TestIncludes(t *testing.T) {
	tests := []struct {
		name      string
		eco       string
		ranges    []Range
		versions  []string
		version   string
		want      bool
		wantFixes []string
	}{
		{"introduced 0 fixed: below", NPM, []Range{{Type: RangeSemver, Events: ev("i", "0", "f", "1.0.2")}}, nil, "1.0.1", true, []string{"1.0.2"}},
		{"introduced 0 fixed: at fix", NPM, []Range{{Type: RangeSemver, Events: ev("i", "0", "f", "1.0.2")}}, nil, "1.0.2", false, nil},
		{"introduced 0 fixed: above", NPM, []Range{{Type: RangeSemver, Events: ev("i", "0", "f", "1.0.2")}}, nil, "2.0.0", false, nil},
		{"prerelease of fix is affected", NPM, []Range{{Type: RangeSemver, Events: ev("i", "0", "f", "1.0.2")}}, nil, "1.0.2-rc.1", true, []string{"1.0.2"}},
		{"build metadata ignored", NPM, []Range{{Type: RangeSemver, Events: ev("i", "0", "f", "1.0.2")}}, nil, "1.0.2+build", false, nil},
		{"introduced inclusive", NPM, []Range{{Type: RangeSemver, Events: ev("i", "1.0.0", "f", "1.0.2")}}, nil, "1.0.0", true, []string{"1.0.2"}},
		{"below introduced", NPM, []Range{{Type: RangeSemver, Events: ev("i", "1.0.0", "f", "1.0.2")}}, nil, "0.9.9", false, nil},
		{"no fix: every later version", NPM, []Range{{Type: RangeSemver, Events: ev("i", "1.0.0")}}, nil, "99.0.0", true, nil},
		{"last_affected inclusive", NPM, []Range{{Type: RangeEcosystem, Events: ev("i", "0", "l", "4.5.1")}}, nil, "4.5.1", true, nil},
		{"after last_affected", NPM, []Range{{Type: RangeEcosystem, Events: ev("i", "0", "l", "4.5.1")}}, nil, "4.5.2", false, nil},
		{"limit excludes", NPM, []Range{{Type: RangeSemver, Events: ev("i", "0", "x", "2.0.0")}}, nil, "2.0.0", false, nil},
		{"limit includes below", NPM, []Range{{Type: RangeSemver, Events: ev("i", "0", "x", "2.0.0")}}, nil, "1.5.0", true, nil},
		{"limit star", NPM, []Range{{Type: RangeSemver, Events: ev("i", "0", "x", "*")}}, nil, "9.9.9", true, nil},
		{"two segments: first", NPM, []Range{{Type: RangeSemver, Events: ev("i", "1.0.0", "f", "1.0.2", "i", "3.0.0", "f", "3.2.5")}}, nil, "1.0.1", true, []string{"1.0.2", "3.2.5"}},
		{"two segments: gap", NPM, []Range{{Type: RangeSemver, Events: ev("i", "1.0.0", "f", "1.0.2", "i", "3.0.0", "f", "3.2.5")}}, nil, "2.0.0", false, nil},
		{"two segments: second", NPM, []Range{{Type: RangeSemver, Events: ev("i", "1.0.0", "f", "1.0.2", "i", "3.0.0", "f", "3.2.5")}}, nil, "3.2.4", true, []string{"3.2.5"}},
		{"unsorted events are sorted", NPM, []Range{{Type: RangeSemver, Events: ev("f", "3.2.5", "i", "3.0.0", "f", "1.0.2", "i", "1.0.0")}}, nil, "3.1.0", true, []string{"3.2.5"}},
		{"multiple ranges", PyPI, []Range{
			{Type: RangeEcosystem, Events: ev("i", "0", "f", "1.26.19")},
			{Type: RangeEcosystem, Events: ev("i", "2.0.0", "f", "2.2.2")},
		}, nil, "2.1.0", true, []string{"2.2.2"}},
		{"multiple ranges: between", PyPI, []Range{
			{Type: RangeEcosystem, Events: ev("i", "0", "f", "1.26.19")},
			{Type: RangeEcosystem, Events: ev("i", "2.0.0", "f", "2.2.2")},
		}, nil, "1.26.19", false, nil},
		{"versions list only", PyPI, nil, []string{"1.0", "1.1"}, "1.1", true, nil},
		{"versions list miss", PyPI, nil, []string{"1.0", "1.1"}, "1.2", false, nil},
		{"versions list or range", PyPI, []Range{{Type: RangeEcosystem, Events: ev("i", "2.0", "f", "2.1")}}, []string{"1.0"}, "1.0", true, nil},
		{"PEP 440 ordering", PyPI, []Range{{Type: RangeEcosystem, Events: ev("i", "0", "f", "2.0")}}, nil, "2.0rc1", true, []string{"2.0"}},
		{"PEP 440 post release fixed", PyPI, []Range{{Type: RangeEcosystem, Events: ev("i", "0", "f", "2.0.post1")}}, nil, "2.0", true, []string{"2.0.post1"}},
		{"Go pseudo-version before fix", Go, []Range{{Type: RangeSemver, Events: ev("i", "0", "f", "0.0.0-20190125091013-d26f9f9a57f3")}}, nil, "v0.0.0-20181201000000-000000000000", true, []string{"0.0.0-20190125091013-d26f9f9a57f3"}},
		{"Go pseudo-version after fix", Go, []Range{{Type: RangeSemver, Events: ev("i", "0", "f", "0.0.0-20190125091013-d26f9f9a57f3")}}, nil, "v0.0.0-20190201000000-000000000000", false, nil},
		{"Go +incompatible", Go, []Range{{Type: RangeSemver, Events: ev("i", "2.0.0", "f", "2.3.1")}}, nil, "v2.1.0+incompatible", true, []string{"2.3.1"}},
		{"Maven qualifier fix", Maven, []Range{{Type: RangeEcosystem, Events: ev("i", "0", "f", "5.2.20.RELEASE")}}, nil, "5.2.19.RELEASE", true, []string{"5.2.20.RELEASE"}},
		{"Maven equal to qualifier fix", Maven, []Range{{Type: RangeEcosystem, Events: ev("i", "0", "f", "5.2.20.RELEASE")}}, nil, "5.2.20", false, nil},
		{"crates introduced 0.0.0-0", CratesIO, []Range{{Type: RangeSemver, Events: ev("i", "0.0.0-0", "f", "0.9.0")}}, nil, "0.8.0", true, []string{"0.9.0"}},
		{"GIT ranges skipped", NPM, []Range{{Type: RangeGit, Repo: "https://example.invalid/x", Events: ev("i", "0", "f", "abc")}}, nil, "1.0.0", false, nil},
		{"unknown ecosystem ECOSYSTEM range skipped", "NoSuch", []Range{{Type: RangeEcosystem, Events: ev("i", "0", "f", "2")}}, nil, "1", false, nil},
		{"unknown ecosystem SEMVER range works", "NoSuch", []Range{{Type: RangeSemver, Events: ev("i", "0", "f", "2.0.0")}}, nil, "1.0.0", true, []string{"2.0.0"}},
		{"git URL is no version", NPM, []Range{{Type: RangeSemver, Events: ev("i", "0", "f", "1.0.0")}}, nil, "github:user/repo#abc123", false, nil},
		{"tag is no version", NPM, []Range{{Type: RangeSemver, Events: ev("i", "0")}}, nil, "latest", false, nil},
		{"listed odd version still matches", PyPI, nil, []string{"dev-snapshot"}, "dev-snapshot", true, nil},
		{"empty version", NPM, []Range{{Type: RangeSemver, Events: ev("i", "0")}}, nil, "", false, nil},
		{"introduced and fixed equal: empty", NPM, []Range{{Type: RangeSemver, Events: ev("i", "1.0.0", "f", "1.0.0")}}, nil, "1.0.0", false, nil},
		{"introduced and last_affected equal", NPM, []Range{{Type: RangeSemver, Events: ev("i", "1.0.0", "l", "1.0.0")}}, nil, "1.0.0", true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Affected{Package: Package{Ecosystem: tt.eco, Name: "p"}, Ranges: tt.ranges, Versions: tt.versions}
			got, fixes := a.Includes(tt.version)
			if got != tt.want {
				t.Fatalf("Includes(%q) = %v, want %v", tt.version, got, tt.want)
			}
			if diff := cmp.Diff(tt.wantFixes, fixes, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("fixes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAffectsWithdrawnAndNames(t *testing.T) {
	rec := &Record{ID: "PYSEC-0000-1", Affected: []Affected{{
		Package: Package{Ecosystem: "PyPI", Name: "Foo_Bar"},
		Ranges:  []Range{{Type: RangeEcosystem, Events: ev("i", "0", "f", "2.0")}},
	}}}
	if !rec.Affects("pypi", "foo-bar", "1.0") {
		t.Error("PEP 503 names should match")
	}
	if rec.Affects(NPM, "Foo_Bar", "1.0") {
		t.Error("another ecosystem must not match")
	}
	rec.Withdrawn = Time{rec.Modified.Add(1)}
	if rec.Affects(PyPI, "foo-bar", "1.0") {
		t.Error("withdrawn record must not match")
	}
}
