// Package jsontree parses JSON into a cfgtree.Node tree with the line of
// every value and key, several times faster than going through the YAML
// library: package-lock.json files of thousands of packages are read on
// every scan. It accepts exactly RFC 8259 JSON (plus a leading byte-order
// mark), bounds nesting, and reports errors with their line.
package jsontree

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/cladsec/clad/internal/cfgtree"
)

// MaxDepth bounds nesting; real manifests and lockfiles stay far below it.
const MaxDepth = 256

// Parse reads one JSON document. Errors are *cfgtree.Error with the line.
func Parse(data []byte) (*cfgtree.Node, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, &cfgtree.Error{Msg: "binary content (NUL byte)"}
	}
	if !utf8.Valid(data) {
		return nil, &cfgtree.Error{Msg: "not valid UTF-8 text"}
	}
	p := &parser{data: data, line: 1}
	p.space()
	if p.pos >= len(p.data) {
		return nil, p.fail("empty document")
	}
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos < len(p.data) {
		return nil, p.fail("unexpected text after the JSON value")
	}
	return n, nil
}

type parser struct {
	data      []byte
	pos       int
	line      int
	lineStart int
	// nodes is a chunk of preallocated nodes, keys the interned object
	// keys: lockfiles repeat a handful of keys thousands of times.
	nodes []cfgtree.Node
	keys  map[string]string
}

const (
	chunk       = 256
	maxInterned = 4096
)

func (p *parser) fail(format string, args ...any) error {
	return &cfgtree.Error{Line: p.line, Msg: fmt.Sprintf(format, args...)}
}

// space skips whitespace, counting lines.
func (p *parser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case '\n':
			p.line++
			p.lineStart = p.pos + 1
		case ' ', '\t', '\r':
		default:
			return
		}
		p.pos++
	}
}

func (p *parser) node(k cfgtree.Kind) *cfgtree.Node {
	if len(p.nodes) == 0 {
		p.nodes = make([]cfgtree.Node, chunk)
	}
	n := &p.nodes[0]
	p.nodes = p.nodes[1:]
	n.Kind, n.Line, n.Column = k, p.line, p.pos-p.lineStart+1
	return n
}

func (p *parser) value(depth int) (*cfgtree.Node, error) {
	if depth > MaxDepth {
		return nil, p.fail("nesting deeper than %d levels", MaxDepth)
	}
	if p.pos >= len(p.data) {
		return nil, p.fail("unexpected end of input")
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		n := p.node(cfgtree.Scalar)
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		n.Value, n.Quoted = s, true
		return n, nil
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	default:
		return p.literal()
	}
}

func (p *parser) object(depth int) (*cfgtree.Node, error) {
	n := p.node(cfgtree.Map)
	p.pos++ // {
	p.space()
	if p.peek('}') {
		return n, nil
	}
	for {
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return nil, p.fail("expected a quoted key")
		}
		line := p.line
		key, err := p.key()
		if err != nil {
			return nil, err
		}
		p.space()
		if !p.peek(':') {
			return nil, p.fail("expected ':' after key %q", key)
		}
		p.space()
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.Entries = append(n.Entries, cfgtree.Entry{Key: key, Line: line, Value: v})
		p.space()
		if p.peek('}') {
			return n, nil
		}
		if !p.peek(',') {
			return nil, p.fail("expected ',' or '}' in object")
		}
		p.space()
	}
}

func (p *parser) array(depth int) (*cfgtree.Node, error) {
	n := p.node(cfgtree.Seq)
	p.pos++ // [
	p.space()
	if p.peek(']') {
		return n, nil
	}
	for {
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.Items = append(n.Items, v)
		p.space()
		if p.peek(']') {
			return n, nil
		}
		if !p.peek(',') {
			return nil, p.fail("expected ',' or ']' in array")
		}
		p.space()
	}
}

// peek consumes c when it is next.
func (p *parser) peek(c byte) bool {
	if p.pos < len(p.data) && p.data[p.pos] == c {
		p.pos++
		return true
	}
	return false
}

func (p *parser) literal() (*cfgtree.Node, error) {
	for _, lit := range []string{"true", "false", "null"} {
		if bytes.HasPrefix(p.data[p.pos:], []byte(lit)) {
			n := p.node(cfgtree.Scalar)
			p.pos += len(lit)
			if lit == "null" {
				n.Kind = cfgtree.Null
			} else {
				n.Value = lit
			}
			return n, nil
		}
	}
	return nil, p.fail("unexpected character %q", rune(p.data[p.pos]))
}

func (p *parser) number() (*cfgtree.Node, error) {
	n := p.node(cfgtree.Scalar)
	start := p.pos
	p.peek('-')
	if p.peek('0') {
		// no leading zeros
	} else if !p.digits() {
		return nil, p.fail("malformed number")
	}
	if p.peek('.') && !p.digits() {
		return nil, p.fail("malformed number")
	}
	if p.peek('e') || p.peek('E') {
		if !p.peek('+') {
			p.peek('-')
		}
		if !p.digits() {
			return nil, p.fail("malformed number")
		}
	}
	n.Value = string(p.data[start:p.pos])
	return n, nil
}

func (p *parser) digits() bool {
	start := p.pos
	for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
		p.pos++
	}
	return p.pos > start
}
