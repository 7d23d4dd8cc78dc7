package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/finding"
)

func TestMDText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"a | b", `a \| b`},
		{"use `eval`", "use \\`eval\\`"},
		{"*bold* _it_ ~x~", `\*bold\* \_it\_ \~x\~`},
		{"[link](http://x)", `\[link\](http://x)`},
		{"<script>&amp;", `\<script\>\&amp;`},
		{`back\slash`, `back\\slash`},
		{"two\nlines\r\n", "two lines"},
		{"bell\x07", `bell\\x07`},
	}
	for _, tt := range tests {
		if got := mdText(tt.in); got != tt.want {
			t.Errorf("mdText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCodeSpan(t *testing.T) {
	tests := []struct {
		in      string
		inTable bool
		want    string
	}{
		{"rule-id", false, "`rule-id`"},
		{"a`b", false, "``a`b``"},
		{"a``b`", false, "``` a``b` ```"},
		{"`x", false, "`` `x ``"},
		{"a|b", true, "`a\\|b`"},
		{"a|b", false, "`a|b`"},
		{"", false, ""},
	}
	for _, tt := range tests {
		if got := codeSpan(tt.in, tt.inTable); got != tt.want {
			t.Errorf("codeSpan(%q, %v) = %q, want %q", tt.in, tt.inTable, got, tt.want)
		}
	}
}

func TestMarkdownEscapesTableCells(t *testing.T) {
	r := sampleReport()
	r.Findings[0].Rule = "rule|with`tick"
	r.Findings[0].File = "src/a|b.js"
	r.Findings[0].Title = "title | with `code` and <b>html</b>"
	out := string(render(t, FormatMarkdown, r, Options{}))
	row := ""
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "| critical | ") {
			row = l
		}
	}
	if row == "" {
		t.Fatalf("no critical row in:\n%s", out)
	}
	// A row has 5 unescaped pipes: 4 cells.
	if n := strings.Count(row, "|") - strings.Count(row, `\|`); n != 5 {
		t.Errorf("row has %d cell separators, want 5: %s", n, row)
	}
	for _, want := range []string{"``rule\\|with`tick``", "`src/a\\|b.js:14`", "title \\| with \\`code\\` and \\<b\\>html\\</b\\>"} {
		if !strings.Contains(row, want) {
			t.Errorf("row %q lacks %q", row, want)
		}
	}
}

// manyFindings returns a report with n findings spread over 10 functions.
func manyFindings(n int) *Report {
	r := sampleReport()
	r.Findings = nil
	for i := range n {
		f := finding.Finding{
			Rule: fmt.Sprintf("rule-%d", i%7), Category: finding.Code, Severity: finding.Severity(1 + i%5),
			Title:   strings.Repeat("A long title that takes room ", 3),
			Message: "message",
			File:    fmt.Sprintf("src/file%d.js", i), Line: i + 1,
			Functions: []string{fmt.Sprintf("svc/fn%d", i%10)},
			Fix:       "Fix it.", Fingerprint: fmt.Sprintf("%016x", i),
		}
		r.Findings = append(r.Findings, f)
	}
	return r
}

func TestMarkdownTruncates(t *testing.T) {
	tests := []struct {
		name     string
		findings int
		limit    int
	}{
		{"github limit", 3000, MarkdownLimit},
		{"small limit", 50, 3000},
		{"limit below the first section", 5, 1200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := writeMarkdown(&buf, manyFindings(tt.findings), tt.limit); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if len(out) > tt.limit {
				t.Errorf("output is %d bytes, limit %d", len(out), tt.limit)
			}
			if !strings.Contains(out, "_Truncated to fit a comment:") {
				t.Errorf("no truncation note in:\n%s", out)
			}
			if o, c := strings.Count(out, "<details>"), strings.Count(out, "</details>"); o != c {
				t.Errorf("%d <details> but %d </details>", o, c)
			}
			if !strings.HasPrefix(out, "**clad: ") {
				t.Errorf("verdict line missing")
			}
		})
	}
}

func TestMarkdownNotTruncated(t *testing.T) {
	out := string(render(t, FormatMarkdown, manyFindings(20), Options{}))
	if strings.Contains(out, "Truncated") {
		t.Errorf("20 findings were truncated")
	}
	rows := 0
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "| ") && strings.Contains(l, "`rule-") {
			rows++
		}
	}
	if rows != 20 {
		t.Errorf("%d finding rows, want 20", rows)
	}
}

func TestMarkdownVerdict(t *testing.T) {
	tests := []struct {
		failOn string
		want   string
	}{
		{"high", "**clad: 3 findings at or above high**"},
		{"critical", "**clad: 1 finding at or above critical**"},
		{"none", "**clad: 6 findings**"},
		{"", "**clad: 6 findings**"},
	}
	for _, tt := range tests {
		r := sampleReport()
		r.Summary.FailOn = tt.failOn
		out := string(render(t, FormatMarkdown, r, Options{}))
		if first, _, _ := strings.Cut(out, "\n"); first != tt.want {
			t.Errorf("fail-on %q: title %q, want %q", tt.failOn, first, tt.want)
		}
	}
}
