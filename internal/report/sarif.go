package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/cladsec/clad/internal/finding"
)

// SARIF constants.
const (
	sarifVersion     = "2.1.0"
	sarifSchema      = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifToolURI     = "https://github.com/cladsec/clad"
	sarifSrcRoot     = "%SRCROOT%"
	sarifFingerprint = "cladFingerprint/v1"
)

// securitySeverity is the CVSS-like score GitHub code scanning ranks by.
var securitySeverity = map[finding.Severity]string{
	finding.SeverityCritical: "9.5",
	finding.SeverityHigh:     "8.0",
	finding.SeverityMedium:   "5.5",
	finding.SeverityLow:      "3.0",
	finding.SeverityInfo:     "1.0",
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s finding.Severity) string {
	switch {
	case s >= finding.SeverityHigh:
		return "error"
	case s == finding.SeverityMedium:
		return "warning"
	}
	return "note"
}

// precision says how exact a category's checks are: library and access
// findings come from declared facts (advisories, policies), code and data
// findings from heuristics over source text.
func precision(c finding.Category) string {
	switch c {
	case finding.Library, finding.Access:
		return "high"
	}
	return "medium"
}

// WriteSARIF writes the report as one SARIF 2.1.0 run: the rules behind the
// findings (from Report.Rules, or synthesised from the finding when a rule
// is missing) and one result per finding, with the trace as a code flow.
func WriteSARIF(w io.Writer, r *Report) error {
	log := buildSARIF(Normalize(r))
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("write sarif report: %w", err)
	}
	return nil
}

// buildSARIF converts a normalised report.
func buildSARIF(r *Report) sarifLog {
	known := map[string]finding.Rule{}
	for _, rule := range r.Rules {
		if _, dup := known[rule.ID]; !dup {
			known[rule.ID] = rule
		}
	}
	index := map[string]int{}
	rules := []sarifRule{}
	results := make([]sarifResult, 0, len(r.Findings))
	for _, f := range r.Findings {
		i, ok := index[f.Rule]
		if !ok {
			rule, found := known[f.Rule]
			if !found {
				rule = ruleFromFinding(f)
			}
			i = len(rules)
			index[f.Rule] = i
			rules = append(rules, sarifRuleOf(rule))
		}
		results = append(results, sarifResultOf(f, i))
	}
	name := r.Tool.Name
	if name == "" {
		name = "clad"
	}
	return sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name: name, Version: r.Tool.Version, InformationURI: sarifToolURI, Rules: rules,
			}},
			Results: results,
		}},
	}
}

// ruleFromFinding synthesises a minimal rule for a finding whose rule is
// not documented in the report.
func ruleFromFinding(f finding.Finding) finding.Rule {
	return finding.Rule{
		ID: f.Rule, Category: f.Category, Severity: f.Severity,
		Title: f.Title, CWE: f.CWE, Fix: f.Fix,
	}
}

// sarifRuleOf converts a rule.
func sarifRuleOf(rule finding.Rule) sarifRule {
	sr := sarifRule{
		ID:                   rule.ID,
		Name:                 pascalCase(rule.ID),
		DefaultConfiguration: sarifConfig{Level: sarifLevel(rule.Severity)},
		Properties: sarifRuleProps{
			Tags:             ruleTags(rule),
			Precision:        precision(rule.Category),
			SecuritySeverity: securitySeverity[rule.Severity],
		},
	}
	if rule.Title != "" {
		sr.ShortDescription = &sarifText{Text: rule.Title}
	}
	if rule.Why != "" {
		sr.FullDescription = &sarifText{Text: rule.Why}
	}
	if text, md := ruleHelp(rule); text != "" {
		sr.Help = &sarifText{Text: text, Markdown: md}
	}
	if sr.Properties.SecuritySeverity == "" {
		sr.Properties.SecuritySeverity = securitySeverity[finding.SeverityInfo]
	}
	return sr
}

// ruleTags are "security", the category and the CWE tags GitHub reads.
func ruleTags(rule finding.Rule) []string {
	tags := []string{"security"}
	if rule.Category != "" {
		tags = append(tags, string(rule.Category))
	}
	for _, c := range rule.CWE {
		if tag := cweTag(c); tag != "" {
			tags = append(tags, tag)
		}
	}
	return tags
}

// cweTag turns "CWE-78" (or "cwe-78", "78") into "external/cwe/cwe-78".
func cweTag(c string) string {
	c = strings.TrimSpace(c)
	if len(c) > 4 && strings.EqualFold(c[:4], "cwe-") {
		c = c[4:]
	}
	if c == "" || strings.ContainsFunc(c, func(r rune) bool { return r < '0' || r > '9' }) {
		return ""
	}
	return "external/cwe/cwe-" + c
}

// ruleHelp is the doc and the fix as plain text and Markdown, with the
// rule's examples in the Markdown form.
func ruleHelp(rule finding.Rule) (text, md string) {
	var t, m []string
	for _, p := range []string{rule.Why, rule.Doc} {
		if p != "" {
			t = append(t, p)
			m = append(m, p)
		}
	}
	if rule.Fix != "" {
		t = append(t, "Fix: "+rule.Fix)
		m = append(m, "**Fix:** "+rule.Fix)
	}
	if rule.Bad != "" {
		m = append(m, "Reported:\n\n"+fence(rule.Bad))
	}
	if rule.Good != "" {
		m = append(m, "Not reported:\n\n"+fence(rule.Good))
	}
	if len(t) == 0 {
		return "", ""
	}
	return strings.Join(t, "\n\n"), strings.Join(m, "\n\n")
}

// pascalCase turns "iam-wildcard-action" into "IamWildcardAction".
func pascalCase(id string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(id, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		rs := []rune(w)
		b.WriteRune(unicode.ToUpper(rs[0]))
		b.WriteString(string(rs[1:]))
	}
	return b.String()
}
