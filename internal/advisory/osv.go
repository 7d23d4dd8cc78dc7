package advisory

import (
	"encoding/json"
	"strings"
	"time"
)

// Record is one OSV vulnerability record reduced to the fields clad uses
// (https://ossf.github.io/osv-schema/). Unknown fields are ignored when
// decoding; details text is dropped to keep the database small.
type Record struct {
	SchemaVersion    string           `json:"schema_version,omitempty"`
	ID               string           `json:"id"`
	Summary          string           `json:"summary,omitempty"`
	Aliases          []string         `json:"aliases,omitempty"`
	Related          []string         `json:"related,omitempty"`
	Modified         Time             `json:"modified,omitzero"`
	Published        Time             `json:"published,omitzero"`
	Withdrawn        Time             `json:"withdrawn,omitzero"`
	Affected         []Affected       `json:"affected,omitempty"`
	Severity         []Severity       `json:"severity,omitempty"`
	References       []Reference      `json:"references,omitempty"`
	DatabaseSpecific DatabaseSpecific `json:"database_specific,omitzero"`
}

// Affected is one affected package of a record with its versions.
type Affected struct {
	Package  Package    `json:"package"`
	Severity []Severity `json:"severity,omitempty"`
	Ranges   []Range    `json:"ranges,omitempty"`
	// Versions enumerates affected versions explicitly.
	Versions          []string        `json:"versions,omitempty"`
	EcosystemSpecific json.RawMessage `json:"ecosystem_specific,omitempty"`
	DatabaseSpecific  json.RawMessage `json:"database_specific,omitempty"`
}

// Package names an affected package.
type Package struct {
	Ecosystem string `json:"ecosystem"`
	Name      string `json:"name"`
	PURL      string `json:"purl,omitempty"`
}

// Range types defined by OSV.
const (
	RangeSemver    = "SEMVER"
	RangeEcosystem = "ECOSYSTEM"
	RangeGit       = "GIT"
)

// Range is a timeline of events over one version ordering.
type Range struct {
	Type             string          `json:"type"`
	Repo             string          `json:"repo,omitempty"`
	Events           []Event         `json:"events,omitempty"`
	DatabaseSpecific json.RawMessage `json:"database_specific,omitempty"`
}

// Event is one status change of a range; exactly one field is set.
type Event struct {
	Introduced   string `json:"introduced,omitempty"`
	Fixed        string `json:"fixed,omitempty"`
	LastAffected string `json:"last_affected,omitempty"`
	Limit        string `json:"limit,omitempty"`
}

// Severity types defined by OSV.
const (
	SeverityCVSSv2 = "CVSS_V2"
	SeverityCVSSv3 = "CVSS_V3"
	SeverityCVSSv4 = "CVSS_V4"
	SeverityUbuntu = "Ubuntu"
)

// Severity is one quantitative severity of a record (a CVSS vector or an
// Ubuntu priority).
type Severity struct {
	Type  string `json:"type"`
	Score string `json:"score"`
}

// Reference is a link about the vulnerability.
type Reference struct {
	Type string `json:"type,omitempty"`
	URL  string `json:"url"`
}

// DatabaseSpecific keeps the few database_specific fields clad reads: the
// GitHub advisory database's severity label and CWE ids, and the source
// note of the clad feed and the shared advisory snapshots. Other fields and
// values of unexpected types are ignored.
type DatabaseSpecific struct {
	Severity string   `json:"severity,omitempty"`
	CWEIDs   []string `json:"cwe_ids,omitempty"`
	Source   string   `json:"source,omitempty"`
}

// IsZero reports whether no field is set.
func (d DatabaseSpecific) IsZero() bool {
	return d.Severity == "" && len(d.CWEIDs) == 0 && d.Source == ""
}

// UnmarshalJSON reads the known fields and ignores the rest, whatever their
// types: database_specific is free-form in OSV.
func (d *DatabaseSpecific) UnmarshalJSON(data []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		// Not an object (null, a string…): free-form, ignore it.
		return nil
	}
	var out DatabaseSpecific
	_ = json.Unmarshal(m["severity"], &out.Severity)
	_ = json.Unmarshal(m["source"], &out.Source)
	var cwes []string
	if json.Unmarshal(m["cwe_ids"], &cwes) == nil {
		out.CWEIDs = cwes
	}
	*d = out
	return nil
}

// Time is an RFC 3339 timestamp decoded leniently: a value that does not
// parse is kept as the zero time instead of failing the record.
type Time struct{ time.Time }

var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"}

// UnmarshalJSON parses RFC 3339 (and a date alone); anything else is zero.
func (t *Time) UnmarshalJSON(data []byte) error {
	var s string
	if json.Unmarshal(data, &s) != nil {
		t.Time = time.Time{}
		return nil
	}
	s = strings.TrimSpace(s)
	for _, l := range timeLayouts {
		if v, err := time.Parse(l, s); err == nil {
			t.Time = v.UTC()
			return nil
		}
	}
	t.Time = time.Time{}
	return nil
}

// MarshalJSON writes RFC 3339 in UTC.
func (t Time) MarshalJSON() ([]byte, error) {
	return json.Marshal(t.UTC().Format(time.RFC3339Nano))
}
