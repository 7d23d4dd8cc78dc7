package golang

import (
	"fmt"
	"strings"
)

// modLine is one directive of a go.mod: its verb (inside a block, the
// block's verb), its arguments, and its trailing comment.
type modLine struct {
	verb    string
	args    []string
	comment string
	line    int
}

// parseModFile splits a go.mod into directives. It understands blocks,
// quoted and raw strings, and // comments.
func parseModFile(data string) ([]modLine, error) {
	var out []modLine
	block := ""
	blockLine := 0
	for i, raw := range strings.Split(data, "\n") {
		n := i + 1
		toks, comment, err := tokenize(strings.TrimRight(raw, "\r"))
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		switch {
		case len(toks) == 0:
			continue
		case block != "" && toks[0] == ")" && len(toks) == 1:
			block = ""
		case block != "":
			out = append(out, modLine{verb: block, args: toks, comment: comment, line: n})
		case len(toks) == 2 && toks[1] == "(":
			block, blockLine = toks[0], n
		default:
			out = append(out, modLine{verb: toks[0], args: toks[1:], comment: comment, line: n})
		}
	}
	if block != "" {
		return nil, fmt.Errorf("line %d: %s block not closed", blockLine, block)
	}
	return out, nil
}

// tokenize splits a line into tokens and its // comment.
func tokenize(s string) ([]string, string, error) {
	var toks []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case strings.HasPrefix(s[i:], "//"):
			return toks, strings.TrimSpace(s[i+2:]), nil
		case c == '"' || c == '`':
			tok, n, err := quoted(s[i:])
			if err != nil {
				return nil, "", err
			}
			toks = append(toks, tok)
			i += n
		case c == '(' || c == ')':
			toks = append(toks, string(c))
			i++
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \t\"`()", rune(s[j])) && !strings.HasPrefix(s[j:], "//") {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		}
	}
	return toks, "", nil
}

// quoted reads a "…" string (with backslash escapes) or a `…` string.
func quoted(s string) (string, int, error) {
	q := s[0]
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == q:
			return b.String(), i + 1, nil
		case c == '\\' && q == '"' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		default:
			b.WriteByte(c)
		}
	}
	return "", 0, fmt.Errorf("unterminated string")
}

// isIndirect tells the "// indirect" marker ("indirect" alone or followed
// by "; note").
func isIndirect(comment string) bool {
	return comment == "indirect" || strings.HasPrefix(comment, "indirect;")
}
