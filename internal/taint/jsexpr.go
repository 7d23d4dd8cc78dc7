package taint

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// The JavaScript and TypeScript front-end: expressions, functions, classes.

// expr lowers an expression; nil for nil.
func (l *jsLower) expr(n *ts.Node) Expr {
	if n == nil || !l.spend() || l.depth > maxNest {
		return nil
	}
	l.depth++
	defer func() { l.depth-- }()
	nd := l.node(n)
	switch k := l.Kind(n); k {
	case "identifier", "shorthand_property_identifier", "property_identifier":
		return &Ident{Node: nd, Name: l.Text(n)}
	case "this", "super":
		return &Ident{Node: nd, Name: k}
	case "undefined":
		return &Lit{Node: nd, Kind: LitNull, Val: "undefined"}
	case "string":
		s, _ := l.JSStringUnescaped(n)
		return &Lit{Node: nd, Kind: LitString, Val: s}
	case "number":
		return &Lit{Node: nd, Kind: LitNumber, Val: l.Text(n)}
	case "true", "false":
		return &Lit{Node: nd, Kind: LitBool, Val: k}
	case "null":
		return &Lit{Node: nd, Kind: LitNull, Val: "null"}
	case "regex":
		return &Lit{Node: nd, Kind: LitRegex, Val: l.Text(n)}
	case "template_string":
		return l.template(n, nil)
	case "member_expression":
		return &Member{Node: nd, X: l.expr(syntax.Field(n, "object")), Name: l.Text(syntax.Field(n, "property"))}
	case "subscript_expression":
		return l.subscript(n)
	case "call_expression":
		return l.call(n)
	case "new_expression":
		return &Call{Node: nd, Fn: l.expr(syntax.Field(n, "constructor")), Args: l.args(syntax.Field(n, "arguments")), New: true}
	case "arrow_function", "function_expression", "function", "generator_function":
		return &FuncLit{Node: nd, F: l.function(n)}
	case "class":
		return l.class(n)
	case "binary_expression":
		return &Binary{Node: nd, Op: l.Text(syntax.Field(n, "operator")), L: l.expr(syntax.Field(n, "left")), R: l.expr(syntax.Field(n, "right"))}
	case "unary_expression":
		return &Unary{Node: nd, Op: l.Text(syntax.Field(n, "operator")), X: l.expr(syntax.Field(n, "argument"))}
	case "update_expression":
		return &Unary{Node: nd, Op: "++", X: l.expr(syntax.Field(n, "argument"))}
	case "await_expression":
		return &Unary{Node: nd, Op: "await", X: l.expr(l.First(n))}
	case "yield_expression":
		return &Unary{Node: nd, Op: "yield", X: l.expr(l.First(n))}
	case "assignment_expression":
		return &AssignX{Node: nd, Target: l.pattern(syntax.Field(n, "left")), Op: "=", Value: l.expr(syntax.Field(n, "right"))}
	case "augmented_assignment_expression":
		return &AssignX{Node: nd, Target: l.pattern(syntax.Field(n, "left")), Op: l.Text(syntax.Field(n, "operator")), Value: l.expr(syntax.Field(n, "right"))}
	case "ternary_expression":
		return &Cond{Node: nd, Test: l.expr(syntax.Field(n, "condition")), Then: l.expr(syntax.Field(n, "consequence")), Else: l.expr(syntax.Field(n, "alternative"))}
	case "parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression":
		return l.expr(l.First(n))
	case "type_assertion":
		kids := l.Named(n)
		if len(kids) == 0 {
			return nil
		}
		return l.expr(&kids[len(kids)-1])
	case "sequence_expression":
		s := &Seq{Node: nd}
		for _, c := range l.Named(n) {
			s.List = append(s.List, l.expr(&c))
		}
		return s
	case "object":
		return l.object(n)
	case "array":
		a := &Array{Node: nd}
		for _, c := range l.Named(n) {
			a.Elems = append(a.Elems, l.expr(&c))
		}
		return a
	case "spread_element":
		return &Spread{Node: nd, X: l.expr(l.First(n))}
	}
	// JSX, meta properties, anything else: opaque. JSX output is escaped
	// by React, so its children are not carried.
	if strings.HasPrefix(l.Kind(n), "jsx") {
		return &Opaque{Node: nd}
	}
	o := &Opaque{Node: nd}
	for _, c := range l.Named(n) {
		if e := l.expr(&c); e != nil {
			o.Kids = append(o.Kids, e)
		}
	}
	return o
}

// subscript lowers x[i]; a literal string index becomes a named member.
func (l *jsLower) subscript(n *ts.Node) Expr {
	nd := l.node(n)
	idx := syntax.Field(n, "index")
	if s, ok := l.JSStringUnescaped(idx); ok {
		return &Member{Node: nd, X: l.expr(syntax.Field(n, "object")), Name: s}
	}
	return &Member{Node: nd, X: l.expr(syntax.Field(n, "object")), Index: l.expr(idx)}
}

