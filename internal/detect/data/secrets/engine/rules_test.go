package engine

import (
	"regexp"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/finding"
)

var ruleIDRe = regexp.MustCompile(`^data/[a-z0-9]+(-[a-z0-9]+)*$`)

// TestCatalogue checks every rule is documented, has at least two samples
// to catch and two to ignore, and that they behave.
func TestCatalogue(t *testing.T) {
	rules := Rules()
	if len(rules) < 40 {
		t.Errorf("catalogue has %d rules, want at least 40", len(rules))
	}
	seen := map[string]bool{}
	s := New()
	for _, r := range rules {
		t.Run(r.ID, func(t *testing.T) {
			if seen[r.ID] {
				t.Errorf("duplicate rule %s", r.ID)
			}
			seen[r.ID] = true
			checkDoc(t, r)
			if len(r.Catch) < 2 || len(r.Ignore) < 2 {
				t.Errorf("%s: %d catch and %d ignore samples, want at least 2 of each", r.ID, len(r.Catch), len(r.Ignore))
			}
			for i, smp := range r.Catch {
				ms := s.Scan(smp.Path, []byte(smp.Text))
				if !hasRule(ms, r.ID) {
					t.Errorf("catch sample %d (%s) not reported as %s; got %v", i, smp.Path, r.ID, ms)
				}
				for _, m := range ms {
					assertRedacted(t, m)
				}
			}
			for i, smp := range r.Ignore {
				if ms := s.Scan(smp.Path, []byte(smp.Text)); hasRule(ms, r.ID) {
					t.Errorf("ignore sample %d (%s) reported as %s: %v", i, smp.Path, r.ID, ms)
				}
			}
		})
	}
}

func checkDoc(t *testing.T, r Rule) {
	t.Helper()
	if !ruleIDRe.MatchString(r.ID) || r.Category != finding.Data {
		t.Errorf("rule %q: bad id or category %q", r.ID, r.Category)
	}
	if r.Severity < finding.SeverityInfo || r.Severity > finding.SeverityCritical {
		t.Errorf("%s: severity %v", r.ID, r.Severity)
	}
	for field, v := range map[string]string{"title": r.Title, "why": r.Why, "doc": r.Doc, "fix": r.Fix, "bad": r.Bad, "good": r.Good} {
		if strings.TrimSpace(v) == "" {
			t.Errorf("%s: no %s", r.ID, field)
		}
	}
	if len(r.CWE) == 0 {
		t.Errorf("%s: no CWE", r.ID)
	}
	for _, c := range r.CWE {
		if !regexp.MustCompile(`^CWE-\d+$`).MatchString(c) {
			t.Errorf("%s: bad CWE %q", r.ID, c)
		}
	}
	if !strings.Contains(r.Fix, "Secrets Manager") && !strings.Contains(r.Fix, "Key Vault") && !strings.Contains(r.Fix, "secret store") {
		t.Errorf("%s: the fix names no secrets store", r.ID)
	}
	// the rule's own bad example must not hold a full secret
	if ms := New().Scan("bad-example.txt", []byte(r.Bad)); hasRule(ms, r.ID) {
		t.Errorf("%s: the Bad example holds a detectable secret", r.ID)
	}
}

func hasRule(ms []Match, id string) bool {
	for _, m := range ms {
		if m.Rule == id {
			return true
		}
	}
	return false
}

// assertRedacted checks that formatting a match never shows its secret.
func assertRedacted(t *testing.T, m Match) {
	t.Helper()
	if len(m.Secret()) < 8 {
		return
	}
	for _, s := range []string{m.String(), m.Redacted(), fmtAll(m)} {
		if strings.Contains(s, m.Secret()) {
			t.Errorf("%s: formatted match contains the secret", m.Rule)
		}
	}
}
