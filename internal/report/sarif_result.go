package report

import (
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/finding"
)

// sarifResultOf converts a finding whose rule sits at ruleIndex.
func sarifResultOf(f finding.Finding, ruleIndex int) sarifResult {
	msg := f.Message
	if msg == "" {
		msg = f.Title
	}
	if msg == "" {
		msg = f.Rule
	}
	res := sarifResult{
		RuleID:    f.Rule,
		RuleIndex: ruleIndex,
		Level:     sarifLevel(f.Severity),
		Message:   sarifText{Text: msg},
		Properties: sarifResultProps{
			Functions:     f.Functions,
			Severity:      f.Severity.String(),
			Category:      string(f.Category),
			Vulnerability: f.Vulnerability,
			Git:           f.Git,
		},
	}
	if f.File != "" {
		loc := sarifLocationOf(f.File, f.Line, f.EndLine)
		if f.Evidence != "" {
			loc.PhysicalLocation.Region.Snippet = &sarifText{Text: f.Evidence}
		}
		res.Locations = []sarifLocation{loc}
	}
	if f.Fingerprint != "" {
		res.PartialFingerprints = map[string]string{sarifFingerprint: f.Fingerprint}
	}
	if flow := sarifFlowOf(f.Trace); flow != nil {
		res.CodeFlows = []sarifCodeFlow{*flow}
	}
	return res
}

// sarifFlowOf converts a trace into a code flow with one thread flow.
func sarifFlowOf(trace []finding.Step) *sarifCodeFlow {
	if len(trace) == 0 {
		return nil
	}
	tf := sarifThreadFlow{Locations: make([]sarifFlowLocation, 0, len(trace))}
	for _, s := range trace {
		loc := sarifLocationOf(s.File, s.Line, 0)
		if s.Note != "" {
			loc.Message = &sarifText{Text: s.Note}
		}
		tf.Locations = append(tf.Locations, sarifFlowLocation{Location: loc})
	}
	return &sarifCodeFlow{ThreadFlows: []sarifThreadFlow{tf}}
}

// sarifLocationOf builds a physical location; lines below 1 become 1 and
// an end line before the start line is dropped.
func sarifLocationOf(file string, line, end int) sarifLocation {
	start := max(line, 1)
	if end < start {
		end = 0
	}
	return sarifLocation{PhysicalLocation: sarifPhysical{
		ArtifactLocation: sarifArtifact{URI: sarifURI(file), URIBaseID: sarifSrcRoot},
		Region:           sarifRegion{StartLine: start, EndLine: end},
	}}
}

// sarifURI percent-encodes a relative slash path as a URI reference,
// keeping "/" and RFC 3986 sub-delimiters, so an archive entry
// "a.zip!/b.js" stays as it is. ":" is encoded so that a first segment is
// never read as a scheme.
func sarifURI(path string) string {
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		c := path[i]
		if uriSafe(c) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// uriSafe reports the bytes sarifURI keeps: unreserved characters,
// sub-delimiters, "@" and "/".
func uriSafe(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=@/", c) >= 0
}
