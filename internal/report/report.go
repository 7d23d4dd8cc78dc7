// Package report renders a scan result. JSON is the canonical form (the
// output contract other tools read); table, SARIF and Markdown are rendered
// from the same Report value.
package report

import (
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// SchemaVersion is the version of the JSON output contract. Bump it when a
// field changes meaning or disappears, and update schema/report.schema.json.
const SchemaVersion = 1

// Report is the whole output of a scan.
type Report struct {
	SchemaVersion int               `json:"schema_version"`
	Tool          Tool              `json:"tool"`
	Project       Project           `json:"project"`
	Findings      []finding.Finding `json:"findings"`
	Summary       Summary           `json:"summary"`
	Errors        []model.Problem   `json:"errors"`
	// Rules documents every rule that produced a finding (SARIF needs it;
	// JSON readers may use it for help text).
	Rules []finding.Rule `json:"-"`
}

// Tool identifies clad.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Project is the function map part of the report.
type Project struct {
	Root      string            `json:"root"`
	Functions []*model.Function `json:"functions"`
	Manifests []model.Manifest  `json:"manifests"`
}

// Summary counts what the scan saw and found.
type Summary struct {
	Functions int `json:"functions"`
	Manifests int `json:"manifests"`
	// FilesScanned counts the files the walker listed.
	FilesScanned int `json:"files_scanned"`
	// FilesFailed counts files with an error-level problem.
	FilesFailed int `json:"files_failed"`
	Findings    int `json:"findings"`
	// BySeverity and ByCategory count the reported (not suppressed) findings.
	BySeverity map[string]int `json:"by_severity"`
	ByCategory map[string]int `json:"by_category"`
	// Suppressed counts findings hidden by ignores, inline comments or a baseline.
	Suppressed int `json:"suppressed"`
	// Categories lists the CLAD categories that ran.
	Categories []string `json:"categories"`
	// NotRun explains checks that were asked for but could not run (for
	// example library checks without advisory data).
	NotRun []string `json:"not_run,omitempty"`
	// FailOn is the threshold and Failed whether a finding reached it.
	FailOn string `json:"fail_on"`
	Failed bool   `json:"failed"`
}
