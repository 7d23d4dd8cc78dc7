package calls

import (
	"path"
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/source/syntax"
)

// jsEval evaluates the expressions of one JavaScript/TypeScript file for
// one function (whose environment gives process.env its values).
type jsEval struct {
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

func newJSEval(w *world, fn *model.Function, p *parsed, depth int) *jsEval {
	return &jsEval{w: w, fn: fn, p: p, depth: depth, busy: map[uintptr]bool{}, memo: map[uintptr]memoVal{}, cut: new(int), steps: new(int)}
}

func (e *jsEval) kind(n *ts.Node) string { return e.p.doc.Kind(n) }
func (e *jsEval) text(n *ts.Node) string { return e.p.doc.Text(n) }

// scopeKinds hold declarations visible to the code below them.
var scopeKinds = map[string]bool{
	"program": true, "statement_block": true, "switch_case": true, "class_body": true, "switch_default": true,
}

// functionKinds have parameters.
var functionKinds = map[string]bool{
	"function_declaration": true, "function_expression": true, "arrow_function": true, "function": true,
	"method_definition": true, "generator_function": true, "generator_function_declaration": true,
}

// lookup finds the binding of the identifier id by walking its enclosing
// scopes outwards, and evaluates it.
func (e *jsEval) lookup(id *ts.Node) val {
	name := e.text(id)
	for a := id.Parent(); a != nil; a = a.Parent() {
		k := e.kind(a)
		if functionKinds[k] && e.isParam(a, name) {
			return unknown
		}
		if k == "catch_clause" && strings.Contains(e.text(syntax.Field(a, "parameter")), name) {
			return unknown
		}
		if !scopeKinds[k] {
			continue
		}
		if v, ok := e.scopeBinding(a, name); ok {
			return v
		}
	}
	return e.global(name)
}

// global is the value of an identifier no scope declares.
func (e *jsEval) global(name string) val {
	switch name {
	case "process", "fetch", "JSON", "URL", "URLSearchParams", "Headers", "encodeURIComponent", "encodeURI", "String":
		return val{kind: vExternal, ext: name}
	case "__dirname":
		return strVal(lit(path.Dir(e.p.path)))
	}
	return unknown
}

// isParam reports whether a function declares name as a parameter.
func (e *jsEval) isParam(fn *ts.Node, name string) bool {
	if p := syntax.Field(fn, "parameter"); p != nil {
		return e.text(p) == name
	}
	found := false
	e.p.doc.Walk(syntax.Field(fn, "parameters"), func(n *ts.Node, k string) bool {
		if k == "identifier" || k == "shorthand_property_identifier_pattern" {
			if e.text(n) == name {
				found = true
			}
		}
		return !found && k != "object" && k != "arrow_function"
	})
	return found
}

// scopeBinding looks for a declaration of name directly in a scope.
func (e *jsEval) scopeBinding(scope *ts.Node, name string) (val, bool) {
	st, ok := e.p.scope(scope, e.collect)[name]
	if !ok {
		return unknown, false
	}
	return e.statementBinding(&st, name)
}

// collect lists the names the statements of a scope declare.
func (e *jsEval) collect(scope *ts.Node, add func(string, ts.Node)) {
	for _, st := range e.p.doc.Named(scope) {
		d := st
		if e.kind(&d) == "export_statement" {
			if x := syntax.Field(&d, "declaration"); x != nil {
				d = *x
			}
		}
		switch e.kind(&d) {
		case "lexical_declaration", "variable_declaration":
			for _, decl := range e.p.doc.Named(&d) {
				if e.kind(&decl) == "variable_declarator" {
					for _, name := range e.patternNames(syntax.Field(&decl, "name")) {
						add(name, st)
					}
				}
			}
		case "import_statement":
			for _, name := range e.importNames(&d) {
				add(name, st)
			}
		case "function_declaration", "class_declaration", "generator_function_declaration":
			add(e.text(syntax.Field(&d, "name")), st)
		}
	}
}

// importNames lists the local names an import statement binds.
func (e *jsEval) importNames(st *ts.Node) []string {
	var out []string
	for _, c := range e.p.doc.Named(st) {
		if e.kind(&c) != "import_clause" {
			continue
		}
		for _, b := range e.p.doc.Named(&c) {
			switch e.kind(&b) {
			case "identifier":
				out = append(out, e.text(&b))
			case "namespace_import":
				if id := e.p.doc.First(&b); id != nil {
					out = append(out, e.text(id))
				}
			case "named_imports":
				for _, s := range e.p.doc.Named(&b) {
					local := syntax.Field(&s, "alias")
					if local == nil {
						local = syntax.Field(&s, "name")
					}
					out = append(out, e.text(local))
				}
			}
		}
	}
	return out
}

// patternNames lists the names a declaration target binds.
func (e *jsEval) patternNames(n *ts.Node) []string {
	switch e.kind(n) {
	case "identifier":
		return []string{e.text(n)}
	case "object_pattern":
		var out []string
		for _, p := range e.p.doc.Named(n) {
			switch e.kind(&p) {
			case "shorthand_property_identifier_pattern":
				out = append(out, e.text(&p))
			case "pair_pattern":
				out = append(out, e.text(syntax.Field(&p, "value")))
			case "object_assignment_pattern":
				out = append(out, e.text(syntax.Field(&p, "left")))
			}
		}
		return out
	}
	return nil
}

// statementBinding evaluates the binding of name one statement makes.
func (e *jsEval) statementBinding(st *ts.Node, name string) (val, bool) {
	k := e.kind(st)
	if k == "export_statement" {
		if d := syntax.Field(st, "declaration"); d != nil {
			st, k = d, e.kind(d)
		}
	}
	switch k {
	case "lexical_declaration", "variable_declaration":
		for _, d := range e.p.doc.Named(st) {
			if e.kind(&d) != "variable_declarator" {
				continue
			}
			if v, ok := e.declarator(&d, name); ok {
				return v, true
			}
		}
	case "import_statement":
		return e.importBinding(st, name)
	case "function_declaration", "class_declaration", "generator_function_declaration":
		return unknown, true
	}
	return unknown, false
}

// declarator evaluates `name = value` or a destructuring of value that
// binds name.
func (e *jsEval) declarator(d *ts.Node, name string) (val, bool) {
	target := syntax.Field(d, "name")
	value := syntax.Field(d, "value")
	switch e.kind(target) {
	case "identifier":
		if e.text(target) != name {
			return unknown, false
		}
		if value == nil {
			return unknown, true
		}
		return e.eval(value), true
	case "object_pattern":
		for _, p := range e.p.doc.Named(target) {
			switch e.kind(&p) {
			case "shorthand_property_identifier_pattern":
				if e.text(&p) == name {
					return e.member(e.eval(value), name), true
				}
			case "pair_pattern":
				if e.text(syntax.Field(&p, "value")) == name {
					return e.member(e.eval(value), e.p.doc.JSStringOrText(syntax.Field(&p, "key"))), true
				}
			case "object_assignment_pattern":
				if e.text(syntax.Field(&p, "left")) == name {
					v := e.member(e.eval(value), name)
					if v.kind == vStr {
						v.strs = union(v.strs, e.strs(e.eval(syntax.Field(&p, "right"))))
					}
					return v, true
				}
			}
		}
	}
	return unknown, false
}

// importBinding evaluates the name an import statement binds.
func (e *jsEval) importBinding(st *ts.Node, name string) (val, bool) {
	spec, ok := e.p.doc.JSString(syntax.Field(st, "source"))
	if !ok {
		return unknown, false
	}
	for _, c := range e.p.doc.Named(st) {
		if e.kind(&c) != "import_clause" {
			continue
		}
		for _, b := range e.p.doc.Named(&c) {
			switch e.kind(&b) {
			case "identifier":
				if e.text(&b) == name {
					return e.member(e.require(spec), "default"), true
				}
			case "namespace_import":
				if strings.HasSuffix(e.text(&b), " "+name) {
					return e.require(spec), true
				}
			case "named_imports":
				for _, s := range e.p.doc.Named(&b) {
					local := syntax.Field(&s, "alias")
					if local == nil {
						local = syntax.Field(&s, "name")
					}
					if e.text(local) == name {
						return e.member(e.require(spec), e.p.doc.JSStringOrText(syntax.Field(&s, "name"))), true
					}
				}
			}
		}
	}
	return unknown, false
}

// require is the value of require(spec) / import from spec: a config file,
// a local module, or a package.
func (e *jsEval) require(spec string) val {
	if !strings.HasPrefix(spec, ".") && !strings.HasPrefix(spec, "/") {
		return val{kind: vExternal, ext: strings.TrimPrefix(spec, "node:")}
	}
	file, ok := source.ResolveImport(e.w.tree, e.p.path, e.fn.CodeDir, source.Import{Spec: spec})
	if !ok {
		return unknown
	}
	if isConfigFile(file) {
		return e.w.configVal(file)
	}
	return val{kind: vModule, module: file}
}
