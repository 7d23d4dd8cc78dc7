package vulndeps

import (
	"regexp"
	"testing"

	"github.com/cladsec/clad/internal/finding"
)

// TestRules applies the registry's checks (internal/detect/registry) to
// this detector's rules.
func TestRules(t *testing.T) {
	id := regexp.MustCompile(`^library/[a-z0-9]+(-[a-z0-9]+)*$`)
	cwe := regexp.MustCompile(`^CWE-\d+$`)
	d := New()
	if d.Category() != finding.Library {
		t.Fatalf("category %q", d.Category())
	}
	for _, r := range d.Rules() {
		if !id.MatchString(r.ID) || r.Category != finding.Library {
			t.Errorf("rule %q: bad id or category %q", r.ID, r.Category)
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
			if !cwe.MatchString(c) {
				t.Errorf("rule %s: bad CWE %q", r.ID, c)
			}
		}
	}
	if !RuleShipped.Exposure || RuleDev.Exposure {
		t.Error("only the shipped rule follows exposure")
	}
}
