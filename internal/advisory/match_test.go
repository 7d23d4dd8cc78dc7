package advisory

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func rec(id string, aliases []string, eco, name string, events ...string) *Record {
	return &Record{ID: id, Aliases: aliases, Affected: []Affected{{
		Package: Package{Ecosystem: eco, Name: name},
		Ranges:  []Range{{Type: RangeEcosystem, Events: ev(events...)}},
	}}}
}

// summary is the comparable part of a Match.
type summary struct {
	ID      string
	Aliases []string
	Records []string
	Fixed   string
	HasFix  bool
}

func summarize(ms []Match) []summary {
	var out []summary
	for _, m := range ms {
		out = append(out, summary{m.ID, m.Aliases, m.Records, m.Fixed, m.HasFix})
	}
	return out
}

func TestEvaluateAliasMerging(t *testing.T) {
	recs := []*Record{
		rec("GHSA-aaaa-bbbb-cccc", []string{"CVE-2020-1"}, PyPI, "Foo", "i", "0", "f", "1.2"),
		rec("PYSEC-2020-9", []string{"CVE-2020-1"}, PyPI, "foo", "i", "0", "f", "1.3"),
		// Linked only through PYSEC-2020-9's own id.
		rec("NSWG-ECO-1", []string{"PYSEC-2020-9"}, PyPI, "foo", "i", "0", "l", "1.1"),
		// A distinct flaw of the same package.
		rec("PYSEC-2021-5", []string{"CVE-2021-7"}, PyPI, "foo", "i", "1.0", "f", "1.0.5", "i", "1.1", "f", "1.1.2"),
		// Another package: ignored.
		rec("GHSA-zzzz-zzzz-zzzz", nil, PyPI, "bar", "i", "0"),
	}
	got := summarize(Evaluate(recs, "PyPI", "FOO", "1.1"))
	want := []summary{
		{ID: "CVE-2021-7", Aliases: []string{"PYSEC-2021-5"}, Records: []string{"PYSEC-2021-5"}, Fixed: "1.1.2", HasFix: true},
		{
			ID:      "GHSA-aaaa-bbbb-cccc",
			Aliases: []string{"CVE-2020-1", "NSWG-ECO-1", "PYSEC-2020-9"},
			Records: []string{"GHSA-aaaa-bbbb-cccc", "NSWG-ECO-1", "PYSEC-2020-9"},
			// 1.2 is still affected by PYSEC-2020-9: the smallest fix all
			// merged records agree on is 1.3.
			Fixed: "1.3", HasFix: true,
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("matches (-want +got):\n%s", diff)
	}
}

func TestEvaluateCanonicalID(t *testing.T) {
	tests := []struct {
		recs []*Record
		want string
	}{
		{[]*Record{rec("PYSEC-2014-8", []string{"CVE-2014-1402", "GHSA-8r7q-cvjq-x353"}, PyPI, "jinja2", "i", "0")}, "GHSA-8r7q-cvjq-x353"},
		{[]*Record{rec("GO-2020-0014", []string{"CVE-2018-17846"}, Go, "golang.org/x/net", "i", "0")}, "CVE-2018-17846"},
		{[]*Record{rec("RUSTSEC-2016-0001", nil, CratesIO, "openssl", "i", "0")}, "RUSTSEC-2016-0001"},
		{[]*Record{rec("CLAD-2016-0001", []string{"SNYK-JS-X-1"}, NPM, "x", "i", "0")}, "CLAD-2016-0001"},
	}
	for _, tt := range tests {
		a := tt.recs[0].Affected[0].Package
		ms := Evaluate(tt.recs, a.Ecosystem, a.Name, "1.0.0")
		if len(ms) != 1 || ms[0].ID != tt.want {
			t.Errorf("%s: got %+v, want one match %s", tt.recs[0].ID, summarize(ms), tt.want)
		}
	}
}

func TestEvaluateNoFixAndWithdrawn(t *testing.T) {
	open := rec("GHSA-open-open-open", nil, NPM, "x", "i", "0")
	lastAff := rec("GHSA-last-last-last", nil, NPM, "x", "i", "0", "l", "2.0.0")
	gone := rec("GHSA-gone-gone-gone", nil, NPM, "x", "i", "0", "f", "9.0.0")
	gone.Withdrawn = Time{time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	got := summarize(Evaluate([]*Record{open, lastAff, gone}, NPM, "x", "1.0.0"))
	want := []summary{
		{ID: "GHSA-last-last-last", Records: []string{"GHSA-last-last-last"}},
		{ID: "GHSA-open-open-open", Records: []string{"GHSA-open-open-open"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("matches (-want +got):\n%s", diff)
	}
}

func TestEvaluateDuplicateIDsKeepNewest(t *testing.T) {
	old := rec("GHSA-dupe-dupe-dupe", nil, NPM, "x", "i", "0", "f", "1.0.0")
	old.Modified = Time{time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}
	newer := rec("GHSA-dupe-dupe-dupe", nil, NPM, "x", "i", "0", "f", "2.0.0")
	newer.Modified = Time{time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)}
	ms := Evaluate([]*Record{old, newer}, NPM, "x", "1.5.0")
	if len(ms) != 1 || ms[0].Fixed != "2.0.0" {
		t.Fatalf("got %+v, want the newer record (fixed 2.0.0)", summarize(ms))
	}
}

func TestEvaluateFacts(t *testing.T) {
	a := rec("GHSA-aaaa-bbbb-cccc", []string{"CVE-2020-1"}, NPM, "x", "i", "0", "f", "2.0.0")
	a.Summary = "from GHSA"
	a.DatabaseSpecific = DatabaseSpecific{Severity: "HIGH", CWEIDs: []string{"CWE-94"}}
	a.References = []Reference{{Type: "ADVISORY", URL: "https://example.com/a"}}
	a.Published = Time{time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC)}
	a.Modified = Time{time.Date(2022, 5, 1, 0, 0, 0, 0, time.UTC)}
	b := rec("NSWG-ECO-7", []string{"CVE-2020-1"}, NPM, "x", "i", "0", "f", "2.0.0")
	b.Summary = "from NSWG"
	b.Severity = []Severity{{Type: SeverityCVSSv3, Score: "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:L"}}
	b.DatabaseSpecific = DatabaseSpecific{CWEIDs: []string{"CWE-1321", "CWE-94"}}
	b.References = []Reference{{URL: "https://example.com/a"}, {URL: "https://example.com/b"}}
	b.Published = Time{time.Date(2020, 5, 1, 0, 0, 0, 0, time.UTC)}
	b.Modified = Time{time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)}
	ms := Evaluate([]*Record{b, a}, NPM, "x", "1.0.0")
	if len(ms) != 1 {
		t.Fatalf("got %d matches, want 1", len(ms))
	}
	m := ms[0]
	want := Match{
		ID: "GHSA-aaaa-bbbb-cccc", Aliases: []string{"CVE-2020-1", "NSWG-ECO-7"},
		Records: []string{"GHSA-aaaa-bbbb-cccc", "NSWG-ECO-7"}, Ecosystem: NPM, Package: "x", Version: "1.0.0",
		Summary:  "from GHSA",
		Severity: Rating{Level: LevelHigh, Score: 8.6, Vector: b.Severity[0].Score, Method: MethodCVSSv3},
		Fixed:    "2.0.0", HasFix: true,
		CWEs:       []string{"CWE-1321", "CWE-94"},
		References: []string{"https://example.com/a", "https://example.com/b"},
		Published:  b.Published.Time, Modified: a.Modified.Time,
	}
	if diff := cmp.Diff(want, m); diff != "" {
		t.Errorf("match (-want +got):\n%s", diff)
	}
}
