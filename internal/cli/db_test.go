package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/advisory/advtest"
	"github.com/cladsec/clad/internal/advisory/db"
	"github.com/cladsec/clad/internal/detect/library/vulndeps"
)

// TestMain points $CLAD_DB_DIR at a small database built here (one
// record for a package no fixture uses), so that scans in these tests
// never download the real one; tests that need real data import
// ../shared/advisories into their own directory and pass --db-dir.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "clad-cli-db-")
	if err != nil {
		panic(err)
	}
	code := func() int {
		defer os.RemoveAll(dir)
		src := filepath.Join(dir, "src")
		rec := `{"id":"TEST-0001","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"clad-test-no-such-package"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"}]}]}]}`
		if err := os.MkdirAll(src, 0o755); err != nil {
			panic(err)
		}
		if err := os.WriteFile(filepath.Join(src, "TEST-0001.json"), []byte(rec), 0o644); err != nil {
			panic(err)
		}
		if err := db.RunImport(context.Background(), filepath.Join(dir, "db"), src, nil); err != nil {
			panic(err)
		}
		os.Setenv(db.EnvDir, filepath.Join(dir, "db"))
		return m.Run()
	}()
	os.Exit(code)
}

// sharedDB imports ../shared/advisories into a fresh directory with
// `clad db import`.
func sharedDB(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	code, out, errs := run(t, "db", "import", advtest.SharedDir(t), "--db-dir", dir)
	if code != ExitOK || !strings.Contains(out, "imported") {
		t.Fatalf("clad db import: exit %d\nstdout: %s\nstderr: %s", code, out, errs)
	}
	return dir
}

func TestDBImportAndStatus(t *testing.T) {
	dir := sharedDB(t)
	code, out, errs := run(t, "db", "status", "--db-dir", dir)
	if code != ExitOK {
		t.Fatalf("status: exit %d: %s", code, errs)
	}
	for _, want := range []string{"Advisory database: " + dir, "npm", "PyPI", "enrichment feed: 2 records"} {
		if !strings.Contains(out, want) {
			t.Errorf("status lacks %q:\n%s", want, out)
		}
	}
	// $CLAD_DB_DIR from the command's environment.
	var stdout, stderr strings.Builder
	env := Env{Stdout: &stdout, Stderr: &stderr, Stdin: strings.NewReader(""),
		Getenv: func(k string) string {
			if k == db.EnvDir {
				return dir
			}
			return ""
		}}
	if code := Run(context.Background(), []string{"db", "status"}, env); code != ExitOK || !strings.Contains(stdout.String(), dir) {
		t.Errorf("status with CLAD_DB_DIR: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
}

func TestDBStatusWithoutData(t *testing.T) {
	code, out, _ := run(t, "db", "status", "--db-dir", t.TempDir())
	if code != ExitError || !strings.Contains(out, "No advisory data") || !strings.Contains(out, "clad db update") {
		t.Errorf("exit %d, stdout %q", code, out)
	}
}

func TestDBUsage(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"db"}, "Usage: clad db"},
		{[]string{"db", "upgrade"}, "unknown db command"},
		{[]string{"db", "import"}, "one PATH"},
		{[]string{"db", "import", filepath.Join(t.TempDir(), "nope")}, "nope"},
		{[]string{"db", "status", "extra"}, "no arguments"},
		{[]string{"db", "update", "--url", "ftp://example.invalid", "--db-dir", t.TempDir()}, "http(s) URL"},
		{[]string{"scan", "--online", "--offline", "."}, "exclude each other"},
	}
	for _, c := range cases {
		code, _, errs := run(t, c.args...)
		if code != ExitError || !strings.Contains(errs, c.want) {
			t.Errorf("clad %v: exit %d, stderr %q (want %q)", c.args, code, errs, c.want)
		}
	}
}

// TestScanWithoutData: offline and without data, the JSON summary says
// library checks did not run, and the exit code does not change.
func TestScanWithoutData(t *testing.T) {
	demo := filepath.Join("..", "..", "examples", "aws-orders")
	r := scanJSON(t, ExitOK, "--offline", "--fail-on", "none", "--db-dir", t.TempDir(), demo)
	if len(r.Summary.NotRun) != 1 || r.Summary.NotRun[0] != vulndeps.NotRunNoData {
		t.Errorf("not_run = %q", r.Summary.NotRun)
	}
	if r.Summary.ByCategory["library"] != 0 {
		t.Errorf("library findings without data: %d", r.Summary.ByCategory["library"])
	}
	// The same with CLAD_DB_DIR pointing at an empty directory.
	t.Setenv(db.EnvDir, t.TempDir())
	r = scanJSON(t, ExitOK, "--offline", "--fail-on", "none", "--category", "library", demo)
	if len(r.Summary.NotRun) != 1 {
		t.Errorf("not_run with CLAD_DB_DIR = %q", r.Summary.NotRun)
	}
}

// TestScanLibrary: the demo's library findings against the shared data.
func TestScanLibrary(t *testing.T) {
	dir := sharedDB(t)
	demo := filepath.Join("..", "..", "examples", "aws-orders")
	r := scanJSON(t, ExitFindings, "--offline", "--category", "library", "--db-dir", dir, demo)
	if len(r.Summary.NotRun) != 0 {
		t.Errorf("not_run = %q", r.Summary.NotRun)
	}
	got := map[string]bool{}
	for _, f := range r.Findings {
		if f.Vulnerability == nil {
			t.Fatalf("library finding without vulnerability: %+v", f)
		}
		got[f.Vulnerability.ID+" "+f.Vulnerability.Package] = true
	}
	for _, want := range []string{"GHSA-p6mc-m468-83gw lodash", "GHSA-q4v7-4rhw-9hqm node-serialize", "GHSA-776f-qx25-q3cc xml2js"} {
		if !got[want] {
			t.Errorf("missing %s among %v", want, got)
		}
	}
}
