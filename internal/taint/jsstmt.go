package taint

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/source/syntax"
)

// The JavaScript and TypeScript front-end: statements. TypeScript type
// annotations, interfaces, type aliases and declarations are dropped; the
// wrappers around expressions (as, satisfies, !, <T>) are looked through.

type jsLower struct {
	*syn
	mod   *Module
	depth int
}

// lowerJS lowers a JavaScript/TypeScript file.
func lowerJS(f *source.File) *Module {
	m := &Module{Path: f.Path, Lang: f.Lang, Src: f.Source(), Exports: map[string]Expr{}}
	tree := f.Tree()
	if tree == nil {
		return m
	}
	l := &jsLower{syn: newSyn(f), mod: m}
	m.Body = l.stmts(tree.RootNode())
	return m
}

// stmts lowers the statements that are children of n.
func (l *jsLower) stmts(n *ts.Node) []Stmt {
	var out []Stmt
	for _, c := range l.Named(n) {
		out = append(out, l.stmt(&c)...)
	}
	return out
}

// body lowers a statement used as a body (a block or a single statement).
func (l *jsLower) body(n *ts.Node) []Stmt {
	if n == nil {
		return nil
	}
	if l.Kind(n) == "statement_block" {
		return l.stmts(n)
	}
	return l.stmt(n)
}

// stmt lowers one statement into zero or more IR statements.
func (l *jsLower) stmt(n *ts.Node) []Stmt {
	if n == nil || !l.spend() || l.depth > maxNest {
		return nil
	}
	l.depth++
	defer func() { l.depth-- }()
	nd := l.node(n)
	switch l.Kind(n) {
	case "expression_statement":
		return l.exprStmt(n)
	case "lexical_declaration", "variable_declaration":
		return l.declaration(n)
	case "function_declaration", "generator_function_declaration":
		f := l.function(n)
		return []Stmt{&FuncDecl{Node: nd, Name: f.Name, F: f}}
	case "class_declaration", "abstract_class_declaration":
		return []Stmt{&ClassDecl{Node: nd, Class: l.class(n)}}
	case "return_statement":
		return []Stmt{&Return{Node: nd, X: l.expr(l.First(n))}}
	case "throw_statement":
		return []Stmt{&Throw{Node: nd, X: l.expr(l.First(n))}}
	case "if_statement":
		return []Stmt{l.ifStmt(n)}
	case "for_in_statement":
		return []Stmt{l.forIn(n)}
	case "for_statement":
		return []Stmt{l.forStmt(n)}
	case "while_statement":
		return []Stmt{&Loop{Node: nd, Cond: l.expr(syntax.Field(n, "condition")), Body: l.body(syntax.Field(n, "body"))}}
	case "do_statement":
		return []Stmt{&Loop{Node: nd, Cond: l.expr(syntax.Field(n, "condition")), Body: l.body(syntax.Field(n, "body"))}}
	case "try_statement":
		return []Stmt{l.tryStmt(n)}
	case "switch_statement":
		return []Stmt{l.switchStmt(n)}
	case "statement_block":
		return []Stmt{&Block{Node: nd, Body: l.stmts(n)}}
	case "break_statement":
		return []Stmt{&Jump{Node: nd}}
	case "continue_statement":
		return []Stmt{&Jump{Node: nd, Continue: true}}
	case "labeled_statement":
		return l.body(syntax.Field(n, "body"))
	case "import_statement":
		return l.importStmt(n)
	case "export_statement":
		return l.exportStmt(n)
	}
	return nil
}

// exprStmt lowers an expression statement; assignments become Assign.
func (l *jsLower) exprStmt(n *ts.Node) []Stmt {
	e := l.First(n)
	nd := l.node(n)
	switch l.Kind(e) {
	case "assignment_expression":
		return l.assignChain(e, nd)
	case "augmented_assignment_expression":
		return []Stmt{&Assign{Node: nd, Target: l.pattern(syntax.Field(e, "left")), Op: l.Text(syntax.Field(e, "operator")), Value: l.expr(syntax.Field(e, "right"))}}
	case "sequence_expression":
		var out []Stmt
		for _, c := range l.Named(e) {
			out = append(out, l.exprStmt2(&c)...)
		}
		return out
	}
	return []Stmt{&ExprStmt{Node: nd, X: l.expr(e)}}
}

// exprStmt2 lowers one operand of a comma expression statement.
func (l *jsLower) exprStmt2(e *ts.Node) []Stmt {
	nd := l.node(e)
	if l.Kind(e) == "assignment_expression" {
		return l.assignChain(e, nd)
	}
	return []Stmt{&ExprStmt{Node: nd, X: l.expr(e)}}
}

