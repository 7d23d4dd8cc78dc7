package report

import (
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/finding"
)

// Limits that keep the table view readable.
const (
	maxEvidenceRunes = 300
	maxTablePaths    = 3
)

// findings writes the findings grouped by their first function.
func (t *table) findings(r *Report) {
	t.section("FINDINGS")
	if len(r.Findings) == 0 {
		t.line("  no findings")
		return
	}
	for i, g := range groupFindings(r.Findings) {
		if i > 0 {
			t.line("")
		}
		t.line("%s", t.p.paint(ansiBold, oneLine(g.title())))
		for _, f := range g.Findings {
			t.finding(f)
		}
	}
}

// finding writes the header line, then location and message, fix,
// evidence, vulnerability facts and trace, indented under it.
func (t *table) finding(f finding.Finding) {
	const body = 4
	t.findingHeader("  ", f)
	t.lines(wrap(f.Message, t.width, "    "+oneLine(location(f.File, f.Line))+"  ", body))
	if f.Fix != "" {
		t.lines(wrap(f.Fix, t.width, "    fix: ", body+5))
	}
	if f.Evidence != "" {
		t.lines(wrap(truncate(oneLine(f.Evidence), maxEvidenceRunes), t.width, "    evidence: ", body+10))
	}
	if v := f.Vulnerability; v != nil {
		t.vulnerability(v)
	}
	for i, s := range f.Trace {
		label := "    trace: "
		if i > 0 {
			label = strings.Repeat(" ", len(label))
		}
		prefix := fmt.Sprintf("%s%d. %s  ", label, i+1, oneLine(location(s.File, s.Line)))
		t.lines(wrap(s.Note, t.width, prefix, len(label)+3))
	}
}

// vulnerability writes the advisory, package and up to maxTablePaths
// dependency paths.
func (t *table) vulnerability(v *finding.Vulnerability) {
	const body = 4
	id := v.ID
	if len(v.Aliases) > 0 {
		id += " (" + strings.Join(v.Aliases, ", ") + ")"
	}
	text := fmt.Sprintf("%s %s@%s (%s)", id, v.Package, v.Version, v.Ecosystem)
	if v.Fixed != "" {
		text += ", fixed in " + v.Fixed
	} else {
		text += ", no fixed version"
	}
	t.lines(wrap(text, t.width, "    advisory: ", body+10))
	for i, p := range v.Paths {
		if i == maxTablePaths {
			t.line("    via: … %d more", len(v.Paths)-maxTablePaths)
			break
		}
		t.lines(wrap(strings.Join(p, " > "), t.width, "    via: ", body+5))
	}
}
