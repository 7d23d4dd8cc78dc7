package suppress

import (
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/finding"
)

// FuzzInline feeds arbitrary file content to the inline comment reader: it
// must never panic, and a finding is only suppressed next to a directive.
func FuzzInline(f *testing.F) {
	f.Add("// clad:ignore code/eval constant\neval(x)\n", 2)
	f.Add("x # clad:allow data/* test\n", 1)
	f.Add("/* clad:ignore */ clad:ignore [ bad\n", 1)
	f.Add("<!-- clad:allow code/xss r -->\r\n<b>\r\n", 2)
	f.Add("\xff\xfeclad:ignore\x00 code/eval r", 1)
	f.Fuzz(func(t *testing.T, content string, line int) {
		read := func(string) ([]byte, error) { return []byte(content), nil }
		fs := []finding.Finding{{Rule: "code/eval", File: "a.js", Line: line}}
		res := Apply(fs, Options{ReadFile: read})
		if len(res.Kept)+len(res.Suppressed) != 1 {
			t.Fatalf("finding lost: %+v", res)
		}
		if len(res.Suppressed) == 1 && !strings.Contains(content, "clad:") {
			t.Fatalf("suppressed without a directive")
		}
		for _, d := range parseDirectives(content) {
			if strings.ContainsAny(d.rule, " \t\n") || (d.rule == "" && d.reason != "") {
				t.Fatalf("bad directive %+v", d)
			}
		}
	})
}
