package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// DefaultWidth is the table width used when TableOptions.Width is unset.
const DefaultWidth = 100

// minWidth keeps narrow terminals readable.
const minWidth = 60

// TableOptions tune the human-readable view.
type TableOptions struct {
	// Color turns on ANSI colours (severity labels, headings, verdict).
	Color bool
	// Width is the column count to wrap at; 0 means DefaultWidth.
	Width int
	// Quiet leaves out the function map: only the header, findings,
	// errors and the summary are written.
	Quiet bool
}

// table renders the human view into a buffer.
type table struct {
	b     strings.Builder
	p     painter
	width int
}

// WriteTable writes the human view: a header with the project root and
// counts, the function map (unless Quiet), findings grouped by function,
// errors and warnings, and a summary with the fail-on verdict.
func WriteTable(w io.Writer, r *Report, opts TableOptions) error {
	r = Normalize(r)
	t := &table{p: painter(opts.Color), width: opts.Width}
	if t.width <= 0 {
		t.width = DefaultWidth
	}
	t.width = max(t.width, minWidth)
	t.header(r)
	if !opts.Quiet {
		t.functions(r)
	}
	t.findings(r)
	t.problems(r)
	t.summary(r)
	if _, err := io.WriteString(w, t.b.String()); err != nil {
		return fmt.Errorf("write table report: %w", err)
	}
	return nil
}

// line writes one line.
func (t *table) line(format string, args ...any) {
	fmt.Fprintf(&t.b, format, args...)
	t.b.WriteByte('\n')
}

// lines writes wrapped lines.
func (t *table) lines(ls []string) {
	for _, l := range ls {
		t.line("%s", l)
	}
}

// section starts a titled section.
func (t *table) section(title string) {
	t.line("")
	t.line("%s", t.p.paint(ansiBold, title))
}

// header writes the tool, the root and the counts.
func (t *table) header(r *Report) {
	name := r.Tool.Name
	if name == "" {
		name = "clad"
	}
	root := r.Project.Root
	if root == "" {
		root = "."
	}
	t.line("%s", t.p.paint(ansiBold, strings.TrimSpace(name+" "+r.Tool.Version)+" scan of "+oneLine(root)))
	s := r.Summary
	files := plural(s.FilesScanned, "file") + " scanned"
	if s.FilesFailed > 0 {
		files += fmt.Sprintf(", %d failed", s.FilesFailed)
	}
	finds := plural(len(r.Findings), "finding")
	if s.Suppressed > 0 {
		finds += fmt.Sprintf(", %d suppressed", s.Suppressed)
	}
	counts := []string{plural(s.Functions, "function") + " ·", plural(s.Manifests, "manifest") + " ·", files + " ·", finds}
	t.lines(wrapWords(counts, t.width, "", 0))
}

// summary writes the per-severity counts and the verdict.
func (t *table) summary(r *Report) {
	t.section("SUMMARY")
	counts := countBySeverity(r.Findings)
	parts := make([]string, 0, len(severities))
	for _, s := range severities {
		parts = append(parts, fmt.Sprintf("%s %d", s, counts[s]))
	}
	t.line("  %s", strings.Join(parts, " · "))
	for _, n := range r.Summary.NotRun {
		t.lines(wrap(n, t.width, "  not run: ", 11))
	}
	v := verdictOf(r)
	style := ansiGreen
	if v.Failed {
		style = ansiBoldRd
	}
	failOn := r.Summary.FailOn
	if failOn == "" {
		failOn = "unset"
	}
	t.line("  %s  %s (fail-on %s)", t.p.paint(style, v.status()), v.headline(), oneLine(failOn))
}

// problems lists errors, then warnings.
func (t *table) problems(r *Report) {
	if len(r.Errors) == 0 {
		return
	}
	t.section("ERRORS AND WARNINGS")
	for _, level := range []string{"error", "warning"} {
		for _, p := range r.Errors {
			if p.Level != level {
				continue
			}
			t.problem(p)
		}
	}
	for _, p := range r.Errors {
		if p.Level != "error" && p.Level != "warning" {
			t.problem(p)
		}
	}
}

// problem writes "error    file:line  kind (stage): message".
func (t *table) problem(p model.Problem) {
	label := fmt.Sprintf("  %-8s %s  ", oneLine(p.Level), oneLine(location(p.File, p.Line)))
	t.lines(wrap(problemText(p), t.width, label, 4))
}

// problemText is "kind (stage): message" without the empty parts.
func problemText(p model.Problem) string {
	what := oneLine(p.Kind)
	if st := oneLine(p.Stage); st != "" {
		what = strings.TrimSpace(what + " (" + st + ")")
	}
	if what == "" {
		return p.Message
	}
	return what + ": " + p.Message
}

// severityLabelWidth is the padded width of "CRITICAL".
const severityLabelWidth = 8

// findingHeader writes "CRITICAL  rule-id  title [fn, fn]" wrapped, with
// the label coloured.
func (t *table) findingHeader(indent string, f finding.Finding) {
	blank := strings.Repeat(" ", severityLabelWidth)
	title := f.Title
	if len(f.Functions) > 1 {
		title += " [" + strings.Join(f.Functions, ", ") + "]"
	}
	ls := wrap(title, t.width, indent+blank+"  "+oneLine(f.Rule)+"  ", len(indent)+severityLabelWidth+2)
	ls[0] = indent + t.p.severity(f.Severity) + strings.TrimPrefix(ls[0], indent+blank)
	t.lines(ls)
}
