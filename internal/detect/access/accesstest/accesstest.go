// Package accesstest runs access detectors over fixture projects the way a
// scan does (every extractor, then the detector) and compares the findings
// with golden files. It is used by the detectors' tests only.
package accesstest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/extract/list"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/scan"
)

// Scan runs every extractor and the detectors over dir. A detector error
// fails the test.
func Scan(t *testing.T, dir string, ds ...detect.Detector) []finding.Finding {
	t.Helper()
	res, err := scan.Run(context.Background(), scan.Options{Target: dir, Extractors: list.All(), Detectors: ds, Offline: true})
	if err != nil {
		t.Fatalf("scan %s: %v", dir, err)
	}
	defer res.Close()
	for _, p := range res.Problems {
		switch {
		case p.Kind == "detector":
			t.Errorf("detector %s failed: %s", p.Stage, p.Message)
		case p.Level == model.LevelError:
			t.Errorf("fixture %s: %s:%d: %s", dir, p.File, p.Line, p.Message)
		}
	}
	return res.Findings
}

// Render writes findings one block each: severity, rule, place, functions,
// then the message and evidence indented.
func Render(fs []finding.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %s %s:%d [%s]\n", f.Severity, f.Rule, f.File, f.Line, strings.Join(f.Functions, " "))
		fmt.Fprintf(&b, "  message: %s\n", f.Message)
		if f.Evidence != "" {
			fmt.Fprintf(&b, "  evidence: %s\n", f.Evidence)
		}
	}
	return b.String()
}

// Golden compares got with the file at path, or rewrites it when update.
func Golden(t *testing.T, path, got string, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// Fixtures scans every directory under testdata/fixtures and compares the
// findings with testdata/golden/<dir>.txt. Fixture directories whose name
// starts with "safe" must yield no finding at all.
func Fixtures(t *testing.T, update bool, ds ...detect.Detector) {
	t.Helper()
	root := filepath.Join("testdata", "fixtures")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		t.Fatal("no fixtures")
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			fs := Scan(t, filepath.Join(root, name), ds...)
			if strings.HasPrefix(name, "safe") && len(fs) > 0 {
				t.Errorf("safe fixture %s reports:\n%s", name, Render(fs))
			}
			CheckFindings(t, fs)
			Golden(t, filepath.Join("testdata", "golden", name+".txt"), Render(fs), update)
		})
	}
}

// CheckFindings checks what every finding must carry.
func CheckFindings(t *testing.T, fs []finding.Finding) {
	t.Helper()
	for _, f := range fs {
		if f.File == "" || f.Line < 1 || len(f.Functions) == 0 || f.Message == "" || f.Key == "" {
			t.Errorf("incomplete finding: %+v", f)
		}
	}
}

var ruleID = regexp.MustCompile(`^access/[a-z0-9]+(-[a-z0-9]+)*$`)
var cweID = regexp.MustCompile(`^CWE-\d+$`)

// CheckRules checks that every rule is fully documented, as the registry
// test does.
func CheckRules(t *testing.T, d detect.Detector) {
	t.Helper()
	if d.Category() != finding.Access || d.Name() == "" || len(d.Rules()) == 0 {
		t.Errorf("detector %q: category %q, %d rules", d.Name(), d.Category(), len(d.Rules()))
	}
	for _, r := range d.Rules() {
		if !ruleID.MatchString(r.ID) || r.Category != finding.Access {
			t.Errorf("rule %q: bad id or category %q", r.ID, r.Category)
		}
		if r.Severity < finding.SeverityInfo || r.Severity > finding.SeverityCritical {
			t.Errorf("rule %s: severity %v", r.ID, r.Severity)
		}
		for field, v := range map[string]string{"title": r.Title, "why": r.Why, "doc": r.Doc, "fix": r.Fix, "bad": r.Bad, "good": r.Good} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("rule %s: no %s", r.ID, field)
			}
		}
		if len(r.CWE) == 0 {
			t.Errorf("rule %s: no CWE", r.ID)
		}
		for _, c := range r.CWE {
			if !cweID.MatchString(c) {
				t.Errorf("rule %s: bad CWE %q", r.ID, c)
			}
		}
	}
}

// Project builds a detect.Input from hand-made functions, for unit tests
// of edge cases no manifest produces.
func Project(fns ...*model.Function) *detect.Input {
	return &detect.Input{Project: &model.Project{Functions: fns}}
}

// Collect runs one detector on in and returns its findings.
func Collect(t *testing.T, d detect.Detector, in *detect.Input) []finding.Finding {
	t.Helper()
	var out []finding.Finding
	if err := d.Detect(context.Background(), in, func(f finding.Finding) { out = append(out, f) }); err != nil {
		t.Fatal(err)
	}
	return out
}
