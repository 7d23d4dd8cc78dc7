package suppress

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/config"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// sample findings for the config ignore tests.
var sample = []finding.Finding{
	{Rule: "data/secret-in-env", File: "src/legacy/a.js", Line: 3, Functions: []string{"aws-orders/create"}, Fingerprint: "aaaaaaaaaaaaaaaa"},
	{Rule: "data/secret-in-env", File: "src/new/b.js", Line: 9, Functions: []string{"aws-orders/list"}, Fingerprint: "bbbbbbbbbbbbbbbb"},
	{Rule: "access/wildcard-action", File: "serverless.yml", Line: 20, Functions: []string{"aws-orders/create", "aws-billing/pay"}, Fingerprint: "cccccccccccccccc"},
	{Rule: "code/eval", File: "src/a.js", Line: 7, Functions: []string{"aws-billing/pay"}, Fingerprint: "0123456789abcdef"},
	{Rule: "library/vulnerable-package", File: "package-lock.json", Line: 1, Fingerprint: "dddddddddddddddd"},
}

// ids names findings as rule@file:line.
func ids(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s@%s:%d", f.Rule, f.File, f.Line))
	}
	return out
}

// messages lists the problem messages.
func messages(ps []model.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Message)
	}
	return out
}

var (
	day0  = time.Date(2026, 1, 31, 18, 0, 0, 0, time.UTC) // the until day itself
	day1  = time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)   // the day after
	until = time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)
)

