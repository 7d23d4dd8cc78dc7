package suppress

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Inline comments: "clad:ignore <rule> <reason>" (or the synonym
// "clad:allow") on the finding's line, or alone on the line just above it,
// in any comment syntax (//, #, /* */, <!-- -->, --, ;). The rule is a rule
// ID or a path.Match glob; the reason is required. A directive trailing
// code on the line above applies to that line only, so that in
//
//	API_TOKEN: abc # clad:ignore data/secret-in-env test token
//	ADMIN_KEY: xyz
//
// the second secret is still reported.

var markerRe = regexp.MustCompile(`clad:(ignore|allow)\b`)

// marker is the byte string every directive contains.
var marker = []byte("clad:")

// directive is one inline suppression.
type directive struct {
	verb   string // "ignore" or "allow"
	rule   string
	reason string
}

// parseDirectives reads the directives of one line, in order.
func parseDirectives(line string) []directive {
	locs := markerRe.FindAllStringSubmatchIndex(line, -1)
	out := make([]directive, 0, len(locs))
	for i, loc := range locs {
		end := len(line)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		d := directive{verb: line[loc[2]:loc[3]]}
		rest := strings.Fields(stripCloser(line[loc[1]:end]))
		if len(rest) > 0 {
			d.rule = strings.TrimRight(rest[0], ":,;")
		}
		if d.rule != "" {
			d.reason = strings.TrimSpace(strings.TrimLeft(strings.Join(rest[1:], " "), "-:"))
		}
		out = append(out, d)
	}
	return out
}

// commentOnly reports whether only comment openers and blanks come before
// the first directive of the line.
func commentOnly(line string) bool {
	loc := markerRe.FindStringIndex(line)
	return loc != nil && strings.Trim(line[:loc[0]], " \t/#*<!-;") == ""
}

// stripCloser removes a block comment closer ("*/", "-->") ending the text.
func stripCloser(s string) string {
	s = strings.TrimSpace(s)
	for _, c := range []string{"*/", "-->"} {
		s = strings.TrimSpace(strings.TrimSuffix(s, c))
	}
	return s
}

// inline looks up directives in the flagged files, reading each file once.
type inline struct {
	read     func(string) ([]byte, error)
	files    map[string][][]byte // nil entry: no directive in the file
	warned   map[string]bool
	problems []model.Problem
}

func newInline(read func(string) ([]byte, error)) *inline {
	return &inline{read: read, files: map[string][][]byte{}, warned: map[string]bool{}}
}

// suppress reports whether a valid directive on f's line or the line above
// names f's rule.
func (in *inline) suppress(f finding.Finding) bool {
	if in.read == nil || f.File == "" || f.Line <= 0 {
		return false
	}
	lines := in.lines(f.File)
	for _, n := range []int{f.Line, f.Line - 1} {
		if n < 1 || n > len(lines) || !bytes.Contains(lines[n-1], marker) {
			continue
		}
		text := string(lines[n-1])
		if n != f.Line && !commentOnly(text) {
			continue
		}
		for _, d := range parseDirectives(text) {
			if in.valid(d, f.File, n) && ruleMatch(d.rule, f.Rule) {
				return true
			}
		}
	}
	return false
}

// lines returns the lines of a file, or nil when it holds no directive or
// cannot be read (a warning, once).
func (in *inline) lines(file string) [][]byte {
	if lines, ok := in.files[file]; ok {
		return lines
	}
	data, err := in.read(file)
	var lines [][]byte
	switch {
	case err != nil:
		in.problems = append(in.problems, warning(file, 0, "io",
			"cannot read the file to look for clad:ignore comments: %v", err))
	case bytes.Contains(data, marker):
		lines = bytes.Split(data, []byte("\n"))
	}
	in.files[file] = lines
	return lines
}

// valid checks a directive and warns once about a malformed one.
func (in *inline) valid(d directive, file string, line int) bool {
	var msg string
	switch {
	case d.rule == "":
		msg = "without a rule"
	case d.reason == "":
		msg = "without a reason"
	default:
		if _, err := path.Match(d.rule, ""); err != nil {
			msg = fmt.Sprintf("with an invalid rule pattern %q", d.rule)
		}
	}
	if msg == "" {
		return true
	}
	at := fmt.Sprintf("%s:%d", file, line)
	if !in.warned[at+msg] {
		in.warned[at+msg] = true
		in.problems = append(in.problems, warning(file, line, "config",
			"clad:%s %s at %s: it suppresses nothing; write clad:%s <rule> <reason>", d.verb, msg, at, d.verb))
	}
	return false
}