// assignChain lowers a = b = c into c's value assigned to each target,
// innermost first.
func (l *jsLower) assignChain(e *ts.Node, nd Node) []Stmt {
	var targets []*ts.Node
	for range maxNest {
		if l.Kind(e) != "assignment_expression" {
			break
		}
		targets = append(targets, syntax.Field(e, "left"))
		e = syntax.Field(e, "right")
	}
	val := l.expr(e)
	if len(targets) > 0 {
		nameFunc(val, lastName(l.Text(targets[0])))
	}
	var out []Stmt
	for i := len(targets) - 1; i >= 0; i-- {
		out = append(out, &Assign{Node: nd, Target: l.pattern(targets[i]), Op: "=", Value: val})
	}
	return out
}

// declaration lowers const/let/var declarators.
func (l *jsLower) declaration(n *ts.Node) []Stmt {
	var out []Stmt
	for _, d := range l.Named(n) {
		if l.Kind(&d) != "variable_declarator" {
			continue
		}
		var val Expr
		if v := syntax.Field(&d, "value"); v != nil {
			val = l.expr(v)
			nameFunc(val, l.Text(syntax.Field(&d, "name")))
		}
		out = append(out, &Assign{Node: l.node(&d), Target: l.pattern(syntax.Field(&d, "name")), Op: "=", Value: val, Decl: true})
	}
	return out
}

func (l *jsLower) ifStmt(n *ts.Node) Stmt {
	s := &If{Node: l.node(n), Cond: l.expr(syntax.Field(n, "condition")), Then: l.body(syntax.Field(n, "consequence"))}
	if alt := syntax.Field(n, "alternative"); alt != nil {
		if l.Kind(alt) == "else_clause" {
			s.Else = l.body(l.First(alt))
		} else {
			s.Else = l.body(alt)
		}
	}
	return s
}

// forIn lowers for…of (elements) and for…in (keys).
func (l *jsLower) forIn(n *ts.Node) Stmt {
	keys := false
	for _, c := range syntax.Children(n) {
		if !c.IsNamed() && l.Kind(&c) == "in" {
			keys = true
		}
	}
	return &ForEach{Node: l.node(n), Target: l.pattern(syntax.Field(n, "left")), Iter: l.expr(syntax.Field(n, "right")), Keys: keys, Body: l.body(syntax.Field(n, "body"))}
}

func (l *jsLower) forStmt(n *ts.Node) Stmt {
	s := &Loop{Node: l.node(n), Body: l.body(syntax.Field(n, "body"))}
	if init := syntax.Field(n, "initializer"); init != nil {
		s.Init = l.stmt(init)
	}
	if c := syntax.Field(n, "condition"); c != nil {
		if l.Kind(c) == "expression_statement" {
			c = l.First(c)
		}
		s.Cond = l.expr(c)
	}
	if inc := syntax.Field(n, "increment"); inc != nil {
		s.Post = l.exprStmt2(inc)
	}
	return s
}

func (l *jsLower) tryStmt(n *ts.Node) Stmt {
	s := &Try{Node: l.node(n), Body: l.body(syntax.Field(n, "body"))}
	if h := syntax.Field(n, "handler"); h != nil {
		if p := syntax.Field(h, "parameter"); p != nil {
			s.Param = l.pattern(p)
		}
		s.Catch = l.body(syntax.Field(h, "body"))
	}
	if fin := syntax.Field(n, "finalizer"); fin != nil {
		s.Finally = l.body(syntax.Field(fin, "body"))
	}
	return s
}

func (l *jsLower) switchStmt(n *ts.Node) Stmt {
	s := &Switch{Node: l.node(n), Tag: l.expr(syntax.Field(n, "value"))}
	for _, c := range l.Named(syntax.Field(n, "body")) {
		var cs Case
		if v := syntax.Field(&c, "value"); v != nil {
			cs.Tests = []Expr{l.expr(v)}
		}
		for _, st := range l.Named(&c) {
			if v := syntax.Field(&c, "value"); v != nil && st.Id() == v.Id() {
				continue
			}
			cs.Body = append(cs.Body, l.stmt(&st)...)
		}
		s.Cases = append(s.Cases, cs)
	}
	return s
}

