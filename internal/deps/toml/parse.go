package toml

import (
	"fmt"
	"unicode/utf8"
)

// MaxDepth bounds the nesting of arrays and inline tables.
const MaxDepth = 128

// Error is a syntax or structure error at a line.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// LineNumber returns the line of the error (0 if unknown).
func (e *Error) LineNumber() int { return e.Line }

type parser struct {
	src   []byte
	pos   int
	line  int
	root  *Table
	cur   *Table
	depth int
}

// Parse reads a TOML document.
func Parse(data []byte) (*Table, error) {
	if !utf8.Valid(data) {
		return nil, &Error{Msg: "not valid UTF-8 text"}
	}
	p := &parser{src: data, line: 1, root: newTable(1)}
	p.cur = p.root
	for {
		if err := p.skipBlank(); err != nil {
			return nil, err
		}
		if p.eof() {
			return p.root, nil
		}
		var err error
		if p.peek() == '[' {
			err = p.header()
		} else {
			err = p.keyval(p.cur)
		}
		if err != nil {
			return nil, err
		}
		if err := p.endOfLine(); err != nil {
			return nil, err
		}
	}
}

func (p *parser) errf(format string, args ...any) error {
	return &Error{Line: p.line, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) eof() bool  { return p.pos >= len(p.src) }
func (p *parser) peek() byte { return p.src[p.pos] }

func (p *parser) peekAt(i int) byte {
	if p.pos+i < len(p.src) {
		return p.src[p.pos+i]
	}
	return 0
}

func (p *parser) has(s string) bool {
	return len(p.src)-p.pos >= len(s) && string(p.src[p.pos:p.pos+len(s)]) == s
}

// skipSpace skips spaces and tabs.
func (p *parser) skipSpace() {
	for !p.eof() && (p.peek() == ' ' || p.peek() == '\t') {
		p.pos++
	}
}

// newline consumes one LF or CRLF and reports whether it did.
func (p *parser) newline() (bool, error) {
	switch {
	case p.has("\n"):
		p.pos++
	case p.has("\r\n"):
		p.pos += 2
	case p.has("\r"):
		return false, p.errf("carriage return not followed by a newline")
	default:
		return false, nil
	}
	p.line++
	return true, nil
}

// comment skips a comment up to (not including) the end of the line.
func (p *parser) comment() error {
	if p.eof() || p.peek() != '#' {
		return nil
	}
	for !p.eof() && p.peek() != '\n' {
		c := p.peek()
		if c == '\r' && p.peekAt(1) == '\n' {
			break
		}
		if (c < 0x20 && c != '\t') || c == 0x7f {
			return p.errf("control character in comment")
		}
		p.pos++
	}
	return nil
}

// skipBlank skips whitespace, comments and newlines.
func (p *parser) skipBlank() error {
	for {
		p.skipSpace()
		if err := p.comment(); err != nil {
			return err
		}
		ok, err := p.newline()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
	}
}

// endOfLine requires the rest of the line to be blank or a comment.
func (p *parser) endOfLine() error {
	p.skipSpace()
	if err := p.comment(); err != nil {
		return err
	}
	if p.eof() {
		return nil
	}
	ok, err := p.newline()
	if err != nil {
		return err
	}
	if !ok {
		return p.errf("unexpected %q after value (expected a newline)", p.peek())
	}
	return nil
}
