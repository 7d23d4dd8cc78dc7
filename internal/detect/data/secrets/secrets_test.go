package secrets

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
	"github.com/cladsec/clad/internal/detect/data/secrets/engine"
	"github.com/cladsec/clad/internal/extract/list"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/scan"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden is the part of a finding the golden file pins.
type golden struct {
	Rule      string   `json:"rule"`
	Severity  string   `json:"severity"`
	File      string   `json:"file"`
	Line      int      `json:"line"`
	EndLine   int      `json:"end_line,omitempty"`
	Functions []string `json:"functions"`
	Evidence  string   `json:"evidence"`
	Message   string   `json:"message"`
}

func runProject(t *testing.T, dir string) *scan.Result {
	t.Helper()
	res, err := scan.Run(context.Background(), scan.Options{Target: dir, Extractors: list.All(), Detectors: []detect.Detector{New()}})
	if err != nil {
		t.Fatalf("scan %s: %v", dir, err)
	}
	t.Cleanup(func() { res.Close() })
	return res
}

// TestProject runs the detector inside a scan of a project with secrets in
// a serverless.yml environment, handler code, test fixtures, docs and an
// Azure Functions app, and compares the findings with the golden file.
func TestProject(t *testing.T) {
	res := runProject(t, "testdata/project")
	var got []golden
	for _, f := range res.Findings {
		got = append(got, golden{f.Rule, f.Severity.String(), f.File, f.Line, f.EndLine, f.Functions, f.Evidence, f.Message})
	}
	path := filepath.Join("testdata", "project.golden.json")
	if *update {
		b, _ := json.MarshalIndent(got, "", "  ")
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	var want []golden
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("findings differ (-want +got):\n%s", d)
	}
	assertNoSecrets(t, "testdata/project", res.Findings)
}

// assertNoSecrets checks that no finding carries a secret the engine finds
// in the project, in any field.
func assertNoSecrets(t *testing.T, root string, fs []finding.Finding) {
	t.Helper()
	s := engine.New()
	var secrets []string
	_ = filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return nil
		}
		data, _ := os.ReadFile(p)
		for _, m := range s.Scan(p, data) {
			secrets = append(secrets, m.Secret())
		}
		return nil
	})
	if len(secrets) == 0 {
		t.Fatalf("only %d secrets in %s", len(secrets), root)
	}
	for _, f := range fs {
		b, _ := json.Marshal(f)
		for _, sec := range secrets {
			if len(sec) >= 8 && strings.Contains(string(b)+f.Key, sec) {
				t.Errorf("%s %s:%d carries a full secret", f.Rule, f.File, f.Line)
			}
		}
	}
}

func TestRules(t *testing.T) {
	d := New()
	if d.Name() != "secrets" || d.Category() != finding.Data {
		t.Errorf("name %q category %q", d.Name(), d.Category())
	}
	rules := d.Rules()
	if len(rules) < 40 {
		t.Errorf("%d rules, want at least 40", len(rules))
	}
	seen := map[string]bool{}
	for _, r := range rules {
		if seen[r.ID] || r.Category != finding.Data || !strings.HasPrefix(r.ID, "data/") {
			t.Errorf("rule %s: duplicate or not in data", r.ID)
		}
		seen[r.ID] = true
	}
}
