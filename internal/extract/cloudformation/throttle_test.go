package cloudformation

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/walk"
)

// Each route records the API Gateway rate limit that applies to it, from the
// most specific setting; settings that do not cover it, that equal the
// account default or that clad cannot read record nothing.
func TestThrottle(t *testing.T) {
	r := scan(t, filepath.Join("testdata", "throttle"), walk.Options{}, extract.Vars{})
	got := map[string]string{}
	for _, f := range r.Functions {
		for _, tr := range f.Triggers {
			route := f.Name + " " + tr.Details["method"] + " " + tr.Details["path"]
			got[route] = tr.Details["throttle"]
		}
	}
	want := map[string]string{
		"Items GET /items":         "rate 100/s, burst 50",
		"Items GET /search/{term}": "rate 5/s",
		"Items GET /admin":         "",
		"Items PUT /x":             "",
		"Items PATCH /x":           "",
		"Items GET /implicit":      "",
		"Items GET /read":          "rate 20/s, burst 10",
		"Items POST /upload":       "rate 2/s",
		"Items GET /open":          "",
		"RawFn GET /":              "rate 30/s",
		"RawFn POST /":             "",
		"Items ANY $default":       "rate 3/s",
		"RawFn GET /raw":           "rate 40/s",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("throttle per route (-want +got):\n%s", diff)
	}
}
