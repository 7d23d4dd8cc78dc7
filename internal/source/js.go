package source

import (
	"slices"

	ts "github.com/tree-sitter/go-tree-sitter"
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
	stmts := namedChildren(root)
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
	if x.f.kind(st) == "export_statement" {
		st = field(st, "declaration")
	}
	add := func(name string, n *ts.Node) {
		if _, ok := x.decls[name]; !ok && name != "" {
			x.decls[name] = *n
		}
	}
	switch x.f.kind(st) {
	case "function_declaration", "generator_function_declaration", "class_declaration", "abstract_class_declaration":
		add(x.f.text(field(st, "name")), st)
	case "lexical_declaration", "variable_declaration":
		for _, d := range namedChildren(st) {
			if x.f.kind(&d) == "variable_declarator" && x.f.kind(field(&d, "name")) == "identifier" {
				add(x.f.text(field(&d, "name")), &d)
			}
		}
	}
}

// statement returns the line defining parts if st exports it.
func (x *jsScope) statement(st *ts.Node, parts []string) int {
	switch x.f.kind(st) {
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
	for x.f.kind(a) == "assignment_expression" {
		lefts = append(lefts, field(a, "left"))
		a = field(a, "right")
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
		switch x.f.kind(n) {
		case "member_expression":
			names = append(names, x.f.text(field(n, "property")))
		case "subscript_expression":
			s, ok := x.f.stringValue(field(n, "index"))
			if !ok {
				return nil, false
			}
			names = append(names, s)
		case "identifier":
			slices.Reverse(names)
			switch x.f.text(n) {
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
		n = field(n, "object")
	}
	return nil, false
}

// export handles ES module export statements (and TypeScript `export =`).
func (x *jsScope) export(st *ts.Node, parts []string) int {
	if decl := field(st, "declaration"); decl != nil {
		if x.f.hasToken(st, "default") {
			return x.exportDefault(decl, parts, st)
		}
		return x.exportDeclaration(decl, parts)
	}
	if v := field(st, "value"); v != nil && x.f.hasToken(st, "default") {
		return x.exportDefault(v, parts, st)
	}
	if x.f.hasToken(st, "=") { // TypeScript: export = value
		for _, c := range namedChildren(st) {
			if x.f.kind(&c) != "comment" {
				return x.match(nil, parts, &c, st)
			}
		}
		return 0
	}
	for _, c := range namedChildren(st) {
		if x.f.kind(&c) == "export_clause" {
			return x.exportClause(&c, parts, field(st, "source") != nil)
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
	switch x.f.kind(decl) {
	case "function_declaration", "generator_function_declaration", "class_declaration", "abstract_class_declaration":
		if x.f.text(field(decl, "name")) == parts[0] && len(parts) == 1 {
			return line(decl)
		}
	case "lexical_declaration", "variable_declaration":
		for _, d := range namedChildren(decl) {
			if x.f.kind(&d) == "variable_declarator" && x.f.text(field(&d, "name")) == parts[0] {
				return x.resolveDeclarator(&d, parts[1:], 0)
			}
		}
	}
	return 0
}

// exportClause handles export { a, b as c } and re-exports from another
// module, whose definition is out of reach: their specifier's line is used.
func (x *jsScope) exportClause(clause *ts.Node, parts []string, reexport bool) int {
	for _, spec := range namedChildren(clause) {
		if x.f.kind(&spec) != "export_specifier" {
			continue
		}
		local := x.f.text(field(&spec, "name"))
		if local == "" {
			local = "default" // export { default } from "./x"
		}
		exported := local
		if alias := field(&spec, "alias"); alias != nil {
			exported = x.f.stringOrText(alias)
		}
		if exported != parts[0] {
			continue
		}
		if reexport {
			return line(&spec)
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
	switch x.f.kind(v) {
	case "identifier":
		return x.resolveIdent(x.f.text(v), rest, site, depth+1)
	case "object":
		if len(rest) > 0 {
			return x.property(v, rest, depth)
		}
	case "function_declaration", "generator_function_declaration", "class_declaration", "abstract_class_declaration":
		if len(rest) == 0 {
			return line(v)
		}
		return 0
	}
	if len(rest) > 0 {
		return 0
	}
	return line(site)
}

// resolveIdent follows a name to its top-level declaration. An imported
// binding or an unknown name leaves the line at the export site.
func (x *jsScope) resolveIdent(name string, rest []string, site *ts.Node, depth int) int {
	d, ok := x.decls[name]
	if !ok {
		if len(rest) == 0 {
			return line(site)
		}
		return 0
	}
	if x.f.kind(&d) == "variable_declarator" {
		if len(rest) == 0 && x.f.isImportValue(field(&d, "value")) {
			return line(site)
		}
		return x.resolveDeclarator(&d, rest, depth)
	}
	return x.resolve(&d, rest, site, depth)
}

// resolveDeclarator handles const name = value: the declarator's line, or
// the line of the nested property rest names inside value.
func (x *jsScope) resolveDeclarator(d *ts.Node, rest []string, depth int) int {
	v := field(d, "value")
	if len(rest) == 0 {
		if x.f.kind(x.f.unwrapTS(v)) == "identifier" {
			if _, ok := x.decls[x.f.text(x.f.unwrapTS(v))]; ok && depth < maxFollow {
				return x.resolve(v, nil, d, depth+1)
			}
		}
		return line(d)
	}
	return x.resolve(v, rest, d, depth+1)
}

// property finds rest[0] in an object literal (the last definition wins, as
// at run time) and resolves the remainder in its value.
func (x *jsScope) property(obj *ts.Node, rest []string, depth int) int {
	found := 0
	for _, p := range namedChildren(obj) {
		switch x.f.kind(&p) {
		case "pair":
			if x.f.stringOrText(field(&p, "key")) == rest[0] {
				found = x.resolve(field(&p, "value"), rest[1:], &p, depth+1)
			}
		case "shorthand_property_identifier":
			if x.f.text(&p) == rest[0] {
				found = x.resolveIdent(rest[0], rest[1:], &p, depth+1)
			}
		case "method_definition":
			if x.f.stringOrText(field(&p, "name")) == rest[0] && len(rest) == 1 {
				found = line(&p)
			}
		}
	}
	return found
}

// unwrapTS strips parentheses and TypeScript-only wrappers around an
// expression (x as T, x satisfies T, x!, <T>x).
func (f *File) unwrapTS(n *ts.Node) *ts.Node {
	for range maxFollow {
		switch f.kind(n) {
		case "parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression", "type_assertion":
			inner := n.NamedChild(0)
			if f.kind(n) == "type_assertion" {
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
		switch f.kind(v) {
		case "await_expression", "parenthesized_expression":
			v = v.NamedChild(0)
		case "member_expression", "subscript_expression":
			v = field(v, "object")
		case "call_expression":
			_, ok := f.jsLoadSpec(v)
			return ok
		default:
			return false
		}
	}
	return false
}

// stringValue returns the content of a string literal, or of a template
// literal without substitutions.
func (f *File) stringValue(n *ts.Node) (string, bool) {
	switch f.kind(n) {
	case "string":
	case "template_string":
		for _, c := range namedChildren(n) {
			if f.kind(&c) == "template_substitution" {
				return "", false
			}
		}
	default:
		return "", false
	}
	t := f.text(n)
	if len(t) < 2 {
		return "", false
	}
	return t[1 : len(t)-1], true
}

// stringOrText returns a string literal's content or the node's text (for
// property keys written either way).
func (f *File) stringOrText(n *ts.Node) string {
	if s, ok := f.stringValue(n); ok {
		return s
	}
	return f.text(n)
}
