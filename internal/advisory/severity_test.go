package advisory

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestScoreVector(t *testing.T) {
	tests := []struct {
		vector string
		score  float64
		method string
		ok     bool
	}{
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, MethodCVSSv3, true},
		{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L", 5.3, MethodCVSSv3, true},
		{"CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", 5.5, MethodCVSSv3, true},
		{"CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:L", 8.6, MethodCVSSv3, true},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", 9.3, MethodCVSSv4, true},
		{"CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N", 5.1, MethodCVSSv4, true},
		{"AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5, MethodCVSSv2, true},
		{"(AV:N/AC:L/Au:N/C:P/I:P/A:P)", 7.5, MethodCVSSv2, true},
		{"CVSS:3.1/AV:N/AC:L", 0, MethodCVSSv3, false},
		{"CVSS:4.0/nonsense", 0, MethodCVSSv4, false},
		{"garbage", 0, MethodCVSSv2, false},
	}
	for _, tt := range tests {
		score, method, ok := ScoreVector(tt.vector)
		if score != tt.score || method != tt.method || ok != tt.ok {
			t.Errorf("ScoreVector(%q) = %v %s %v, want %v %s %v", tt.vector, score, method, ok, tt.score, tt.method, tt.ok)
		}
	}
}

func TestLevels(t *testing.T) {
	scores := map[float64]string{10: LevelCritical, 9.0: LevelCritical, 8.9: LevelHigh, 7.0: LevelHigh, 6.9: LevelMedium, 4.0: LevelMedium, 3.9: LevelLow, 0.1: LevelLow, 0: LevelNone}
	for s, want := range scores {
		if got := LevelForScore(s); got != want {
			t.Errorf("LevelForScore(%v) = %s, want %s", s, got, want)
		}
	}
	labels := map[string]string{"CRITICAL": LevelCritical, "HIGH": LevelHigh, "MODERATE": LevelMedium, "moderate": LevelMedium, "LOW": LevelLow, "medium": LevelMedium, "whatever": ""}
	for l, want := range labels {
		if got := LevelForLabel(l); got != want {
			t.Errorf("LevelForLabel(%q) = %q, want %q", l, got, want)
		}
	}
}

func TestRate(t *testing.T) {
	v31 := Severity{Type: SeverityCVSSv3, Score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L"}
	v30 := Severity{Type: SeverityCVSSv3, Score: "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:L"}
	v4 := Severity{Type: SeverityCVSSv4, Score: "CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N"}
	v2 := Severity{Type: SeverityCVSSv2, Score: "AV:N/AC:L/Au:N/C:P/I:P/A:P"}
	tests := []struct {
		name string
		recs []*Record
		want Rating
	}{
		{"v3.1 vector scored", []*Record{{Severity: []Severity{v31}}}, Rating{Level: LevelMedium, Score: 5.3, Vector: v31.Score, Method: MethodCVSSv3}},
		{"v4 preferred over v3", []*Record{{Severity: []Severity{v30, v4}}}, Rating{Level: LevelMedium, Score: 5.1, Vector: v4.Score, Method: MethodCVSSv4}},
		{"highest v3 across merged records", []*Record{{Severity: []Severity{v31}}, {Severity: []Severity{v30}}}, Rating{Level: LevelHigh, Score: 8.6, Vector: v30.Score, Method: MethodCVSSv3}},
		{"label fallback", []*Record{{DatabaseSpecific: DatabaseSpecific{Severity: "MODERATE"}}}, Rating{Level: LevelMedium, Method: MethodLabel, Label: "MODERATE"}},
		{"highest label", []*Record{{DatabaseSpecific: DatabaseSpecific{Severity: "LOW"}}, {DatabaseSpecific: DatabaseSpecific{Severity: "HIGH"}}}, Rating{Level: LevelHigh, Method: MethodLabel, Label: "HIGH"}},
		{"v3 beats label", []*Record{{Severity: []Severity{v31}, DatabaseSpecific: DatabaseSpecific{Severity: "CRITICAL"}}}, Rating{Level: LevelMedium, Score: 5.3, Vector: v31.Score, Method: MethodCVSSv3}},
		{"label beats v2", []*Record{{Severity: []Severity{v2}, DatabaseSpecific: DatabaseSpecific{Severity: "LOW"}}}, Rating{Level: LevelLow, Method: MethodLabel, Label: "LOW"}},
		{"v2 last", []*Record{{Severity: []Severity{v2}}}, Rating{Level: LevelHigh, Score: 7.5, Vector: v2.Score, Method: MethodCVSSv2}},
		{"Ubuntu priority is a label", []*Record{{Severity: []Severity{{Type: SeverityUbuntu, Score: "medium"}}}}, Rating{Level: LevelMedium, Method: MethodLabel, Label: "medium"}},
		{"bad vector ignored", []*Record{{Severity: []Severity{{Type: SeverityCVSSv3, Score: "CVSS:3.1/bad"}}}}, Rating{Level: LevelUnknown}},
		{"nothing", []*Record{{}}, Rating{Level: LevelUnknown}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, rate(tt.recs, nil)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}
