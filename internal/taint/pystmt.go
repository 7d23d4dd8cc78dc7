package taint

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/source/syntax"
)

// The Python front-end: statements.

type pyLower struct {
	*syn
	mod   *Module
	depth int
}

// lowerPy lowers a Python file.
func lowerPy(f *source.File) *Module {
	m := &Module{Path: f.Path, Lang: f.Lang, Src: f.Source(), Exports: map[string]Expr{}}
	tree := f.Tree()
	if tree == nil {
		return m
	}
	l := &pyLower{syn: newSyn(f), mod: m}
	m.Body = l.block(tree.RootNode())
	return m
}

func (l *pyLower) block(n *ts.Node) []Stmt {
	var out []Stmt
	for _, c := range l.Named(n) {
		out = append(out, l.stmt(&c)...)
	}
	return out
}

func (l *pyLower) stmt(n *ts.Node) []Stmt {
	if n == nil || !l.spend() || l.depth > maxNest {
		return nil
	}
	l.depth++
	defer func() { l.depth-- }()
	nd := l.node(n)
	switch l.Kind(n) {
	case "expression_statement":
		var out []Stmt
		for _, c := range l.Named(n) {
			out = append(out, l.exprStmt(&c, nd)...)
		}
		return out
	case "return_statement":
		return []Stmt{&Return{Node: nd, X: l.exprOrTuple(n)}}
	case "raise_statement":
		return []Stmt{&Throw{Node: nd, X: l.expr(l.First(n))}}
	case "if_statement":
		return []Stmt{l.ifStmt(n)}
	case "for_statement":
		return []Stmt{&ForEach{Node: nd, Target: l.pattern(syntax.Field(n, "left")), Iter: l.expr(syntax.Field(n, "right")), Body: l.block(syntax.Field(n, "body"))}}
	case "while_statement":
		return []Stmt{&Loop{Node: nd, Cond: l.expr(syntax.Field(n, "condition")), Body: l.block(syntax.Field(n, "body"))}}
	case "try_statement":
		return []Stmt{l.tryStmt(n)}
	case "with_statement":
		return l.with(n)
	case "function_definition":
		f := l.function(n)
		return []Stmt{&FuncDecl{Node: nd, Name: f.Name, F: f}}
	case "decorated_definition":
		return l.stmt(syntax.Field(n, "definition"))
	case "class_definition":
		return []Stmt{&ClassDecl{Node: nd, Class: l.class(n)}}
	case "import_statement":
		return l.importStmt(n)
	case "import_from_statement":
		return l.fromImport(n)
	case "break_statement":
		return []Stmt{&Jump{Node: nd}}
	case "continue_statement":
		return []Stmt{&Jump{Node: nd, Continue: true}}
	case "assert_statement":
		return []Stmt{&Assert{Node: nd, Cond: l.expr(l.First(n))}}
	case "match_statement":
		return []Stmt{l.match(n)}
	case "block":
		return l.block(n)
	}
	return nil
}

// exprStmt lowers one expression of an expression statement.
func (l *pyLower) exprStmt(e *ts.Node, nd Node) []Stmt {
	switch l.Kind(e) {
	case "assignment":
		return l.assignment(e, nd)
	case "augmented_assignment":
		op := strings.TrimSpace(l.Text(syntax.Field(e, "operator")))
		return []Stmt{&Assign{Node: nd, Target: l.pattern(syntax.Field(e, "left")), Op: op, Value: l.expr(syntax.Field(e, "right"))}}
	}
	return []Stmt{&ExprStmt{Node: nd, X: l.expr(e)}}
}

// assignment lowers a = b = value and annotated assignments.
func (l *pyLower) assignment(e *ts.Node, nd Node) []Stmt {
	var targets []*ts.Node
	for range maxNest {
		if l.Kind(e) != "assignment" {
			break
		}
		targets = append(targets, syntax.Field(e, "left"))
		r := syntax.Field(e, "right")
		if r == nil {
			return nil // a bare annotation
		}
		e = r
	}
	val := l.exprOrList(e)
	var out []Stmt
	for i := len(targets) - 1; i >= 0; i-- {
		out = append(out, &Assign{Node: nd, Target: l.pattern(targets[i]), Op: "=", Value: val, Decl: true})
	}
	return out
}

