package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cladsec/clad/internal/finding"
)

// ANSI styles of the table view.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiGray   = "\x1b[90m"
	ansiBoldRd = "\x1b[1;31m"
	ansiBoldMg = "\x1b[1;35m"
)

// severityStyle colours a severity label.
var severityStyle = map[finding.Severity]string{
	finding.SeverityCritical: ansiBoldMg,
	finding.SeverityHigh:     ansiBoldRd,
	finding.SeverityMedium:   ansiYellow,
	finding.SeverityLow:      ansiBlue,
	finding.SeverityInfo:     ansiGray,
}

// painter applies ANSI styles when enabled.
type painter bool

// paint wraps s in style when colour is on.
func (p painter) paint(style, s string) string {
	if !p || style == "" || s == "" {
		return s
	}
	return style + s + ansiReset
}

// severity renders a padded upper-case severity label.
func (p painter) severity(s finding.Severity) string {
	label := strings.ToUpper(s.String())
	pad := strings.Repeat(" ", max(0, 8-len(label)))
	return p.paint(severityStyle[s], label) + pad
}

// clean makes scanned text safe for a terminal: invalid UTF-8 is replaced,
// carriage returns become newlines, tabs become spaces and other control
// characters (escape sequences from hostile files included) are shown as
// \xNN. Newlines are kept.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t':
			b.WriteByte(' ')
		case isControl(r):
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isControl reports C0/C1 control characters other than newline.
func isControl(r rune) bool {
	return r != '\n' && unicode.IsControl(r)
}

// oneLine cleans s and folds its lines into one.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// wrap breaks text into lines of at most width runes: the first line
// starts with first, the others with an indent of rest spaces. Words
// longer than a line are kept whole. Existing newlines are kept.
func wrap(text string, width int, first string, rest int) []string {
	var out []string
	for i, para := range strings.Split(clean(text), "\n") {
		prefix := first
		if i > 0 {
			prefix = strings.Repeat(" ", rest)
		}
		out = append(out, wrapWords(strings.Fields(para), width, prefix, rest)...)
	}
	return out
}

// wrapWords lays words out like wrap; a word never breaks, whatever it
// contains. A word that does not fit after a long first prefix starts the
// next line instead.
func wrapWords(words []string, width int, first string, rest int) []string {
	var out []string
	indent := strings.Repeat(" ", rest)
	line, empty := first, true
	for _, word := range words {
		n := utf8.RuneCountInString(line) + utf8.RuneCountInString(word)
		if !empty {
			n++
		}
		movable := !empty || (len(out) == 0 && utf8.RuneCountInString(first) > rest)
		if n > width && movable {
			out = append(out, strings.TrimRight(line, " "))
			line, empty = indent, true
		}
		if !empty {
			line += " "
		}
		line += word
		empty = false
	}
	return append(out, strings.TrimRight(line, " "))
}

// truncate shortens s to at most n runes, ending with "…" when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:max(0, n-1)]) + "…"
}
