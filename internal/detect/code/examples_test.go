package code

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/extract/list"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/scan"
)

var update = flag.Bool("update", false, "rewrite golden files")

// expected is one row of the Code table of an example's EXPECTED.md.
type expected struct {
	rule, file string
	line       int
	functions  []string
	severity   finding.Severity // before the exposure raise
	trace      []string         // file:line steps that must appear, in order
}

var examples = map[string][]expected{
	"aws-orders": {
		{"code/os-command-injection", "src/upload.js", 43, []string{"aws-orders/processUpload"}, finding.SeverityCritical,
			[]string{"src/upload.js:29", "src/upload.js:30", "src/upload.js:43"}},
		{"code/prototype-pollution", "src/orders.js", 52, []string{"aws-orders/createOrder"}, finding.SeverityHigh,
			[]string{"src/orders.js:43", "src/orders.js:51", "src/orders.js:52"}},
		{"code/mass-assignment", "src/orders.js", 48, []string{"aws-orders/createOrder"}, finding.SeverityMedium,
			[]string{"src/orders.js:43", "src/orders.js:48"}},
		{"code/insecure-deserialization", "src/notify.js", 31, []string{"aws-orders/notifyCustomer"}, finding.SeverityCritical,
			[]string{"src/notify.js:31"}},
	},
	"azure-todo": {
		{"code/template-injection", "render/index.js", 31, []string{"azure-todo/render"}, finding.SeverityCritical,
			[]string{"render/index.js:31", "render/index.js:36", "templates/shared-list.dust:6"}},
		{"code/auth-check-falls-through", "adminGateway/index.js", 16, []string{"azure-todo/adminGateway"}, finding.SeverityCritical,
			[]string{"adminGateway/index.js:16", "adminGateway/index.js:18"}},
		{"code/insecure-secret-comparison", "adminGateway/index.js", 10, []string{"azure-todo/adminGateway"}, finding.SeverityMedium,
			[]string{"adminGateway/index.js:10"}},
		{"code/path-traversal", "restore/index.js", 14, []string{"azure-todo/restore"}, finding.SeverityHigh,
			[]string{"restore/index.js:8", "restore/index.js:14", "restore/index.js:16"}},
	},
}

// TestExamples scans the demo apps and checks the Code findings of their
// EXPECTED.md: exact rules, files, lines, functions, base severities, and
// the trace steps the answer key names. The full findings are kept in a
// golden file.
func TestExamples(t *testing.T) {
	for name, want := range examples {
		t.Run(name, func(t *testing.T) {
			res, err := scan.Run(context.Background(), scan.Options{
				Target: filepath.Join("..", "..", "..", "examples", name), Offline: true,
				Extractors: list.All(), Detectors: []detect.Detector{New()},
			})
			if err != nil {
				t.Fatal(err)
			}
			defer res.Close()
			got := res.Findings
			if len(got) != len(want) {
				for _, f := range got {
					t.Logf("got %s %s:%d %v", f.Rule, f.File, f.Line, f.Functions)
				}
				t.Fatalf("%d code findings, want %d", len(got), len(want))
			}
			for _, w := range want {
				f, ok := find(got, w)
				if !ok {
					t.Errorf("missing %s at %s:%d", w.rule, w.file, w.line)
					continue
				}
				if diff := cmp.Diff(w.functions, f.Functions); diff != "" {
					t.Errorf("%s functions (-want +got):\n%s", w.rule, diff)
				}
				if r := ruleByID[w.rule]; r.Severity != w.severity {
					t.Errorf("%s base severity %v, want %v", w.rule, r.Severity, w.severity)
				}
				if !subsequence(steps(f.Trace), w.trace) {
					t.Errorf("%s trace %v does not hold %v in order", w.rule, steps(f.Trace), w.trace)
				}
			}
			golden(t, filepath.Join("testdata", "golden", name+".json"), got)
		})
	}
}

func find(fs []finding.Finding, w expected) (finding.Finding, bool) {
	for _, f := range fs {
		if f.Rule == w.rule && f.File == w.file && f.Line == w.line {
			return f, true
		}
	}
	return finding.Finding{}, false
}

func steps(tr []finding.Step) []string {
	out := make([]string, 0, len(tr))
	for _, s := range tr {
		out = append(out, s.File+":"+itoa(s.Line))
	}
	return out
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// subsequence reports whether want appears in got in order.
func subsequence(got, want []string) bool {
	i := 0
	for _, g := range got {
		if i < len(want) && g == want[i] {
			i++
		}
	}
	return i == len(want)
}

// golden compares findings with a golden JSON file (-update rewrites it).
func golden(t *testing.T, path string, got []finding.Finding) {
	t.Helper()
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(string(b), "\n")); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}
