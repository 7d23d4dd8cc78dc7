package calls

import (
	"path"
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/source/syntax"
)

// pyEval evaluates the expressions of one Python file for one function.
type pyEval struct {
	w     *world
	fn    *model.Function
	p     *parsed
	depth int
	busy  map[uintptr]bool
	// memo holds the values of nodes evaluated completely; cut counts
	// evaluations stopped by a cycle or the depth limit, whose results
	// are not memoised.
	memo map[uintptr]memoVal
	cut  *int // shared with the evaluators of the modules it reads
	// steps counts the nodes evaluated, shared the same way; past
	// maxSteps everything is unknown, so hostile code cannot make the
	// evaluation explode.
	steps *int
}

func newPyEval(w *world, fn *model.Function, p *parsed, depth int) *pyEval {
	return &pyEval{w: w, fn: fn, p: p, depth: depth, busy: map[uintptr]bool{}, memo: map[uintptr]memoVal{}, cut: new(int), steps: new(int)}
}

func (e *pyEval) kind(n *ts.Node) string { return e.p.doc.Kind(n) }
func (e *pyEval) text(n *ts.Node) string { return e.p.doc.Text(n) }

// maxScopeDepth bounds how deep compound statements are searched for a
// binding.
const maxScopeDepth = 4

// lookup finds the binding of an identifier in its enclosing blocks,
// innermost first, and evaluates it.
func (e *pyEval) lookup(id *ts.Node) val {
	name := e.text(id)
	for a := id.Parent(); a != nil; a = a.Parent() {
		switch e.kind(a) {
		case "function_definition", "lambda":
			if e.isParam(a, name) {
				return unknown
			}
		case "block", "module":
			if v, ok := e.blockBinding(a, name, 0); ok {
				return v
			}
		}
	}
	return e.global(name)
}

// global is the value of a built-in name.
func (e *pyEval) global(name string) val {
	switch name {
	case "open", "str":
		return val{kind: vExternal, ext: name}
	case "__file__":
		return strVal(lit(e.p.path))
	}
	return unknown
}

// isParam reports a parameter of a function or lambda.
func (e *pyEval) isParam(fn *ts.Node, name string) bool {
	for _, p := range e.p.doc.Named(syntax.Field(fn, "parameters")) {
		n := &p
		if k := e.kind(n); k != "identifier" {
			n = syntax.Field(n, "name")
			if n == nil {
				n = e.p.doc.First(&p)
			}
		}
		if e.text(n) == name {
			return true
		}
	}
	return false
}

// blockBinding finds the binding of name in one block's statements (and
// the blocks of its compound statements, not functions or classes).
func (e *pyEval) blockBinding(block *ts.Node, name string, _ int) (val, bool) {
	st, ok := e.p.scope(block, func(n *ts.Node, add func(string, ts.Node)) { e.collect(n, add, 0) })[name]
	if !ok {
		return unknown, false
	}
	switch e.kind(&st) {
	case "expression_statement":
		return e.assignment(e.p.doc.First(&st), name)
	case "import_statement", "import_from_statement":
		return e.importBinding(&st, name)
	case "with_statement":
		return e.withBinding(&st, name)
	}
	return unknown, true // a function or class
}

// collect lists the names the statements of a block bind, searching
// compound statements up to maxScopeDepth deep.
func (e *pyEval) collect(block *ts.Node, add func(string, ts.Node), depth int) {
	if depth > maxScopeDepth {
		return
	}
	for _, st := range e.p.doc.Named(block) {
		switch k := e.kind(&st); k {
		case "expression_statement":
			if a := e.p.doc.First(&st); e.kind(a) == "assignment" {
				if left := syntax.Field(a, "left"); e.kind(left) == "identifier" {
					add(e.text(left), st)
				}
			}
		case "import_statement", "import_from_statement":
			for _, c := range syntax.FieldChildren(&st, "name") {
				_, local := e.importName(&c)
				add(local, st)
			}
		case "with_statement":
			e.p.doc.Walk(&st, func(n *ts.Node, k string) bool {
				if k == "as_pattern" {
					if t := syntax.Field(n, "alias"); t != nil {
						add(strings.TrimSpace(e.text(t)), st)
					}
				}
				return k != "block"
			})
			fallthrough
		case "if_statement", "try_statement", "else_clause", "elif_clause", "except_clause", "finally_clause":
			for _, c := range e.p.doc.Named(&st) {
				if e.kind(&c) == "block" || strings.HasSuffix(e.kind(&c), "_clause") {
					e.collect(&c, add, depth+1)
				}
			}
		case "function_definition", "class_definition":
			add(e.text(syntax.Field(&st, "name")), st)
		}
	}
}

