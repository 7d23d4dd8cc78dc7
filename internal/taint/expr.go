package taint

import (
	"strings"

	"github.com/cladsec/clad/internal/finding"
)

// eval evaluates an expression to its abstract value.
func (in *interp) eval(fr *frame, e Expr) *Value {
	if e == nil || in.busy() {
		return nil
	}
	switch x := e.(type) {
	case *Ident:
		return in.ident(fr, x)
	case *Lit:
		return litValue(x)
	case *Member:
		return in.materialize(fr, in.memberRaw(fr, x), x)
	case *Call:
		return in.call(fr, x)
	case *Binary:
		return in.binary(fr, x)
	case *Unary:
		return in.unary(fr, x)
	case *Template:
		return in.template(fr, x)
	case *Object:
		return in.object(fr, x)
	case *Array:
		return in.array(fr, x)
	case *Spread:
		return in.eval(fr, x.X)
	case *FuncLit:
		return &Value{fn: &closure{f: x.F, env: fr.s, mod: fr.mod, this: fr.this}}
	case *ClassLit:
		return in.classValue(fr, x)
	case *Cond:
		return in.cond(fr, x)
	case *AssignX:
		v := in.eval(fr, x.Value)
		if x.Op != "=" {
			v = in.binaryValue(fr, strings.TrimSuffix(x.Op, "="), in.evalPattern(fr, x.Target), v)
		}
		in.bind(fr, x.Target, v, false, x.Value)
		return v
	case *Seq:
		var v *Value
		for _, s := range x.List {
			v = in.eval(fr, s)
		}
		return v
	case *Comp:
		return in.comp(fr, x)
	case *Opaque:
		var v *Value
		for _, k := range x.Kids {
			v = join(v, in.eval(fr, k))
		}
		if v != nil {
			return tainted(in.allTaints(fr, v, x)...)
		}
		return nil
	}
	return nil
}

func litValue(x *Lit) *Value {
	switch x.Kind {
	case LitString:
		return strVal(x.Val)
	case LitRegex:
		return &Value{regex: x.Val}
	case LitNumber, LitBool:
		return &Value{flags: fNumber}
	}
	return nil
}

// ident looks a name up: refinements, scopes, then globals.
func (in *interp) ident(fr *frame, x *Ident) *Value {
	if v, ok := refined(fr.s, x.Name); ok {
		return v
	}
	if x.Name == "this" || x.Name == "self" && fr.this != nil {
		if fr.this != nil {
			return fr.this
		}
	}
	v, ok := in.lookup(fr.s, x.Name)
	if !ok {
		return in.global(fr, x.Name)
	}
	if v != nil && v.src != nil {
		return in.materialize(fr, v, x)
	}
	return v
}

// memberRaw evaluates x.name without reading a source yet, so the source
// step names the whole access path (record.s3.object.key).
func (in *interp) memberRaw(fr *frame, m *Member) *Value {
	if p := pathOf(m); p != "" {
		if v, ok := refined(fr.s, p); ok {
			return v
		}
	}
	var x *Value
	switch inner := m.X.(type) {
	case *Member:
		x = in.memberRaw(fr, inner)
	case *Ident:
		if v, ok := refined(fr.s, inner.Name); ok {
			x = v
		} else if v, ok := in.lookup(fr.s, inner.Name); ok {
			x = v
		} else {
			x = in.ident(fr, inner)
		}
	default:
		x = in.eval(fr, m.X)
	}
	if m.Index != nil {
		idx := in.eval(fr, m.Index)
		if idx != nil && idx.str != nil {
			return in.field(fr, x, *idx.str)
		}
		return in.dynField(fr, x)
	}
	return in.field(fr, x, m.Name)
}

