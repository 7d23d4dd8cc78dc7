package toml

// value parses any value.
func (p *parser) value() (*Value, error) {
	if p.eof() {
		return nil, p.errf("expected a value, found the end of the file")
	}
	line := p.line
	switch c := p.peek(); {
	case c == '"':
		s, err := p.anyBasicString()
		return &Value{Kind: String, Str: s, Line: line}, err
	case c == '\'':
		s, err := p.anyLiteralString()
		return &Value{Kind: String, Str: s, Line: line}, err
	case c == '[':
		return p.nested(p.array)
	case c == '{':
		return p.nested(p.inlineTable)
	case p.has("true"):
		p.pos += 4
		return &Value{Kind: Bool, Bool: true, Line: line}, p.wordEnd()
	case p.has("false"):
		p.pos += 5
		return &Value{Kind: Bool, Line: line}, p.wordEnd()
	case c == '+' || c == '-' || c == 'i' || c == 'n' || c >= '0' && c <= '9':
		return p.scalar()
	default:
		return nil, p.errf("invalid value starting with %q", c)
	}
}

// wordEnd rejects a keyword running into more letters ("truex").
func (p *parser) wordEnd() error {
	if !p.eof() && isBare(p.peek()) {
		return p.errf("invalid value")
	}
	return nil
}

func (p *parser) nested(f func() (*Value, error)) (*Value, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > MaxDepth {
		return nil, p.errf("values nested more than %d deep", MaxDepth)
	}
	return f()
}

// array parses [ v, v, ... ] with newlines and comments allowed.
func (p *parser) array() (*Value, error) {
	v := &Value{Kind: Array, Line: p.line}
	p.pos++
	for {
		if err := p.skipBlank(); err != nil {
			return nil, err
		}
		if p.eof() {
			return nil, &Error{Line: v.Line, Msg: "array not closed"}
		}
		if p.peek() == ']' {
			p.pos++
			return v, nil
		}
		e, err := p.value()
		if err != nil {
			return nil, err
		}
		v.Array = append(v.Array, e)
		if err := p.skipBlank(); err != nil {
			return nil, err
		}
		if p.eof() {
			return nil, &Error{Line: v.Line, Msg: "array not closed"}
		}
		switch p.peek() {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return v, nil
		default:
			return nil, p.errf("expected ',' or ']' in array, found %q", p.peek())
		}
	}
}

// inlineTable parses { k = v, ... }. Newlines and a trailing comma are
// accepted (TOML 1.1).
func (p *parser) inlineTable() (*Value, error) {
	t := newTable(p.line)
	v := &Value{Kind: TableKind, Table: t, Line: p.line}
	p.pos++
	for {
		if err := p.skipBlank(); err != nil {
			return nil, err
		}
		if p.eof() {
			return nil, &Error{Line: v.Line, Msg: "inline table not closed"}
		}
		if p.peek() == '}' {
			p.pos++
			closeTable(t)
			return v, nil
		}
		if err := p.keyval(t); err != nil {
			return nil, err
		}
		if err := p.skipBlank(); err != nil {
			return nil, err
		}
		if p.eof() {
			return nil, &Error{Line: v.Line, Msg: "inline table not closed"}
		}
		switch p.peek() {
		case ',':
			p.pos++
		case '}':
			p.pos++
			closeTable(t)
			return v, nil
		default:
			return nil, p.errf("expected ',' or '}' in inline table, found %q", p.peek())
		}
	}
}

// closeTable marks an inline table and the dotted tables inside it closed.
func closeTable(t *Table) {
	t.inline = true
	for _, v := range t.Fields {
		if v.Kind == TableKind && v.Table.dotted {
			closeTable(v.Table)
		}
	}
}