func TestApplyConfigIgnores(t *testing.T) {
	tests := []struct {
		name    string
		ignores []config.Ignore
		now     time.Time
		want    []string // suppressed
		msgs    []string // problems
	}{
		{
			name:    "exact rule",
			ignores: []config.Ignore{{Rule: "data/secret-in-env", Reason: "r", Line: 3}},
			want:    []string{"data/secret-in-env@src/legacy/a.js:3", "data/secret-in-env@src/new/b.js:9"},
		},
		{
			name:    "rule glob",
			ignores: []config.Ignore{{Rule: "data/*", Reason: "r", Line: 3}},
			want:    []string{"data/secret-in-env@src/legacy/a.js:3", "data/secret-in-env@src/new/b.js:9"},
		},
		{
			name:    "star does not cross the slash of a rule ID",
			ignores: []config.Ignore{{Rule: "*", Reason: "r", Line: 3}},
			msgs:    []string{"unused ignore for *: it matched no finding; remove it or correct it"},
		},
		{
			name:    "rule and path",
			ignores: []config.Ignore{{Rule: "data/secret-in-env", Path: "src/legacy/**", Reason: "r", Line: 3}},
			want:    []string{"data/secret-in-env@src/legacy/a.js:3"},
		},
		{
			name:    "path glob without a slash matches the base name",
			ignores: []config.Ignore{{Rule: "*/*", Path: "*.yml", Reason: "r", Line: 3}},
			want:    []string{"access/wildcard-action@serverless.yml:20"},
		},
		{
			name:    "function glob matches any of the functions",
			ignores: []config.Ignore{{Rule: "*/*", Function: "aws-billing/*", Reason: "r", Line: 3}},
			want:    []string{"access/wildcard-action@serverless.yml:20", "code/eval@src/a.js:7"},
		},
		{
			name:    "function glob and rule",
			ignores: []config.Ignore{{Rule: "data/*", Function: "aws-orders/list", Reason: "r", Line: 3}},
			want:    []string{"data/secret-in-env@src/new/b.js:9"},
		},
		{
			name:    "fingerprint, any case",
			ignores: []config.Ignore{{Fingerprint: "0123456789ABCDEF", Reason: "r", Line: 3}},
			want:    []string{"code/eval@src/a.js:7"},
		},
		{
			name:    "fingerprint and a path that does not hold",
			ignores: []config.Ignore{{Fingerprint: "0123456789abcdef", Path: "lib/**", Reason: "r", Line: 3}},
			msgs:    []string{"unused ignore for fingerprint 0123456789abcdef (path lib/**): it matched no finding; remove it or correct it"},
		},
		{
			name:    "until day still suppresses",
			ignores: []config.Ignore{{Rule: "code/eval", Reason: "r", Until: until, Line: 3}},
			now:     day0,
			want:    []string{"code/eval@src/a.js:7"},
		},
		{
			name:    "expired after until",
			ignores: []config.Ignore{{Rule: "data/secret-in-env", Path: "src/**", Reason: "r", Until: until, Line: 3}},
			now:     day1,
			msgs:    []string{"ignore for data/secret-in-env (path src/**) expired on 2026-01-31; its findings are reported again"},
		},
		{
			name: "unused next to used",
			ignores: []config.Ignore{
				{Rule: "code/eval", Reason: "r", Line: 3},
				{Rule: "code/sql-injection", Reason: "r", Line: 5},
			},
			want: []string{"code/eval@src/a.js:7"},
			msgs: []string{"unused ignore for code/sql-injection: it matched no finding; remove it or correct it"},
		},
		{
			name: "overlapping ignores are both used",
			ignores: []config.Ignore{
				{Rule: "code/eval", Reason: "r", Line: 3},
				{Rule: "code/*", Path: "src/**", Reason: "r", Line: 5},
			},
			want: []string{"code/eval@src/a.js:7"},
		},
		{
			name:    "an ignore without rule or fingerprint matches nothing",
			ignores: []config.Ignore{{Path: "**", Reason: "r", Line: 3}},
			msgs:    []string{"unused ignore for no rule (path **): it matched no finding; remove it or correct it"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := tt.now
			if now.IsZero() {
				now = day0
			}
			res := Apply(sample, Options{Ignores: tt.ignores, Now: now})
			if diff := cmp.Diff(tt.want, ids(res.Suppressed)); diff != "" {
				t.Errorf("suppressed mismatch (-want +got):\n%s", diff)
			}
			if got := len(res.Kept) + len(res.Suppressed); got != len(sample) {
				t.Errorf("kept+suppressed = %d findings, want %d", got, len(sample))
			}
			if diff := cmp.Diff(tt.msgs, messages(res.Problems)); diff != "" {
				t.Errorf("problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestApplyProblemFields(t *testing.T) {
	ignores := []config.Ignore{
		{Rule: "data/secret-in-env", Reason: "r", Until: until, Line: 7},
		{Rule: "code/none", Reason: "r", Line: 12},
	}
	res := Apply(sample, Options{Ignores: ignores, Now: day1, ConfigFile: "ci/.clad.yml"})
	want := []model.Problem{
		{File: "ci/.clad.yml", Line: 7, Level: model.LevelWarning, Kind: "config", Stage: Stage,
			Message: "ignore for data/secret-in-env expired on 2026-01-31; its findings are reported again"},
		{File: "ci/.clad.yml", Line: 12, Level: model.LevelWarning, Kind: "config", Stage: Stage,
			Message: "unused ignore for code/none: it matched no finding; remove it or correct it"},
	}
	if diff := cmp.Diff(want, res.Problems); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(sample, res.Kept); diff != "" {
		t.Errorf("kept mismatch (-want +got):\n%s", diff)
	}
}

func TestApplyDefaults(t *testing.T) {
	res := Apply(sample, Options{Ignores: []config.Ignore{{Rule: "code/none", Reason: "r", Line: 2}}, NoUnused: true})
	if len(res.Problems) != 0 || len(res.Kept) != len(sample) {
		t.Errorf("NoUnused: got %d kept, problems %v", len(res.Kept), messages(res.Problems))
	}
	res = Apply(sample, Options{Ignores: []config.Ignore{{Rule: "code/none", Reason: "r", Line: 2}}})
	if len(res.Problems) != 1 || res.Problems[0].File != ".clad.yaml" {
		t.Errorf("default config file: got %+v", res.Problems)
	}
	if res := Apply(nil, Options{}); res.Kept != nil || res.Suppressed != nil || res.Problems != nil {
		t.Errorf("Apply(nil) = %+v, want zero", res)
	}
}
