// Package schema embeds the JSON Schema (draft 2020-12) of clad's JSON
// report, so tests anywhere can validate output against the contract and
// the CLI can print it.
package schema

import _ "embed"

// Report is the JSON Schema of the report written by `clad scan --format
// json` (report.Report). Treat it as read-only.
//
//go:embed report.schema.json
var Report []byte

// ReportID is the $id of the Report schema.
const ReportID = "https://raw.githubusercontent.com/cladsec/clad/main/schema/report.schema.json"
