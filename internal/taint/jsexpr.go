package taint

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"
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
	switch k := l.kind(n); k {
	case "identifier", "shorthand_property_identifier", "property_identifier":
		return &Ident{Node: nd, Name: l.text(n)}
	case "this", "super":
		return &Ident{Node: nd, Name: k}
	case "undefined":
		return &Lit{Node: nd, Kind: LitNull, Val: "undefined"}
	case "string":
		s, _ := l.str(n)
		return &Lit{Node: nd, Kind: LitString, Val: s}
	case "number":
		return &Lit{Node: nd, Kind: LitNumber, Val: l.text(n)}
	case "true", "false":
		return &Lit{Node: nd, Kind: LitBool, Val: k}
	case "null":
		return &Lit{Node: nd, Kind: LitNull, Val: "null"}
	case "regex":
		return &Lit{Node: nd, Kind: LitRegex, Val: l.text(n)}
	case "template_string":
		return l.template(n, nil)
	case "member_expression":
		return &Member{Node: nd, X: l.expr(field(n, "object")), Name: l.text(field(n, "property"))}
	case "subscript_expression":
		return l.subscript(n)
	case "call_expression":
		return l.call(n)
	case "new_expression":
		return &Call{Node: nd, Fn: l.expr(field(n, "constructor")), Args: l.args(field(n, "arguments")), New: true}
	case "arrow_function", "function_expression", "function", "generator_function":
		return &FuncLit{Node: nd, F: l.function(n)}
	case "class":
		return l.class(n)
	case "binary_expression":
		return &Binary{Node: nd, Op: l.text(field(n, "operator")), L: l.expr(field(n, "left")), R: l.expr(field(n, "right"))}
	case "unary_expression":
		return &Unary{Node: nd, Op: l.text(field(n, "operator")), X: l.expr(field(n, "argument"))}
	case "update_expression":
		return &Unary{Node: nd, Op: "++", X: l.expr(field(n, "argument"))}
	case "await_expression":
		return &Unary{Node: nd, Op: "await", X: l.expr(l.first(n))}
	case "yield_expression":
		return &Unary{Node: nd, Op: "yield", X: l.expr(l.first(n))}
	case "assignment_expression":
		return &AssignX{Node: nd, Target: l.pattern(field(n, "left")), Op: "=", Value: l.expr(field(n, "right"))}
	case "augmented_assignment_expression":
		return &AssignX{Node: nd, Target: l.pattern(field(n, "left")), Op: l.text(field(n, "operator")), Value: l.expr(field(n, "right"))}
	case "ternary_expression":
		return &Cond{Node: nd, Test: l.expr(field(n, "condition")), Then: l.expr(field(n, "consequence")), Else: l.expr(field(n, "alternative"))}
	case "parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression":
		return l.expr(l.first(n))
	case "type_assertion":
		kids := l.named(n)
		if len(kids) == 0 {
			return nil
		}
		return l.expr(&kids[len(kids)-1])
	case "sequence_expression":
		s := &Seq{Node: nd}
		for _, c := range l.named(n) {
			s.List = append(s.List, l.expr(&c))
		}
		return s
	case "object":
		return l.object(n)
	case "array":
		a := &Array{Node: nd}
		for _, c := range l.named(n) {
			a.Elems = append(a.Elems, l.expr(&c))
		}
		return a
	case "spread_element":
		return &Spread{Node: nd, X: l.expr(l.first(n))}
	}
	// JSX, meta properties, anything else: opaque. JSX output is escaped
	// by React, so its children are not carried.
	if strings.HasPrefix(l.kind(n), "jsx") {
		return &Opaque{Node: nd}
	}
	o := &Opaque{Node: nd}
	for _, c := range l.named(n) {
		if e := l.expr(&c); e != nil {
			o.Kids = append(o.Kids, e)
		}
	}
	return o
}

// subscript lowers x[i]; a literal string index becomes a named member.
func (l *jsLower) subscript(n *ts.Node) Expr {
	nd := l.node(n)
	idx := field(n, "index")
	if s, ok := l.str(idx); ok {
		return &Member{Node: nd, X: l.expr(field(n, "object")), Name: s}
	}
	return &Member{Node: nd, X: l.expr(field(n, "object")), Index: l.expr(idx)}
}

// call lowers a call; a tagged template passes the template as argument.
func (l *jsLower) call(n *ts.Node) Expr {
	nd := l.node(n)
	fn := l.expr(field(n, "function"))
	args := field(n, "arguments")
	if l.kind(args) == "template_string" {
		return l.template(args, fn)
	}
	return &Call{Node: nd, Fn: fn, Args: l.args(args)}
}

