package entrypoints

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// entryNames are the export names the platforms call.
var entryNames = map[string]bool{"handler": true, "main": true, "lambda_handler": true, "lambdaHandler": true}

// wrapperNames are export names that are handlers even when wrapped
// (middy(fn), serverless(app), Sentry.wrapHandler(fn)).
var wrapperNames = map[string]bool{"handler": true, "lambdaHandler": true, "lambda_handler": true}

// jsFile reads one parsed JavaScript/TypeScript file.
type jsFile struct {
	doc  syntax.Doc
	root *ts.Node
}

// jsEntries returns the entry points a JavaScript/TypeScript file
// exports.
func jsEntries(doc syntax.Doc, root *ts.Node) []Entry {
	j := &jsFile{doc: doc, root: root}
	var out []Entry
	for _, st := range doc.Named(root) {
		st := st
		switch doc.Kind(&st) {
		case "expression_statement":
			out = append(out, j.cjs(doc.First(&st))...)
		case "export_statement":
			out = append(out, j.esm(&st)...)
		}
	}
	return out
}

// cjs reads exports.X = f, module.exports.X = f, module.exports = {X: f}
// and module.exports = function (context, req).
func (j *jsFile) cjs(a *ts.Node) []Entry {
	if j.doc.Kind(a) != "assignment_expression" {
		return nil
	}
	left := strings.Join(strings.Fields(j.doc.Text(syntax.Field(a, "left"))), "")
	right := syntax.Field(a, "right")
	for _, prefix := range []string{"module.exports.", "exports."} {
		if name, ok := strings.CutPrefix(left, prefix); ok {
			return j.named(name, right, a)
		}
	}
	if left != "module.exports" {
		return nil
	}
	if v := j.unwrap(right); j.doc.Kind(v) == "object" {
		return j.object(v)
	}
	return j.azure(right, a)
}

// esm reads export function/const X, export { a as X } and export default.
func (j *jsFile) esm(st *ts.Node) []Entry {
	if v := syntax.Field(st, "value"); v != nil {
		return j.azure(v, st)
	}
	if d := syntax.Field(st, "declaration"); d != nil {
		switch j.doc.Kind(d) {
		case "function_declaration", "generator_function_declaration":
			return j.named(j.doc.Text(syntax.Field(d, "name")), d, d)
		case "lexical_declaration", "variable_declaration":
			var out []Entry
			for _, c := range j.doc.Named(d) {
				c := c
				if j.doc.Kind(&c) == "variable_declarator" {
					out = append(out, j.named(j.doc.Text(syntax.Field(&c, "name")), syntax.Field(&c, "value"), &c)...)
				}
			}
			return out
		}
	}
	var out []Entry
	for _, c := range j.doc.Named(st) {
		c := c
		if j.doc.Kind(&c) != "export_clause" {
			continue
		}
		for _, s := range j.doc.Named(&c) {
			s := s
			name := syntax.Field(&s, "alias")
			if name == nil {
				name = syntax.Field(&s, "name")
			}
			exported := j.doc.Text(name)
			if exported == "default" {
				out = append(out, j.azure(syntax.Field(&s, "name"), &s)...)
				continue
			}
			out = append(out, j.named(exported, syntax.Field(&s, "name"), &s)...)
		}
	}
	return out
}

// object reads module.exports = { handler, main: fn }.
func (j *jsFile) object(o *ts.Node) []Entry {
	var out []Entry
	for _, c := range j.doc.Named(o) {
		c := c
		switch j.doc.Kind(&c) {
		case "pair":
			out = append(out, j.named(j.doc.JSStringOrText(syntax.Field(&c, "key")), syntax.Field(&c, "value"), &c)...)
		case "shorthand_property_identifier":
			out = append(out, j.named(j.doc.Text(&c), &c, &c)...)
		}
	}
	return out
}

// named checks an export called name whose value is v.
func (j *jsFile) named(name string, v, at *ts.Node) []Entry {
	if !entryNames[name] {
		return nil
	}
	fn, wrapped := j.function(v, 0)
	if fn != nil {
		if ps := j.params(fn); awsParams(ps) {
			return []Entry{{Symbol: name, Line: syntax.Line(at), Style: StyleAWS, Params: "(" + strings.Join(ps, ", ") + ")"}}
		}
		return nil
	}
	if wrapped && wrapperNames[name] {
		return []Entry{{Symbol: name, Line: syntax.Line(at), Style: StyleAWS, Params: "(wrapped)"}}
	}
	return nil
}

