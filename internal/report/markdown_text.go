package report

import (
	"strings"
)

// mdSpecial are the characters mdText escapes with a backslash: those
// that start emphasis, code, links, HTML, tables or strikethrough.
const mdSpecial = "\\`*_[]<>|~&"

// mdText escapes plain text for Markdown and folds it into one line.
func mdText(s string) string {
	s = oneLine(s)
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// codeSpan renders s as an inline code span: the fence is one backtick
// longer than the longest backtick run inside, padded with spaces when s
// starts or ends with a backtick. In a table cell, "|" is escaped too
// (GitHub unescapes it inside code spans in tables).
func codeSpan(s string, inTable bool) string {
	s = oneLine(s)
	if s == "" {
		return ""
	}
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	if inTable {
		s = strings.ReplaceAll(s, "|", "\\|")
	}
	return fence + pad + s + pad + fence
}

// fence renders a multi-line fenced code block whose fence is longer than
// any backtick run inside.
func fence(s string) string {
	f := strings.Repeat("`", max(3, longestRun(s, '`')+1))
	return f + "\n" + strings.TrimRight(clean(s), "\n") + "\n" + f
}

// longestRun is the length of the longest run of c in s.
func longestRun(s string, c rune) int {
	best, cur := 0, 0
	for _, r := range s {
		if r == c {
			cur++
			best = max(best, cur)
		} else {
			cur = 0
		}
	}
	return best
}
