package toml

import "strings"

// header parses [table] and [[array.of.tables]].
func (p *parser) header() error {
	line := p.line
	p.pos++
	array := !p.eof() && p.peek() == '['
	if array {
		p.pos++
	}
	p.skipSpace()
	keys, err := p.key()
	if err != nil {
		return err
	}
	p.skipSpace()
	closing := "]"
	if array {
		closing = "]]"
	}
	if !p.has(closing) {
		return p.errf("table header not closed with %q", closing)
	}
	p.pos += len(closing)
	parent, err := p.descend(p.root, keys[:len(keys)-1], line)
	if err != nil {
		return err
	}
	last := keys[len(keys)-1]
	if array {
		p.cur, err = p.appendTable(parent, last, keys, line)
	} else {
		p.cur, err = p.defineTable(parent, last, keys, line)
	}
	return err
}

// descend walks the intermediate keys of a header, creating implicit
// tables and entering the last element of arrays of tables.
func (p *parser) descend(t *Table, keys []string, line int) (*Table, error) {
	for i, k := range keys {
		v := t.Fields[k]
		switch {
		case v == nil:
			nt := newTable(line)
			t.set(k, &Value{Kind: TableKind, Table: nt, Line: line})
			t = nt
		case v.Kind == TableKind && !v.Table.inline:
			t = v.Table
		case v.Kind == Array && v.aot:
			t = v.Array[len(v.Array)-1].Table
		default:
			return nil, p.errf("key %q is already defined as a %s", dotted(keys[:i+1]), v.Kind)
		}
	}
	return t, nil
}

func (p *parser) defineTable(parent *Table, key string, keys []string, line int) (*Table, error) {
	v := parent.Fields[key]
	if v == nil {
		nt := newTable(line)
		nt.header = true
		parent.set(key, &Value{Kind: TableKind, Table: nt, Line: line})
		return nt, nil
	}
	if v.Kind != TableKind || v.Table.header || v.Table.inline || v.Table.dotted {
		return nil, p.errf("table [%s] is defined twice", dotted(keys))
	}
	v.Table.header = true
	v.Table.Line = line
	v.Line = line
	return v.Table, nil
}

func (p *parser) appendTable(parent *Table, key string, keys []string, line int) (*Table, error) {
	nt := newTable(line)
	nt.header = true
	elem := &Value{Kind: TableKind, Table: nt, Line: line}
	v := parent.Fields[key]
	if v == nil {
		parent.set(key, &Value{Kind: Array, Array: []*Value{elem}, Line: line, aot: true})
		return nt, nil
	}
	if v.Kind != Array || !v.aot {
		return nil, p.errf("[[%s]] conflicts with an existing %s", dotted(keys), v.Kind)
	}
	v.Array = append(v.Array, elem)
	return nt, nil
}

// keyval parses key = value into t.
func (p *parser) keyval(t *Table) error {
	line := p.line
	keys, err := p.key()
	if err != nil {
		return err
	}
	p.skipSpace()
	if p.eof() || p.peek() != '=' {
		return p.errf("expected '=' after key %q", dotted(keys))
	}
	p.pos++
	p.skipSpace()
	v, err := p.value()
	if err != nil {
		return err
	}
	for i, k := range keys[:len(keys)-1] {
		t, err = p.dottedTable(t, k, keys[:i+1], line)
		if err != nil {
			return err
		}
	}
	last := keys[len(keys)-1]
	if _, dup := t.Fields[last]; dup {
		return &Error{Line: line, Msg: "key " + quoteKey(dotted(keys)) + " is defined twice"}
	}
	t.set(last, v)
	return nil
}

// dottedTable enters (or creates) the table a dotted key passes through.
func (p *parser) dottedTable(t *Table, k string, path []string, line int) (*Table, error) {
	v := t.Fields[k]
	if v == nil {
		nt := newTable(line)
		nt.dotted = true
		t.set(k, &Value{Kind: TableKind, Table: nt, Line: line})
		return nt, nil
	}
	if v.Kind != TableKind || v.Table.inline || v.Table.header || !v.Table.dotted {
		return nil, &Error{Line: line, Msg: "key " + quoteKey(dotted(path)) + " is already defined"}
	}
	return v.Table, nil
}

// key parses a simple or dotted key.
func (p *parser) key() ([]string, error) {
	var keys []string
	for {
		k, err := p.simpleKey()
		if err != nil {
			return nil, err
		}
		keys = append(keys, k)
		save := p.pos
		p.skipSpace()
		if p.eof() || p.peek() != '.' {
			p.pos = save
			return keys, nil
		}
		p.pos++
		p.skipSpace()
	}
}

func (p *parser) simpleKey() (string, error) {
	if p.eof() {
		return "", p.errf("expected a key, found the end of the file")
	}
	switch p.peek() {
	case '"':
		if p.has(`"""`) {
			return "", p.errf("multi-line strings cannot be keys")
		}
		return p.basicString()
	case '\'':
		if p.has("'''") {
			return "", p.errf("multi-line strings cannot be keys")
		}
		return p.literalString()
	}
	start := p.pos
	for !p.eof() && isBare(p.peek()) {
		p.pos++
	}
	if p.pos == start {
		return "", p.errf("expected a key, found %q", p.peek())
	}
	return string(p.src[start:p.pos]), nil
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func dotted(keys []string) string { return strings.Join(keys, ".") }

func quoteKey(k string) string { return `"` + k + `"` }
