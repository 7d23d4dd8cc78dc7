package vulndeps

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/advisory/advtest"
	"github.com/cladsec/clad/internal/advisory/db"
	depslist "github.com/cladsec/clad/internal/deps/list"
	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/extract/list"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/scan"
)

var update = flag.Bool("update", false, "rewrite golden files")

var (
	sharedOnce sync.Once
	sharedDir  string
	sharedErr  error
)

// sharedDB imports ../shared/advisories into a temporary database once per
// test binary (the data is never copied into the repository). It fails
// the test when the snapshot is missing.
func sharedDB(t *testing.T) string {
	t.Helper()
	src := advtest.SharedDir(t)
	sharedOnce.Do(func() {
		sharedDir, sharedErr = os.MkdirTemp("", "clad-vulndeps-db-")
		if sharedErr != nil {
			return
		}
		sharedErr = db.RunImport(context.Background(), sharedDir, src, nil)
	})
	if sharedErr != nil {
		t.Fatalf("import %s: %v", src, sharedErr)
	}
	return sharedDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedDir != "" {
		os.RemoveAll(sharedDir)
	}
	os.Exit(code)
}

// importShared imports ../shared/advisories into dir.
func importShared(tb testing.TB, dir string) error {
	return db.RunImport(context.Background(), dir, advtest.SharedDir(tb), nil)
}

// result is a scan with only this detector.
type result struct {
	findings []finding.Finding
	notRun   []string
	problems []string
}

// scanWith scans dir with every extractor and parser and the detector d.
func scanWith(t *testing.T, dir, dbDir string, offline bool, d detect.Detector) result {
	t.Helper()
	res, err := scan.Run(context.Background(), scan.Options{
		Target: dir, Extractors: list.All(), Parsers: depslist.All(), Detectors: []detect.Detector{d},
		AdvisoryDir: dbDir, Offline: offline,
	})
	if err != nil {
		t.Fatalf("scan %s: %v", dir, err)
	}
	defer res.Close()
	out := result{findings: res.Findings, notRun: res.NotRun}
	for _, p := range res.Problems {
		if p.Kind == "detector" {
			t.Errorf("detector failed: %s", p.Message)
		}
		out.problems = append(out.problems, fmt.Sprintf("%s %s %s: %s", p.Level, p.Kind, p.File, p.Message))
	}
	return out
}

// render writes the golden form of findings.
func render(fs []finding.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %s %s:%d [%s]\n", f.Severity, f.Rule, f.File, f.Line, strings.Join(f.Functions, " "))
		if v := f.Vulnerability; v != nil {
			fmt.Fprintf(&b, "  vuln: %s %s %s@%s fixed=%q aliases=%s\n", v.ID, v.Ecosystem, v.Package, v.Version, v.Fixed, strings.Join(v.Aliases, ","))
			for _, p := range v.Paths {
				fmt.Fprintf(&b, "  path: %s\n", strings.Join(p, " > "))
			}
		}
		fmt.Fprintf(&b, "  cwe: %s\n", strings.Join(f.CWE, ","))
		fmt.Fprintf(&b, "  message: %s\n", f.Message)
		fmt.Fprintf(&b, "  fix: %s\n", f.Fix)
		fmt.Fprintf(&b, "  evidence: %s\n", f.Evidence)
	}
	return b.String()
}

// golden compares got with testdata/<name>, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("%s differs (-want +got):\n%s", p, d)
	}
}
