package calls

import (
	"path"
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// eval evaluates a Python expression.
func (e *pyEval) eval(n *ts.Node) val {
	if n == nil {
		return unknown
	}
	id := n.Id()
	if m, ok := e.memo[id]; ok && (m.complete || e.depth >= m.depth) {
		return m.v // an incomplete value is as good as it gets at this depth or deeper
	}
	*e.steps++
	if e.busy[id] || e.depth > maxDepth || *e.steps > maxSteps {
		*e.cut++
		return unknown
	}
	e.busy[id] = true
	e.depth++
	cut := *e.cut
	v := e.evalNode(n)
	e.depth--
	delete(e.busy, id)
	e.memo[id] = memoVal{v: v, depth: e.depth, complete: *e.cut == cut}
	return v
}

func (e *pyEval) evalNode(n *ts.Node) val {
	switch e.kind(n) {
	case "parenthesized_expression", "await":
		return e.eval(e.p.doc.First(n))
	case "string":
		return strVal(e.str(n)...)
	case "concatenated_string":
		out := []str{lit("")}
		for _, c := range e.p.doc.Named(n) {
			c := c
			out = concat(out, e.str(&c))
		}
		return strVal(out...)
	case "integer":
		return strVal(lit(e.text(n)))
	case "identifier":
		return e.lookup(n)
	case "attribute":
		return e.member(e.eval(syntax.Field(n, "object")), e.text(syntax.Field(n, "attribute")))
	case "subscript":
		return e.member(e.eval(syntax.Field(n, "value")), e.key(syntax.Field(n, "subscript")))
	case "binary_operator":
		if e.text(syntax.Field(n, "operator")) == "+" {
			return strVal(concat(e.strs(e.eval(syntax.Field(n, "left"))), e.strs(e.eval(syntax.Field(n, "right"))))...)
		}
	case "boolean_operator":
		if e.text(syntax.Field(n, "operator")) == "or" {
			return e.either(e.eval(syntax.Field(n, "left")), e.eval(syntax.Field(n, "right")))
		}
	case "conditional_expression":
		ops := e.p.doc.Named(n)
		if len(ops) == 3 {
			return e.either(e.eval(&ops[0]), e.eval(&ops[2]))
		}
	case "call":
		return e.call(n)
	case "dictionary":
		return val{kind: vObject, obj: &objRef{py: e, node: n}}
	}
	return unknown
}

// str evaluates a string literal, f-string pieces included.
func (e *pyEval) str(n *ts.Node) []str {
	if e.kind(n) != "string" {
		return e.strs(e.eval(n))
	}
	out := []str{lit("")}
	for _, c := range e.p.doc.Named(n) {
		c := c
		switch e.kind(&c) {
		case "string_content":
			out = concat(out, []str{from(e.text(&c), Origin{Kind: OriginCode, File: e.p.path, Line: syntax.Line(&c), Resolved: true})})
		case "interpolation":
			out = concat(out, e.strs(e.eval(syntax.Field(&c, "expression"))))
		}
	}
	return out
}

// key evaluates a subscript: its text when known, else "*".
func (e *pyEval) key(n *ts.Node) string {
	v := e.eval(n)
	if v.kind == vStr && len(v.strs) == 1 && v.strs[0].known() {
		return v.strs[0].text
	}
	return "*"
}

// either is the value of one of two expressions.
func (e *pyEval) either(a, b val) val {
	switch {
	case a.kind == vStr || b.kind == vStr || a.kind == vConfig || b.kind == vConfig:
		return strVal(union(e.strs(a), e.strs(b))...)
	case a.kind != vUnknown:
		return a
	}
	return b
}

// strs returns a value's string alternatives.
func (e *pyEval) strs(v val) []str {
	switch v.kind {
	case vStr:
		return v.strs
	case vConfig:
		return cfgStrs(v.cfg)
	}
	return []str{hole()}
}

// member is v.key / v[key].
func (e *pyEval) member(v val, key string) val {
	switch v.kind {
	case vEnvObj:
		if key == "get" {
			return val{kind: vExternal, ext: "os.getenv"}
		}
		return strVal(envStr(e.fn, key))
	case vExternal:
		if v.ext == "os" && key == "environ" {
			return val{kind: vEnvObj}
		}
		return val{kind: vExternal, ext: v.ext + "." + key}
	case vConfig:
		return cfgMember(v.cfg, key)
	case vObject:
		return v.obj.property(key)
	case vModule:
		return e.export(v.module, key)
	}
	return unknown
}

// call evaluates os.getenv, json.load(open(p)), open(p), str(x).
func (e *pyEval) call(n *ts.Node) val {
	cv := e.eval(syntax.Field(n, "function"))
	pos, _ := e.args(n)
	if cv.kind != vExternal {
		return unknown
	}
	switch cv.ext {
	case "os.getenv":
		if len(pos) == 0 {
			return unknown
		}
		v := strVal(envStr(e.fn, e.key(pos[0])))
		if len(pos) > 1 {
			v.strs = union(v.strs, e.strs(e.eval(pos[1])))
		}
		return v
	case "open":
		if len(pos) == 0 {
			return unknown
		}
		return val{kind: vOpen, strs: e.strs(e.eval(pos[0]))}
	case "json.load", "yaml.safe_load", "yaml.load":
		if len(pos) > 0 {
			return e.opened(e.eval(pos[0]))
		}
	case "str":
		if len(pos) > 0 {
			return strVal(e.strs(e.eval(pos[0]))...)
		}
	case "os.path.join":
		return e.join(pos)
	case "os.path.dirname", "os.path.abspath", "os.path.realpath":
		if len(pos) == 1 {
			if s := e.strs(e.eval(pos[0])); len(s) == 1 && s[0].known() {
				if cv.ext == "os.path.dirname" {
					return strVal(lit(path.Dir(s[0].text)))
				}
				return strVal(lit(s[0].text))
			}
		}
	}
	return unknown
}

// opened is the config file an open() handle reads.
func (e *pyEval) opened(v val) val {
	if v.kind != vOpen || len(v.strs) != 1 || !v.strs[0].known() {
		return unknown
	}
	return e.w.configFile(v.strs[0].text, path.Dir(e.p.path), e.fn.CodeDir)
}

// join evaluates os.path.join over known pieces.
func (e *pyEval) join(args []*ts.Node) val {
	var parts []string
	for _, a := range args {
		s := e.strs(e.eval(a))
		if len(s) != 1 || !s[0].known() {
			return unknown
		}
		parts = append(parts, s[0].text)
	}
	return strVal(lit(path.Join(parts...)))
}

// args splits a call's arguments into positional ones and keywords.
func (e *pyEval) args(n *ts.Node) ([]*ts.Node, map[string]*ts.Node) {
	var pos []*ts.Node
	kw := map[string]*ts.Node{}
	for _, a := range e.p.doc.Named(syntax.Field(n, "arguments")) {
		a := a
		switch e.kind(&a) {
		case "keyword_argument":
			kw[e.text(syntax.Field(&a, "name"))] = syntax.Field(&a, "value")
		case "list_splat", "dictionary_splat":
		default:
			pos = append(pos, &a)
		}
	}
	return pos, kw
}

// dictItem evaluates d[key] of a dict display (keys compared
// case-insensitively, as header names are).
func (e *pyEval) dictItem(d *ts.Node, key string) val {
	for _, c := range e.p.doc.Named(d) {
		c := c
		if e.kind(&c) != "pair" {
			continue
		}
		k := e.strs(e.eval(syntax.Field(&c, "key")))
		if len(k) == 1 && strings.EqualFold(k[0].text, key) {
			return e.eval(syntax.Field(&c, "value"))
		}
	}
	return unknown
}
