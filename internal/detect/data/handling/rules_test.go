package handling_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/data/handling"
	"github.com/cladsec/clad/internal/finding"
)

var ruleID = regexp.MustCompile(`^data/[a-z0-9]+(-[a-z0-9]+)*$`)
var cweID = regexp.MustCompile(`^CWE-\d+$`)

// checkRules applies the registry's checks to a data detector.
func checkRules(t *testing.T, d detect.Detector) {
	t.Helper()
	if d.Category() != finding.Data || d.Name() == "" || len(d.Rules()) == 0 {
		t.Fatalf("detector %q: category %q, %d rules", d.Name(), d.Category(), len(d.Rules()))
	}
	seen := map[string]bool{}
	for _, r := range d.Rules() {
		if !ruleID.MatchString(r.ID) || r.Category != finding.Data || seen[r.ID] {
			t.Errorf("rule %q: bad or duplicate id, or category %q", r.ID, r.Category)
		}
		seen[r.ID] = true
		if r.Severity < finding.SeverityInfo || r.Severity > finding.SeverityCritical {
			t.Errorf("rule %s: severity %v", r.ID, r.Severity)
		}
		for field, v := range map[string]string{"title": r.Title, "why": r.Why, "doc": r.Doc, "fix": r.Fix, "bad": r.Bad, "good": r.Good} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("rule %s: no %s", r.ID, field)
			}
		}
		if len(r.CWE) == 0 {
			t.Errorf("rule %s: no CWE", r.ID)
		}
		for _, c := range r.CWE {
			if !cweID.MatchString(c) {
				t.Errorf("rule %s: bad CWE %q", r.ID, c)
			}
		}
	}
}

func TestRules(t *testing.T) {
	checkRules(t, handling.New())
	want := map[string]struct {
		cwe      string
		exposure bool
	}{
		"data/tls-verification-disabled": {"CWE-295", true},
		"data/plaintext-transport":       {"CWE-319", false},
		"data/sensitive-data-logged":     {"CWE-532", false},
		"data/error-details-exposed":     {"CWE-209", true},
	}
	for _, r := range handling.New().Rules() {
		w, ok := want[r.ID]
		if !ok || r.CWE[0] != w.cwe || r.Exposure != w.exposure || r.Severity != finding.SeverityMedium {
			t.Errorf("rule %s: cwe %v exposure %v severity %v", r.ID, r.CWE, r.Exposure, r.Severity)
		}
		delete(want, r.ID)
	}
	if len(want) > 0 {
		t.Errorf("rules missing: %v", want)
	}
}