// call lowers a call; a tagged template passes the template as argument.
func (l *jsLower) call(n *ts.Node) Expr {
	nd := l.node(n)
	fn := l.expr(syntax.Field(n, "function"))
	args := syntax.Field(n, "arguments")
	if l.Kind(args) == "template_string" {
		return l.template(args, fn)
	}
	c := &Call{Node: nd, Fn: fn, Args: l.args(args)}
	return reflectGet(c, 3, "Reflect", "get") // the third argument is the receiver
}

// reflectGet lowers a reflective read with a literal name, Reflect.get(o,
// 'exec') or getattr(os, "system"), to the member access it is, so what
// the member is (a sink, a tainted field) is known. Other calls are
// returned as they are.
// maxArgs is 2 for getattr: its third argument is a default the result may
// be, so that call stays a call.
func reflectGet(c *Call, maxArgs int, path ...string) Expr {
	if len(c.Args) < 2 || len(c.Args) > maxArgs || len(c.KW) > 0 || !isPath(c.Fn, path) {
		return c
	}
	name, ok := c.Args[1].(*Lit)
	if !ok || name.Kind != LitString || name.Val == "" {
		return c
	}
	return &Member{Node: c.Node, X: c.Args[0], Name: name.Val}
}

// isPath reports whether e is the name path (getattr; Reflect.get).
func isPath(e Expr, path []string) bool {
	for i := len(path) - 1; i > 0; i-- {
		m, ok := e.(*Member)
		if !ok || m.Name != path[i] || m.Index != nil {
			return false
		}
		e = m.X
	}
	id, ok := e.(*Ident)
	return ok && id.Name == path[0]
}

func (l *jsLower) args(n *ts.Node) []Expr {
	var out []Expr
	for _, c := range l.Named(n) {
		out = append(out, l.expr(&c))
	}
	return out
}

// template lowers a template literal into literal parts and substitutions.
func (l *jsLower) template(n *ts.Node, tag Expr) Expr {
	t := &Template{Node: l.node(n), Tag: tag}
	for _, c := range l.Named(n) {
		switch l.Kind(&c) {
		case "string_fragment", "escape_sequence":
			t.Parts = append(t.Parts, &Lit{Node: l.node(&c), Kind: LitString, Val: l.Text(&c)})
		case "template_substitution":
			t.Parts = append(t.Parts, l.expr(l.First(&c)))
		}
	}
	return t
}

// object lowers an object literal.
func (l *jsLower) object(n *ts.Node) Expr {
	o := &Object{Node: l.node(n)}
	for _, c := range l.Named(n) {
		nd := l.node(&c)
		switch l.Kind(&c) {
		case "pair":
			p := &Prop{Node: nd, Value: l.expr(syntax.Field(&c, "value"))}
			l.propKey(syntax.Field(&c, "key"), p)
			nameFunc(p.Value, p.Key)
			o.Props = append(o.Props, p)
		case "shorthand_property_identifier":
			name := l.Text(&c)
			o.Props = append(o.Props, &Prop{Node: nd, Key: name, Value: &Ident{Node: nd, Name: name}})
		case "spread_element":
			o.Props = append(o.Props, &Prop{Node: nd, Spread: true, Value: l.expr(l.First(&c))})
		case "method_definition":
			f := l.function(&c)
			p := &Prop{Node: nd, Value: &FuncLit{Node: nd, F: f}}
			l.propKey(syntax.Field(&c, "name"), p)
			o.Props = append(o.Props, p)
		}
	}
	return o
}

// propKey fills a property's key: a name, a literal or a computed key.
func (l *jsLower) propKey(k *ts.Node, p *Prop) {
	switch l.Kind(k) {
	case "computed_property_name":
		inner := l.First(k)
		if s, ok := l.JSStringUnescaped(inner); ok {
			p.Key = s
			return
		}
		p.KeyX = l.expr(inner)
	default:
		p.Key = l.JSStringUnescapedOrText(k)
	}
}

// function lowers any function-like node.
func (l *jsLower) function(n *ts.Node) *Func {
	f := &Func{Node: l.node(n), Mod: l.mod, Name: l.JSStringUnescapedOrText(syntax.Field(n, "name"))}
	l.mod.Funcs = append(l.mod.Funcs, f)
	if p := syntax.Field(n, "parameter"); p != nil { // x => …
		f.Params = []*Param{{Node: l.node(p), Pat: l.pattern(p)}}
	} else {
		f.Params = l.params(syntax.Field(n, "parameters"))
	}
	body := syntax.Field(n, "body")
	if l.Kind(body) == "statement_block" {
		b, depth := *body, l.depth
		f.lazy = func() []Stmt {
			if l.file.Tree() == nil { // the tree was freed: nothing to lower
				return nil
			}
			saved := l.depth
			l.depth = depth
			defer func() { l.depth = saved }()
			return l.stmts(&b)
		}
	} else if body != nil {
		f.Body = []Stmt{&Return{Node: l.node(body), X: l.expr(body)}}
	}
	return f
}

