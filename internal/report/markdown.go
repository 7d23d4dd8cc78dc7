package report

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/cladsec/clad/internal/finding"
)

// MarkdownLimit is the size GitHub accepts for a comment body; WriteMarkdown
// stays under it (counting bytes, which are never fewer than characters).
const MarkdownLimit = 65536

// noteReserve keeps room for closing tags and the truncation note.
const noteReserve = 512

// WriteMarkdown writes a summary fit for a pull-request comment: a verdict
// line, counts by severity, one collapsible section per function with its
// findings and fix advice, then errors and warnings. Output longer than
// MarkdownLimit is cut between rows with a note saying what was left out.
func WriteMarkdown(w io.Writer, r *Report) error {
	return writeMarkdown(w, r, MarkdownLimit)
}

// writeMarkdown renders with a size limit (tests use small ones).
func writeMarkdown(w io.Writer, r *Report, limit int) error {
	r = Normalize(r)
	m := &mdDoc{limit: limit}
	m.header(r)
	m.groups(r)
	m.problems(r)
	m.note(r)
	if _, err := io.WriteString(w, m.b.String()); err != nil {
		return fmt.Errorf("write markdown report: %w", err)
	}
	return nil
}

// mdDoc builds the comment within a size budget.
type mdDoc struct {
	b                          strings.Builder
	limit                      int
	cut                        bool
	shownFindings, shownErrors int
}

// fits reports whether s and reserve more bytes stay within the budget
// (keeping noteReserve for the closing note).
func (m *mdDoc) fits(s string, reserve int) bool {
	return m.b.Len()+len(s)+reserve+noteReserve <= m.limit
}

// add writes s when it fits; once something did not fit, nothing more is
// added.
func (m *mdDoc) add(s string, reserve int) bool {
	if m.cut || !m.fits(s, reserve) {
		m.cut = true
		return false
	}
	m.b.WriteString(s)
	return true
}

// header writes the verdict, the severity table and the counts.
func (m *mdDoc) header(r *Report) {
	v := verdictOf(r)
	fmt.Fprintf(&m.b, "**clad: %s**\n\n", v.headline())
	counts := countBySeverity(r.Findings)
	m.b.WriteString("| Severity | Findings |\n| --- | ---: |\n")
	for _, s := range severities {
		fmt.Fprintf(&m.b, "| %s | %d |\n", s, counts[s])
	}
	s := r.Summary
	fmt.Fprintf(&m.b, "\n%s scanned: %s, %s, %s", mdText(rootName(r)), plural(s.Functions, "function"),
		plural(s.Manifests, "manifest"), plural(s.FilesScanned, "file"))
	if s.Suppressed > 0 {
		fmt.Fprintf(&m.b, "; %d suppressed", s.Suppressed)
	}
	failOn := s.FailOn
	if failOn == "" {
		failOn = "unset"
	}
	fmt.Fprintf(&m.b, ". Result: **%s** (fail-on %s).\n", v.status(), mdText(failOn))
	for _, n := range s.NotRun {
		fmt.Fprintf(&m.b, "\n> Not run: %s\n", mdText(n))
	}
}

// rootName is the scanned root, "." when unset.
func rootName(r *Report) string {
	if r.Project.Root == "" {
		return "."
	}
	return r.Project.Root
}

// mdClose ends a function section.
const mdClose = "\n</details>\n"

// groups writes one <details> section per function.
func (m *mdDoc) groups(r *Report) {
	for _, g := range groupFindings(r.Findings) {
		if !m.group(g) {
			return
		}
	}
}

// group writes one section; false when the budget ran out.
func (m *mdDoc) group(g group) bool {
	head := fmt.Sprintf("\n<details>\n<summary><code>%s</code>: %s, worst %s</summary>\n\n"+
		"| Severity | Rule | Location | Title |\n| --- | --- | --- | --- |\n",
		html.EscapeString(oneLine(g.title())), plural(len(g.Findings), "finding"), g.Findings[0].Severity)
	if !m.add(head, len(mdRow(g.Findings[0]))+len(mdClose)) {
		return false
	}
	for _, f := range g.Findings {
		if !m.add(mdRow(f), len(mdClose)) {
			break
		}
		m.shownFindings++
	}
	m.fixes(g)
	m.b.WriteString(mdClose)
	return !m.cut
}

// mdRow is one table row of a finding.
func mdRow(f finding.Finding) string {
	title := mdText(f.Title)
	if len(f.Functions) > 1 {
		also := make([]string, 0, len(f.Functions)-1)
		for _, id := range f.Functions[1:] {
			also = append(also, codeSpan(id, true))
		}
		title += " (also " + strings.Join(also, ", ") + ")"
	}
	return fmt.Sprintf("| %s | %s | %s | %s |\n", f.Severity, codeSpan(f.Rule, true),
		codeSpan(location(f.File, f.Line), true), title)
}

// fixes lists the fix advice of each rule of the group once.
func (m *mdDoc) fixes(g group) {
	seen := map[string]bool{}
	first := true
	for _, f := range g.Findings {
		if f.Fix == "" || seen[f.Rule] {
			continue
		}
		seen[f.Rule] = true
		line := fmt.Sprintf("- %s: %s\n", codeSpan(f.Rule, false), mdText(f.Fix))
		if first {
			line = "\n" + line
		}
		if !m.add(line, len(mdClose)) {
			return
		}
		first = false
	}
}

// problems lists errors and warnings.
func (m *mdDoc) problems(r *Report) {
	if len(r.Errors) == 0 || !m.add("\n### Errors and warnings\n\n", 0) {
		return
	}
	for _, p := range r.Errors {
		line := fmt.Sprintf("- **%s** %s %s\n", mdText(p.Level), codeSpan(location(p.File, p.Line), false), mdText(problemText(p)))
		if !m.add(line, 0) {
			return
		}
		m.shownErrors++
	}
}

// note says what was cut.
func (m *mdDoc) note(r *Report) {
	if !m.cut {
		return
	}
	fmt.Fprintf(&m.b, "\n_Truncated to fit a comment: %d of %d findings and %d of %d errors shown. "+
		"See the JSON or SARIF report for everything._\n",
		m.shownFindings, len(r.Findings), m.shownErrors, len(r.Errors))
}
