package db

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cladsec/clad/internal/advisory"
)

// brief is the comparable part of a match.
type brief struct {
	ID      string
	Aliases []string
	Fixed   string
}

func briefs(ms []advisory.Match) []brief {
	var out []brief
	for _, m := range ms {
		out = append(out, brief{m.ID, m.Aliases, m.Fixed})
	}
	return out
}

// TestQuerySharedData checks real cases read from ../shared/advisories:
// the exact ids, merged aliases and fixed versions, and versions just
// outside every range that must not match.
func TestQuerySharedData(t *testing.T) {
	_, d := importShared(t)
	tests := []struct {
		name          string
		eco, pkg, ver string
		want          []brief
	}{
		{"npm lodash below every fix", "npm", "lodash", "4.17.10", []brief{
			{"GHSA-29mw-wpgm-hmr9", []string{"CVE-2020-28500"}, "4.17.21"},
			{"GHSA-35jh-r3h4-6jhm", []string{"CVE-2021-23337"}, "4.17.21"},
			// GHSA and the Node.js security WG record share CVE-2018-16487.
			{"GHSA-4xc9-xhrj-v574", []string{"CVE-2018-16487", "NSWG-ECO-493"}, "4.17.11"},
			{"GHSA-jf85-cpcp-j695", []string{"CVE-2019-10744"}, "4.17.12"},
			{"GHSA-p6mc-m468-83gw", []string{"CVE-2020-8203"}, "4.17.20"},
			{"GHSA-x5rq-j2xg-h7qm", []string{"CVE-2019-1010266"}, "4.17.11"},
		}},
		{"npm lodash inside NSWG-ECO-516 only range", "npm", "lodash", "4.17.16", []brief{
			{"GHSA-29mw-wpgm-hmr9", []string{"CVE-2020-28500"}, "4.17.21"},
			{"GHSA-35jh-r3h4-6jhm", []string{"CVE-2021-23337"}, "4.17.21"},
			{"GHSA-p6mc-m468-83gw", []string{"CVE-2020-8203"}, "4.17.20"},
			{"NSWG-ECO-516", nil, "4.17.19"},
		}},
		{"npm lodash at the last fix", "npm", "lodash", "4.17.21", nil},
		{"npm dustjs-linkedin before 2.6.0: feed and OSV", "npm", "dustjs-linkedin", "2.5.1", []brief{
			{"CLAD-2016-0001", []string{"SNYK-JS-DUSTJSLINKEDIN-10136"}, "2.6.0"},
			{"GHSA-c6rp-wrp9-qr4q", []string{"CVE-2021-4264"}, "3.0.0"},
		}},
		{"npm dustjs-linkedin 2.6.0", "npm", "dustjs-linkedin", "2.6.0", []brief{
			{"GHSA-c6rp-wrp9-qr4q", []string{"CVE-2021-4264"}, "3.0.0"},
		}},
		{"npm dustjs-linkedin 3.0.0", "npm", "dustjs-linkedin", "3.0.0", nil},
		{"PyPI Jinja2 2.10 by its PEP 503 name", "PyPI", "jinja2", "2.10", []brief{
			{"GHSA-462w-v97r-4m45", []string{"CVE-2019-10906", "PYSEC-2019-217"}, "2.10.1"},
			{"GHSA-g3rq-g295-4j3m", []string{"CVE-2020-28493", "PYSEC-2021-66", "SNYK-PYTHON-JINJA2-1012994"}, "2.11.3"},
			{"GHSA-h5c8-rqwp-cp95", []string{"CVE-2024-22195"}, "3.1.3"},
			{"GHSA-h75v-3vvj-5mfj", []string{"CVE-2024-34064"}, "3.1.4"},
		}},
		{"PyPI Jinja2 at the last fix", "PyPI", "Jinja2", "3.1.4", nil},
		{"PyPI withdrawn PYSEC-2019-144 never matches", "PyPI", "arrayfire", "3.5.0", nil},
		{"PyPI record from the Go file (multi-ecosystem)", "PyPI", "azure_identity", "1.16.0", []brief{
			{"GHSA-m5vv-6r4h-3vj9", []string{"CVE-2024-35255"}, "1.16.1"},
		}},
		{"Go module merged with its GHSA", "Go", "github.com/Azure/azure-sdk-for-go/sdk/azidentity", "v1.5.2", []brief{
			{"GHSA-m5vv-6r4h-3vj9", []string{"CVE-2024-35255", "GO-2024-2918"}, "1.6.0"},
		}},
		{"Go gin at a pseudo-version", "Go", "github.com/gin-gonic/gin", "v1.3.1-0.20190301021747-ccb9e902956d", []brief{
			{"GHSA-2c4m-59x9-fr2g", []string{"CVE-2023-29401", "GO-2023-1737"}, "1.9.1"},
			{"GHSA-6vm3-jj99-7229", []string{"CVE-2020-36567", "GO-2020-0001"}, "1.6.0"},
			{"GHSA-h395-qcrw-5vmq", []string{"CVE-2020-28483", "GO-2021-0052"}, "1.7.7"},
		}},
		{"Go gin just before the pseudo-version", "Go", "github.com/gin-gonic/gin", "v1.3.1-0.20190301021746-000000000000", []brief{
			{"GHSA-6vm3-jj99-7229", []string{"CVE-2020-36567", "GO-2020-0001"}, "1.6.0"},
			{"GHSA-h395-qcrw-5vmq", []string{"CVE-2020-28483", "GO-2021-0052"}, "1.7.7"},
		}},
		{"Go gin at the fix", "Go", "github.com/gin-gonic/gin", "v1.9.1", nil},
		{"Go x/net past every range", "Go", "golang.org/x/net", "v0.56.0", nil},
		{"Maven qualifier fix", "Maven", "org.springframework:spring-beans", "5.2.19.RELEASE", []brief{
			{"GHSA-36p3-wjmg-h94x", []string{"CVE-2022-22965"}, "5.2.20.RELEASE"},
		}},
		{"Maven at the qualifier fix", "Maven", "org.springframework:spring-beans", "5.2.20.RELEASE", nil},
		{"Maven between the two ranges", "Maven", "org.springframework:spring-beans", "5.3.18", nil},
		{"NuGet case-insensitive name", "NuGet", "newtonsoft.json", "12.0.3", []brief{
			{"GHSA-5crp-9r3c-p9vr", nil, "13.0.1"},
		}},
		{"crates.io openssl", "crates.io", "openssl", "0.10.70", []brief{
			{"GHSA-4fcv-w3qc-ppgg", []string{"RUSTSEC-2025-0022"}, "0.10.72"},
		}},
		{"crates.io openssl at the fix", "crates.io", "openssl", "0.10.72", nil},
		{"unknown package", "npm", "no-such-package-xyz", "1.0.0", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := d.Query(tt.eco, tt.pkg, tt.ver)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, briefs(ms), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s %s@%s (-want +got):\n%s", tt.eco, tt.pkg, tt.ver, diff)
			}
		})
	}
}

