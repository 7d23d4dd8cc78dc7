package source

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// Azure Functions Node.js v4 programming model: a module imports `app`
// from "@azure/functions" and registers each function with a call such as
// app.http('name', { handler }) or app.timer('name', {...}).

// azureFunctionsPkg is the npm package of the Node.js programming model.
const azureFunctionsPkg = "@azure/functions"

// AzureNodeRegistration is one app.<method>(...) call on the app object of
// "@azure/functions".
type AzureNodeRegistration struct {
	// Method is the app method called: http, get, timer, storageQueue…
	Method string
	// Args are the call's arguments (the function name, then the options
	// object or, for the HTTP shorthands, possibly the handler itself).
	Args []AzureValue
	Line int
	// Handler is the function the registration runs.
	Handler AzureNodeHandler
}

// AzureNodeHandler says where a registration's handler is defined.
type AzureNodeHandler struct {
	// Name is the handler's identifier or dotted name ("getTodos",
	// "handlers.list"); "" for an inline function.
	Name string
	// Line is where it is defined in this file: the inline function, the
	// local declaration, or the import that binds it; 0 when unknown.
	Line int
	// From is the module specifier when the handler is imported, and
	// Export the export it names there ("default" for a default import).
	From   string
	Export string
}

// jsBinding is what an import binds a local name to.
type jsBinding struct {
	spec, export string // export "" for a namespace (whole module)
	line         int
}

// azNodeScope holds the top-level names of a module and the names bound
// to "@azure/functions".
type azNodeScope struct {
	*jsScope
	imports map[string]jsBinding
	apps    map[string]bool // names of the app object
	pkgs    map[string]bool // names of the whole package (ns.app.http)
}

// AzureNodeRegistrations returns the function registrations of a
// JavaScript or TypeScript file, in source order. Only calls on a name the
// file binds to the package's `app` export count.
func (f *File) AzureNodeRegistrations() []AzureNodeRegistration {
	root := f.root()
	if root == nil || !f.Lang.IsJS() {
		return nil
	}
	s := &azNodeScope{jsScope: &jsScope{f: f, decls: map[string]ts.Node{}},
		imports: map[string]jsBinding{}, apps: map[string]bool{}, pkgs: map[string]bool{}}
	stmts := syntax.NamedChildren(root)
	for i := range stmts {
		s.declare(&stmts[i])
	}
	f.doc.Walk(root, func(n *ts.Node, kind string) bool {
		switch kind {
		case "import_statement":
			s.importStatement(n)
			return false
		case "variable_declarator":
			s.requireDeclarator(n)
		}
		return true
	})
	if len(s.apps) == 0 && len(s.pkgs) == 0 {
		return nil
	}
	var out []AzureNodeRegistration
	f.doc.Walk(root, func(n *ts.Node, kind string) bool {
		if kind == "call_expression" {
			if r, ok := s.registration(n); ok {
				out = append(out, r)
			}
		}
		return true
	})
	return out
}

// importStatement records ES module imports: of "@azure/functions" (app,
// namespace, default) and of any module (for handlers defined elsewhere).
func (s *azNodeScope) importStatement(n *ts.Node) {
	f := s.f
	if f.doc.HasToken(n, "type") {
		return
	}
	spec := f.importSource(n)
	for _, c := range syntax.NamedChildren(n) {
		switch f.doc.Kind(&c) {
		case "import_clause":
			s.importClause(&c, spec, syntax.Line(n))
		case "import_require_clause": // import az = require("@azure/functions")
			s.bind(f.doc.Text(c.NamedChild(0)), jsBinding{spec: spec, line: syntax.Line(n)})
		}
	}
}

// importClause reads default, namespace and named imports.
func (s *azNodeScope) importClause(c *ts.Node, spec string, at int) {
	f := s.f
	for _, part := range syntax.NamedChildren(c) {
		switch f.doc.Kind(&part) {
		case "identifier":
			s.bind(f.doc.Text(&part), jsBinding{spec: spec, export: "default", line: at})
		case "namespace_import":
			s.bind(f.doc.Text(part.NamedChild(0)), jsBinding{spec: spec, line: at})
		case "named_imports":
			for _, sp := range syntax.NamedChildren(&part) {
				if f.doc.Kind(&sp) != "import_specifier" || f.doc.HasToken(&sp, "type") {
					continue
				}
				name := f.doc.JSStringOrText(syntax.Field(&sp, "name"))
				local := name
				if a := syntax.Field(&sp, "alias"); a != nil {
					local = f.doc.Text(a)
				}
				s.bind(local, jsBinding{spec: spec, export: name, line: at})
			}
		}
	}
}

