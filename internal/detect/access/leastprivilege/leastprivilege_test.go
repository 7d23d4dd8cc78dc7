package leastprivilege

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/extract/list"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/scan"
)

var update = flag.Bool("update", false, "rewrite golden files")

// scanFindings runs the extractors and this detector over dir.
func scanFindings(t *testing.T, dir string) []finding.Finding {
	t.Helper()
	res, err := scan.Run(context.Background(), scan.Options{Target: dir, Extractors: list.All(),
		Detectors: []detect.Detector{New()}})
	if err != nil {
		t.Fatalf("scan %s: %v", dir, err)
	}
	t.Cleanup(func() { res.Close() })
	for _, p := range res.Problems {
		if p.Stage == "least-privilege" {
			t.Errorf("detector problem: %s", p.Message)
		}
	}
	return res.Findings
}

// render writes findings one per line for golden comparison.
func render(fs []finding.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %s %s:%d [%s]\n  %s\n", f.Severity, f.Rule, f.File, f.Line,
			strings.Join(f.Functions, ","), f.Message)
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update): %v", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

func TestFixtures(t *testing.T) {
	for _, tc := range []struct {
		dir string
		// rules lists how many findings of each rule the fixture must give.
		rules map[string]int
	}{
		{"sls-shared", map[string]int{"access/unused-permission": 2, "access/wildcard-narrowable": 1}},
		{"sls-missing", map[string]int{"access/missing-permission": 3, "access/unused-permission": 2}},
		{"sls-dynamic", map[string]int{"access/unused-permission": 1}},
		{"sls-anyreq", map[string]int{}},
		{"sam-crud", map[string]int{"access/unused-permission": 1, "access/missing-permission": 1}},
		{"azure", map[string]int{}},
		{"sls-external", map[string]int{}},
	} {
		t.Run(tc.dir, func(t *testing.T) {
			fs := scanFindings(t, filepath.Join("testdata", tc.dir))
			got := map[string]int{}
			for _, f := range fs {
				got[f.Rule]++
			}
			if diff := cmp.Diff(tc.rules, got); diff != "" {
				t.Errorf("findings per rule (-want +got):\n%s\n%s", diff, render(fs))
			}
			golden(t, tc.dir+".golden", render(fs))
		})
	}
}

// TestSafeTwins checks the near misses of each fixture produce nothing.
func TestSafeTwins(t *testing.T) {
	fs := scanFindings(t, filepath.Join("testdata", "sls-shared"))
	for _, f := range fs {
		if f.Rule == "access/unused-permission" && strings.Contains(f.Message, "s3:PutObject") {
			t.Errorf("s3:PutObject is used by upload on the shared role, reported unused: %s", f.Message)
		}
	}
	fs = scanFindings(t, filepath.Join("testdata", "sls-missing"))
	for _, f := range fs {
		if strings.Contains(strings.Join(f.Functions, ","), "/read") {
			t.Errorf("read is allowed exactly what it needs, got %s: %s", f.Rule, f.Message)
		}
	}
	fs = scanFindings(t, filepath.Join("testdata", "sls-dynamic"))
	for _, f := range fs {
		if strings.Contains(f.Message, "dynamodb:") {
			t.Errorf("DynamoDB use is dynamic, nothing may be claimed: %s", f.Message)
		}
	}
	fs = scanFindings(t, filepath.Join("testdata", "sam-crud"))
	for _, f := range fs {
		if strings.Contains(strings.Join(f.Functions, ","), "ListBooks") {
			t.Errorf("ListBooksFunction is allowed exactly what it needs, got %s: %s", f.Rule, f.Message)
		}
	}
}

// TestDemo checks the access findings of the AWS demo: the shared role's
// DynamoDB and S3 wildcards narrow to what the five functions call, and
// nothing is reported unused or missing.
func TestDemo(t *testing.T) {
	fs := scanFindings(t, filepath.Join("..", "..", "..", "..", "examples", "aws-orders"))
	golden(t, "demo-aws-orders.golden", render(fs))
	want := map[string]string{
		"serverless.yml:38": "dynamodb:GetItem, dynamodb:PutItem, dynamodb:Scan",
		"serverless.yml:42": "s3:GetObject, s3:PutObject",
	}
	for _, f := range fs {
		loc := fmt.Sprintf("%s:%d", f.File, f.Line)
		if f.Rule != NarrowableRule.ID {
			t.Errorf("unexpected %s at %s: %s", f.Rule, loc, f.Message)
			continue
		}
		if !strings.Contains(f.Message, "Replace the wildcard with "+want[loc]+".") && !strings.Contains(f.Message, "Replace the wildcard with "+want[loc]+";") {
			t.Errorf("%s: want replacement %q in %q", loc, want[loc], f.Message)
		}
		delete(want, loc)
	}
	if len(want) > 0 {
		t.Errorf("missing narrowable findings: %v", want)
	}
}

var ruleID = regexp.MustCompile(`^(code|library|access|data)/[a-z0-9]+(-[a-z0-9]+)*$`)

// TestRules applies the registry's checks to this detector's rules.
func TestRules(t *testing.T) {
	d := New()
	seen := map[string]bool{}
	for _, r := range d.Rules() {
		if seen[r.ID] {
			t.Errorf("duplicate rule %s", r.ID)
		}
		seen[r.ID] = true
		if !ruleID.MatchString(r.ID) || r.Category != d.Category() || !strings.HasPrefix(r.ID, string(r.Category)+"/") {
			t.Errorf("rule %s: bad id or category", r.ID)
		}
		if r.Severity < finding.SeverityInfo || r.Severity > finding.SeverityCritical {
			t.Errorf("rule %s: severity out of range", r.ID)
		}
		for field, v := range map[string]string{"title": r.Title, "why": r.Why, "doc": r.Doc, "fix": r.Fix, "bad": r.Bad, "good": r.Good} {
			if v == "" {
				t.Errorf("rule %s: no %s", r.ID, field)
			}
		}
		if len(r.CWE) == 0 {
			t.Errorf("rule %s: no CWE", r.ID)
		}
		for _, c := range r.CWE {
			if !regexp.MustCompile(`^CWE-\d+$`).MatchString(c) {
				t.Errorf("rule %s: bad CWE %q", r.ID, c)
			}
		}
	}
}
