package gateway_test

import (
	"context"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/detect/access/accesstest"
	"github.com/cladsec/clad/internal/detect/access/calls"
	"github.com/cladsec/clad/internal/detect/access/gateway"
	"github.com/cladsec/clad/internal/extract/list"
	"github.com/cladsec/clad/internal/scan"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestRules(t *testing.T) { accesstest.CheckRules(t, gateway.New()) }

func TestFixtures(t *testing.T) { accesstest.Fixtures(t, *update, gateway.New()) }

// TestSafeForTheRightReason checks that the safe fixtures are quiet
// because of what the rule weighs (the gateway is not public, the callee
// has its own auth, the callee holds nothing more), not because the call
// went unseen.
func TestSafeForTheRightReason(t *testing.T) {
	cases := map[string]string{
		"safe-azure-private-gateway": "http gateway -> backup",
		"safe-sls-authorizer":        "http page -> orders",
		"safe-invoke-same-role":      "invoke upload -> resize",
		"safe-unrelated-urls":        "",
		"safe-bff-mirror":            "",
		"safe-sls-iam-callee":        "http page -> dishes",
	}
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			res, err := scan.Run(context.Background(), scan.Options{Target: filepath.Join("testdata", "fixtures", name), Extractors: list.All(), Offline: true})
			if err != nil {
				t.Fatal(err)
			}
			defer res.Close()
			f := calls.New(res.Tree, res.Project)
			defer f.Close()
			var got []string
			for _, fn := range res.Project.Functions {
				for _, c := range f.Calls(fn) {
					var names []string
					for _, g := range c.Callees {
						names = append(names, g.Name)
					}
					got = append(got, c.Kind+" "+fn.Name+" -> "+strings.Join(names, " "))
				}
			}
			if strings.Join(got, "; ") != want {
				t.Errorf("calls = %q, want %q", got, want)
			}
		})
	}
}