// field reads a property of a value (without materialising sources).
func (in *interp) field(fr *frame, x *Value, name string) *Value {
	if x == nil {
		return nil
	}
	if v, ok := x.fields[name]; ok {
		return v
	}
	if name == "length" && x.sym == "" {
		return &Value{flags: fNumber}
	}
	if x.cls != nil {
		if f, ok := x.cls.c.Static[name]; ok {
			return in.eval(&frame{mod: x.cls.mod, s: x.cls.env}, f)
		}
	}
	if m := in.method(x, name); m != nil {
		return m
	}
	if x.src != nil {
		if name == "length" {
			return &Value{flags: fNumber}
		}
		return &Value{src: &srcSpec{kind: x.src.kind, desc: x.src.desc, notStr: x.src.notStr}}
	}
	if len(x.taints) > 0 {
		if name == "length" {
			return &Value{flags: fNumber}
		}
		v := tainted(partOf(x.taints)...)
		if x.sym != "" {
			v.sym = x.sym + "." + name
		}
		return v
	}
	if x.elem != nil && (isIndex(name) || x.sym == "") {
		return x.elem
	}
	if x.sym != "" {
		return in.symField(fr, x, name)
	}
	return nil
}

// dynField reads x[i] with an unknown index.
func (in *interp) dynField(fr *frame, x *Value) *Value {
	if x == nil {
		return nil
	}
	if x.src != nil {
		return &Value{src: &srcSpec{kind: x.src.kind, desc: x.src.desc, notStr: x.src.notStr}}
	}
	v := x.elem
	if len(x.taints) > 0 {
		v = join(v, tainted(partOf(x.taints)...))
	}
	for i, k := range sortedKeys(x.fields) { // in a fixed order: a join keeps the first function
		if i >= 16 {
			break
		}
		v = join(v, x.fields[k])
	}
	return v
}

func partOf(ts []*Taint) []*Taint {
	out := make([]*Taint, 0, len(ts))
	for _, t := range ts {
		out = append(out, t.part())
	}
	return out
}

