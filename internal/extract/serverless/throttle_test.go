package serverless

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/extract"
)

// The serverless-api-gateway-throttling plugin's limits become each
// endpoint's "throttle" detail: the endpoint's own settings, else the
// stage's; nothing without the plugin, for a disabled endpoint, at the
// account default, or for a value clad cannot read.
func TestThrottle(t *testing.T) {
	got := map[string]string{}
	for _, dir := range []string{"with-plugin", "no-plugin", "default-rate"} {
		g := runFixture(t, filepath.Join("testdata", "throttle", dir), extract.Vars{})
		for _, f := range g.Functions {
			for _, tr := range f.Triggers {
				got[dir+" "+tr.Type+" "+tr.Details["path"]] = tr.Details["throttle"]
			}
		}
	}
	want := map[string]string{
		"with-plugin http items":  "rate 200/s, burst 100",
		"with-plugin http /short": "rate 200/s, burst 100",
		"with-plugin http search": "rate 5/s, burst 2",
		"with-plugin http export": "",
		"with-plugin httpApi /v2": "rate 200/s, burst 100",
		"no-plugin http items":    "",
		"default-rate http items": "",
		"default-rate http big":   "",
		"default-rate http ssm":   "",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("throttle per endpoint (-want +got):\n%s", diff)
	}
}