// azure checks a default export for the (context, req) signature.
func (j *jsFile) azure(v, at *ts.Node) []Entry {
	fn, _ := j.function(v, 0)
	if fn == nil {
		return nil
	}
	if ps := j.params(fn); azureParams(ps) {
		return []Entry{{Symbol: "default", Line: syntax.Line(at), Style: StyleAzure, Params: "(" + strings.Join(ps, ", ") + ")"}}
	}
	return nil
}

var functionKinds = map[string]bool{
	"function_expression": true, "arrow_function": true, "function": true, "function_declaration": true,
	"generator_function": true, "generator_function_declaration": true,
}

// unwrap drops parentheses and TypeScript assertions.
func (j *jsFile) unwrap(n *ts.Node) *ts.Node {
	for i := 0; i < 8 && n != nil; i++ {
		switch j.doc.Kind(n) {
		case "parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression", "type_assertion":
			n = j.doc.First(n)
		default:
			return n
		}
	}
	return n
}

// function resolves v to a function node: a function literal, a
// top-level function or const, or the first argument of a wrapper call.
// wrapped is true when v is a call clad could not see through.
func (j *jsFile) function(v *ts.Node, depth int) (*ts.Node, bool) {
	v = j.unwrap(v)
	if v == nil || depth > 6 {
		return nil, false
	}
	switch k := j.doc.Kind(v); {
	case functionKinds[k]:
		return v, false
	case k == "identifier" || k == "shorthand_property_identifier":
		if d := j.topLevel(j.doc.Text(v)); d != nil {
			return j.function(d, depth+1)
		}
	case k == "call_expression":
		callee := syntax.Field(v, "function")
		if j.doc.Kind(callee) == "member_expression" {
			if fn, _ := j.function(syntax.Field(callee, "object"), depth+1); fn != nil {
				return fn, false // middy(fn).use(...)
			}
		}
		if args := j.doc.Named(syntax.Field(v, "arguments")); len(args) > 0 {
			if fn, _ := j.function(&args[0], depth+1); fn != nil {
				return fn, false
			}
		}
		return nil, true
	}
	return nil, false
}

// topLevel returns the function declaration or initialiser bound to name
// at the top of the file.
func (j *jsFile) topLevel(name string) *ts.Node {
	for _, st := range j.doc.Named(j.root) {
		st := st
		d := &st
		if j.doc.Kind(d) == "export_statement" {
			if x := syntax.Field(d, "declaration"); x != nil {
				d = x
			}
		}
		switch j.doc.Kind(d) {
		case "function_declaration", "generator_function_declaration":
			if j.doc.Text(syntax.Field(d, "name")) == name {
				return d
			}
		case "lexical_declaration", "variable_declaration":
			for _, c := range j.doc.Named(d) {
				c := c
				if j.doc.Kind(&c) == "variable_declarator" && j.doc.Text(syntax.Field(&c, "name")) == name {
					return syntax.Field(&c, "value")
				}
			}
		}
	}
	return nil
}

// params returns a function's parameter names ("{}" for a destructured
// one).
func (j *jsFile) params(fn *ts.Node) []string {
	if p := syntax.Field(fn, "parameter"); p != nil {
		return []string{j.doc.Text(p)}
	}
	var out []string
	for _, p := range j.doc.Named(syntax.Field(fn, "parameters")) {
		p := p
		n := &p
		switch j.doc.Kind(n) {
		case "required_parameter", "optional_parameter":
			n = syntax.Field(n, "pattern")
		case "assignment_pattern":
			n = syntax.Field(n, "left")
		}
		switch j.doc.Kind(n) {
		case "identifier":
			out = append(out, j.doc.Text(n))
		case "object_pattern", "array_pattern":
			out = append(out, "{}")
		default:
			out = append(out, j.doc.Text(n))
		}
	}
	return out
}
