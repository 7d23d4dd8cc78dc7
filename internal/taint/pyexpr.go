package taint

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// The Python front-end: expressions and patterns.

func (l *pyLower) expr(n *ts.Node) Expr {
	if n == nil || !l.spend() || l.depth > maxNest {
		return nil
	}
	l.depth++
	defer func() { l.depth-- }()
	nd := l.node(n)
	switch k := l.Kind(n); k {
	case "identifier":
		return &Ident{Node: nd, Name: l.Text(n)}
	case "string":
		return l.str(n)
	case "concatenated_string":
		t := &Template{Node: nd}
		for _, c := range l.Named(n) {
			t.Parts = append(t.Parts, l.str(&c))
		}
		return t
	case "integer", "float":
		return &Lit{Node: nd, Kind: LitNumber, Val: l.Text(n)}
	case "true", "false":
		return &Lit{Node: nd, Kind: LitBool, Val: strings.Title(k)}
	case "none":
		return &Lit{Node: nd, Kind: LitNull, Val: "None"}
	case "attribute":
		return &Member{Node: nd, X: l.expr(syntax.Field(n, "object")), Name: l.Text(syntax.Field(n, "attribute"))}
	case "subscript":
		return l.subscript(n)
	case "call":
		return l.call(n)
	case "binary_operator":
		return &Binary{Node: nd, Op: strings.TrimSpace(l.Text(syntax.Field(n, "operator"))), L: l.expr(syntax.Field(n, "left")), R: l.expr(syntax.Field(n, "right"))}
	case "boolean_operator":
		return &Binary{Node: nd, Op: strings.TrimSpace(l.Text(syntax.Field(n, "operator"))), L: l.expr(syntax.Field(n, "left")), R: l.expr(syntax.Field(n, "right"))}
	case "not_operator":
		return &Unary{Node: nd, Op: "not", X: l.expr(syntax.Field(n, "argument"))}
	case "unary_operator":
		return &Unary{Node: nd, Op: l.Text(syntax.Field(n, "operator")), X: l.expr(syntax.Field(n, "argument"))}
	case "comparison_operator":
		return l.comparison(n)
	case "conditional_expression":
		kids := l.Named(n)
		if len(kids) < 3 {
			return &Opaque{Node: nd}
		}
		return &Cond{Node: nd, Then: l.expr(&kids[0]), Test: l.expr(&kids[1]), Else: l.expr(&kids[2])}
	case "lambda":
		return &FuncLit{Node: nd, F: l.function(n)}
	case "list", "tuple", "set", "expression_list":
		a := &Array{Node: nd}
		for _, c := range l.Named(n) {
			a.Elems = append(a.Elems, l.expr(&c))
		}
		return a
	case "dictionary":
		return l.dict(n)
	case "list_comprehension", "set_comprehension", "generator_expression", "dictionary_comprehension":
		return l.comp(n)
	case "parenthesized_expression":
		return l.expr(l.First(n))
	case "await":
		return &Unary{Node: nd, Op: "await", X: l.expr(l.First(n))}
	case "named_expression":
		return &AssignX{Node: nd, Target: l.pattern(syntax.Field(n, "name")), Op: "=", Value: l.expr(syntax.Field(n, "value"))}
	case "list_splat", "dictionary_splat":
		return &Spread{Node: nd, X: l.expr(l.First(n))}
	case "keyword_argument":
		return l.expr(syntax.Field(n, "value"))
	}
	o := &Opaque{Node: nd}
	for _, c := range l.Named(n) {
		if e := l.expr(&c); e != nil {
			o.Kids = append(o.Kids, e)
		}
	}
	return o
}

// str lowers a string literal; an f-string becomes a template.
func (l *pyLower) str(n *ts.Node) Expr {
	nd := l.node(n)
	var parts []Expr
	var sb strings.Builder
	interp := false
	for _, c := range l.Named(n) {
		switch l.Kind(&c) {
		case "string_content", "escape_sequence":
			sb.WriteString(l.Text(&c))
			parts = append(parts, &Lit{Node: l.node(&c), Kind: LitString, Val: l.Text(&c)})
		case "interpolation":
			interp = true
			parts = append(parts, l.expr(syntax.Field(&c, "expression")))
		}
	}
	if interp {
		return &Template{Node: nd, Parts: parts}
	}
	return &Lit{Node: nd, Kind: LitString, Val: sb.String()}
}