func (l *jsLower) args(n *ts.Node) []Expr {
	var out []Expr
	for _, c := range l.named(n) {
		out = append(out, l.expr(&c))
	}
	return out
}

// template lowers a template literal into literal parts and substitutions.
func (l *jsLower) template(n *ts.Node, tag Expr) Expr {
	t := &Template{Node: l.node(n), Tag: tag}
	for _, c := range l.named(n) {
		switch l.kind(&c) {
		case "string_fragment", "escape_sequence":
			t.Parts = append(t.Parts, &Lit{Node: l.node(&c), Kind: LitString, Val: l.text(&c)})
		case "template_substitution":
			t.Parts = append(t.Parts, l.expr(l.first(&c)))
		}
	}
	return t
}

// object lowers an object literal.
func (l *jsLower) object(n *ts.Node) Expr {
	o := &Object{Node: l.node(n)}
	for _, c := range l.named(n) {
		nd := l.node(&c)
		switch l.kind(&c) {
		case "pair":
			p := &Prop{Node: nd, Value: l.expr(field(&c, "value"))}
			l.propKey(field(&c, "key"), p)
			nameFunc(p.Value, p.Key)
			o.Props = append(o.Props, p)
		case "shorthand_property_identifier":
			name := l.text(&c)
			o.Props = append(o.Props, &Prop{Node: nd, Key: name, Value: &Ident{Node: nd, Name: name}})
		case "spread_element":
			o.Props = append(o.Props, &Prop{Node: nd, Spread: true, Value: l.expr(l.first(&c))})
		case "method_definition":
			f := l.function(&c)
			p := &Prop{Node: nd, Value: &FuncLit{Node: nd, F: f}}
			l.propKey(field(&c, "name"), p)
			o.Props = append(o.Props, p)
		}
	}
	return o
}

// propKey fills a property's key: a name, a literal or a computed key.
func (l *jsLower) propKey(k *ts.Node, p *Prop) {
	switch l.kind(k) {
	case "computed_property_name":
		inner := l.first(k)
		if s, ok := l.str(inner); ok {
			p.Key = s
			return
		}
		p.KeyX = l.expr(inner)
	default:
		p.Key = l.strOrText(k)
	}
}

// function lowers any function-like node.
func (l *jsLower) function(n *ts.Node) *Func {
	f := &Func{Node: l.node(n), Mod: l.mod, Name: l.strOrText(field(n, "name"))}
	if p := field(n, "parameter"); p != nil { // x => …
		f.Params = []*Param{{Node: l.node(p), Pat: l.pattern(p)}}
	} else {
		f.Params = l.params(field(n, "parameters"))
	}
	body := field(n, "body")
	if l.kind(body) == "statement_block" {
		f.Body = l.stmts(body)
	} else if body != nil {
		f.Body = []Stmt{&Return{Node: l.node(body), X: l.expr(body)}}
	}
	return f
}

// params lowers formal parameters, TypeScript's annotated forms included.
func (l *jsLower) params(n *ts.Node) []*Param {
	var out []*Param
	for _, c := range l.named(n) {
		p := &Param{Node: l.node(&c)}
		switch l.kind(&c) {
		case "required_parameter", "optional_parameter":
			pat := field(&c, "pattern")
			if l.kind(pat) == "rest_pattern" {
				p.Rest = true
				pat = l.first(pat)
			}
			if l.kind(pat) == "this" {
				continue
			}
			p.Pat = l.pattern(pat)
			if v := field(&c, "value"); v != nil {
				p.Default = l.expr(v)
			}
			if t := field(&c, "type"); t != nil {
				p.Type = strings.TrimSpace(strings.TrimPrefix(l.text(t), ":"))
			}
		case "rest_pattern":
			p.Rest = true
			p.Pat = l.pattern(l.first(&c))
		case "assignment_pattern":
			p.Pat = l.pattern(field(&c, "left"))
			p.Default = l.expr(field(&c, "right"))
		default:
			p.Pat = l.pattern(&c)
		}
		out = append(out, p)
	}
	return out
}

