package db

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/cladsec/clad/internal/advisory/advtest"
)

// zipFromShared builds an OSV-export-like zip (one <id>.json per record)
// from one file of ../shared/advisories.
func zipFromShared(t testing.TB, name string) []byte {
	t.Helper()
	f, err := os.Open(advtest.SharedFile(t, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var head struct{ ID string }
		if err := json.Unmarshal(sc.Bytes(), &head); err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(head.ID + ".json")
		if err != nil {
			t.Fatal(err)
		}
		w.Write(sc.Bytes())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// osvServer serves <eco>/all.zip from the given archives on loopback and
// counts requests.
func osvServer(t *testing.T, archives map[string][]byte) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		eco, ok := strings.CutSuffix(strings.TrimPrefix(r.URL.Path, "/"), "/all.zip")
		data, found := archives[eco]
		if !ok || !found {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/zip")
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func TestUpdateFromLoopback(t *testing.T) {
	srv, hits := osvServer(t, map[string][]byte{
		"npm":  zipFromShared(t, "npm.jsonl.gz"),
		"PyPI": zipFromShared(t, "PyPI.jsonl.gz"),
	})
	s := newTestStore(t)
	var progress bytes.Buffer
	res, err := s.Update(context.Background(), []string{"npm", "PyPI"}, srv.URL, &progress)
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	if hits.Load() != 2 {
		t.Errorf("requests = %d, want 2", hits.Load())
	}
	for _, want := range []string{"downloading npm/all.zip", "downloading PyPI/all.zip", "npm: 641 records", "PyPI: 2666 records"} {
		if !strings.Contains(progress.String(), want) {
			t.Errorf("progress lacks %q:\n%s", want, progress.String())
		}
	}
	if len(res.Sources) != 2 || res.Sources[0].Kind != KindDownload || res.Sources[0].Location != srv.URL+"/PyPI/all.zip" {
		t.Errorf("sources = %+v", res.Sources)
	}
	d := openT(t, s)
	if got := ids(t, d, "npm", "lodash", "4.17.20"); strings.Join(got, ",") != "GHSA-29mw-wpgm-hmr9,GHSA-35jh-r3h4-6jhm" {
		t.Errorf("lodash@4.17.20 = %v", got)
	}
	if got := ids(t, d, "PyPI", "Jinja2", "3.1.3"); strings.Join(got, ",") != "GHSA-h75v-3vvj-5mfj" {
		t.Errorf("Jinja2@3.1.3 = %v", got)
	}
	// A second update replaces the downloaded records, not adds to them.
	before := res.Ecosystems["npm"]
	res2, err := s.Update(context.Background(), []string{"npm"}, srv.URL+"/", nil)
	if err != nil {
		t.Fatal(err)
	}
	if res2.Ecosystems["npm"] != before || before < 641 {
		t.Errorf("npm records: %d after the first update, %d after the second", before, res2.Ecosystems["npm"])
	}
}

// TestUpdateFailureKeepsDatabase: a missing archive, an oversized one or
// a broken one fails the whole update; the database is unchanged.
func TestUpdateFailureKeepsDatabase(t *testing.T) {
	npmZip := zipFromShared(t, "npm.jsonl.gz")
	srv, _ := osvServer(t, map[string][]byte{"npm": npmZip, "Go": []byte("this is not a zip")})
	s := newTestStore(t)
	if _, err := s.Update(context.Background(), []string{"npm"}, srv.URL, nil); err != nil {
		t.Fatal(err)
	}
	gen0, _ := s.current()
	cases := []struct {
		name  string
		ecos  []string
		limit Limits
		want  string
	}{
		{"404", []string{"npm", "PyPI"}, Limits{}, "404"},
		{"not a zip", []string{"npm", "Go"}, Limits{}, "not a readable zip"},
		{"too large", []string{"npm"}, Limits{MaxDownloadBytes: 1024}, "exceeds the limit"},
	}
	for _, c := range cases {
		s.Limits = c.limit
		_, err := s.Update(context.Background(), c.ecos, srv.URL, nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
		if gen, _ := s.current(); gen != gen0 {
			t.Errorf("%s: database replaced", c.name)
		}
		assertOnly(t, s.Dir, currentFile, gen0)
	}
	if _, err := s.Update(context.Background(), nil, "ftp://example.invalid", nil); err == nil {
		t.Error("a non-http base URL must be refused")
	}
}
