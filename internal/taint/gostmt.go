package taint

import (
	"strconv"
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/source/syntax"
)

// The Go front-end (best effort): functions, methods, the statements and
// expressions handler code uses. Types are kept as text on parameters, so
// the sources can recognise aws-lambda-go events and *http.Request.

type goLower struct {
	*syn
	mod   *Module
	depth int
}

// lowerGo lowers a Go file.
func lowerGo(f *source.File) *Module {
	m := &Module{Path: f.Path, Lang: f.Lang, Src: f.Source(), Exports: map[string]Expr{}}
	tree := f.Tree()
	if tree == nil {
		return m
	}
	l := &goLower{syn: newSyn(f), mod: m}
	for _, c := range l.Named(tree.RootNode()) {
		m.Body = append(m.Body, l.top(&c)...)
	}
	return m
}

// top lowers a top-level declaration.
func (l *goLower) top(n *ts.Node) []Stmt {
	nd := l.node(n)
	switch l.Kind(n) {
	case "package_clause":
		l.mod.GoPackage = l.Text(l.First(n))
	case "import_declaration":
		return l.imports(n)
	case "function_declaration":
		f := l.function(n)
		return []Stmt{&FuncDecl{Node: nd, Name: f.Name, F: f}}
	case "method_declaration":
		f := l.function(n)
		if r := l.params(syntax.Field(n, "receiver")); len(r) > 0 {
			f.Recv = r[0]
		}
		return []Stmt{&FuncDecl{Node: nd, Name: goMethodPrefix + f.Name, F: f}}
	case "var_declaration", "const_declaration":
		return l.stmt(n)
	}
	return nil
}

func (l *goLower) imports(n *ts.Node) []Stmt {
	var out []Stmt
	var specs []ts.Node
	for _, c := range l.Named(n) {
		if l.Kind(&c) == "import_spec_list" {
			specs = append(specs, l.Named(&c)...)
		} else {
			specs = append(specs, c)
		}
	}
	for _, sp := range specs {
		if l.Kind(&sp) != "import_spec" {
			continue
		}
		p, err := strconv.Unquote(l.Text(syntax.Field(&sp, "path")))
		if err != nil {
			continue
		}
		name := l.Text(syntax.Field(&sp, "name"))
		if name == "" {
			name = p[strings.LastIndex(p, "/")+1:]
			if strings.HasPrefix(name, "v") && len(name) <= 3 && strings.Contains(p, "/") { // module major version
				q := p[:strings.LastIndex(p, "/")]
				name = q[strings.LastIndex(q, "/")+1:]
			}
		}
		if name == "_" || name == "." {
			continue
		}
		out = append(out, &Import{Node: l.node(&sp), Spec: p, Names: []ImportName{{Local: name, Imported: p}}})
	}
	return out
}

func (l *goLower) block(n *ts.Node) []Stmt {
	var out []Stmt
	for _, c := range l.Named(n) {
		if l.Kind(&c) == "statement_list" {
			out = append(out, l.block(&c)...)
			continue
		}
		out = append(out, l.stmt(&c)...)
	}
	return out
}

func (l *goLower) stmt(n *ts.Node) []Stmt {
	if n == nil || !l.spend() || l.depth > maxNest {
		return nil
	}
	l.depth++
	defer func() { l.depth-- }()
	nd := l.node(n)
	switch l.Kind(n) {
	case "expression_statement":
		return []Stmt{&ExprStmt{Node: nd, X: l.expr(l.First(n))}}
	case "short_var_declaration", "assignment_statement":
		op := strings.TrimSpace(l.Text(syntax.Field(n, "operator")))
		if op == "" || op == ":=" {
			op = "="
		}
		return []Stmt{&Assign{Node: nd, Target: l.targets(syntax.Field(n, "left")), Op: op, Value: l.values(syntax.Field(n, "right")), Decl: l.Kind(n) == "short_var_declaration"}}
	case "var_declaration", "const_declaration":
		var out []Stmt
		for _, sp := range l.specs(n) {
			var names []Pattern
			for _, id := range syntax.FieldChildren(&sp, "name") {
				names = append(names, &PIdent{Node: l.node(&id), Name: l.Text(&id)})
			}
			var val Expr
			if v := syntax.Field(&sp, "value"); v != nil {
				val = l.values(v)
			}
			var target Pattern = &PArray{Node: l.node(&sp), Elems: names}
			if len(names) == 1 {
				target = names[0]
			}
			out = append(out, &Assign{Node: l.node(&sp), Target: target, Op: "=", Value: val, Decl: true})
		}
		return out
	case "return_statement":
		if e := l.First(n); e != nil {
			return []Stmt{&Return{Node: nd, X: l.values(e)}}
		}
		return []Stmt{&Return{Node: nd}}
	case "if_statement":
		var out []Stmt
		if init := syntax.Field(n, "initializer"); init != nil {
			out = l.stmt(init)
		}
		s := &If{Node: nd, Cond: l.expr(syntax.Field(n, "condition")), Then: l.block(syntax.Field(n, "consequence"))}
		if alt := syntax.Field(n, "alternative"); alt != nil {
			if l.Kind(alt) == "block" {
				s.Else = l.block(alt)
			} else {
				s.Else = l.stmt(alt)
			}
		}
		return append(out, s)
	case "for_statement":
		return []Stmt{l.forStmt(n)}
	case "expression_switch_statement", "type_switch_statement", "select_statement":
		return []Stmt{l.switchStmt(n)}
	case "block":
		return []Stmt{&Block{Node: nd, Body: l.block(n)}}
	case "go_statement", "defer_statement":
		return []Stmt{&ExprStmt{Node: nd, X: l.expr(l.First(n))}}
	case "inc_statement", "dec_statement", "send_statement":
		return []Stmt{&ExprStmt{Node: nd, X: l.expr(l.First(n))}}
	case "break_statement":
		return []Stmt{&Jump{Node: nd}}
	case "continue_statement":
		return []Stmt{&Jump{Node: nd, Continue: true}}
	case "labeled_statement":
		kids := l.Named(n)
		if len(kids) > 1 {
			return l.stmt(&kids[1])
		}
	}
	return nil
}