// exprOrList lowers an expression; an expression_list is a tuple.
func (l *pyLower) exprOrList(e *ts.Node) Expr {
	if l.Kind(e) == "expression_list" {
		a := &Array{Node: l.node(e)}
		for _, c := range l.Named(e) {
			a.Elems = append(a.Elems, l.expr(&c))
		}
		return a
	}
	return l.expr(e)
}

// exprOrTuple lowers `return a, b` and `return x`.
func (l *pyLower) exprOrTuple(n *ts.Node) Expr {
	kids := l.Named(n)
	if len(kids) == 0 {
		return nil
	}
	return l.exprOrList(&kids[0])
}

func (l *pyLower) ifStmt(n *ts.Node) Stmt {
	s := &If{Node: l.node(n), Cond: l.expr(syntax.Field(n, "condition")), Then: l.block(syntax.Field(n, "consequence"))}
	cur := s
	for _, alt := range syntax.FieldChildren(n, "alternative") {
		switch l.Kind(&alt) {
		case "elif_clause":
			next := &If{Node: l.node(&alt), Cond: l.expr(syntax.Field(&alt, "condition")), Then: l.block(syntax.Field(&alt, "consequence"))}
			cur.Else = []Stmt{next}
			cur = next
		case "else_clause":
			cur.Else = l.block(syntax.Field(&alt, "body"))
		}
	}
	return s
}

func (l *pyLower) tryStmt(n *ts.Node) Stmt {
	s := &Try{Node: l.node(n), Body: l.block(syntax.Field(n, "body"))}
	for _, c := range l.Named(n) {
		switch l.Kind(&c) {
		case "except_clause", "except_group_clause":
			for _, k := range l.Named(&c) {
				switch l.Kind(&k) {
				case "block":
					s.Catch = append(s.Catch, l.block(&k)...)
				case "as_pattern":
					if a := syntax.Field(&k, "alias"); a != nil {
						s.Param = l.pattern(l.First(a))
					}
				}
			}
			if s.Param == nil {
				s.Param = &PIdent{Node: l.node(&c), Name: "_exc"}
			}
		case "else_clause":
			s.Body = append(s.Body, l.block(syntax.Field(&c, "body"))...)
		case "finally_clause":
			s.Finally = l.block(l.First(&c))
		}
	}
	return s
}

// with lowers `with open(x) as f: body` into the bindings then the body.
func (l *pyLower) with(n *ts.Node) []Stmt {
	var out []Stmt
	for _, c := range l.Named(n) {
		if l.Kind(&c) != "with_clause" {
			continue
		}
		for _, item := range l.Named(&c) {
			v := syntax.Field(&item, "value")
			nd := l.node(&item)
			if l.Kind(v) == "as_pattern" {
				target := syntax.Field(v, "alias")
				out = append(out, &Assign{Node: nd, Target: l.pattern(l.First(target)), Op: "=", Value: l.expr(l.First(v)), Decl: true})
				continue
			}
			out = append(out, &ExprStmt{Node: nd, X: l.expr(v)})
		}
	}
	return append(out, l.block(syntax.Field(n, "body"))...)
}

func (l *pyLower) match(n *ts.Node) Stmt {
	s := &Switch{Node: l.node(n), Tag: l.expr(syntax.Field(n, "subject"))}
	for _, c := range l.Named(syntax.Field(n, "body")) {
		if l.Kind(&c) != "case_clause" {
			continue
		}
		var cs Case
		for _, k := range l.Named(&c) {
			if l.Kind(&k) == "case_pattern" {
				if lit := l.First(&k); lit != nil && l.Kind(lit) == "string" {
					cs.Tests = append(cs.Tests, l.expr(lit))
				}
			}
		}
		cs.Body = l.block(syntax.Field(&c, "consequence"))
		s.Cases = append(s.Cases, cs)
	}
	return s
}

// importStmt lowers `import a.b`, `import a.b as c`.
func (l *pyLower) importStmt(n *ts.Node) []Stmt {
	var out []Stmt
	for _, name := range syntax.FieldChildren(n, "name") {
		nd := l.node(&name)
		mod, local := "", ""
		switch l.Kind(&name) {
		case "aliased_import":
			mod = l.dotted(syntax.Field(&name, "name"))
			local = l.Text(syntax.Field(&name, "alias"))
		default:
			mod = l.dotted(&name)
			local, _, _ = strings.Cut(mod, ".")
			out = append(out, &Import{Node: nd, Spec: local, Names: []ImportName{{Local: local, Imported: local}}})
			continue
		}
		out = append(out, &Import{Node: nd, Spec: mod, Names: []ImportName{{Local: local, Imported: mod}}})
	}
	return out
}