func isIndex(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// materialize turns an unread source into a taint whose first step is the
// read at node n.
func (in *interp) materialize(fr *frame, v *Value, n Expr) *Value {
	if v == nil || v.src == nil {
		return v
	}
	sp := v.src
	t := &Taint{Kind: sp.kind, Desc: sp.desc, NotStr: sp.notStr, Whole: sp.whole}
	t = t.with(in.step(fr, n, in.snippet(fr, n)+" ("+sp.desc+", attacker-controlled)"))
	out := copyOf(v)
	out.src = nil
	out.taints = capTaints(append([]*Taint{t}, v.taints...))
	return out
}

// step builds a trace step at an expression of the frame's module.
func (in *interp) step(fr *frame, n Expr, note string) finding.Step {
	s := finding.Step{Note: note}
	if fr != nil && fr.mod != nil {
		s.File = fr.mod.m.Path
	}
	if n != nil {
		s.Line = n.pos().Line
	}
	return s
}

// snippet returns the source text of a node on one line, shortened.
func (in *interp) snippet(fr *frame, n Expr) string {
	if fr == nil || fr.mod == nil || n == nil {
		return ""
	}
	return snippetOf(fr.mod.m.Src, n.pos())
}

func snippetOf(src []byte, p *Node) string {
	if p == nil || int(p.End) > len(src) || p.Start >= p.End {
		return ""
	}
	s := string(src[p.Start:p.End])
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 90 {
		cut := 87
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "..."
	}
	return s
}

// pathOf returns the access path of a name or member chain with constant
// names ("req.body.file"), or "".
func pathOf(e Expr) string {
	switch x := e.(type) {
	case *Ident:
		return x.Name
	case *Member:
		if x.Index != nil {
			return ""
		}
		if p := pathOf(x.X); p != "" {
			return p + "." + x.Name
		}
	case *Call: // d.get("k") reads the same as d["k"]
		m, ok := x.Fn.(*Member)
		if !ok || m.Name != "get" || len(x.Args) == 0 || len(x.Args) > 2 {
			return ""
		}
		if k, ok := x.Args[0].(*Lit); ok && k.Kind == LitString {
			if p := pathOf(m.X); p != "" {
				return p + "." + k.Val
			}
		}
	}
	return ""
}

// allTaints collects the taints of v and of everything inside it (bounded),
// reading sources at node n.
func (in *interp) allTaints(fr *frame, v *Value, n Expr) []*Taint {
	var out []*Taint
	seen := map[*Value]bool{}
	var walk func(v *Value, d int)
	walk = func(v *Value, d int) {
		if v == nil || d > 4 || seen[v] || len(out) >= 8 {
			return
		}
		seen[v] = true
		if v.src != nil {
			v = in.materialize(fr, v, n)
		}
		out = append(out, v.taints...)
		for _, f := range v.fields {
			walk(f, d+1)
		}
		walk(v.elem, d+1)
		walk(v.keys, d+1)
	}
	walk(v, 0)
	return capTaints(out)
}

// cond evaluates a ternary, each branch under what the test says.
func (in *interp) cond(fr *frame, x *Cond) *Value {
	in.eval(fr, x.Test)
	tf, ff := in.guards(fr, x.Test)
	snap := fr.s.save()
	var a, b *Value
	if in.applyFacts(fr, tf) {
		a = in.eval(fr, x.Then)
	}
	fr.s.restore(snap)
	if in.applyFacts(fr, ff) {
		b = in.eval(fr, x.Else)
	}
	fr.s.restore(snap)
	return join(a, b)
}

func (in *interp) unary(fr *frame, x *Unary) *Value {
	v := in.eval(fr, x.X)
	switch x.Op {
	case "await", "yield", "*", "&", "<-":
		return v
	case "+", "-", "~", "!", "not", "typeof", "void", "delete", "++":
		return &Value{flags: fNumber}
	}
	return v
}

// binary evaluates an infix operation; && and || evaluate their right side
// under what the left side says.
func (in *interp) binary(fr *frame, x *Binary) *Value {
	switch x.Op {
	case "&&", "and":
		l := in.eval(fr, x.L)
		tf, _ := in.guards(fr, x.L)
		snap := fr.s.save()
		in.applyFacts(fr, tf)
		r := in.eval(fr, x.R)
		fr.s.restore(snap)
		if l != nil && l.str == nil && l.flags&fNumber == 0 && fr.mod.m.Lang.IsJS() {
			return r // l && r is r unless l is falsy (null, undefined)
		}
		return join(l, r)
	case "||", "or", "??":
		l := in.eval(fr, x.L)
		_, ff := in.guards(fr, x.L)
		snap := fr.s.save()
		in.applyFacts(fr, ff)
		r := in.eval(fr, x.R)
		fr.s.restore(snap)
		return join(l, r)
	}
	l, r := in.eval(fr, x.L), in.eval(fr, x.R)
	switch x.Op {
	case "==", "===", "!=", "!==":
		in.checkCompare(fr, x, l, r)
	}
	return in.binaryValue(fr, x.Op, l, r)
}

// binaryValue combines two operand values.
func (in *interp) binaryValue(fr *frame, op string, l, r *Value) *Value {
	switch op {
	case "+", "%", ".":
		if l != nil && l.flags&fNumber != 0 && r != nil && r.flags&fNumber != 0 {
			return &Value{flags: fNumber}
		}
		if op == "+" && fr.mod.m.Lang == "python" && (isList(l) || isList(r)) {
			return listConcat(l, r)
		}
		if op == "%" && (l == nil || l.str == nil && !l.isTainted() && l.prefixText() == "") && fr.mod.m.Lang.IsJS() {
			return &Value{flags: fNumber}
		}
		return concat(fr, in, l, r)
	case "|":
		if fr.mod.m.Lang.IsJS() || fr.mod.m.Lang == "go" {
			return &Value{flags: fNumber}
		}
		return join(l, r) // Python dict/set union
	case "-", "*", "/", "**", "<<", ">>", ">>>", "&", "^", "//", "@":
		return &Value{flags: fNumber}
	}
	return &Value{flags: fNumber} // comparisons, in, instanceof, is
}

// template evaluates a template literal or f-string.
func (in *interp) template(fr *frame, x *Template) *Value {
	var acc *Value = strVal("")
	for _, p := range x.Parts {
		acc = concat(fr, in, acc, in.eval(fr, p))
	}
	if x.Tag != nil {
		tag := in.eval(fr, x.Tag)
		_ = tag
		// Tag functions (sql``, html``, zx's $``) receive the values
		// apart from the text and quote them.
		return sanitize(acc, cSQL|cHTML|cCmd)
	}
	return acc
}

// object evaluates an object literal.
func (in *interp) object(fr *frame, x *Object) *Value {
	v := &Value{fields: map[string]*Value{}, at: &siteInfo{file: fr.mod.m.Path, node: x.Node, prop: map[string]Node{}}}
	nonEmpty := false
	for _, p := range x.Props {
		pv := in.eval(fr, p.Value)
		switch {
		case p.Spread:
			in.checkSpreadMass(fr, p, pv, nonEmpty)
			spreadInto(v, pv)
		case p.KeyX != nil:
			k := in.eval(fr, p.KeyX)
			if k != nil && k.str != nil {
				in.putField(fr, v, *k.str, pv, p)
			} else {
				v.elem = join(v.elem, pv)
			}
		default:
			in.putField(fr, v, p.Key, pv, p)
		}
		nonEmpty = true
	}
	return v
}

func (in *interp) putField(fr *frame, v *Value, k string, pv *Value, p *Prop) {
	if len(v.fields) >= maxFields {
		return
	}
	if pv.isTainted() || pv != nil && len(pv.fields) > 0 {
		pv = withStep(in.materialize(fr, pv, p.Value), in.step(fr, p, "stored in property "+k))
	}
	v.fields[k] = pv
	if v.at != nil {
		v.at.prop[k] = p.Node
	}
}

// spreadInto copies the properties of src into dst (…src).
func spreadInto(dst, src *Value) {
	if src == nil {
		return
	}
	for k, f := range src.fields {
		if len(dst.fields) < maxFields {
			dst.fields[k] = f
		}
	}
	if src.src != nil || len(src.taints) > 0 {
		dst.taints = capTaints(append(dst.taints, src.taints...))
		if src.src != nil && dst.src == nil {
			dst.src = src.src
		}
	}
	if src.elem != nil {
		dst.elem = join(dst.elem, src.elem)
	}
}

// array evaluates an array, list or tuple literal.
func (in *interp) array(fr *frame, x *Array) *Value {
	v := &Value{fields: map[string]*Value{}, flags: fList}
	for i, el := range x.Elems {
		ev := in.eval(fr, el)
		if _, ok := el.(*Spread); ok {
			v.elem = join(v.elem, in.elemOf(ev))
			continue
		}
		if i < maxFields {
			v.fields[itoa(i)] = ev
		}
		v.elem = join(v.elem, ev)
	}
	return v
}

// comp evaluates a comprehension: the element for tainted bindings.
func (in *interp) comp(fr *frame, x *Comp) *Value {
	snap := fr.s.save()
	for _, b := range x.Binds {
		in.bind(fr, b.Target, iterOf(in, in.eval(fr, b.Iter)), true, nil)
	}
	for _, c := range x.Conds {
		in.eval(fr, c)
		t, _ := in.guards(fr, c)
		in.applyFacts(fr, t)
	}
	el := in.eval(fr, x.Elem)
	if x.Key != nil { // a dict: iterating it gives the keys, indexing the values
		k := in.eval(fr, x.Key)
		fr.s.restore(snap)
		if k == nil {
			k = &Value{}
		}
		return &Value{elem: el, keys: k}
	}
	fr.s.restore(snap)
	return &Value{elem: el, flags: fList}
}

// iterOf is what a Python for loop or comprehension over v binds: a
// comprehension-built dict's keys, else its elements.
func iterOf(in *interp, v *Value) *Value {
	if v != nil && v.keys != nil {
		return v.keys
	}
	return in.elemOf(v)
}

// elemOf returns the value of an element of a container.
func (in *interp) elemOf(v *Value) *Value {
	if v == nil {
		return nil
	}
	if v.src != nil {
		return &Value{src: &srcSpec{kind: v.src.kind, desc: v.src.desc, notStr: v.src.notStr}}
	}
	el := v.elem
	if len(v.taints) > 0 {
		el = join(el, tainted(partOf(v.taints)...))
	}
	if el == nil && len(v.fields) > 0 && v.fields["0"] != nil {
		for _, k := range sortedKeys(v.fields) {
			el = join(el, v.fields[k])
		}
	}
	return el
}

// keysOf returns the value of the keys of an object: attacker-chosen when
// the object is attacker data.
func keysOf(v *Value) *Value {
	if v == nil {
		return nil
	}
	if v.keys != nil {
		return v.keys
	}
	var ts []*Taint
	if v.src != nil {
		ts = append(ts, &Taint{Kind: v.src.kind, Desc: v.src.desc + " keys"})
	}
	for _, t := range v.taints {
		ts = append(ts, t.part().asString())
	}
	if v.elem != nil {
		ts = append(ts, v.elem.taints...)
	}
	return tainted(ts...)
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
