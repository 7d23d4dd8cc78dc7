package handling_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/detect/access/accesstest"
	"github.com/cladsec/clad/internal/detect/data/handling"
)

// TestDemos checks the data-handling findings of the demo apps against
// the "Data" sections of their EXPECTED.md answer keys (the
// data/hardcoded-secret lines there belong to the secrets detector).
func TestDemos(t *testing.T) {
	type want struct{ rule, place, functions, severity string }
	cases := map[string][]want{
		"aws-orders": {
			{"data/plaintext-transport", "src/notify.js:6", "notifyCustomer", "medium"},
			{"data/sensitive-data-logged", "src/orders.js:39", "createOrder", "medium"},
		},
		"azure-todo": nil,
	}
	for demo, wants := range cases {
		t.Run(demo, func(t *testing.T) {
			fs := accesstest.Scan(t, filepath.Join("..", "..", "..", "..", "examples", demo), handling.New())
			var got []want
			for _, f := range fs {
				var names []string
				for _, id := range f.Functions {
					names = append(names, strings.TrimPrefix(id, demo+"/"))
				}
				got = append(got, want{f.Rule, fmt.Sprintf("%s:%d", f.File, f.Line), strings.Join(names, " "), f.Severity.String()})
			}
			if diff := cmp.Diff(wants, got, cmp.AllowUnexported(want{})); diff != "" {
				t.Errorf("data findings of %s (-want +got):\n%s\nall findings:\n%s", demo, diff, accesstest.Render(fs))
			}
			accesstest.CheckFindings(t, fs)
		})
	}
}

// TestDemoPlaintextTrace checks that the plaintext finding of aws-orders
// names the request as well as the URL (EXPECTED.md: :6 URL, :11 request).
func TestDemoPlaintextTrace(t *testing.T) {
	fs := accesstest.Scan(t, filepath.Join("..", "..", "..", "..", "examples", "aws-orders"), handling.New())
	for _, f := range fs {
		if f.Rule != "data/plaintext-transport" {
			continue
		}
		if len(f.Trace) != 2 || f.Trace[1].Line != 11 || !strings.Contains(f.Message, "src/notify.js:11") {
			t.Errorf("trace %+v, message %q: want the request at src/notify.js:11", f.Trace, f.Message)
		}
		return
	}
	t.Fatal("no plaintext finding")
}
