package report

import (
	"fmt"

	"github.com/cladsec/clad/internal/finding"
)

// severities lists the reportable severities, most severe first.
var severities = []finding.Severity{
	finding.SeverityCritical, finding.SeverityHigh, finding.SeverityMedium,
	finding.SeverityLow, finding.SeverityInfo,
}

// verdict is the pass/fail outcome of a report, as every format states it.
type verdict struct {
	// Threshold is the parsed fail-on severity; 0 when unset or unknown.
	Threshold finding.Severity
	// AtOrAbove counts the findings at or above Threshold.
	AtOrAbove int
	// Total counts all reported findings.
	Total int
	// Failed is the scan's own decision (Summary.Failed).
	Failed bool
}

// verdictOf computes the verdict from the findings and Summary.FailOn.
func verdictOf(r *Report) verdict {
	v := verdict{Total: len(r.Findings), Failed: r.Summary.Failed}
	if s, err := finding.ParseSeverity(r.Summary.FailOn); err == nil {
		v.Threshold = s
	}
	for _, f := range r.Findings {
		if v.Threshold != 0 && f.Severity >= v.Threshold {
			v.AtOrAbove++
		}
	}
	return v
}

// headline is the one-line verdict: "3 findings at or above high",
// "no findings at or above high", or "5 findings" without a threshold.
func (v verdict) headline() string {
	if v.Threshold == 0 || v.Threshold == finding.SeverityNone {
		return plural(v.Total, "finding")
	}
	n := plural(v.AtOrAbove, "finding")
	if v.AtOrAbove == 0 {
		n = "no findings"
	}
	return fmt.Sprintf("%s at or above %s", n, v.Threshold)
}

// status is PASS or FAIL.
func (v verdict) status() string {
	if v.Failed {
		return "FAIL"
	}
	return "PASS"
}

// countBySeverity counts findings per severity.
func countBySeverity(fs []finding.Finding) map[finding.Severity]int {
	m := map[finding.Severity]int{}
	for _, f := range fs {
		m[f.Severity]++
	}
	return m
}

// plural writes "1 finding", "2 findings".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
