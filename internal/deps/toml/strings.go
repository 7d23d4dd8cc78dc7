package toml

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

func (p *parser) anyBasicString() (string, error) {
	if p.has(`"""`) {
		return p.multiBasicString()
	}
	return p.basicString()
}

func (p *parser) anyLiteralString() (string, error) {
	if p.has("'''") {
		return p.multiLiteralString()
	}
	return p.literalString()
}

func isControl(c byte) bool { return c < 0x20 && c != '\t' || c == 0x7f }

// basicString parses "..." with escapes.
func (p *parser) basicString() (string, error) {
	p.pos++
	var b strings.Builder
	for {
		if p.eof() {
			return "", p.errf("string not closed")
		}
		c := p.peek()
		switch {
		case c == '"':
			p.pos++
			return b.String(), nil
		case c == '\\':
			if err := p.escape(&b); err != nil {
				return "", err
			}
		case c == '\n' || c == '\r':
			return "", p.errf("newline in a single-line string")
		case isControl(c):
			return "", p.errf("control character in string")
		default:
			b.WriteByte(c)
			p.pos++
		}
	}
}

// multiBasicString parses """...""".
func (p *parser) multiBasicString() (string, error) {
	start := p.line
	p.pos += 3
	if _, err := p.newline(); err != nil {
		return "", err
	}
	var b strings.Builder
	for {
		if p.eof() {
			return "", &Error{Line: start, Msg: "multi-line string not closed"}
		}
		c := p.peek()
		switch {
		case p.has(`"""`):
			return p.closeMulti(&b, '"')
		case c == '\\' && p.lineEndingBackslash():
			if err := p.trimAfterBackslash(); err != nil {
				return "", err
			}
		case c == '\\':
			if err := p.escape(&b); err != nil {
				return "", err
			}
		case c == '\n' || c == '\r':
			if _, err := p.newline(); err != nil {
				return "", err
			}
			b.WriteByte('\n')
		case isControl(c):
			return "", p.errf("control character in string")
		default:
			b.WriteByte(c)
			p.pos++
		}
	}
}

// closeMulti ends a multi-line string at three or more quotes; up to two
// extra quotes belong to the content.
func (p *parser) closeMulti(b *strings.Builder, q byte) (string, error) {
	n := 0
	for p.pos+n < len(p.src) && p.src[p.pos+n] == q {
		n++
	}
	if n > 5 {
		return "", p.errf("too many quotes closing a multi-line string")
	}
	for i := 3; i < n; i++ {
		b.WriteByte(q)
	}
	p.pos += n
	return b.String(), nil
}

// lineEndingBackslash reports whether the backslash at pos is followed by
// optional whitespace and a newline.
func (p *parser) lineEndingBackslash() bool {
	i := p.pos + 1
	for i < len(p.src) && (p.src[i] == ' ' || p.src[i] == '\t') {
		i++
	}
	return i < len(p.src) && (p.src[i] == '\n' || p.src[i] == '\r')
}

// trimAfterBackslash skips a line-ending backslash and all whitespace and
// newlines after it.
func (p *parser) trimAfterBackslash() error {
	p.pos++
	for !p.eof() {
		switch p.peek() {
		case ' ', '\t':
			p.pos++
		case '\n', '\r':
			if _, err := p.newline(); err != nil {
				return err
			}
		default:
			return nil
		}
	}
	return nil
}

var simpleEscapes = map[byte]byte{'b': '\b', 't': '\t', 'n': '\n', 'f': '\f', 'r': '\r', '"': '"', '\\': '\\', 'e': 0x1b}

// escape decodes one backslash escape.
func (p *parser) escape(b *strings.Builder) error {
	p.pos++
	if p.eof() {
		return p.errf("unfinished escape")
	}
	c := p.peek()
	p.pos++
	if r, ok := simpleEscapes[c]; ok {
		b.WriteByte(r)
		return nil
	}
	var n int
	switch c {
	case 'x':
		n = 2
	case 'u':
		n = 4
	case 'U':
		n = 8
	default:
		return p.errf("invalid escape \\%c", c)
	}
	if len(p.src)-p.pos < n {
		return p.errf("unfinished \\%c escape", c)
	}
	code, err := strconv.ParseUint(string(p.src[p.pos:p.pos+n]), 16, 32)
	if err != nil {
		return p.errf("invalid \\%c escape", c)
	}
	p.pos += n
	r := rune(code)
	if !utf8.ValidRune(r) {
		return p.errf("escape \\%c%0*X is not a Unicode scalar value", c, n, code)
	}
	b.WriteRune(r)
	return nil
}

// literalString parses '...' (no escapes).
func (p *parser) literalString() (string, error) {
	p.pos++
	start := p.pos
	for {
		if p.eof() {
			return "", p.errf("string not closed")
		}
		c := p.peek()
		switch {
		case c == '\'':
			s := string(p.src[start:p.pos])
			p.pos++
			return s, nil
		case c == '\n' || c == '\r':
			return "", p.errf("newline in a single-line string")
		case isControl(c):
			return "", p.errf("control character in string")
		}
		p.pos++
	}
}

// multiLiteralString parses ”'...”'.
func (p *parser) multiLiteralString() (string, error) {
	start := p.line
	p.pos += 3
	if _, err := p.newline(); err != nil {
		return "", err
	}
	var b strings.Builder
	for {
		if p.eof() {
			return "", &Error{Line: start, Msg: "multi-line string not closed"}
		}
		c := p.peek()
		switch {
		case p.has("'''"):
			return p.closeMulti(&b, '\'')
		case c == '\n' || c == '\r':
			if _, err := p.newline(); err != nil {
				return "", err
			}
			b.WriteByte('\n')
		case isControl(c):
			return "", p.errf("control character in string")
		default:
			b.WriteByte(c)
			p.pos++
		}
	}
}
