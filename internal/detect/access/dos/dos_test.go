package dos_test

import (
	"flag"
	"testing"

	"github.com/cladsec/clad/internal/detect/access/accesstest"
	"github.com/cladsec/clad/internal/detect/access/dos"
	"github.com/cladsec/clad/internal/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestRules(t *testing.T) { accesstest.CheckRules(t, dos.New()) }

func TestFixtures(t *testing.T) { accesstest.Fixtures(t, *update, dos.New()) }

// TestUnresolvedConcurrency: a limit clad cannot read is not "unset".
func TestUnresolvedConcurrency(t *testing.T) {
	fn := &model.Function{ID: "s/f", Name: "f", Provider: model.AWS, Manifest: "serverless.yml", Public: true,
		Source:     model.Location{File: "serverless.yml", Line: 3},
		Triggers:   []model.Trigger{{Type: "http", Public: true, Auth: "none"}},
		Unresolved: []string{"reservedConcurrency"}}
	if got := accesstest.Collect(t, dos.New(), accesstest.Project(fn)); len(got) != 0 {
		t.Errorf("want nothing, got %+v", got)
	}
}
