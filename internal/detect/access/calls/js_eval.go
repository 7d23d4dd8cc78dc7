package calls

import (
	"path"
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// wrappers are expression kinds whose value is their first operand.
var wrappers = map[string]bool{
	"parenthesized_expression": true, "await_expression": true, "as_expression": true,
	"non_null_expression": true, "satisfies_expression": true, "type_assertion": true,
}

// eval evaluates an expression.
func (e *jsEval) eval(n *ts.Node) val {
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

func (e *jsEval) evalNode(n *ts.Node) val {
	k := e.kind(n)
	switch {
	case wrappers[k]:
		return e.eval(e.p.doc.First(n))
	case k == "string":
		s, _ := e.p.doc.JSStringUnescaped(n)
		return strVal(e.codeLit(s, n))
	case k == "number":
		return strVal(lit(e.text(n)))
	case k == "template_string":
		return strVal(e.template(n)...)
	case k == "identifier", k == "shorthand_property_identifier":
		return e.lookup(n)
	case k == "member_expression":
		return e.member(e.eval(syntax.Field(n, "object")), e.text(syntax.Field(n, "property")))
	case k == "subscript_expression":
		return e.member(e.eval(syntax.Field(n, "object")), e.key(syntax.Field(n, "index")))
	case k == "binary_expression":
		return e.binary(n)
	case k == "ternary_expression":
		return e.either(e.eval(syntax.Field(n, "consequence")), e.eval(syntax.Field(n, "alternative")))
	case k == "assignment_expression":
		return e.eval(syntax.Field(n, "right"))
	case k == "call_expression":
		return e.call(n)
	case k == "new_expression":
		return e.newExpr(n)
	case k == "object":
		return val{kind: vObject, obj: &objRef{js: e, node: n}}
	}
	return unknown
}

// codeLit is a literal written in code, located.
func (e *jsEval) codeLit(s string, n *ts.Node) str {
	return from(s, Origin{Kind: OriginCode, File: e.p.path, Line: syntax.Line(n), Resolved: true})
}

// key evaluates a computed property key: its text when known, else "*".
func (e *jsEval) key(n *ts.Node) string {
	v := e.eval(n)
	if v.kind == vStr && len(v.strs) == 1 && v.strs[0].known() {
		return v.strs[0].text
	}
	return "*"
}

// binary handles a + b, a || b and a ?? b.
func (e *jsEval) binary(n *ts.Node) val {
	op := e.text(syntax.Field(n, "operator"))
	l, r := e.eval(syntax.Field(n, "left")), e.eval(syntax.Field(n, "right"))
	switch op {
	case "+":
		return strVal(concat(e.strs(l), e.strs(r))...)
	case "||", "??":
		return e.either(l, r)
	}
	return unknown
}

// either is the value of one of two expressions.
func (e *jsEval) either(a, b val) val {
	switch {
	case a.kind == vStr || b.kind == vStr || a.kind == vConfig || b.kind == vConfig:
		return strVal(union(e.strs(a), e.strs(b))...)
	case a.kind != vUnknown:
		return a
	}
	return b
}

// strs returns a value's string alternatives ("*" when not a string).
func (e *jsEval) strs(v val) []str {
	switch v.kind {
	case vStr:
		return v.strs
	case vConfig:
		return cfgStrs(v.cfg)
	}
	return []str{hole()}
}

// template evaluates `text ${expr} text`.
func (e *jsEval) template(n *ts.Node) []str {
	out := []str{lit("")}
	for _, c := range syntax.Children(n) {
		c := c
		switch e.kind(&c) {
		case "string_fragment":
			out = concat(out, []str{e.codeLit(e.text(&c), &c)})
		case "escape_sequence":
			out = concat(out, []str{lit(unescape(e.text(&c)))})
		case "template_substitution":
			out = concat(out, e.strs(e.eval(e.p.doc.First(&c))))
		}
	}
	return out
}

// unescape resolves one simple escape sequence.
func unescape(s string) string {
	switch s {
	case `\n`:
		return "\n"
	case `\t`:
		return "\t"
	}
	return strings.TrimPrefix(s, `\`)
}

// member is v.key.
func (e *jsEval) member(v val, key string) val {
	switch v.kind {
	case vEnvObj:
		return strVal(envStr(e.fn, key))
	case vExternal:
		switch {
		case v.ext == "process" && key == "env":
			return val{kind: vEnvObj}
		case key == "default":
			return v // the default export of a package is the package
		}
		return val{kind: vExternal, ext: v.ext + "." + key}
	case vConfig:
		if key == "default" {
			return v
		}
		return cfgMember(v.cfg, key)
	case vObject:
		return v.obj.property(key)
	case vModule:
		return e.export(v.module, key)
	}
	return unknown
}

// call evaluates the calls whose result matters: require, JSON.parse of
// a file read, path.join, axios.create, string conversions.
func (e *jsEval) call(n *ts.Node) val {
	callee := syntax.Field(n, "function")
	args := e.p.doc.Named(syntax.Field(n, "arguments"))
	if e.kind(callee) == "identifier" && e.text(callee) == "require" && len(args) > 0 {
		if spec, ok := e.p.doc.JSString(&args[0]); ok {
			return e.require(spec)
		}
		return unknown
	}
	cv := e.eval(callee)
	if cv.kind != vExternal {
		if e.kind(callee) == "member_expression" && e.text(syntax.Field(callee, "property")) == "toString" {
			return strVal(e.strs(e.eval(syntax.Field(callee, "object")))...)
		}
		return unknown
	}
	switch ext := cv.ext; {
	case ext == "JSON.parse" && len(args) > 0:
		return e.readFile(&args[0])
	case ext == "path.join" || ext == "path.resolve":
		return e.joinPath(args)
	case strings.HasSuffix(ext, ".create") && httpPackage(strings.TrimSuffix(ext, ".create")):
		c := val{kind: vClient, ext: strings.TrimSuffix(ext, ".create")}
		if len(args) > 0 {
			if o := e.eval(&args[0]); o.kind == vObject {
				c.obj = o.obj
			}
		}
		return c
	case ext == "String" || ext == "encodeURIComponent" || ext == "encodeURI":
		if len(args) > 0 {
			return strVal(e.strs(e.eval(&args[0]))...)
		}
	}
	return unknown
}

// newExpr evaluates new URL(path, base) and new Headers({...}).
func (e *jsEval) newExpr(n *ts.Node) val {
	cv := e.eval(syntax.Field(n, "constructor"))
	args := e.p.doc.Named(syntax.Field(n, "arguments"))
	if cv.kind != vExternal || len(args) == 0 {
		return unknown
	}
	switch cv.ext {
	case "Headers":
		return e.eval(&args[0])
	case "URL":
		rel := e.strs(e.eval(&args[0]))
		if len(args) < 2 {
			return strVal(rel...)
		}
		return strVal(urlJoin(e.strs(e.eval(&args[1])), rel)...)
	}
	return unknown
}

// readFile evaluates JSON.parse(fs.readFileSync(p)) to the config file p.
func (e *jsEval) readFile(arg *ts.Node) val {
	if e.kind(arg) != "call_expression" {
		return unknown
	}
	cv := e.eval(syntax.Field(arg, "function"))
	args := e.p.doc.Named(syntax.Field(arg, "arguments"))
	if cv.kind != vExternal || !strings.HasSuffix(cv.ext, ".readFileSync") || len(args) == 0 {
		return unknown
	}
	ps := e.strs(e.eval(&args[0]))
	if len(ps) != 1 || !ps[0].known() {
		return unknown
	}
	return e.w.configFile(ps[0].text, path.Dir(e.p.path), e.fn.CodeDir)
}

// joinPath evaluates path.join(...) over known pieces.
func (e *jsEval) joinPath(args []ts.Node) val {
	var parts []string
	for i := range args {
		s := e.strs(e.eval(&args[i]))
		if len(s) != 1 || !s[0].known() {
			return unknown
		}
		parts = append(parts, s[0].text)
	}
	return strVal(lit(path.Join(parts...)))
}

// export is the value a local module exports under key ("default" for
// the default export or module.exports itself).
func (e *jsEval) export(file, key string) val {
	p := e.w.parse(file)
	if p == nil || !p.f.Lang.IsJS() {
		return unknown
	}
	m := newJSEval(e.w, e.fn, p, e.depth+1)
	m.cut, m.steps = e.cut, e.steps
	for _, st := range p.doc.Named(p.root) {
		st := st
		switch p.doc.Kind(&st) {
		case "expression_statement":
			if v, ok := m.cjsExport(p.doc.First(&st), key); ok {
				return v
			}
		case "export_statement":
			if v, ok := m.esExport(&st, key); ok {
				return v
			}
		}
	}
	return unknown
}

// cjsExport reads module.exports = X, module.exports.key = X, exports.key = X.
func (e *jsEval) cjsExport(a *ts.Node, key string) (val, bool) {
	if e.kind(a) != "assignment_expression" {
		return unknown, false
	}
	left := e.text(syntax.Field(a, "left"))
	right := syntax.Field(a, "right")
	switch left {
	case "module.exports":
		v := e.eval(right)
		if key == "default" {
			return v, true
		}
		return e.member(v, key), true
	case "module.exports." + key, "exports." + key:
		return e.eval(right), true
	}
	return unknown, false
}

// esExport reads export const key = X and export default X.
func (e *jsEval) esExport(st *ts.Node, key string) (val, bool) {
	if v := syntax.Field(st, "value"); v != nil {
		if key == "default" {
			return e.eval(v), true
		}
		return unknown, false
	}
	d := syntax.Field(st, "declaration")
	if d == nil {
		return unknown, false
	}
	for _, c := range e.p.doc.Named(d) {
		if e.kind(&c) == "variable_declarator" {
			if v, ok := e.declarator(&c, key); ok {
				return v, true
			}
		}
	}
	return unknown, false
}

// urlJoin resolves relative URLs against base URLs the way new URL(rel,
// base) does for the common cases: an absolute URL stays, "/path" replaces
// the base's path, "path" goes after it.
func urlJoin(base, rel []str) []str {
	var out []str
	for _, r := range rel {
		switch {
		case strings.Contains(r.text, "://"):
			out = union(out, []str{r})
		case strings.HasPrefix(r.text, "/"):
			for _, b := range base {
				out = union(out, concat([]str{origin(b)}, []str{r}))
			}
		default:
			for _, b := range base {
				sep := "/"
				if strings.HasSuffix(b.text, "/") {
					sep = ""
				}
				out = union(out, concat(concat([]str{b}, []str{lit(sep)}), []str{r}))
			}
		}
	}
	return out
}

// origin cuts a URL to its scheme and host, when both are known.
func origin(b str) str {
	i := strings.Index(b.text, "://")
	if i < 0 || strings.Contains(b.text[:i], "*") {
		return b
	}
	j := strings.IndexByte(b.text[i+3:], '/')
	if j < 0 {
		return b
	}
	end := i + 3 + j
	out := str{text: b.text[:end]}
	for _, sp := range b.spans {
		if sp.start < end {
			sp.end = min(sp.end, end)
			out.spans = append(out.spans, sp)
		}
	}
	return out
}
