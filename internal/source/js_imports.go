package source

import (
	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// JavaScript and TypeScript imports: static import/export-from statements,
// TypeScript import-equals, require() and dynamic import() with a literal
// specifier, anywhere in the file. Type-only imports load nothing at run
// time and are left out.

// jsImports returns every literal module specifier the file loads, in
// source order. It walks every node rather than running a tree-sitter
// query: query cursors take time proportional to a node's sibling count for
// each node they visit, which is quadratic on the huge flat ERROR nodes
// hostile input produces; the walk stays linear.
func (f *File) jsImports(root *ts.Node) []Import {
	var out []Import
	add := func(spec string, at *ts.Node) {
		if spec != "" {
			out = append(out, Import{Spec: spec, Line: syntax.Line(at)})
		}
	}
	f.doc.Walk(root, func(n *ts.Node, kind string) bool {
		switch kind {
		case "import_statement":
			if !f.doc.HasToken(n, "type") {
				add(f.importSource(n), n)
			}
			return false
		case "export_statement":
			if src := syntax.Field(n, "source"); src != nil && !f.doc.HasToken(n, "type") {
				s, _ := f.doc.JSString(src)
				add(s, n)
			}
		case "call_expression":
			if s, ok := f.jsLoadSpec(n); ok {
				add(s, n)
			}
		}
		return true
	})
	return out
}

// importSource returns the module of an import statement, including the
// TypeScript form `import x = require("m")`.
func (f *File) importSource(n *ts.Node) string {
	if s, ok := f.doc.JSString(syntax.Field(n, "source")); ok {
		return s
	}
	for _, c := range syntax.NamedChildren(n) {
		if f.doc.Kind(&c) == "import_require_clause" {
			s, _ := f.doc.JSString(syntax.Field(&c, "source"))
			return s
		}
	}
	return ""
}

// jsLoadSpec returns the specifier of require("m") or import("m") when it is
// a literal.
func (f *File) jsLoadSpec(call *ts.Node) (string, bool) {
	fn := syntax.Field(call, "function")
	switch {
	case f.doc.Kind(fn) == "import":
	case f.doc.Kind(fn) == "identifier" && f.doc.Text(fn) == "require":
	default:
		return "", false
	}
	args := syntax.Field(call, "arguments")
	if args == nil || args.NamedChildCount() == 0 {
		return "", false
	}
	return f.doc.JSString(args.NamedChild(0))
}
