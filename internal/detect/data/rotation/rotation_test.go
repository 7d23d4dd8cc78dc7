package rotation_test

import (
	"flag"
	"regexp"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/detect/access/accesstest"
	"github.com/cladsec/clad/internal/detect/data/rotation"
	"github.com/cladsec/clad/internal/finding"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestFixtures scans every project under testdata/fixtures; "safe"
// fixtures must yield nothing.
func TestFixtures(t *testing.T) { accesstest.Fixtures(t, *update, rotation.New()) }

var ruleID = regexp.MustCompile(`^data/[a-z0-9]+(-[a-z0-9]+)*$`)

func TestRules(t *testing.T) {
	d := rotation.New()
	if d.Category() != finding.Data || d.Name() == "" {
		t.Fatal("detector identity")
	}
	want := map[string]string{"data/kms-key-rotation-disabled": "CWE-320", "data/secret-without-rotation": "CWE-324"}
	for _, r := range d.Rules() {
		if !ruleID.MatchString(r.ID) || r.Category != finding.Data || want[r.ID] == "" || r.CWE[0] != want[r.ID] {
			t.Errorf("rule %q: %+v", r.ID, r)
		}
		for field, v := range map[string]string{"title": r.Title, "why": r.Why, "doc": r.Doc, "fix": r.Fix, "bad": r.Bad, "good": r.Good} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("rule %s: no %s", r.ID, field)
			}
		}
		if r.Severity != finding.SeverityMedium {
			t.Errorf("rule %s: severity %v", r.ID, r.Severity)
		}
		delete(want, r.ID)
	}
	if len(want) > 0 {
		t.Errorf("missing rules %v", want)
	}
}
