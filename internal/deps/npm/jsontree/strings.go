package jsontree

import (
	"bytes"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// key reads an object key, interning the plain ones.
func (p *parser) key() (string, error) {
	start := p.pos + 1
	end := start
	for end < len(p.data) && p.data[end] != '"' && p.data[end] != '\\' && p.data[end] >= 0x20 {
		end++
	}
	if end >= len(p.data) || p.data[end] != '"' {
		return p.str()
	}
	raw := p.data[start:end]
	p.pos = end + 1
	if s, ok := p.keys[string(raw)]; ok {
		return s, nil
	}
	s := string(raw)
	if p.keys == nil {
		p.keys = map[string]string{}
	}
	if len(p.keys) < maxInterned {
		p.keys[s] = s
	}
	return s, nil
}

// str reads a quoted string starting at the opening quote.
func (p *parser) str() (string, error) {
	p.pos++ // "
	start := p.pos
	for p.pos < len(p.data) {
		switch c := p.data[p.pos]; {
		case c == '"':
			s := string(p.data[start:p.pos])
			p.pos++
			return s, nil
		case c == '\\':
			return p.escaped(start)
		case c < 0x20:
			return "", p.fail("control character in string")
		}
		p.pos++
	}
	return "", p.fail("unterminated string")
}

// escaped finishes a string that holds escapes, from its first backslash.
func (p *parser) escaped(start int) (string, error) {
	buf := append([]byte(nil), p.data[start:p.pos]...)
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return string(buf), nil
		case c < 0x20:
			return "", p.fail("control character in string")
		case c != '\\':
			buf = append(buf, c)
			p.pos++
			continue
		}
		p.pos++
		if p.pos >= len(p.data) {
			break
		}
		e := p.data[p.pos]
		p.pos++
		switch e {
		case '"', '\\', '/':
			buf = append(buf, e)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, err := p.unicode()
			if err != nil {
				return "", err
			}
			buf = utf8.AppendRune(buf, r)
		default:
			return "", p.fail("invalid escape \\%c in string", e)
		}
	}
	return "", p.fail("unterminated string")
}

// unicode reads the hex digits of a \u escape (and a following low
// surrogate); lone surrogates become U+FFFD as in encoding/json.
func (p *parser) unicode() (rune, error) {
	r, ok := p.hex4()
	if !ok {
		return 0, p.fail("invalid \\u escape in string")
	}
	if !utf16.IsSurrogate(r) {
		return r, nil
	}
	if bytes.HasPrefix(p.data[p.pos:], []byte(`\u`)) {
		save := p.pos
		p.pos += 2
		if r2, ok := p.hex4(); ok {
			if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
				return d, nil
			}
		}
		p.pos = save
	}
	return utf8.RuneError, nil
}

func (p *parser) hex4() (rune, bool) {
	if p.pos+4 > len(p.data) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(p.data[p.pos:p.pos+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	p.pos += 4
	return rune(v), true
}
