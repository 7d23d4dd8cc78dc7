package vulndeps

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/cladsec/clad/internal/detect/library/npmreg"
)

// registry is a loopback npm registry serving abbreviated documents: for
// each package, version → its dependencies.
type registry struct {
	mu       sync.Mutex
	requests []string
}

var documents = map[string]map[string]map[string]string{
	"api-kit": {
		"1.0.0": {"body-parser": "1.18.2"},
		"1.1.0": {"body-parser": "1.19.0"},
		"1.2.0": {"body-parser": "^1.19.2"},
	},
	"body-parser": {
		"1.18.2": {"qs": "6.5.1"},
		"1.19.0": {"qs": "6.7.0"},
		"1.19.2": {"qs": "6.9.7"},
		"1.20.3": {"qs": "6.13.0"},
	},
	"express": {
		"4.16.0":       {"body-parser": "1.18.2", "qs": "6.5.1"},
		"4.16.1":       {"body-parser": "1.18.2", "qs": "6.5.1"},
		"4.17.0":       {"body-parser": "1.19.0", "qs": "6.7.0"},
		"4.17.3":       {"body-parser": "1.19.2", "qs": "6.9.7"},
		"4.20.0":       {"body-parser": "1.20.3", "qs": "6.13.0"},
		"5.0.0-beta.1": {"body-parser": "1.20.3", "qs": "6.13.0"},
	},
	// web-kit reaches body-parser and qs three hops down, through api-kit.
	"web-kit": {
		"1.0.0": {"api-kit": "1.0.0"},
		"1.1.0": {"api-kit": "1.1.0"},
		"2.0.0": {"api-kit": "^1.2.0"},
	},
	"qs": {"6.5.1": nil, "6.5.2": nil, "6.5.3": nil, "6.7.0": nil, "6.9.7": nil, "6.13.0": nil},
}

func (reg *registry) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	reg.mu.Lock()
	reg.requests = append(reg.requests, r.URL.Path)
	reg.mu.Unlock()
	if !strings.Contains(r.Header.Get("Accept"), "application/vnd.npm.install-v1+json") {
		http.Error(w, "want the abbreviated document", http.StatusNotAcceptable)
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/")
	vs, ok := documents[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	doc := npmreg.Packument{Name: name, Versions: map[string]npmreg.Manifest{}}
	for v, ds := range vs {
		doc.Versions[v] = npmreg.Manifest{Version: v, Dependencies: ds}
	}
	w.Header().Set("Content-Type", "application/vnd.npm.install-v1+json")
	_ = json.NewEncoder(w).Encode(doc)
}

// TestOnlineAdvice finds the lowest direct-dependency release whose tree
// admits the fix, one hop (express > qs), two hops (api-kit > body-parser
// > qs) and three hops (web-kit > api-kit > body-parser > qs) up, through a loopback registry, and caches the
// documents on disk.
func TestOnlineAdvice(t *testing.T) {
	reg := &registry{}
	srv := httptest.NewServer(reg)
	defer srv.Close()
	cache := t.TempDir()
	client := npmreg.New(srv.URL, cache)
	res := scanWith(t, "testdata/online", sharedDB(t), false, NewWithOptions(Options{Registry: client}))
	golden(t, "online.golden", render(res.findings))
	for _, p := range res.problems {
		t.Errorf("problem: %s", p)
	}
	if client.Fetches == 0 {
		t.Fatal("the registry was not consulted")
	}
	// A second scan reads the disk cache.
	again := npmreg.New(srv.URL, cache)
	scanWith(t, "testdata/online", sharedDB(t), false, NewWithOptions(Options{Registry: again}))
	if again.Fetches != 0 {
		t.Errorf("second scan fetched %d documents despite the cache", again.Fetches)
	}
	// Offline scans never ask.
	off := npmreg.New(srv.URL, "")
	scanWith(t, "testdata/online", sharedDB(t), true, NewWithOptions(Options{Registry: off}))
	if off.Fetches != 0 {
		t.Errorf("offline scan fetched %d documents", off.Fetches)
	}
}

// TestOnlineRegistryDown falls back to the lockfile advice with one
// warning.
func TestOnlineRegistryDown(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	res := scanWith(t, "testdata/online", sharedDB(t), false, NewWithOptions(Options{Registry: npmreg.New(srv.URL, "")}))
	warned := 0
	for _, p := range res.problems {
		if strings.Contains(p, "npm registry not consulted") {
			warned++
		}
	}
	if warned != 1 {
		t.Errorf("registry warnings = %d, want 1: %q", warned, res.problems)
	}
	for _, f := range res.findings {
		if f.Vulnerability.Package == "qs" && !strings.Contains(f.Fix, "overrides") {
			t.Errorf("qs fix without the registry = %q", f.Fix)
		}
	}
}
