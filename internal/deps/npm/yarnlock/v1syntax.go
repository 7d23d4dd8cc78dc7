package yarnlock

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// block is a parsed level of yarn v1's own lockfile syntax: indented
// "key value" lines and "key:" lines opening a nested block.
type block struct {
	items []item
}

// item is one line: its keys (a comma-separated list on entry lines), its
// value or nested block, and its line number.
type item struct {
	keys  []string
	value string
	sub   *block
	line  int
}

// get returns the value of the first item with key.
func (b *block) get(key string) (item, bool) {
	if b == nil {
		return item{}, false
	}
	for _, it := range b.items {
		if len(it.keys) == 1 && it.keys[0] == key {
			return it, true
		}
	}
	return item{}, false
}

// syntaxError is a parse failure on a line.
type syntaxError struct {
	line int
	msg  string
}

func (e *syntaxError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

// maxIndentLevels bounds nesting; a lockfile uses three.
const maxIndentLevels = 16

// parseV1 reads yarn v1 syntax.
func parseV1(data []byte) (*block, error) {
	type frame struct {
		indent int
		b      *block
	}
	root := &block{}
	stack := []frame{{0, root}}
	// opened is the last "key:" item, whose block the next deeper line
	// starts; it is used before its block's slice grows again.
	var opened *item
	for n, raw := range bytes.Split(data, []byte("\n")) {
		lineNo := n + 1
		line := strings.TrimRight(string(raw), " \t\r")
		trimmed := strings.TrimLeft(line, " ")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if strings.HasPrefix(trimmed, "\t") {
			return nil, &syntaxError{lineNo, "tab indentation"}
		}
		indent := len(line) - len(trimmed)
		if opened != nil && indent > stack[len(stack)-1].indent {
			if len(stack) > maxIndentLevels {
				return nil, &syntaxError{lineNo, "nested too deeply"}
			}
			opened.sub = &block{}
			stack = append(stack, frame{indent, opened.sub})
		}
		opened = nil
		for len(stack) > 1 && indent < stack[len(stack)-1].indent {
			stack = stack[:len(stack)-1]
		}
		if indent != stack[len(stack)-1].indent {
			return nil, &syntaxError{lineNo, "inconsistent indentation"}
		}
		it, isOpen, err := parseLine(trimmed, lineNo)
		if err != nil {
			return nil, err
		}
		cur := stack[len(stack)-1].b
		cur.items = append(cur.items, it)
		if isOpen {
			opened = &cur.items[len(cur.items)-1]
		}
	}
	return root, nil
}

// parseLine reads "keys:" (isOpen) or "key value".
func parseLine(s string, line int) (it item, isOpen bool, err error) {
	it.line = line
	if strings.HasSuffix(s, ":") {
		keys, err := splitKeys(strings.TrimSuffix(s, ":"), line)
		return item{keys: keys, line: line}, true, err
	}
	key, rest, err := token(s, line)
	if err != nil {
		return it, false, err
	}
	rest = strings.TrimLeft(rest, " ")
	if rest == "" {
		return it, false, &syntaxError{line, fmt.Sprintf("%q has no value", key)}
	}
	val, tail, err := token(rest, line)
	if err != nil {
		return it, false, err
	}
	if strings.TrimSpace(tail) != "" {
		return it, false, &syntaxError{line, "unexpected text after the value"}
	}
	it.keys, it.value = []string{key}, val
	return it, false, nil
}

// splitKeys reads the comma-separated, possibly quoted keys of an entry.
func splitKeys(s string, line int) ([]string, error) {
	var keys []string
	for {
		s = strings.TrimLeft(s, " ")
		k, rest, err := token(s, line)
		if err != nil {
			return nil, err
		}
		if k == "" {
			return nil, &syntaxError{line, "empty key"}
		}
		keys = append(keys, k)
		rest = strings.TrimLeft(rest, " ")
		if rest == "" {
			return keys, nil
		}
		if rest[0] != ',' {
			return nil, &syntaxError{line, "expected ',' between keys"}
		}
		s = rest[1:]
	}
}

// token reads one quoted string (JSON escapes) or bare word.
func token(s string, line int) (tok, rest string, err error) {
	if strings.HasPrefix(s, `"`) {
		end := 1
		for end < len(s) && s[end] != '"' {
			if s[end] == '\\' {
				end++
			}
			end++
		}
		if end >= len(s) {
			return "", "", &syntaxError{line, "unterminated string"}
		}
		v, err := strconv.Unquote(s[:end+1])
		if err != nil {
			return "", "", &syntaxError{line, "invalid string " + s[:end+1]}
		}
		return v, s[end+1:], nil
	}
	end := strings.IndexAny(s, " ,")
	if end < 0 {
		return s, "", nil
	}
	return s[:end], s[end:], nil
}
