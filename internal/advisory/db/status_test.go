package db

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/advisory/advtest"
)

// TestStatusGolden imports the shared snapshot and compares `clad db
// status` with testdata/status.golden (go test -update rewrites it).
func TestStatusGolden(t *testing.T) {
	s, _ := importShared(t)
	st, err := s.Status()
	if err != nil {
		t.Fatal(err)
	}
	if st.Stale(fixedNow.Add(24*time.Hour)) || !st.Stale(fixedNow.Add(15*24*time.Hour)) {
		t.Errorf("Stale: want false after a day, true after 15 days")
	}
	if st.Records() < 11000 || st.FeedRecords != 2 {
		t.Errorf("records %d, feed %d", st.Records(), st.FeedRecords)
	}
	// Make the text independent of where the test runs.
	st.Dir, st.Generation = "$CLAD_DB_DIR", "gen-TEST"
	for i := range st.Sources {
		st.Sources[i].Location = strings.Replace(st.Sources[i].Location, advtest.SharedDir(t), "../shared/advisories", 1)
	}
	var buf bytes.Buffer
	if err := FormatStatus(&buf, st, fixedNow.Add(20*24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "status.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(string(want), buf.String()); diff != "" {
		t.Errorf("status (-golden +got):\n%s", diff)
	}
}

func TestRunCommands(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if err := RunStatus(dir, fixedNow, &out); !errors.Is(err, ErrNoData) || !strings.Contains(out.String(), "clad db update") {
		t.Fatalf("RunStatus without data: %v %q", err, out.String())
	}
	if w := StaleWarning(dir, fixedNow); w != "" {
		t.Errorf("StaleWarning without data = %q", w)
	}
	out.Reset()
	if err := RunImport(context.Background(), dir, advtest.SharedFile(t, "NuGet.jsonl.gz"), &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "imported 7 records from") || !strings.Contains(out.String(), "NuGet 7") {
		t.Errorf("RunImport output:\n%s", out.String())
	}
	srv, _ := osvServer(t, map[string][]byte{"Maven": zipFromShared(t, "Maven.jsonl.gz")})
	var progress bytes.Buffer
	out.Reset()
	err := RunUpdate(context.Background(), UpdateOptions{Dir: dir, Ecosystems: []string{"Maven"}, BaseURL: srv.URL, Progress: &progress, Out: &out, Timeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "updated 11 records from "+srv.URL+"/Maven/all.zip") {
		t.Errorf("RunUpdate output:\n%s", out.String())
	}
	out.Reset()
	if err := RunStatus(dir, time.Now().Add(30*24*time.Hour), &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Maven", "NuGet", "fetched", "imported", "Warning: the advisory data is"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("status lacks %q:\n%s", want, out.String())
		}
	}
	if w := StaleWarning(dir, time.Now().Add(30*24*time.Hour)); !strings.Contains(w, "clad db update") {
		t.Errorf("StaleWarning = %q", w)
	}
}

func TestEnsureOpen(t *testing.T) {
	dir := t.TempDir()
	if _, err := EnsureOpen(context.Background(), UpdateOptions{Dir: dir}, true); !errors.Is(err, ErrNoData) {
		t.Fatalf("offline without data: %v", err)
	}
	srv, hits := osvServer(t, map[string][]byte{"NuGet": zipFromShared(t, "NuGet.jsonl.gz")})
	var progress bytes.Buffer
	opts := UpdateOptions{Dir: dir, Ecosystems: []string{"nuget"}, BaseURL: srv.URL, Progress: &progress}
	d, err := EnsureOpen(context.Background(), opts, false)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if ms, err := d.QueryPURL("pkg:nuget/Newtonsoft.Json@12.0.3"); err != nil || len(ms) != 1 || ms[0].ID != "GHSA-5crp-9r3c-p9vr" {
		t.Errorf("QueryPURL: %+v %v", ms, err)
	}
	if !strings.Contains(progress.String(), "downloading NuGet/all.zip") {
		t.Errorf("progress: %q", progress.String())
	}
	d2, err := EnsureOpen(context.Background(), opts, false)
	if err != nil {
		t.Fatal(err)
	}
	d2.Close()
	if hits.Load() != 1 {
		t.Errorf("downloads = %d, want 1 (the second call opens the local copy)", hits.Load())
	}
}

func TestWriterLock(t *testing.T) {
	s := newTestStore(t)
	in := writeJSONL(t, t.TempDir(), "l.jsonl", npmRecord("TEST-LOCK-1", "lk", "1.0.0"))
	if err := os.MkdirAll(s.Dir, 0o755); err != nil {
		t.Fatal(err)
	}
	lock := filepath.Join(s.Dir, lockFile)
	if err := os.WriteFile(lock, []byte("123\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(lock, fixedNow, fixedNow); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(context.Background(), in); !errors.Is(err, ErrBusy) {
		t.Fatalf("with a fresh lock: %v, want ErrBusy", err)
	}
	old := fixedNow.Add(-3 * time.Hour)
	if err := os.Chtimes(lock, old, old); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(context.Background(), in); err != nil {
		t.Fatalf("a stale lock should be taken over: %v", err)
	}
	if _, err := os.Stat(lock); !errors.Is(err, os.ErrNotExist) {
		t.Error("the lock should be released")
	}
}
