package taint

import (
	"strconv"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// The Go front-end: expressions.

func (l *goLower) expr(n *ts.Node) Expr {
	if n == nil || !l.spend() || l.depth > maxNest {
		return nil
	}
	l.depth++
	defer func() { l.depth-- }()
	nd := l.node(n)
	switch k := l.Kind(n); k {
	case "identifier", "field_identifier", "package_identifier", "type_identifier":
		return &Ident{Node: nd, Name: l.Text(n)}
	case "interpreted_string_literal", "raw_string_literal":
		s, err := strconv.Unquote(l.Text(n))
		if err != nil {
			t := l.Text(n)
			if len(t) >= 2 {
				s = t[1 : len(t)-1]
			}
		}
		return &Lit{Node: nd, Kind: LitString, Val: s}
	case "int_literal", "float_literal", "imaginary_literal", "rune_literal":
		return &Lit{Node: nd, Kind: LitNumber, Val: l.Text(n)}
	case "true", "false":
		return &Lit{Node: nd, Kind: LitBool, Val: k}
	case "nil", "iota":
		return &Lit{Node: nd, Kind: LitNull, Val: k}
	case "selector_expression":
		return &Member{Node: nd, X: l.expr(syntax.Field(n, "operand")), Name: l.Text(syntax.Field(n, "field"))}
	case "index_expression":
		idx := syntax.Field(n, "index")
		x := l.expr(syntax.Field(n, "operand"))
		if lit, ok := l.expr(idx).(*Lit); ok && lit.Kind == LitString {
			return &Member{Node: nd, X: x, Name: lit.Val}
		}
		return &Member{Node: nd, X: x, Index: l.expr(idx)}
	case "slice_expression":
		return &Call{Node: nd, Fn: &Member{Node: nd, X: l.expr(syntax.Field(n, "operand")), Name: "slice"}}
	case "call_expression":
		c := &Call{Node: nd, Fn: l.expr(syntax.Field(n, "function"))}
		for _, a := range l.Named(syntax.Field(n, "arguments")) {
			if l.Kind(&a) == "variadic_argument" {
				c.Args = append(c.Args, &Spread{Node: l.node(&a), X: l.expr(l.First(&a))})
				continue
			}
			c.Args = append(c.Args, l.expr(&a))
		}
		return c
	case "type_conversion_expression":
		return &Call{Node: nd, Fn: &Ident{Node: nd, Name: l.Text(syntax.Field(n, "type"))}, Args: []Expr{l.expr(syntax.Field(n, "operand"))}}
	case "type_assertion_expression", "parenthesized_expression":
		return l.expr(l.First(n))
	case "binary_expression":
		return &Binary{Node: nd, Op: l.Text(syntax.Field(n, "operator")), L: l.expr(syntax.Field(n, "left")), R: l.expr(syntax.Field(n, "right"))}
	case "unary_expression":
		return &Unary{Node: nd, Op: l.Text(syntax.Field(n, "operator")), X: l.expr(syntax.Field(n, "operand"))}
	case "func_literal":
		return &FuncLit{Node: nd, F: l.function(n)}
	case "composite_literal":
		return l.composite(n)
	case "literal_value":
		return l.literal(n)
	}
	o := &Opaque{Node: nd}
	for _, c := range l.Named(n) {
		if e := l.expr(&c); e != nil {
			o.Kids = append(o.Kids, e)
		}
	}
	return o
}

// composite lowers T{…}: a construction of T with the literal as argument,
// so library types keep their name (http.Client{} → net/http.Client()).
func (l *goLower) composite(n *ts.Node) Expr {
	nd := l.node(n)
	body := l.literal(syntax.Field(n, "body"))
	typ := syntax.Field(n, "type")
	switch l.Kind(typ) {
	case "qualified_type":
		return &Call{Node: nd, Fn: &Member{Node: nd, X: &Ident{Node: nd, Name: l.Text(syntax.Field(typ, "package"))}, Name: l.Text(syntax.Field(typ, "name"))}, Args: []Expr{body}, New: true}
	}
	return body
}

// literal lowers {k: v, …} (an Object when keyed, else an Array).
func (l *goLower) literal(n *ts.Node) Expr {
	nd := l.node(n)
	kids := l.Named(n)
	keyed := false
	for _, k := range kids {
		if l.Kind(&k) == "keyed_element" {
			keyed = true
		}
	}
	if !keyed {
		a := &Array{Node: nd}
		for _, k := range kids {
			a.Elems = append(a.Elems, l.element(&k))
		}
		return a
	}
	o := &Object{Node: nd}
	for _, k := range kids {
		if l.Kind(&k) != "keyed_element" {
			continue
		}
		parts := l.Named(&k)
		if len(parts) < 2 {
			continue
		}
		p := &Prop{Node: l.node(&k), Value: l.element(&parts[1])}
		key := l.element(&parts[0])
		switch x := key.(type) {
		case *Ident:
			p.Key = x.Name
		case *Lit:
			p.Key = x.Val
		default:
			p.KeyX = key
		}
		o.Props = append(o.Props, p)
	}
	return o
}

func (l *goLower) element(n *ts.Node) Expr {
	if l.Kind(n) == "literal_element" {
		return l.expr(l.First(n))
	}
	return l.expr(n)
}
