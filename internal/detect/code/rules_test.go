package code

import (
	"regexp"
	"testing"

	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/taint"
)

var ruleIDRe = regexp.MustCompile(`^code/[a-z0-9]+(-[a-z0-9]+)*$`)

// TestRules applies the registry's checks to every rule, and checks that
// every rule the engine can report is documented (and nothing else).
func TestRules(t *testing.T) {
	d := New()
	seen := map[string]bool{}
	for _, r := range d.Rules() {
		if seen[r.ID] {
			t.Errorf("duplicate rule %s", r.ID)
		}
		seen[r.ID] = true
		if !ruleIDRe.MatchString(r.ID) || r.Category != finding.Code || r.Category != d.Category() {
			t.Errorf("rule %s: bad id or category %q", r.ID, r.Category)
		}
		if r.Severity < finding.SeverityInfo || r.Severity > finding.SeverityCritical {
			t.Errorf("rule %s: severity %v", r.ID, r.Severity)
		}
		for field, v := range map[string]string{"title": r.Title, "why": r.Why, "doc": r.Doc, "fix": r.Fix, "bad": r.Bad, "good": r.Good} {
			if v == "" {
				t.Errorf("rule %s: no %s", r.ID, field)
			}
		}
		if len(r.CWE) == 0 {
			t.Errorf("rule %s: no CWE", r.ID)
		}
		for _, c := range r.CWE {
			if !regexp.MustCompile(`^CWE-\d+$`).MatchString(c) {
				t.Errorf("rule %s: bad CWE %q", r.ID, c)
			}
		}
	}
	for _, id := range taint.Rules {
		if !seen[id] {
			t.Errorf("engine rule %s is not documented", id)
		}
		delete(seen, id)
	}
	for id := range seen {
		t.Errorf("rule %s is documented but the engine never reports it", id)
	}
}