// importStmt lowers import d, * as ns, {a as b} from "m" (type-only
// imports load nothing and are dropped).
func (l *jsLower) importStmt(n *ts.Node) []Stmt {
	if l.HasToken(n, "type") {
		return nil
	}
	imp := &Import{Node: l.node(n)}
	if s, ok := l.JSStringUnescaped(syntax.Field(n, "source")); ok {
		imp.Spec = s
	}
	for _, c := range l.Named(n) {
		switch l.Kind(&c) {
		case "import_clause":
			imp.Names = l.importClause(&c)
		case "import_require_clause": // TS: import x = require("m")
			s, _ := l.JSStringUnescaped(syntax.Field(&c, "source"))
			imp.Spec = s
			imp.Names = []ImportName{{Local: l.Text(l.First(&c)), Imported: "*"}}
		}
	}
	if imp.Spec == "" {
		return nil
	}
	return []Stmt{imp}
}

func (l *jsLower) importClause(c *ts.Node) []ImportName {
	var out []ImportName
	for _, k := range l.Named(c) {
		switch l.Kind(&k) {
		case "identifier":
			out = append(out, ImportName{Local: l.Text(&k), Imported: "default"})
		case "namespace_import":
			out = append(out, ImportName{Local: l.Text(l.First(&k)), Imported: "*"})
		case "named_imports":
			for _, sp := range l.Named(&k) {
				if l.Kind(&sp) != "import_specifier" || l.HasToken(&sp, "type") {
					continue
				}
				name := l.JSStringUnescapedOrText(syntax.Field(&sp, "name"))
				local := name
				if a := syntax.Field(&sp, "alias"); a != nil {
					local = l.Text(a)
				}
				out = append(out, ImportName{Local: local, Imported: name})
			}
		}
	}
	return out
}

// exportStmt lowers ES exports: the declaration runs, the names are
// recorded in Module.Exports.
func (l *jsLower) exportStmt(n *ts.Node) []Stmt {
	def := l.HasToken(n, "default")
	if decl := syntax.Field(n, "declaration"); decl != nil {
		out := l.stmt(decl)
		for _, name := range declaredNames(out) {
			l.mod.Exports[name] = &Ident{Node: l.node(decl), Name: name}
		}
		if def {
			if names := declaredNames(out); len(names) > 0 {
				l.mod.Exports["default"] = &Ident{Node: l.node(decl), Name: names[0]}
			}
		}
		return out
	}
	if v := syntax.Field(n, "value"); v != nil && def {
		l.mod.Exports["default"] = l.expr(v)
		return nil
	}
	if l.HasToken(n, "=") { // TS: export = value
		if v := l.First(n); v != nil {
			l.mod.Exports["="] = l.expr(v)
		}
		return nil
	}
	src, reexport := l.JSStringUnescaped(syntax.Field(n, "source"))
	for _, c := range l.Named(n) {
		if l.Kind(&c) != "export_clause" {
			continue
		}
		for _, sp := range l.Named(&c) {
			local := l.JSStringUnescapedOrText(syntax.Field(&sp, "name"))
			exported := local
			if a := syntax.Field(&sp, "alias"); a != nil {
				exported = l.JSStringUnescapedOrText(a)
			}
			if reexport {
				l.mod.Exports[exported] = &Member{Node: l.node(&sp), X: l.requireOf(src, &sp), Name: local}
			} else {
				l.mod.Exports[exported] = &Ident{Node: l.node(&sp), Name: local}
			}
		}
	}
	return nil
}

// requireOf builds require("spec") for re-exports.
func (l *jsLower) requireOf(spec string, at *ts.Node) Expr {
	nd := l.node(at)
	return &Call{Node: nd, Fn: &Ident{Node: nd, Name: "require"}, Args: []Expr{&Lit{Node: nd, Kind: LitString, Val: spec}}}
}

// declaredNames returns the names a lowered declaration binds.
func declaredNames(stmts []Stmt) []string {
	var out []string
	for _, s := range stmts {
		switch s := s.(type) {
		case *FuncDecl:
			out = append(out, s.Name)
		case *ClassDecl:
			out = append(out, s.Class.Name)
		case *Assign:
			if id, ok := s.Target.(*PIdent); ok {
				out = append(out, id.Name)
			}
		}
	}
	return out
}

// nameFunc names an anonymous function after what it is assigned to
// (const f = () => …, exports.convert = function () {…}), for traces.
func nameFunc(e Expr, name string) {
	if fl, ok := e.(*FuncLit); ok && fl.F.Name == "" && name != "" && len(name) < 64 {
		fl.F.Name = name
	}
}

// lastName returns the last property of an assignment target's text.
func lastName(s string) string {
	if i := strings.LastIndexAny(s, ".]"); i >= 0 {
		s = strings.Trim(s[i+1:], "'\"[]")
	}
	return s
}