// params lowers formal parameters, TypeScript's annotated forms included.
func (l *jsLower) params(n *ts.Node) []*Param {
	var out []*Param
	for _, c := range l.Named(n) {
		p := &Param{Node: l.node(&c)}
		switch l.Kind(&c) {
		case "required_parameter", "optional_parameter":
			pat := syntax.Field(&c, "pattern")
			if l.Kind(pat) == "rest_pattern" {
				p.Rest = true
				pat = l.First(pat)
			}
			if l.Kind(pat) == "this" {
				continue
			}
			p.Pat = l.pattern(pat)
			if v := syntax.Field(&c, "value"); v != nil {
				p.Default = l.expr(v)
			}
			if t := syntax.Field(&c, "type"); t != nil {
				p.Type = strings.TrimSpace(strings.TrimPrefix(l.Text(t), ":"))
			}
		case "rest_pattern":
			p.Rest = true
			p.Pat = l.pattern(l.First(&c))
		case "assignment_pattern":
			p.Pat = l.pattern(syntax.Field(&c, "left"))
			p.Default = l.expr(syntax.Field(&c, "right"))
		default:
			p.Pat = l.pattern(&c)
		}
		out = append(out, p)
	}
	return out
}

// class lowers a class declaration or expression.
func (l *jsLower) class(n *ts.Node) *ClassLit {
	c := &ClassLit{Node: l.node(n), Name: l.Text(syntax.Field(n, "name")), Methods: map[string]*Func{}, Static: map[string]Expr{}}
	for _, k := range l.Named(n) {
		if l.Kind(&k) == "class_heritage" {
			if e := l.First(&k); e != nil {
				if l.Kind(e) == "extends_clause" {
					e = syntax.Field(e, "value")
				}
				c.Super = l.expr(e)
			}
		}
	}
	for _, m := range l.Named(syntax.Field(n, "body")) {
		name := l.JSStringUnescapedOrText(syntax.Field(&m, "name"))
		static := l.HasToken(&m, "static")
		switch l.Kind(&m) {
		case "method_definition":
			f := l.function(&m)
			if static {
				c.Static[name] = &FuncLit{Node: l.node(&m), F: f}
			} else {
				c.Methods[name] = f
			}
		case "field_definition", "public_field_definition":
			name = l.JSStringUnescapedOrText(syntax.Field(&m, "property"))
			if v := syntax.Field(&m, "value"); v != nil && static {
				c.Static[name] = l.expr(v)
			} else if v != nil && l.Kind(v) == "arrow_function" {
				c.Methods[name] = l.function(v)
			}
		}
	}
	return c
}

// pattern lowers an assignment target or binding pattern.
func (l *jsLower) pattern(n *ts.Node) Pattern {
	if n == nil || !l.spend() {
		return nil
	}
	nd := l.node(n)
	switch l.Kind(n) {
	case "identifier", "shorthand_property_identifier_pattern", "undefined":
		return &PIdent{Node: nd, Name: l.Text(n)}
	case "member_expression", "subscript_expression":
		return &PExpr{Node: nd, X: l.expr(n)}
	case "parenthesized_expression", "non_null_expression", "as_expression":
		return l.pattern(l.First(n))
	case "assignment_pattern", "object_assignment_pattern":
		return &PDefault{Node: nd, P: l.pattern(syntax.Field(n, "left")), Default: l.expr(syntax.Field(n, "right"))}
	case "object_pattern":
		return l.objectPattern(n)
	case "array_pattern":
		p := &PArray{Node: nd}
		for _, c := range l.Named(n) {
			if l.Kind(&c) == "rest_pattern" {
				p.Rest = l.pattern(l.First(&c))
				continue
			}
			p.Elems = append(p.Elems, l.pattern(&c))
		}
		return p
	case "lexical_declaration", "variable_declaration": // for (const x of …) in some grammars
		for _, d := range l.Named(n) {
			return l.pattern(syntax.Field(&d, "name"))
		}
	}
	return &PExpr{Node: nd, X: l.expr(n)}
}

func (l *jsLower) objectPattern(n *ts.Node) Pattern {
	p := &PObject{Node: l.node(n)}
	for _, c := range l.Named(n) {
		switch l.Kind(&c) {
		case "shorthand_property_identifier_pattern":
			name := l.Text(&c)
			p.Props = append(p.Props, PProp{Key: name, Value: &PIdent{Node: l.node(&c), Name: name}})
		case "object_assignment_pattern":
			left := syntax.Field(&c, "left")
			name := l.Text(left)
			p.Props = append(p.Props, PProp{Key: name, Value: &PDefault{Node: l.node(&c), P: &PIdent{Node: l.node(left), Name: name}, Default: l.expr(syntax.Field(&c, "right"))}})
		case "pair_pattern":
			pp := PProp{Value: l.pattern(syntax.Field(&c, "value"))}
			k := syntax.Field(&c, "key")
			if l.Kind(k) == "computed_property_name" {
				if s, ok := l.JSStringUnescaped(l.First(k)); ok {
					pp.Key = s
				} else {
					pp.KeyX = l.expr(l.First(k))
				}
			} else {
				pp.Key = l.JSStringUnescapedOrText(k)
			}
			p.Props = append(p.Props, pp)
		case "rest_pattern":
			p.Props = append(p.Props, PProp{Rest: true, Value: l.pattern(l.First(&c))})
		}
	}
	return p
}