// subscript lowers x['k'] to a named member, x[i] to an indexed one.
func (l *pyLower) subscript(n *ts.Node) Expr {
	nd := l.node(n)
	x := l.expr(syntax.Field(n, "value"))
	idx := syntax.Field(n, "subscript")
	if l.Kind(idx) == "string" {
		if s, ok := l.str(idx).(*Lit); ok {
			return &Member{Node: nd, X: x, Name: s.Val}
		}
	}
	if l.Kind(idx) == "slice" {
		return &Call{Node: nd, Fn: &Member{Node: nd, X: x, Name: "slice"}}
	}
	return &Member{Node: nd, X: x, Index: l.expr(idx)}
}

// call lowers a call with positional, keyword and splat arguments.
func (l *pyLower) call(n *ts.Node) Expr {
	c := &Call{Node: l.node(n), Fn: l.expr(syntax.Field(n, "function"))}
	args := syntax.Field(n, "arguments")
	if l.Kind(args) == "generator_expression" {
		c.Args = []Expr{l.expr(args)}
		return c
	}
	for _, a := range l.Named(args) {
		switch l.Kind(&a) {
		case "keyword_argument":
			c.KW = append(c.KW, KwArg{Name: l.Text(syntax.Field(&a, "name")), Value: l.expr(syntax.Field(&a, "value"))})
		case "dictionary_splat":
			c.KW = append(c.KW, KwArg{Value: l.expr(l.First(&a))})
		default:
			c.Args = append(c.Args, l.expr(&a))
		}
	}
	return reflectGet(c, 2, "getattr")
}

// comparison lowers a == b, x in y, x not in y, a is b (chains keep the
// first comparison).
func (l *pyLower) comparison(n *ts.Node) Expr {
	nd := l.node(n)
	kids := l.Named(n)
	if len(kids) < 2 {
		return &Opaque{Node: nd}
	}
	var ops []string
	for _, c := range syntax.Children(n) {
		if !c.IsNamed() {
			ops = append(ops, l.Kind(&c))
		}
	}
	op := strings.Join(ops, " ")
	if len(kids) > 2 && len(ops) > 0 {
		op = ops[0]
		if op == "not" || op == "is" {
			op = strings.Join(ops[:min(2, len(ops))], " ")
		}
	}
	return &Binary{Node: nd, Op: op, L: l.expr(&kids[0]), R: l.expr(&kids[1])}
}

func (l *pyLower) dict(n *ts.Node) Expr {
	o := &Object{Node: l.node(n)}
	for _, c := range l.Named(n) {
		nd := l.node(&c)
		switch l.Kind(&c) {
		case "pair":
			p := &Prop{Node: nd, Value: l.expr(syntax.Field(&c, "value"))}
			k := syntax.Field(&c, "key")
			if lit, ok := l.str(k).(*Lit); ok && l.Kind(k) == "string" {
				p.Key = lit.Val
			} else {
				p.KeyX = l.expr(k)
			}
			o.Props = append(o.Props, p)
		case "dictionary_splat":
			o.Props = append(o.Props, &Prop{Node: nd, Spread: true, Value: l.expr(l.First(&c))})
		}
	}
	return o
}

func (l *pyLower) comp(n *ts.Node) Expr {
	c := &Comp{Node: l.node(n)}
	body := syntax.Field(n, "body")
	if l.Kind(body) == "pair" {
		c.Key = l.expr(syntax.Field(body, "key"))
		c.Elem = l.expr(syntax.Field(body, "value"))
	} else {
		c.Elem = l.expr(body)
	}
	for _, k := range l.Named(n) {
		switch l.Kind(&k) {
		case "for_in_clause":
			c.Binds = append(c.Binds, CompFor{Target: l.pattern(syntax.Field(&k, "left")), Iter: l.expr(syntax.Field(&k, "right"))})
		case "if_clause":
			c.Conds = append(c.Conds, l.expr(l.First(&k)))
		}
	}
	return c
}

// pattern lowers an assignment target.
func (l *pyLower) pattern(n *ts.Node) Pattern {
	if n == nil {
		return nil
	}
	nd := l.node(n)
	switch l.Kind(n) {
	case "identifier":
		return &PIdent{Node: nd, Name: l.Text(n)}
	case "attribute", "subscript":
		return &PExpr{Node: nd, X: l.expr(n)}
	case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list":
		p := &PArray{Node: nd}
		for _, c := range l.Named(n) {
			if l.Kind(&c) == "list_splat_pattern" {
				p.Rest = l.pattern(l.First(&c))
				continue
			}
			p.Elems = append(p.Elems, l.pattern(&c))
		}
		return p
	case "parenthesized_expression":
		return l.pattern(l.First(n))
	}
	return &PExpr{Node: nd, X: l.expr(n)}
}
