package secrets

import (
	"testing"
)

// TestExamples runs the detector over the demo apps and checks the answer
// keys' secrets (examples/*/EXPECTED.md): rule, place, functions, severity.
func TestExamples(t *testing.T) {
	type want struct {
		rule, file string
		line       int
		fns        int
		severity   string
	}
	for dir, wants := range map[string][]want{
		"../../../../examples/aws-orders": {
			{"data/stripe-key", "serverless.yml", 30, 5, "critical"},
			{"data/hardcoded-secret", "serverless.yml", 33, 5, "high"},
		},
		"../../../../examples/azure-todo": {
			{"data/hardcoded-secret", "adminGateway/index.js", 6, 1, "high"},
			{"data/azure-function-key", "config/keys.json", 4, 1, "high"},
			{"data/azure-function-key", "config/keys.json", 5, 1, "high"},
			{"data/azure-storage-key", "local.settings.json", 4, 6, "high"},
		},
	} {
		res := runProject(t, dir)
		if len(res.Findings) != len(wants) {
			for _, f := range res.Findings {
				t.Logf("got %s %s:%d %v %s", f.Rule, f.File, f.Line, f.Functions, f.Severity)
			}
			t.Errorf("%s: %d findings, want %d", dir, len(res.Findings), len(wants))
			continue
		}
		for _, w := range wants {
			found := false
			for _, f := range res.Findings {
				if f.Rule == w.rule && f.File == w.file && f.Line == w.line {
					found = true
					if len(f.Functions) != w.fns || f.Severity.String() != w.severity {
						t.Errorf("%s %s:%d: functions %v severity %s, want %d functions, %s", w.rule, w.file, w.line, f.Functions, f.Severity, w.fns, w.severity)
					}
				}
			}
			if !found {
				t.Errorf("%s: missing %s at %s:%d", dir, w.rule, w.file, w.line)
			}
		}
		assertNoSecrets(t, dir, res.Findings)
	}
}
