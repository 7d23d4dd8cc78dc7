package accesstest_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/accesstest"
	"github.com/cladsec/clad/internal/detect/access/dos"
	"github.com/cladsec/clad/internal/detect/access/eolruntime"
	"github.com/cladsec/clad/internal/detect/access/exposure"
	"github.com/cladsec/clad/internal/detect/access/gateway"
	"github.com/cladsec/clad/internal/detect/access/handlermissing"
	"github.com/cladsec/clad/internal/detect/access/isolation"
	"github.com/cladsec/clad/internal/detect/access/managedpolicy"
	"github.com/cladsec/clad/internal/detect/access/monitoring"
	"github.com/cladsec/clad/internal/detect/access/notrigger"
	"github.com/cladsec/clad/internal/detect/access/orphan"
	"github.com/cladsec/clad/internal/detect/access/sharedrole"
	"github.com/cladsec/clad/internal/detect/access/validation"
	"github.com/cladsec/clad/internal/detect/access/wildcard"
)

// all returns every access detector of this change, the runtime clock
// fixed so the demo's answers do not drift.
func all() []detect.Detector {
	eol := eolruntime.New()
	eol.Now = func() time.Time { return time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC) }
	return []detect.Detector{
		wildcard.New(), sharedrole.New(), managedpolicy.New(), exposure.New(), validation.New(),
		isolation.New(), dos.New(), eol, notrigger.New(), monitoring.New(), gateway.New(),
		orphan.New(),
	}
}

// want is one expected finding: rule, place, functions, severity after
// the scan's exposure ranking.
type want struct {
	rule, place, functions, severity string
}

// TestDemos checks the access findings of the demo apps against their
// EXPECTED.md answer keys (rule ids as this package names them; the
// extra low/info notes are listed too, so nothing else may appear).
func TestDemos(t *testing.T) {
	cases := map[string][]want{
		"aws-orders": {
			{"access/wildcard-action", "serverless.yml:38", "createOrder exportReport getOrder notifyCustomer processUpload", "critical"},
			{"access/wildcard-action", "serverless.yml:42", "createOrder exportReport getOrder notifyCustomer processUpload", "critical"},
			{"access/eol-runtime", "serverless.yml:19", "createOrder exportReport getOrder notifyCustomer processUpload", "high"},
			{"access/shared-role-write", "serverless.yml:36", "createOrder exportReport getOrder notifyCustomer processUpload", "high"},
			{"access/public-http-no-auth", "serverless.yml:75", "createOrder", "medium"},
			{"access/no-concurrency-limit", "serverless.yml:72", "createOrder", "low"},
			{"access/no-request-validation", "serverless.yml:75", "createOrder", "low"},
			{"access/no-tracing", "serverless.yml:17", "createOrder exportReport getOrder notifyCustomer processUpload", "info"},
			{"access/unbounded-fanout", "serverless.yml:93", "notifyCustomer processUpload", "info"},
		},
		"azure-todo": {
			{"access/public-http-no-auth", "adminGateway/function.json:4", "adminGateway", "high"},
			{"access/gateway-trusted-callee", "adminGateway/index.js:26", "adminGateway backup restore", "high"},
			{"access/admin-function-exposed-together", "backup/function.json:4", "backup restore", "high"},
			{"access/no-concurrency-limit", "host.json:1", "adminGateway render", "info"},
			{"access/public-http-no-auth", "render/function.json:4", "render", "info"},
		},
	}
	for demo, wants := range cases {
		t.Run(demo, func(t *testing.T) {
			fs := accesstest.Scan(t, filepath.Join("..", "..", "..", "..", "examples", demo), all()...)
			var got []want
			for _, f := range fs {
				var names []string
				for _, id := range f.Functions {
					names = append(names, strings.TrimPrefix(id, demo+"/"))
				}
				got = append(got, want{f.Rule, fmt.Sprintf("%s:%d", f.File, f.Line), strings.Join(names, " "), f.Severity.String()})
			}
			if diff := cmp.Diff(wants, got, cmp.AllowUnexported(want{})); diff != "" {
				t.Errorf("access findings of %s (-want +got):\n%s\nall findings:\n%s", demo, diff, accesstest.Render(fs))
			}
		})
	}
}

// TestUnique checks that the detectors' names and rule ids do not clash,
// as the registry test will once they are listed.
func TestUnique(t *testing.T) {
	names, ids := map[string]bool{}, map[string]bool{}
	for _, d := range append(all(), handlermissing.New()) {
		if names[d.Name()] {
			t.Errorf("duplicate detector name %q", d.Name())
		}
		names[d.Name()] = true
		accesstest.CheckRules(t, d)
		for _, r := range d.Rules() {
			if ids[r.ID] {
				t.Errorf("duplicate rule id %q", r.ID)
			}
			ids[r.ID] = true
		}
	}
}