// assignment evaluates `name = value` (also `name: T = value`).
func (e *pyEval) assignment(a *ts.Node, name string) (val, bool) {
	if e.kind(a) != "assignment" {
		return unknown, false
	}
	left := syntax.Field(a, "left")
	if e.kind(left) != "identifier" || e.text(left) != name {
		return unknown, false
	}
	return e.eval(syntax.Field(a, "right")), true
}

// withBinding evaluates `with open(p) as name`.
func (e *pyEval) withBinding(st *ts.Node, name string) (val, bool) {
	found, out := false, unknown
	e.p.doc.Walk(st, func(n *ts.Node, k string) bool {
		if found || k == "block" {
			return false
		}
		if k == "as_pattern" {
			if t := syntax.Field(n, "alias"); t != nil && strings.TrimSpace(e.text(t)) == name {
				found, out = true, e.eval(e.p.doc.First(n))
			}
		}
		return true
	})
	return out, found
}

// importBinding evaluates the name an import binds: a package, a local
// module, or a name a local module defines.
func (e *pyEval) importBinding(st *ts.Node, name string) (val, bool) {
	if e.kind(st) == "import_statement" {
		for _, c := range e.p.doc.Named(st) {
			c := c
			mod, local := e.importName(&c)
			if local == name {
				top, _, _ := strings.Cut(mod, ".")
				if e.kind(&c) == "aliased_import" {
					top = mod
				}
				return e.module(top, ""), true
			}
		}
		return unknown, false
	}
	mod := e.text(syntax.Field(st, "module_name"))
	for _, c := range syntax.FieldChildren(st, "name") {
		c := c
		imported, local := e.importName(&c)
		if local == name {
			return e.module(mod, imported), true
		}
	}
	return unknown, false
}

// importName returns the module or name an import names and the local
// name it binds.
func (e *pyEval) importName(n *ts.Node) (string, string) {
	if e.kind(n) == "aliased_import" {
		return e.text(syntax.Field(n, "name")), e.text(syntax.Field(n, "alias"))
	}
	t := e.text(n)
	top, _, _ := strings.Cut(t, ".")
	return t, top
}

// module is the value of module mod, or of name in it: a local module of
// the function's code, or a package.
func (e *pyEval) module(mod, name string) val {
	imp := source.Import{Spec: mod, Name: name}
	if file, ok := source.ResolveImport(e.w.tree, e.p.path, e.fn.CodeDir, imp); ok {
		stem := strings.TrimSuffix(path.Base(file), path.Ext(file))
		if name == "" || stem == name {
			return val{kind: vModule, module: file}
		}
		return e.export(file, name)
	}
	if strings.HasPrefix(mod, ".") {
		return unknown
	}
	if name == "" {
		return val{kind: vExternal, ext: mod}
	}
	return e.member(val{kind: vExternal, ext: mod}, name)
}

// export is a module-level binding of a local module.
func (e *pyEval) export(file, name string) val {
	p := e.w.parse(file)
	if p == nil || p.f.Lang != source.Python {
		return unknown
	}
	m := newPyEval(e.w, e.fn, p, e.depth+1)
	m.cut, m.steps = e.cut, e.steps
	if v, ok := m.blockBinding(p.root, name, 0); ok {
		return v
	}
	return unknown
}
