// Package finding defines what detectors report: findings, their severity
// and category, the documented rules behind them, and fingerprints.
package finding

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Severity orders findings; higher is worse.
type Severity int

// Severities from least to most severe. SeverityNone is only a threshold.
const (
	SeverityInfo Severity = iota + 1
	SeverityLow
	SeverityMedium
	SeverityHigh
	SeverityCritical
	SeverityNone Severity = 100 // --fail-on none: never fail
)

var severityNames = map[Severity]string{
	SeverityInfo: "info", SeverityLow: "low", SeverityMedium: "medium",
	SeverityHigh: "high", SeverityCritical: "critical", SeverityNone: "none",
}

// String returns the lower-case name.
func (s Severity) String() string {
	if n, ok := severityNames[s]; ok {
		return n
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads a severity name (case-insensitive).
func ParseSeverity(s string) (Severity, error) {
	for k, v := range severityNames {
		if strings.EqualFold(v, s) {
			return k, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want critical, high, medium, low, info or none)", s)
}

// MarshalJSON writes the name.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// UnmarshalJSON reads the name.
func (s *Severity) UnmarshalJSON(b []byte) error {
	var n string
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	v, err := ParseSeverity(n)
	*s = v
	return err
}

// Raise returns the severity n steps higher, capped at critical.
func (s Severity) Raise(n int) Severity {
	r := s + Severity(n)
	if r > SeverityCritical {
		return SeverityCritical
	}
	if r < SeverityInfo {
		return SeverityInfo
	}
	return r
}

// Category is one of the four CLAD categories.
type Category string

// The CLAD categories.
const (
	Code    Category = "code"
	Library Category = "library"
	Access  Category = "access"
	Data    Category = "data"
)

// Categories lists them in CLAD order.
var Categories = []Category{Code, Library, Access, Data}

// ParseCategory validates a category name.
func ParseCategory(s string) (Category, error) {
	for _, c := range Categories {
		if string(c) == strings.ToLower(strings.TrimSpace(s)) {
			return c, nil
		}
	}
	return "", fmt.Errorf("unknown category %q (want code, library, access or data)", s)
}
