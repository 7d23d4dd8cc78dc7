package vulndeps

import (
	"archive/zip"
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// osvExport serves <Ecosystem>/all.zip from a loopback server: one record
// per ecosystem, the npm one affecting node-fetch 2.6.0.
func osvExport(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		eco, ok := strings.CutSuffix(strings.TrimPrefix(r.URL.Path, "/"), "/all.zip")
		if !ok {
			http.NotFound(w, r)
			return
		}
		name := "clad-test-nothing"
		if eco == "npm" {
			name = "node-fetch"
		}
		rec := fmt.Sprintf(`{"id":"TEST-%s-1","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":%q,"name":%q},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"2.6.1"}]}]}]}`, eco, eco, name)
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		f, _ := zw.Create("TEST-1.json")
		_, _ = f.Write([]byte(rec))
		_ = zw.Close()
		_, _ = w.Write(buf.Bytes())
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestFetchOnFirstScan: without a local database and not offline, the
// configured detector downloads it, with progress, then matches.
func TestFetchOnFirstScan(t *testing.T) {
	srv := osvExport(t)
	var progress bytes.Buffer
	d := NewWithOptions(Options{Fetch: true, Progress: &progress, BaseURL: srv.URL})
	res := scanWith(t, "testdata/shop", t.TempDir(), false, d)
	if len(res.notRun) != 0 {
		t.Fatalf("not run: %q", res.notRun)
	}
	if !strings.Contains(progress.String(), "no local advisory database: downloading it") {
		t.Errorf("no progress line: %q", progress.String())
	}
	found := false
	for _, f := range res.findings {
		if f.Vulnerability.ID == "TEST-npm-1" && f.Vulnerability.Package == "node-fetch" {
			found = true
		}
	}
	if !found {
		t.Errorf("the downloaded record was not matched: %s", render(res.findings))
	}
	// Offline, the same detector never downloads.
	res = scanWith(t, "testdata/shop", t.TempDir(), true, d)
	if len(res.notRun) != 1 || res.notRun[0] != NotRunNoData {
		t.Errorf("offline without data: not run %q", res.notRun)
	}
}

// TestFetchFails: a failed download says library checks did not run.
func TestFetchFails(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	d := NewWithOptions(Options{Fetch: true, BaseURL: srv.URL})
	res := scanWith(t, "testdata/shop", t.TempDir(), false, d)
	if len(res.notRun) != 1 || !strings.Contains(res.notRun[0], "library vulnerabilities were not checked") || !strings.Contains(res.notRun[0], "404") {
		t.Errorf("not run = %q", res.notRun)
	}
}
