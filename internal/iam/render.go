package iam

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Rendering suggested policies: Serverless Framework YAML (the
// serverless-iam-roles-per-function plugin's iamRoleStatements), AWS SAM
// Policies, and JSON.

// JSONVersion is the version of the JSON schema RenderJSON writes.
const JSONVersion = 1

// Formats lists the output formats Render accepts.
var Formats = []string{"serverless", "sam", "json"}

// Render writes the policies in format (one of Formats).
func Render(w io.Writer, format string, policies []Policy) error {
	switch format {
	case "serverless":
		return RenderServerless(w, policies)
	case "sam":
		return RenderSAM(w, policies)
	case "json":
		return RenderJSON(w, policies)
	}
	return fmt.Errorf("unknown policy format %q (want serverless, sam or json)", format)
}

// RenderJSON writes the policies as JSON: {"version": 1, "functions": [...]}.
func RenderJSON(w io.Writer, policies []Policy) error {
	if policies == nil {
		policies = []Policy{}
	}
	doc := struct {
		Version   int      `json:"version"`
		Functions []Policy `json:"functions"`
	}{JSONVersion, policies}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write policy JSON: %w", err)
	}
	return nil
}

// cfnForm is how a resource pattern is written in a template.
type cfnForm int

const (
	formPlain  cfnForm = iota
	formRef            // Ref: X
	formGetAtt         // Fn::GetAtt: [X, Attr]
	formSub            // Fn::Sub: '…${…}…'
)

var (
	wholeGetAtt = regexp.MustCompile(`^\$\{([A-Za-z0-9]+)\.([A-Za-z0-9.]+)\}$`)
	wholeRef    = regexp.MustCompile(`^\$\{([A-Za-z0-9]+)\}$`)
)

// resourceForm classifies a resource pattern; a and b are the logical id
// and attribute (Ref, GetAtt) or the text (plain, Sub).
func resourceForm(r string) (cfnForm, string, string) {
	if m := wholeGetAtt.FindStringSubmatch(r); m != nil {
		return formGetAtt, m[1], m[2]
	}
	if m := wholeRef.FindStringSubmatch(r); m != nil {
		return formRef, m[1], ""
	}
	if strings.Contains(r, "${") {
		return formSub, r, ""
	}
	return formPlain, r, ""
}

// yamlString quotes a scalar when plain YAML would misread it.
func yamlString(s string) string {
	if s == "" || needsQuote(s) {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return s
}

func needsQuote(s string) bool {
	if strings.ContainsAny(s[:1], "*&!|>'\"%@`#{}[],?:-") || strings.ContainsAny(s, "#\n\t") ||
		strings.Contains(s, ": ") || strings.HasSuffix(s, ":") || strings.HasPrefix(s, " ") ||
		strings.HasSuffix(s, " ") || strings.Contains(s, "${") || strings.ContainsAny(s, "*") {
		return true
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "~":
		return true
	}
	return false
}

// yamlComment makes text safe for a trailing comment.
func yamlComment(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\n", " "), "\r", " ")
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err != nil {
		return
	}
	_, e.err = fmt.Fprintf(e.w, format, args...)
}

// evidenceComment lists the calls behind an action, shortened.
func evidenceComment(ev []string) string {
	if len(ev) == 0 {
		return ""
	}
	s := strings.Join(firstN(ev, 3), ", ")
	if len(ev) > 3 {
		s += fmt.Sprintf(" (+%d)", len(ev)-3)
	}
	return "  # " + yamlComment(s)
}

// gapComments writes why a policy is incomplete.
func gapComments(e *errWriter, indent string, p Policy) {
	if p.Complete {
		return
	}
	e.printf("%s# INCOMPLETE: clad could not see all of this function's AWS use:\n", indent)
	for _, g := range firstGaps(p.Gaps, 5) {
		e.printf("%s#   %s\n", indent, yamlComment(gapText(g)))
	}
}

func firstGaps(g []Gap, n int) []Gap {
	if len(g) > n {
		return g[:n]
	}
	return g
}

// gapText renders a gap for people.
func gapText(g Gap) string {
	s := g.Reason
	if g.Service != "" {
		s += " (" + g.Service + ")"
	}
	if g.File != "" {
		loc := g.File
		if g.Line > 0 {
			loc += fmt.Sprintf(":%d", g.Line)
		}
		s = loc + ": " + s
	}
	return s
}

// byManifest groups policies by manifest, keeping their order.
func byManifest(policies []Policy) [][]Policy {
	var out [][]Policy
	idx := map[string]int{}
	for _, p := range policies {
		i, ok := idx[p.Manifest]
		if !ok {
			i = len(out)
			idx[p.Manifest] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], p)
	}
	return out
}
