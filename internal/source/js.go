package source

import (
	"slices"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// JavaScript and TypeScript exports: CommonJS assignments to exports /
// module.exports and ES module export statements, at the top level of the
// module, which is where a runtime finds its handler.

// maxFollow bounds how many identifier and property hops an export may be
// followed through (const a = b; const b = {...}).
const maxFollow = 8

// jsScope indexes the module's top-level declarations by name.
type jsScope struct {
	f     *File
	decls map[string]ts.Node
}

// jsExportLine finds the export of parts among the top-level statements.
func (f *File) jsExportLine(root *ts.Node, parts []string) int {
	if len(parts) == 0 {
		return 0
	}
	x := &jsScope{f: f, decls: map[string]ts.Node{}}
	stmts := syntax.NamedChildren(root)
	for i := range stmts {
		x.declare(&stmts[i])
	}
	for i := range stmts {
		if l := x.statement(&stmts[i], parts); l > 0 {
			return l
		}
	}
	return 0
}

// declare records the names a top-level statement declares. The first
// declaration of a name wins.
func (x *jsScope) declare(st *ts.Node) {
	if x.f.doc.Kind(st) == "export_statement" {
		st = syntax.Field(st, "declaration")
	}
	add := func(name string, n *ts.Node) {
		if _, ok := x.decls[name]; !ok && name != "" {
			x.decls[name] = *n
		}
	}
	switch x.f.doc.Kind(st) {
	case "function_declaration", "generator_function_declaration", "class_declaration", "abstract_class_declaration":
		add(x.f.doc.Text(syntax.Field(st, "name")), st)
	case "lexical_declaration", "variable_declaration":
		for _, d := range syntax.NamedChildren(st) {
			if x.f.doc.Kind(&d) == "variable_declarator" && x.f.doc.Kind(syntax.Field(&d, "name")) == "identifier" {
				add(x.f.doc.Text(syntax.Field(&d, "name")), &d)
			}
		}
	}
}

// statement returns the line defining parts if st exports it.
func (x *jsScope) statement(st *ts.Node, parts []string) int {
	switch x.f.doc.Kind(st) {
	case "expression_statement":
		return x.assignment(st, parts)
	case "export_statement":
		return x.export(st, parts)
	}
	return 0
}

// assignment handles CommonJS: exports.a = …, module.exports.a.b = …,
// module.exports = {...}, and chains (exports.a = exports.b = fn).
func (x *jsScope) assignment(st *ts.Node, parts []string) int {
	a := st.NamedChild(0)
	var lefts []*ts.Node
	for x.f.doc.Kind(a) == "assignment_expression" {
		lefts = append(lefts, syntax.Field(a, "left"))
		a = syntax.Field(a, "right")
	}
	for _, left := range lefts {
		path, ok := x.exportPath(left)
		if !ok {
			continue
		}
		if l := x.match(path, parts, a, st); l > 0 {
			return l
		}
	}
	return 0
}

// match resolves parts against a value exported under path.
func (x *jsScope) match(path, parts []string, value, site *ts.Node) int {
	if len(path) <= len(parts) && slices.Equal(path, parts[:len(path)]) {
		if l := x.resolve(value, parts[len(path):], site, 0); l > 0 {
			return l
		}
	}
	if len(path) == 0 && slices.Equal(parts, []string{"default"}) {
		// Node's ES module interop makes module.exports the default export,
		// and Azure Functions calls module.exports when no entry point is set.
		return x.resolve(value, nil, site, 0)
	}
	return 0
}

// exportPath turns an assignment target into the export path it writes:
// exports.a.b → [a b], module.exports["a"] → [a], module.exports → [].
// Bare `exports = …` rebinds a local and exports nothing.
func (x *jsScope) exportPath(n *ts.Node) ([]string, bool) {
	var names []string
	for range maxFollow {
		switch x.f.doc.Kind(n) {
		case "member_expression":
			names = append(names, x.f.doc.Text(syntax.Field(n, "property")))
		case "subscript_expression":
			s, ok := x.f.doc.JSString(syntax.Field(n, "index"))
			if !ok {
				return nil, false
			}
			names = append(names, s)
		case "identifier":
			slices.Reverse(names)
			switch x.f.doc.Text(n) {
			case "exports":
				return names, len(names) > 0
			case "module":
				if len(names) > 0 && names[0] == "exports" {
					return names[1:], true
				}
			}
			return nil, false
		default:
			return nil, false
		}
		n = syntax.Field(n, "object")
	}
	return nil, false
}

// export handles ES module export statements (and TypeScript `export =`).
func (x *jsScope) export(st *ts.Node, parts []string) int {
	if decl := syntax.Field(st, "declaration"); decl != nil {
		if x.f.doc.HasToken(st, "default") {
			return x.exportDefault(decl, parts, st)
		}
		return x.exportDeclaration(decl, parts)
	}
	if v := syntax.Field(st, "value"); v != nil && x.f.doc.HasToken(st, "default") {
		return x.exportDefault(v, parts, st)
	}
	if x.f.doc.HasToken(st, "=") { // TypeScript: export = value
		for _, c := range syntax.NamedChildren(st) {
			if x.f.doc.Kind(&c) != "comment" {
				return x.match(nil, parts, &c, st)
			}
		}
		return 0
	}
	for _, c := range syntax.NamedChildren(st) {
		if x.f.doc.Kind(&c) == "export_clause" {
			return x.exportClause(&c, parts, syntax.Field(st, "source") != nil)
		}
	}
	return 0
}

// exportDefault handles `export default …`, which exports the name "default".
func (x *jsScope) exportDefault(v *ts.Node, parts []string, site *ts.Node) int {
	if parts[0] != "default" {
		return 0
	}
	return x.resolve(v, parts[1:], site, 0)
}

// exportDeclaration handles export function/class/const/let/var.
func (x *jsScope) exportDeclaration(decl *ts.Node, parts []string) int {
	switch x.f.doc.Kind(decl) {
	case "function_declaration", "generator_function_declaration", "class_declaration", "abstract_class_declaration":
		if x.f.doc.Text(syntax.Field(decl, "name")) == parts[0] && len(parts) == 1 {
			return syntax.Line(decl)
		}
	case "lexical_declaration", "variable_declaration":
		for _, d := range syntax.NamedChildren(decl) {
			if x.f.doc.Kind(&d) == "variable_declarator" && x.f.doc.Text(syntax.Field(&d, "name")) == parts[0] {
				return x.resolveDeclarator(&d, parts[1:], 0)
			}
		}
	}
	return 0
}

// exportClause handles export { a, b as c } and re-exports from another
// module, whose definition is out of reach: their specifier's line is used.
func (x *jsScope) exportClause(clause *ts.Node, parts []string, reexport bool) int {
	for _, spec := range syntax.NamedChildren(clause) {
		if x.f.doc.Kind(&spec) != "export_specifier" {
			continue
		}
		local := x.f.doc.Text(syntax.Field(&spec, "name"))
		if local == "" {
			local = "default" // export { default } from "./x"
		}
		exported := local
		if alias := syntax.Field(&spec, "alias"); alias != nil {
			exported = x.f.doc.JSStringOrText(alias)
		}
		if exported != parts[0] {
			continue
		}
		if reexport {
			return syntax.Line(&spec)
		}
		return x.resolveIdent(local, parts[1:], &spec, 0)
	}
	return 0
}

// resolve returns the line defining rest inside value, exported at site.
func (x *jsScope) resolve(v *ts.Node, rest []string, site *ts.Node, depth int) int {
	if depth > maxFollow || v == nil {
		return 0
	}
	v = x.f.unwrapTS(v)
	switch x.f.doc.Kind(v) {
	case "identifier":
		return x.resolveIdent(x.f.doc.Text(v), rest, site, depth+1)
	case "object":
		if len(rest) > 0 {
			return x.property(v, rest, depth)
		}
	case "function_declaration", "generator_function_declaration", "class_declaration", "abstract_class_declaration":
		if len(rest) == 0 {
			return syntax.Line(v)
		}
		return 0
	}
	if len(rest) > 0 {
		return 0
	}
	return syntax.Line(site)
}

// resolveIdent follows a name to its top-level declaration. An imported
// binding or an unknown name leaves the line at the export site.
func (x *jsScope) resolveIdent(name string, rest []string, site *ts.Node, depth int) int {
	d, ok := x.decls[name]
	if !ok {
		if len(rest) == 0 {
			return syntax.Line(site)
		}
		return 0
	}
	if x.f.doc.Kind(&d) == "variable_declarator" {
		if len(rest) == 0 && x.f.isImportValue(syntax.Field(&d, "value")) {
			return syntax.Line(site)
		}
		return x.resolveDeclarator(&d, rest, depth)
	}
	return x.resolve(&d, rest, site, depth)
}

// resolveDeclarator handles const name = value: the declarator's line, or
// the line of the nested property rest names inside value.
func (x *jsScope) resolveDeclarator(d *ts.Node, rest []string, depth int) int {
	v := syntax.Field(d, "value")
	if len(rest) == 0 {
		if x.f.doc.Kind(x.f.unwrapTS(v)) == "identifier" {
			if _, ok := x.decls[x.f.doc.Text(x.f.unwrapTS(v))]; ok && depth < maxFollow {
				return x.resolve(v, nil, d, depth+1)
			}
		}
		return syntax.Line(d)
	}
	return x.resolve(v, rest, d, depth+1)
}

// property finds rest[0] in an object literal (the last definition wins, as
// at run time) and resolves the remainder in its value.
func (x *jsScope) property(obj *ts.Node, rest []string, depth int) int {
	found := 0
	for _, p := range syntax.NamedChildren(obj) {
		switch x.f.doc.Kind(&p) {
		case "pair":
			if x.f.doc.JSStringOrText(syntax.Field(&p, "key")) == rest[0] {
				found = x.resolve(syntax.Field(&p, "value"), rest[1:], &p, depth+1)
			}
		case "shorthand_property_identifier":
			if x.f.doc.Text(&p) == rest[0] {
				found = x.resolveIdent(rest[0], rest[1:], &p, depth+1)
			}
		case "method_definition":
			if x.f.doc.JSStringOrText(syntax.Field(&p, "name")) == rest[0] && len(rest) == 1 {
				found = syntax.Line(&p)
			}
		}
	}
	return found
}

// unwrapTS strips parentheses and TypeScript-only wrappers around an
// expression (x as T, x satisfies T, x!, <T>x).
func (f *File) unwrapTS(n *ts.Node) *ts.Node {
	for range maxFollow {
		switch f.doc.Kind(n) {
		case "parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression", "type_assertion":
			inner := n.NamedChild(0)
			if f.doc.Kind(n) == "type_assertion" {
				inner = n.NamedChild(n.NamedChildCount() - 1)
			}
			if inner == nil {
				return n
			}
			n = inner
		default:
			return n
		}
	}
	return n
}

// isImportValue reports whether an initializer loads another module:
// require("x"), require("x").y, await import("x").
func (f *File) isImportValue(v *ts.Node) bool {
	for range maxFollow {
		switch f.doc.Kind(v) {
		case "await_expression", "parenthesized_expression":
			v = v.NamedChild(0)
		case "member_expression", "subscript_expression":
			v = syntax.Field(v, "object")
		case "call_expression":
			_, ok := f.jsLoadSpec(v)
			return ok
		default:
			return false
		}
	}
	return false
}