// TestQueryGoXNet checks a pseudo-version of golang.org/x/net against the
// 30 x/net records: the fix it carries and the ones introduced later are
// excluded, every earlier-fixed record too.
func TestQueryGoXNet(t *testing.T) {
	_, d := importShared(t)
	ms, err := d.Query("Go", "golang.org/x/net", "v0.0.0-20190125002852-4b62a64f59f7")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]advisory.Match{}
	for _, m := range ms {
		for _, r := range m.Records {
			got[r] = m
		}
	}
	if len(ms) != 24 {
		t.Errorf("got %d matches, want 24", len(ms))
	}
	if m, ok := got["GO-2020-0014"]; !ok || m.ID != "GHSA-vfw5-hrgq-h5wf" || m.Fixed != "0.0.0-20190125091013-d26f9f9a57f3" {
		t.Errorf("GO-2020-0014: %+v", m)
	}
	if m := got["GO-2022-0536"]; m.ID != "GHSA-39qc-96h7-956f" || m.Fixed != "0.0.0-20190813141303-74dc4d7220e7" {
		t.Errorf("GO-2022-0536: %+v", m)
	}
	for _, absent := range []string{"GO-2022-0197", "GO-2021-0078", "GO-2022-0192", "GO-2023-1495", "GO-2026-4559"} {
		if _, ok := got[absent]; ok {
			t.Errorf("%s must not match (fixed before or introduced after the installed pseudo-version)", absent)
		}
	}
}

// TestQueryMatchFacts checks severity, CWEs, references and dates of one
// real merged match.
func TestQueryMatchFacts(t *testing.T) {
	_, d := importShared(t)
	ms, err := d.Query("npm", "lodash", "4.17.11")
	if err != nil {
		t.Fatal(err)
	}
	var jf *advisory.Match
	for i := range ms {
		if ms[i].ID == "GHSA-jf85-cpcp-j695" {
			jf = &ms[i]
		}
	}
	if jf == nil {
		t.Fatalf("GHSA-jf85-cpcp-j695 not matched: %+v", briefs(ms))
	}
	want := advisory.Rating{Level: advisory.LevelCritical, Score: 9.1, Vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H", Method: advisory.MethodCVSSv3}
	if diff := cmp.Diff(want, jf.Severity); diff != "" {
		t.Errorf("severity (-want +got):\n%s", diff)
	}
	if !cmp.Equal(jf.CWEs, []string{"CWE-20"}) || len(jf.References) == 0 || jf.Published.Year() != 2019 || !jf.HasFix {
		t.Errorf("facts: cwes %v refs %d published %v hasfix %v", jf.CWEs, len(jf.References), jf.Published, jf.HasFix)
	}
	// A GHSA record without a vector falls back to its label.
	for _, m := range ms {
		if m.ID == "GHSA-x5rq-j2xg-h7qm" {
			t.Errorf("GHSA-x5rq-j2xg-h7qm is fixed in 4.17.11 and must not match 4.17.11")
		}
	}
	ms, _ = d.Query("npm", "lodash", "4.17.4")
	for _, m := range ms {
		if m.ID == "GHSA-fvqr-27wr-82fm" {
			// GHSA says LOW without a vector; the merged NSWG record has a
			// CVSS 3.0 vector, which wins.
			if m.Severity.Method != advisory.MethodCVSSv3 || m.Severity.Vector == "" {
				t.Errorf("GHSA-fvqr-27wr-82fm severity = %+v", m.Severity)
			}
		}
	}
}

// TestQueryConcurrent: one DB serves many goroutines (run with -race).
func TestQueryConcurrent(t *testing.T) {
	_, d := importShared(t)
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func() {
			for i := 0; i < 20; i++ {
				ms, err := d.Query("npm", "lodash", "4.17.10")
				if err == nil && len(ms) != 6 {
					err = fmt.Errorf("got %d matches, want 6", len(ms))
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