// specs returns the var/const specs of a declaration.
func (l *goLower) specs(n *ts.Node) []ts.Node {
	var out []ts.Node
	for _, c := range l.Named(n) {
		switch l.Kind(&c) {
		case "var_spec", "const_spec":
			out = append(out, c)
		case "var_spec_list", "const_spec_list":
			out = append(out, l.Named(&c)...)
		}
	}
	return out
}

// targets lowers the left side of := or =.
func (l *goLower) targets(n *ts.Node) Pattern {
	kids := l.Named(n)
	if len(kids) == 1 {
		return l.pattern(&kids[0])
	}
	p := &PArray{Node: l.node(n)}
	for _, k := range kids {
		p.Elems = append(p.Elems, l.pattern(&k))
	}
	return p
}

// values lowers an expression list: one value, or a tuple.
func (l *goLower) values(n *ts.Node) Expr {
	if l.Kind(n) != "expression_list" {
		return l.expr(n)
	}
	kids := l.Named(n)
	if len(kids) == 1 {
		return l.expr(&kids[0])
	}
	a := &Array{Node: l.node(n)}
	for _, k := range kids {
		a.Elems = append(a.Elems, l.expr(&k))
	}
	return a
}

func (l *goLower) pattern(n *ts.Node) Pattern {
	switch l.Kind(n) {
	case "identifier":
		return &PIdent{Node: l.node(n), Name: l.Text(n)}
	}
	return &PExpr{Node: l.node(n), X: l.expr(n)}
}

func (l *goLower) forStmt(n *ts.Node) Stmt {
	nd := l.node(n)
	body := l.block(syntax.Field(n, "body"))
	for _, c := range l.Named(n) {
		switch l.Kind(&c) {
		case "range_clause":
			var target Pattern
			if left := syntax.Field(&c, "left"); left != nil {
				kids := l.Named(left)
				if len(kids) > 1 { // for i, v := range xs: v is the element
					target = &PArray{Elems: []Pattern{nil, l.pattern(&kids[1])}}
					return &ForEach{Node: nd, Target: l.pattern(&kids[1]), Iter: l.expr(syntax.Field(&c, "right")), Body: body}
				}
				if len(kids) == 1 {
					target = l.pattern(&kids[0])
					return &ForEach{Node: nd, Target: target, Iter: l.expr(syntax.Field(&c, "right")), Keys: true, Body: body}
				}
			}
			return &ForEach{Node: nd, Target: target, Iter: l.expr(syntax.Field(&c, "right")), Body: body}
		case "for_clause":
			s := &Loop{Node: nd, Body: body, Cond: l.expr(syntax.Field(&c, "condition"))}
			s.Init = l.stmt(syntax.Field(&c, "initializer"))
			s.Post = l.stmt(syntax.Field(&c, "update"))
			return s
		}
	}
	return &Loop{Node: nd, Body: body}
}

func (l *goLower) switchStmt(n *ts.Node) Stmt {
	s := &Switch{Node: l.node(n), Tag: l.expr(syntax.Field(n, "value"))}
	for _, c := range l.Named(n) {
		switch l.Kind(&c) {
		case "expression_case", "default_case", "type_case", "communication_case":
			var cs Case
			if v := syntax.Field(&c, "value"); v != nil && l.Kind(&c) == "expression_case" {
				for _, e := range l.Named(v) {
					cs.Tests = append(cs.Tests, l.expr(&e))
				}
			}
			for _, st := range l.Named(&c) {
				if v := syntax.Field(&c, "value"); v != nil && st.Id() == v.Id() {
					continue
				}
				if l.Kind(&st) == "statement_list" {
					cs.Body = append(cs.Body, l.block(&st)...)
				} else {
					cs.Body = append(cs.Body, l.stmt(&st)...)
				}
			}
			s.Cases = append(s.Cases, cs)
		}
	}
	return s
}

// function lowers a function or method declaration or literal.
func (l *goLower) function(n *ts.Node) *Func {
	return &Func{Node: l.node(n), Mod: l.mod, Name: l.Text(syntax.Field(n, "name")), Params: l.params(syntax.Field(n, "parameters")), Body: l.block(syntax.Field(n, "body"))}
}

func (l *goLower) params(n *ts.Node) []*Param {
	var out []*Param
	for _, c := range l.Named(n) {
		typ := l.Text(syntax.Field(&c, "type"))
		names := syntax.FieldChildren(&c, "name")
		if len(names) == 0 {
			out = append(out, &Param{Node: l.node(&c), Pat: &PIdent{Node: l.node(&c), Name: "_"}, Type: typ})
			continue
		}
		for _, id := range names {
			out = append(out, &Param{Node: l.node(&id), Pat: &PIdent{Node: l.node(&id), Name: l.Text(&id)}, Type: typ, Rest: l.Kind(&c) == "variadic_parameter_declaration"})
		}
	}
	return out
}
