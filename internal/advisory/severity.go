package advisory

import (
	"math"
	"strings"

	gocvss20 "github.com/pandatix/go-cvss/20"
	gocvss30 "github.com/pandatix/go-cvss/30"
	gocvss31 "github.com/pandatix/go-cvss/31"
	gocvss40 "github.com/pandatix/go-cvss/40"
)

// Severity levels of a Rating.
const (
	LevelCritical = "critical"
	LevelHigh     = "high"
	LevelMedium   = "medium"
	LevelLow      = "low"
	// LevelNone is a CVSS score of 0.
	LevelNone = "none"
	// LevelUnknown means the records carry no usable severity.
	LevelUnknown = "unknown"
)

// Rating methods: how a Rating was obtained.
const (
	MethodCVSSv4 = "CVSS_V4"
	MethodCVSSv3 = "CVSS_V3"
	MethodCVSSv2 = "CVSS_V2"
	MethodLabel  = "label"
)

// Rating is the severity clad gives a vulnerability.
type Rating struct {
	Level string `json:"level"`
	// Score is the CVSS base score (0 when Method is label or empty).
	Score  float64 `json:"score,omitempty"`
	Vector string  `json:"vector,omitempty"`
	// Method says where the level comes from (CVSS_V4, CVSS_V3, label,
	// CVSS_V2) and is empty when nothing was usable.
	Method string `json:"method,omitempty"`
	// Label is the database's own severity word when one was used.
	Label string `json:"label,omitempty"`
}

// LevelForScore maps a CVSS v3/v4 base score: ≥9 critical, ≥7 high, ≥4
// medium, >0 low, 0 none.
func LevelForScore(s float64) string {
	switch {
	case s >= 9:
		return LevelCritical
	case s >= 7:
		return LevelHigh
	case s >= 4:
		return LevelMedium
	case s > 0:
		return LevelLow
	default:
		return LevelNone
	}
}

// levelForV2 maps a CVSS v2 base score (v2 has no critical band).
func levelForV2(s float64) string {
	switch {
	case s >= 7:
		return LevelHigh
	case s >= 4:
		return LevelMedium
	case s > 0:
		return LevelLow
	default:
		return LevelNone
	}
}

// LevelForLabel maps a database label (GHSA's LOW/MODERATE/HIGH/CRITICAL,
// Ubuntu priorities, words like "medium") to a level, or "" if unknown.
func LevelForLabel(label string) string {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "critical":
		return LevelCritical
	case "high", "important":
		return LevelHigh
	case "moderate", "medium":
		return LevelMedium
	case "low", "negligible", "minor":
		return LevelLow
	}
	return ""
}

// ScoreVector returns the base score of a CVSS vector (v2, v3.0, v3.1 or
// v4.0), the method it belongs to and whether it parsed.
func ScoreVector(vector string) (float64, string, bool) {
	vector = strings.TrimSpace(vector)
	switch {
	case strings.HasPrefix(vector, "CVSS:4.0/"):
		c, err := gocvss40.ParseVector(vector)
		if err != nil {
			return 0, MethodCVSSv4, false
		}
		return round1(c.Score()), MethodCVSSv4, true
	case strings.HasPrefix(vector, "CVSS:3.1/"):
		c, err := gocvss31.ParseVector(vector)
		if err != nil {
			return 0, MethodCVSSv3, false
		}
		return c.BaseScore(), MethodCVSSv3, true
	case strings.HasPrefix(vector, "CVSS:3.0/"):
		c, err := gocvss30.ParseVector(vector)
		if err != nil {
			return 0, MethodCVSSv3, false
		}
		return c.BaseScore(), MethodCVSSv3, true
	}
	// v2 vectors carry no prefix; some databases wrap them in parentheses.
	v2 := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(vector, "CVSS:2.0/"), "("), ")")
	c, err := gocvss20.ParseVector(v2)
	if err != nil {
		return 0, MethodCVSSv2, false
	}
	return c.BaseScore(), MethodCVSSv2, true
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// rate computes the Rating of a group of records (and the affected entries
// that matched): the highest CVSS v4 score if any vector is v4, else the
// highest v3.x score, else the highest database label, else the highest
// v2 score; unknown when nothing is usable.
func rate(recs []*Record, entries []*Affected) Rating {
	best := map[string]Rating{}
	consider := func(sev []Severity) {
		for _, s := range sev {
			if s.Type == SeverityUbuntu {
				considerLabel(best, s.Score)
				continue
			}
			score, method, ok := ScoreVector(s.Score)
			if !ok {
				continue
			}
			level := LevelForScore(score)
			if method == MethodCVSSv2 {
				level = levelForV2(score)
			}
			if cur, seen := best[method]; !seen || score > cur.Score {
				best[method] = Rating{Level: level, Score: score, Vector: strings.TrimSpace(s.Score), Method: method}
			}
		}
	}
	for _, r := range recs {
		consider(r.Severity)
		considerLabel(best, r.DatabaseSpecific.Severity)
	}
	for _, a := range entries {
		consider(a.Severity)
	}
	for _, m := range []string{MethodCVSSv4, MethodCVSSv3, MethodLabel, MethodCVSSv2} {
		if r, ok := best[m]; ok {
			return r
		}
	}
	return Rating{Level: LevelUnknown}
}

// levelRank orders levels for picking the highest label.
var levelRank = map[string]int{LevelLow: 1, LevelMedium: 2, LevelHigh: 3, LevelCritical: 4}

// considerLabel keeps the highest database label seen.
func considerLabel(best map[string]Rating, label string) {
	level := LevelForLabel(label)
	if level == "" {
		return
	}
	if cur, ok := best[MethodLabel]; ok && levelRank[cur.Level] >= levelRank[level] {
		return
	}
	best[MethodLabel] = Rating{Level: level, Method: MethodLabel, Label: strings.TrimSpace(label)}
}