// class lowers a class declaration or expression.
func (l *jsLower) class(n *ts.Node) *ClassLit {
	c := &ClassLit{Node: l.node(n), Name: l.text(field(n, "name")), Methods: map[string]*Func{}, Static: map[string]Expr{}}
	for _, k := range l.named(n) {
		if l.kind(&k) == "class_heritage" {
			if e := l.first(&k); e != nil {
				if l.kind(e) == "extends_clause" {
					e = field(e, "value")
				}
				c.Super = l.expr(e)
			}
		}
	}
	for _, m := range l.named(field(n, "body")) {
		name := l.strOrText(field(&m, "name"))
		static := l.hasToken(&m, "static")
		switch l.kind(&m) {
		case "method_definition":
			f := l.function(&m)
			if static {
				c.Static[name] = &FuncLit{Node: l.node(&m), F: f}
			} else {
				c.Methods[name] = f
			}
		case "field_definition", "public_field_definition":
			name = l.strOrText(field(&m, "property"))
			if v := field(&m, "value"); v != nil && static {
				c.Static[name] = l.expr(v)
			} else if v != nil && l.kind(v) == "arrow_function" {
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
	switch l.kind(n) {
	case "identifier", "shorthand_property_identifier_pattern", "undefined":
		return &PIdent{Node: nd, Name: l.text(n)}
	case "member_expression", "subscript_expression":
		return &PExpr{Node: nd, X: l.expr(n)}
	case "parenthesized_expression", "non_null_expression", "as_expression":
		return l.pattern(l.first(n))
	case "assignment_pattern", "object_assignment_pattern":
		return &PDefault{Node: nd, P: l.pattern(field(n, "left")), Default: l.expr(field(n, "right"))}
	case "object_pattern":
		return l.objectPattern(n)
	case "array_pattern":
		p := &PArray{Node: nd}
		for _, c := range l.named(n) {
			if l.kind(&c) == "rest_pattern" {
				p.Rest = l.pattern(l.first(&c))
				continue
			}
			p.Elems = append(p.Elems, l.pattern(&c))
		}
		return p
	case "lexical_declaration", "variable_declaration": // for (const x of …) in some grammars
		for _, d := range l.named(n) {
			return l.pattern(field(&d, "name"))
		}
	}
	return &PExpr{Node: nd, X: l.expr(n)}
}

func (l *jsLower) objectPattern(n *ts.Node) Pattern {
	p := &PObject{Node: l.node(n)}
	for _, c := range l.named(n) {
		switch l.kind(&c) {
		case "shorthand_property_identifier_pattern":
			name := l.text(&c)
			p.Props = append(p.Props, PProp{Key: name, Value: &PIdent{Node: l.node(&c), Name: name}})
		case "object_assignment_pattern":
			left := field(&c, "left")
			name := l.text(left)
			p.Props = append(p.Props, PProp{Key: name, Value: &PDefault{Node: l.node(&c), P: &PIdent{Node: l.node(left), Name: name}, Default: l.expr(field(&c, "right"))}})
		case "pair_pattern":
			pp := PProp{Value: l.pattern(field(&c, "value"))}
			k := field(&c, "key")
			if l.kind(k) == "computed_property_name" {
				if s, ok := l.str(l.first(k)); ok {
					pp.Key = s
				} else {
					pp.KeyX = l.expr(l.first(k))
				}
			} else {
				pp.Key = l.strOrText(k)
			}
			p.Props = append(p.Props, pp)
		case "rest_pattern":
			p.Props = append(p.Props, PProp{Rest: true, Value: l.pattern(l.first(&c))})
		}
	}
	return p
}

// str returns the content of a string literal or of a template literal
// without substitutions.
func (l *jsLower) str(n *ts.Node) (string, bool) {
	switch l.kind(n) {
	case "string":
		t := l.text(n)
		if len(t) < 2 {
			return "", false
		}
		return unescapeJS(t[1 : len(t)-1]), true
	case "template_string":
		for _, c := range l.named(n) {
			if l.kind(&c) == "template_substitution" {
				return "", false
			}
		}
		t := l.text(n)
		if len(t) < 2 {
			return "", false
		}
		return t[1 : len(t)-1], true
	}
	return "", false
}

// strOrText returns a string literal's content or the node's text.
func (l *jsLower) strOrText(n *ts.Node) string {
	if s, ok := l.str(n); ok {
		return s
	}
	return l.text(n)
}

// unescapeJS resolves the simple escapes of a JS string literal.
func unescapeJS(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	r := strings.NewReplacer(`\'`, `'`, `\"`, `"`, `\\`, `\`, `\n`, "\n", `\t`, "\t", `\/`, `/`)
	return r.Replace(s)
}