// fromImport lowers `from m import a as b, c` (one Import per name, for
// submodule resolution).
func (l *pyLower) fromImport(n *ts.Node) []Stmt {
	mod := l.dotted(syntax.Field(n, "module_name"))
	var out []Stmt
	for _, name := range syntax.FieldChildren(n, "name") {
		imported, local := "", ""
		switch l.Kind(&name) {
		case "aliased_import":
			imported = l.dotted(syntax.Field(&name, "name"))
			local = l.Text(syntax.Field(&name, "alias"))
		default:
			imported = l.dotted(&name)
			local = imported
		}
		out = append(out, &Import{Node: l.node(&name), Spec: mod, PyName: imported, Names: []ImportName{{Local: local, Imported: imported}}})
	}
	return out
}

func (l *pyLower) dotted(n *ts.Node) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(l.Text(n), "\\", " ")), "")
}

// function lowers def and lambda.
func (l *pyLower) function(n *ts.Node) *Func {
	f := &Func{Node: l.node(n), Mod: l.mod, Name: l.Text(syntax.Field(n, "name"))}
	l.mod.Funcs = append(l.mod.Funcs, f)
	f.Params = l.params(syntax.Field(n, "parameters"))
	body := syntax.Field(n, "body")
	if l.Kind(n) == "lambda" {
		f.Body = []Stmt{&Return{Node: l.node(body), X: l.expr(body)}}
		return f
	}
	if body != nil {
		b, depth := *body, l.depth
		f.lazy = func() []Stmt {
			if l.file.Tree() == nil { // the tree was freed: nothing to lower
				return nil
			}
			saved := l.depth
			l.depth = depth
			defer func() { l.depth = saved }()
			return l.block(&b)
		}
	}
	return f
}

func (l *pyLower) params(n *ts.Node) []*Param {
	var out []*Param
	for _, c := range l.Named(n) {
		p := &Param{Node: l.node(&c)}
		switch l.Kind(&c) {
		case "identifier":
			p.Pat = &PIdent{Node: l.node(&c), Name: l.Text(&c)}
		case "typed_parameter":
			id := l.First(&c)
			if l.Kind(id) == "list_splat_pattern" {
				p.Rest = true
				id = l.First(id)
			} else if l.Kind(id) == "dictionary_splat_pattern" {
				p.KwRest = true
				id = l.First(id)
			}
			p.Pat = &PIdent{Node: l.node(id), Name: l.Text(id)}
			p.Type = l.Text(syntax.Field(&c, "type"))
		case "default_parameter", "typed_default_parameter":
			name := syntax.Field(&c, "name")
			p.Pat = &PIdent{Node: l.node(name), Name: l.Text(name)}
			p.Default = l.expr(syntax.Field(&c, "value"))
			p.Type = l.Text(syntax.Field(&c, "type"))
		case "list_splat_pattern":
			p.Rest = true
			p.Pat = &PIdent{Node: l.node(&c), Name: l.Text(l.First(&c))}
		case "dictionary_splat_pattern":
			p.KwRest = true
			p.Pat = &PIdent{Node: l.node(&c), Name: l.Text(l.First(&c))}
		default:
			continue
		}
		out = append(out, p)
	}
	return out
}

func (l *pyLower) class(n *ts.Node) *ClassLit {
	c := &ClassLit{Node: l.node(n), Name: l.Text(syntax.Field(n, "name")), Methods: map[string]*Func{}, Static: map[string]Expr{}}
	if sup := syntax.Field(n, "superclasses"); sup != nil {
		if s := l.First(sup); s != nil {
			c.Super = l.expr(s)
		}
	}
	for _, st := range l.Named(syntax.Field(n, "body")) {
		def := &st
		if l.Kind(def) == "decorated_definition" {
			def = syntax.Field(def, "definition")
		}
		if l.Kind(def) == "function_definition" {
			f := l.function(def)
			c.Methods[f.Name] = f
		}
	}
	return c
}