// requireDeclarator records CommonJS loads: const az = require(m),
// const { app, x: y } = require(m), const app = require(m).app.
func (s *azNodeScope) requireDeclarator(d *ts.Node) {
	f := s.f
	name, v := syntax.Field(d, "name"), f.unwrapTS(syntax.Field(d, "value"))
	for f.doc.Kind(v) == "await_expression" {
		v = f.unwrapTS(v.NamedChild(0))
	}
	export := ""
	if f.doc.Kind(v) == "member_expression" {
		export, v = f.doc.Text(syntax.Field(v, "property")), syntax.Field(v, "object")
	}
	if f.doc.Kind(v) != "call_expression" {
		return
	}
	spec, ok := f.jsLoadSpec(v)
	if !ok {
		return
	}
	at := syntax.Line(d)
	switch f.doc.Kind(name) {
	case "identifier":
		s.bind(f.doc.Text(name), jsBinding{spec: spec, export: export, line: at})
	case "object_pattern":
		if export != "" {
			return
		}
		for _, p := range syntax.NamedChildren(name) {
			switch f.doc.Kind(&p) {
			case "shorthand_property_identifier_pattern":
				s.bind(f.doc.Text(&p), jsBinding{spec: spec, export: f.doc.Text(&p), line: at})
			case "pair_pattern":
				if val := syntax.Field(&p, "value"); f.doc.Kind(val) == "identifier" {
					s.bind(f.doc.Text(val), jsBinding{spec: spec, export: f.doc.JSStringOrText(syntax.Field(&p, "key")), line: at})
				}
			}
		}
	}
}

// bind records an import binding and notes the names of the package and
// of its app object.
func (s *azNodeScope) bind(local string, b jsBinding) {
	if local == "" {
		return
	}
	if _, ok := s.imports[local]; !ok {
		s.imports[local] = b
	}
	if b.spec != azureFunctionsPkg {
		return
	}
	switch b.export {
	case "app":
		s.apps[local] = true
	case "", "default":
		s.pkgs[local] = true
	}
}

// registration reads app.method(...) or pkg.app.method(...).
func (s *azNodeScope) registration(call *ts.Node) (AzureNodeRegistration, bool) {
	f := s.f
	fn := f.unwrapTS(syntax.Field(call, "function"))
	if f.doc.Kind(fn) != "member_expression" {
		return AzureNodeRegistration{}, false
	}
	obj := f.unwrapTS(syntax.Field(fn, "object"))
	switch {
	case f.doc.Kind(obj) == "identifier" && s.apps[f.doc.Text(obj)]:
	case f.doc.Kind(obj) == "member_expression" && f.doc.Text(syntax.Field(obj, "property")) == "app" &&
		f.doc.Kind(syntax.Field(obj, "object")) == "identifier" && s.pkgs[f.doc.Text(syntax.Field(obj, "object"))]:
	default:
		return AzureNodeRegistration{}, false
	}
	r := AzureNodeRegistration{Method: f.doc.Text(syntax.Field(fn, "property")), Line: syntax.Line(call)}
	if r.Method == "" {
		return AzureNodeRegistration{}, false // a broken call the parser recovered from
	}
	var args []ts.Node
	for _, a := range syntax.NamedChildren(syntax.Field(call, "arguments")) {
		if f.doc.Kind(&a) != "comment" {
			args = append(args, a)
			r.Args = append(r.Args, f.azJSValue(&a, 0))
		}
	}
	if len(args) > 1 {
		r.Handler = s.handler(s.handlerNode(&args[1]))
	}
	return r, true
}

// handlerNode finds the handler in the second argument: its handler
// property, or the argument itself (app.get('x', fn)).
func (s *azNodeScope) handlerNode(arg *ts.Node) *ts.Node {
	f := s.f
	arg = f.unwrapTS(arg)
	if f.doc.Kind(arg) != "object" {
		return arg
	}
	var found *ts.Node
	for _, p := range syntax.NamedChildren(arg) {
		switch f.doc.Kind(&p) {
		case "pair":
			if f.doc.JSStringOrText(syntax.Field(&p, "key")) == "handler" {
				found = syntax.Field(&p, "value")
			}
		case "shorthand_property_identifier":
			if f.doc.Text(&p) == "handler" {
				n := p
				found = &n
			}
		case "method_definition":
			if f.doc.JSStringOrText(syntax.Field(&p, "name")) == "handler" {
				n := p
				found = &n
			}
		}
	}
	return found
}

// handler says where the handler expression n is defined.
func (s *azNodeScope) handler(n *ts.Node) AzureNodeHandler {
	f := s.f
	n = f.unwrapTS(n)
	switch f.doc.Kind(n) {
	case "":
		return AzureNodeHandler{}
	case "identifier", "shorthand_property_identifier":
		return s.namedHandler(f.doc.Text(n), nil)
	case "member_expression":
		name, ok := f.jsDotted(n)
		if !ok {
			return AzureNodeHandler{Line: syntax.Line(n)}
		}
		head, rest, _ := strings.Cut(name, ".")
		h := s.namedHandler(head, strings.Split(rest, "."))
		h.Name = name
		return h
	}
	return AzureNodeHandler{Line: syntax.Line(n)}
}

// namedHandler resolves a handler named by an identifier (and property
// path rest): a top-level declaration or an import.
func (s *azNodeScope) namedHandler(name string, rest []string) AzureNodeHandler {
	h := AzureNodeHandler{Name: name}
	if b, ok := s.imports[name]; ok {
		h.Line, h.From = b.line, b.spec
		switch {
		case b.export != "" && len(rest) == 0:
			h.Export = b.export
		case b.export == "" && len(rest) == 1:
			h.Export = rest[0]
		}
		return h
	}
	if _, ok := s.decls[name]; ok {
		if len(rest) == 0 {
			h.Line = s.resolveIdent(name, nil, nil, 0)
		} else {
			h.Line = s.resolveIdent(name, rest, nil, 0)
		}
	}
	return h
}
