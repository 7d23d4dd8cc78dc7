package python

import (
	"strings"
)

// reqLine is one logical line of a requirements file: a requirement or
// option (text), or a whole-line comment (comment, without the "#").
type reqLine struct {
	text    string
	comment string
	line    int // first physical line
}

// logicalLines joins backslash continuations and strips comments (a "#"
// at the start or after whitespace, so URL fragments survive).
func logicalLines(data string) []reqLine {
	var out []reqLine
	var cur strings.Builder
	start := 0
	for i, raw := range strings.Split(data, "\n") {
		raw = strings.TrimSuffix(raw, "\r")
		if cur.Len() == 0 {
			start = i + 1
			if c, ok := strings.CutPrefix(strings.TrimSpace(raw), "#"); ok {
				out = append(out, reqLine{comment: strings.TrimSpace(c), line: start})
				continue
			}
		}
		if strings.HasSuffix(raw, "\\") {
			cur.WriteString(strings.TrimSuffix(raw, "\\"))
			continue
		}
		cur.WriteString(raw)
		if t := strings.TrimSpace(stripComment(cur.String())); t != "" {
			out = append(out, reqLine{text: t, line: start})
		}
		cur.Reset()
	}
	if t := strings.TrimSpace(stripComment(cur.String())); t != "" {
		out = append(out, reqLine{text: t, line: start})
	}
	return out
}

func stripComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return s[:i]
		}
	}
	return s
}

// option is a pip option on its own line (-r, -c, -e, --index-url …).
type option struct {
	name, value string
}

// shortOpts are the one-letter options that take a value.
var shortOpts = map[byte]string{'r': "--requirement", 'c': "--constraint", 'e': "--editable", 'i': "--index-url", 'f': "--find-links"}

// parseOption splits "-r file", "-rfile", "--requirement=file" and
// "--requirement file".
func parseOption(s string) option {
	if strings.HasPrefix(s, "--") {
		name, value, ok := strings.Cut(s, "=")
		if !ok {
			f := strings.Fields(s)
			name, value = f[0], strings.TrimSpace(strings.TrimPrefix(s, f[0]))
		}
		return option{name: strings.TrimSpace(name), value: strings.TrimSpace(value)}
	}
	if len(s) >= 2 {
		if long, ok := shortOpts[s[1]]; ok {
			return option{name: long, value: strings.TrimSpace(s[2:])}
		}
	}
	f := strings.Fields(s)
	return option{name: f[0], value: strings.TrimSpace(strings.TrimPrefix(s, f[0]))}
}

// splitLineOptions separates a requirement from its per-line options
// (--hash=…, --config-settings …), which start at a " --".
func splitLineOptions(s string) (string, []string) {
	i := strings.Index(s, " --")
	if i < 0 {
		return s, nil
	}
	var hashes []string
	fields := strings.Fields(s[i:])
	for j, f := range fields {
		if h, ok := strings.CutPrefix(f, "--hash="); ok {
			hashes = append(hashes, h)
		} else if f == "--hash" && j+1 < len(fields) {
			hashes = append(hashes, fields[j+1])
		}
	}
	return strings.TrimSpace(s[:i]), hashes
}
