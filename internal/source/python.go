package source

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// Python: module-level bindings (the names a runtime can load from the
// module) and import statements.

// pyBinding is the first module-level binding of a name.
type pyBinding struct {
	line int
	def  int    // line of the first def/async def of the name, 0 if none
	rhs  string // for `name = other`, the other name
}

// pyExportLine returns the line binding symbol at module level. A def wins
// over other bindings; `handler = other` resolves to other's def when the
// module has one; else the first assignment, class or import binding it.
func (f *File) pyExportLine(root *ts.Node, symbol string) int {
	b := map[string]*pyBinding{}
	f.pyBindings(root, b, 0)
	got, ok := b[symbol]
	switch {
	case !ok:
		return 0
	case got.def > 0:
		return got.def
	case got.rhs != "" && b[got.rhs] != nil && b[got.rhs].def > 0:
		return b[got.rhs].def
	}
	return got.line
}

// pyCompound lists the statements whose blocks still run at module level.
var pyCompound = setOf("block", "if_statement", "elif_clause", "else_clause", "try_statement",
	"except_clause", "except_group_clause", "finally_clause", "with_statement")

// pyBindings records the bindings made by the statements under n, entering
// module-level compound statements (if, try, with) but not defs or classes.
func (f *File) pyBindings(n *ts.Node, b map[string]*pyBinding, depth int) {
	if depth > 16 {
		return
	}
	bind := func(name string, at *ts.Node, def bool, rhs string) {
		if name == "" {
			return
		}
		cur := b[name]
		if cur == nil {
			cur = &pyBinding{line: syntax.Line(at), rhs: rhs}
			b[name] = cur
		}
		if def && cur.def == 0 {
			cur.def = syntax.Line(at)
		}
	}
	for _, c := range syntax.NamedChildren(n) {
		f.pyStatement(&c, bind)
		if pyCompound[f.doc.Kind(&c)] {
			f.pyBindings(&c, b, depth+1)
		}
	}
}

// pyStatement reports the names one statement binds.
func (f *File) pyStatement(st *ts.Node, bind func(name string, at *ts.Node, def bool, rhs string)) {
	switch f.doc.Kind(st) {
	case "decorated_definition":
		if d := syntax.Field(st, "definition"); d != nil {
			f.pyStatement(d, bind)
		}
	case "function_definition":
		bind(f.doc.Text(syntax.Field(st, "name")), st, true, "")
	case "class_definition":
		bind(f.doc.Text(syntax.Field(st, "name")), st, false, "")
	case "expression_statement":
		for _, a := range syntax.NamedChildren(st) {
			f.pyAssignment(&a, st, bind)
		}
	case "import_statement", "import_from_statement":
		for _, name := range f.pyImportedNames(st) {
			bind(name, st, false, "")
		}
	}
}

// pyAssignment binds the targets of `a = b = value` and `a, b = …`.
func (f *File) pyAssignment(a, st *ts.Node, bind func(string, *ts.Node, bool, string)) {
	for range maxFollow {
		if f.doc.Kind(a) != "assignment" {
			return
		}
		right := syntax.Field(a, "right")
		if right == nil {
			return // a bare annotation binds nothing
		}
		value := right
		for f.doc.Kind(value) == "assignment" {
			value = syntax.Field(value, "right")
		}
		rhs := ""
		if f.doc.Kind(value) == "identifier" {
			rhs = f.doc.Text(value)
		}
		left := syntax.Field(a, "left")
		if f.doc.Kind(left) == "identifier" {
			bind(f.doc.Text(left), st, false, rhs)
		} else {
			for _, id := range syntax.NamedChildren(left) {
				if f.doc.Kind(&id) == "identifier" {
					bind(f.doc.Text(&id), st, false, "")
				}
			}
		}
		a = right
	}
}

// pyImportedNames returns the names an import statement binds.
func (f *File) pyImportedNames(st *ts.Node) []string {
	var out []string
	for _, n := range syntax.FieldChildren(st, "name") {
		switch f.doc.Kind(&n) {
		case "aliased_import":
			out = append(out, f.doc.Text(syntax.Field(&n, "alias")))
		case "dotted_name":
			// import a.b binds a; from m import a binds a
			out = append(out, topModule(dotted(f.doc.Text(&n))))
		}
	}
	return out
}

// pyImports returns the modules imported anywhere in the file, in source
// order.
func (f *File) pyImports(root *ts.Node) []Import {
	var out []Import
	f.doc.Walk(root, func(n *ts.Node, kind string) bool {
		switch kind {
		case "import_statement":
			for _, m := range f.pyNames(n) {
				out = append(out, Import{Spec: m, Line: syntax.Line(n)})
			}
			return false
		case "import_from_statement":
			out = append(out, f.pyFromImports(n)...)
			return false
		}
		return true
	})
	return out
}

// pyFromImports expands `from M import a, b` into one Import per name.
func (f *File) pyFromImports(n *ts.Node) []Import {
	mod := dotted(f.doc.Text(syntax.Field(n, "module_name")))
	if mod == "" {
		return nil
	}
	names := f.pyNames(n)
	if len(names) == 0 { // from M import *
		return []Import{{Spec: mod, Line: syntax.Line(n)}}
	}
	out := make([]Import, 0, len(names))
	for _, name := range names {
		out = append(out, Import{Spec: mod, Name: name, Line: syntax.Line(n)})
	}
	return out
}

// pyNames returns the dotted names in an import statement's name fields,
// without their aliases.
func (f *File) pyNames(st *ts.Node) []string {
	var out []string
	for _, n := range syntax.FieldChildren(st, "name") {
		name := &n
		if f.doc.Kind(&n) == "aliased_import" {
			name = syntax.Field(&n, "name")
		}
		if s := dotted(f.doc.Text(name)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// dotted removes the whitespace and line continuations Python allows
// inside a dotted name ("pkg . mod" → "pkg.mod").
func dotted(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\\", " ")), "")
}
