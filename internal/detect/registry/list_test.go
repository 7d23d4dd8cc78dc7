package registry

import (
	"regexp"
	"testing"

	"github.com/cladsec/clad/internal/finding"
)

var ruleID = regexp.MustCompile(`^(code|library|access|data)/[a-z0-9]+(-[a-z0-9]+)*$`)

// TestRegistry keeps the rule catalogue honest: unique detector names and
// rule IDs, every rule fully documented, in its detector's category.
func TestRegistry(t *testing.T) {
	names := map[string]bool{}
	ids := map[string]bool{}
	for _, d := range All() {
		if names[d.Name()] {
			t.Errorf("duplicate detector name %q", d.Name())
		}
		names[d.Name()] = true
		if len(d.Rules()) == 0 {
			t.Errorf("detector %s documents no rules", d.Name())
		}
		for _, r := range d.Rules() {
			if ids[r.ID] {
				t.Errorf("duplicate rule id %q", r.ID)
			}
			ids[r.ID] = true
			checkRule(t, d.Category(), r)
		}
	}
}

func checkRule(t *testing.T, cat finding.Category, r finding.Rule) {
	t.Helper()
	if !ruleID.MatchString(r.ID) {
		t.Errorf("rule id %q: want <category>/<kebab-name>", r.ID)
	}
	if r.Category != cat || string(r.Category) != r.ID[:len(cat)] {
		t.Errorf("rule %s: category %q does not match its detector (%q) or its id", r.ID, r.Category, cat)
	}
	if r.Severity < finding.SeverityInfo || r.Severity > finding.SeverityCritical {
		t.Errorf("rule %s: severity %v out of range", r.ID, r.Severity)
	}
	for field, v := range map[string]string{"title": r.Title, "why": r.Why, "doc": r.Doc, "fix": r.Fix, "bad example": r.Bad, "good example": r.Good} {
		if v == "" {
			t.Errorf("rule %s: no %s", r.ID, field)
		}
	}
	if len(r.CWE) == 0 {
		t.Errorf("rule %s: no CWE mapping", r.ID)
	}
	for _, c := range r.CWE {
		if !regexp.MustCompile(`^CWE-\d+$`).MatchString(c) {
			t.Errorf("rule %s: bad CWE %q", r.ID, c)
		}
	}
}

func TestRuleLookup(t *testing.T) {
	r, ok := Rule("access/handler-missing")
	if !ok || r.Category != finding.Access {
		t.Fatalf("Rule(access/handler-missing) = %+v, %v", r, ok)
	}
	if _, ok := Rule("nope/none"); ok {
		t.Error("found a rule that does not exist")
	}
}
