package db

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/cladsec/clad/internal/advisory/advtest"
)

// writeJSONL writes records (one JSON object per line) to dir/name.
func writeJSONL(t *testing.T, dir, name string, lines ...string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func npmRecord(id, name, fixed string) string {
	return `{"id":"` + id + `","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"` + name +
		`"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"` + fixed + `"}]}]}]}`
}

// ids returns the match ids of a query.
func ids(t *testing.T, d *DB, eco, name, version string) []string {
	t.Helper()
	ms, err := d.Query(eco, name, version)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range ms {
		if !strings.HasPrefix(m.ID, "CLAD-") {
			out = append(out, m.ID)
		}
	}
	return out
}

func openT(t *testing.T, s *Store) *DB {
	t.Helper()
	d, err := s.Open()
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// TestImportMergesPerSource: importing a path replaces only the records
// that path contributed before; other sources stay.
func TestImportMergesPerSource(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	in := t.TempDir()
	a := writeJSONL(t, in, "a.jsonl", npmRecord("TEST-A-1", "left-pad", "2.0.0"), npmRecord("TEST-A-2", "right-pad", "2.0.0"))
	b := writeJSONL(t, in, "b.jsonl", npmRecord("TEST-B-1", "left-pad", "3.0.0"))
	for _, p := range []string{a, b} {
		if _, err := s.Import(ctx, p); err != nil {
			t.Fatalf("Import %s: %v", p, err)
		}
	}
	d := openT(t, s)
	if got := ids(t, d, "npm", "left-pad", "1.0.0"); strings.Join(got, ",") != "TEST-A-1,TEST-B-1" {
		t.Fatalf("after two imports: %v", got)
	}
	// Re-import a with one record fewer: TEST-A-2 goes, TEST-B-1 stays.
	writeJSONL(t, in, "a.jsonl", npmRecord("TEST-A-1", "left-pad", "2.0.0"))
	res, err := s.Import(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if res.Ecosystems["npm"] != 2 {
		t.Errorf("npm records = %d, want 2", res.Ecosystems["npm"])
	}
	d2 := openT(t, s)
	if got := ids(t, d2, "npm", "right-pad", "1.0.0"); len(got) != 0 {
		t.Errorf("TEST-A-2 should be gone: %v", got)
	}
	if got := ids(t, d2, "npm", "left-pad", "1.0.0"); strings.Join(got, ",") != "TEST-A-1,TEST-B-1" {
		t.Errorf("after re-import: %v", got)
	}
	st, err := s.Status()
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Sources) != 2 {
		t.Errorf("sources = %+v, want 2", st.Sources)
	}
	// The old generation is gone; the first DB still reads (open files).
	if got := ids(t, d, "npm", "right-pad", "1.0.0"); len(got) != 1 {
		t.Errorf("an already open DB should keep reading its generation: %v", got)
	}
}

// TestImportProblems: malformed lines are skipped and reported.
func TestImportProblems(t *testing.T) {
	s := newTestStore(t)
	p := writeJSONL(t, t.TempDir(), "mixed.jsonl",
		npmRecord("TEST-OK-1", "ok-pkg", "1.0.0"),
		`{not json`,
		`{"id":""}`,
		``,
		`{"id":"TEST-NOPKG-1","affected":[{"ranges":[]}]}`,
	)
	res, err := s.Import(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Sources) != 1 || res.Sources[0].Records != 1 || res.Sources[0].Skipped != 2 || len(res.Problems) != 2 {
		t.Fatalf("result = %+v", res)
	}
	if !strings.Contains(res.Problems[0], "mixed.jsonl:2") {
		t.Errorf("problem should name the line: %q", res.Problems[0])
	}
}

func TestOpenNoData(t *testing.T) {
	_, err := Open(t.TempDir())
	if !errors.Is(err, ErrNoData) || !strings.Contains(err.Error(), "clad db update") {
		t.Fatalf("err = %v, want ErrNoData naming clad db update", err)
	}
	_, err = (&Store{Dir: filepath.Join(t.TempDir(), "missing")}).Status()
	if !errors.Is(err, ErrNoData) {
		t.Fatalf("Status err = %v, want ErrNoData", err)
	}
}

func TestOpenCorrupt(t *testing.T) {
	s := newTestStore(t)
	if _, err := s.Import(context.Background(), advtest.SharedFile(t, "npm.jsonl.gz")); err != nil {
		t.Fatal(err)
	}
	gen, err := s.current()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(s.Dir, gen, "npm.idx")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	b[headerSize+3] ^= 0xff // inside the index region
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Open(); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("err = %v, want ErrCorrupt", err)
	}
	// An update over a corrupt database recovers it.
	in := writeJSONL(t, t.TempDir(), "x.jsonl", npmRecord("TEST-X-1", "x", "1.0.0"))
	res, err := s.Import(context.Background(), in)
	if err != nil {
		t.Fatalf("Import over a corrupt index: %v", err)
	}
	if len(res.Notes) == 0 {
		t.Error("the recovery should be noted")
	}
	if got := ids(t, openT(t, s), "npm", "x", "0.5.0"); len(got) != 1 {
		t.Errorf("after recovery: %v", got)
	}
}

// TestAtomicReplace: a write that fails midway leaves the previous
// database intact and no temporary files; leftovers of a crashed write
// are ignored by readers and cleaned by the next write.
func TestAtomicReplace(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t)
	in := t.TempDir()
	first := writeJSONL(t, in, "first.jsonl", npmRecord("TEST-F-1", "pkg", "2.0.0"))
	if _, err := s.Import(ctx, first); err != nil {
		t.Fatal(err)
	}
	gen0, _ := s.current()
	second := writeJSONL(t, in, "second.jsonl", npmRecord("TEST-S-1", "pkg", "3.0.0"), `{"id":"TEST-S-2","affected":[{"package":{"ecosystem":"PyPI","name":"p"},"versions":["1"]}]}`)
	for _, stage := range []string{"ecosystem-written", "before-rename", "before-current"} {
		s.hook = func(got string) error {
			if got == stage {
				return errors.New("simulated crash at " + stage)
			}
			return nil
		}
		if _, err := s.Import(ctx, second); err == nil || !strings.Contains(err.Error(), "simulated crash") {
			t.Fatalf("%s: err = %v", stage, err)
		}
		if gen, _ := s.current(); gen != gen0 {
			t.Errorf("%s: CURRENT moved to %s", stage, gen)
		}
		if got := ids(t, openT(t, s), "npm", "pkg", "1.0.0"); strings.Join(got, ",") != "TEST-F-1" {
			t.Errorf("%s: old database changed: %v", stage, got)
		}
		assertOnly(t, s.Dir, currentFile, gen0)
	}
	s.hook = nil
	// Leftovers of a crash: a half-written temporary generation and an
	// orphan generation never made current.
	crash := filepath.Join(s.Dir, ".tmp-crashed")
	orphan := filepath.Join(s.Dir, "gen-orphan")
	for _, d := range []string{crash, orphan} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "npm.idx"), []byte("CLADIDX1 half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old := fixedNow.Add(-2 * time.Hour)
	if err := os.Chtimes(crash, old, old); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, openT(t, s), "npm", "pkg", "1.0.0"); strings.Join(got, ",") != "TEST-F-1" {
		t.Errorf("leftovers changed what readers see: %v", got)
	}
	if _, err := s.Import(ctx, second); err != nil {
		t.Fatal(err)
	}
	gen1, _ := s.current()
	assertOnly(t, s.Dir, currentFile, gen1)
	if got := ids(t, openT(t, s), "npm", "pkg", "1.0.0"); strings.Join(got, ",") != "TEST-F-1,TEST-S-1" {
		t.Errorf("after the write: %v", got)
	}
}

// assertOnly checks the database directory holds exactly names.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	for _, e := range entries {
		if !want[e.Name()] {
			t.Errorf("unexpected %s in the database directory", e.Name())
		}
	}
	if len(entries) != len(names) {
		t.Errorf("directory holds %d entries, want %d", len(entries), len(names))
	}
}

func TestDefaultDir(t *testing.T) {
	t.Setenv(EnvDir, "/tmp/clad-db-test")
	if d, err := DefaultDir(); err != nil || d != "/tmp/clad-db-test" {
		t.Errorf("with %s: %q %v", EnvDir, d, err)
	}
	if runtime.GOOS != "linux" {
		return
	}
	t.Setenv(EnvDir, "")
	t.Setenv("XDG_CACHE_HOME", "/tmp/xdg-cache")
	if d, err := DefaultDir(); err != nil || d != filepath.Join("/tmp/xdg-cache", "clad", "db") {
		t.Errorf("with XDG_CACHE_HOME: %q %v", d, err)
	}
}
