package report

import "github.com/cladsec/clad/internal/finding"

// The subset of SARIF 2.1.0 clad writes. Field names follow the OASIS
// specification; optional members are omitted when empty.

// sarifLog is the top-level SARIF object.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

// sarifRun is one run of the tool.
type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

// sarifTool wraps the driver.
type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

// sarifDriver describes clad and its rules.
type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

// sarifRule is a reportingDescriptor.
type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name,omitempty"`
	ShortDescription     *sarifText     `json:"shortDescription,omitempty"`
	FullDescription      *sarifText     `json:"fullDescription,omitempty"`
	Help                 *sarifText     `json:"help,omitempty"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	Properties           sarifRuleProps `json:"properties"`
}

// sarifText is a multiformatMessageString (message, descriptions, help).
type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

// sarifConfig is a reportingConfiguration.
type sarifConfig struct {
	Level string `json:"level"`
}

// sarifRuleProps is the property bag of a rule, in the shape GitHub code
// scanning reads.
type sarifRuleProps struct {
	Tags             []string `json:"tags"`
	Precision        string   `json:"precision"`
	SecuritySeverity string   `json:"security-severity"`
}

// sarifResult is one finding.
type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	CodeFlows           []sarifCodeFlow   `json:"codeFlows,omitempty"`
	Properties          sarifResultProps  `json:"properties"`
}

// sarifResultProps is the property bag of a result.
type sarifResultProps struct {
	Functions     []string               `json:"functions"`
	Severity      string                 `json:"severity"`
	Category      string                 `json:"category"`
	Vulnerability *finding.Vulnerability `json:"vulnerability,omitempty"`
	Git           *finding.Git           `json:"git,omitempty"`
}

// sarifLocation is a location with an optional message.
type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

// sarifPhysical is a physicalLocation.
type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

// sarifArtifact is an artifactLocation relative to %SRCROOT%.
type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

// sarifRegion is a line range, with the redacted evidence as snippet.
type sarifRegion struct {
	StartLine int        `json:"startLine"`
	EndLine   int        `json:"endLine,omitempty"`
	Snippet   *sarifText `json:"snippet,omitempty"`
}

// sarifCodeFlow holds the trace of a code finding.
type sarifCodeFlow struct {
	ThreadFlows []sarifThreadFlow `json:"threadFlows"`
}

// sarifThreadFlow is the ordered list of trace steps.
type sarifThreadFlow struct {
	Locations []sarifFlowLocation `json:"locations"`
}

// sarifFlowLocation is one trace step.
type sarifFlowLocation struct {
	Location sarifLocation `json:"location"`
}
