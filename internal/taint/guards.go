package taint

import (
	"strings"
)

// Guards: conditions that, on one side of a branch, tell the engine that a
// value is safe. An allow-list check, an anchored regex test, a comparison
// with a literal, a numeric check, a validator, a path check: each gives
// facts about an access path for the branch where it holds and the one
// where it fails. Code after `if (!ok) return;` runs under the false facts.

// fact says something about the value at an access path.
type fact struct {
	x    Expr   // the guarded expression
	path string // its access path
	// mask is the sink classes the value is safe for (cAll: fully).
	mask class
	// str: the value is a string (not an array or object); notStr: it is
	// not a string.
	str, notStr bool
}

// guards returns the facts that hold when e is true and when it is false.
func (in *interp) guards(fr *frame, e Expr) (t, f []fact) {
	switch x := e.(type) {
	case *Unary:
		if x.Op == "!" || x.Op == "not" {
			a, b := in.guards(fr, x.X)
			return b, a
		}
	case *Binary:
		return in.binaryGuards(fr, x)
	case *Call:
		return in.callGuards(fr, x)
	case *AssignX:
		return in.guards(fr, x.Value)
	}
	return nil, nil
}

func (in *interp) binaryGuards(fr *frame, x *Binary) (t, f []fact) {
	switch x.Op {
	case "&&", "and":
		lt, lf := in.guards(fr, x.L)
		rt, rf := in.guards(fr, x.R)
		return append(lt, rt...), common(lf, rf)
	case "||", "or":
		lt, lf := in.guards(fr, x.L)
		rt, rf := in.guards(fr, x.R)
		return common(lt, rt), append(lf, rf...)
	case "===", "==", "is":
		return in.eqFacts(fr, x.L, x.R)
	case "!==", "!=", "is not":
		f, t := in.eqFacts(fr, x.L, x.R)
		return t, f
	case "in":
		return in.memberFacts(fr, x.L, x.R), nil
	case "not in":
		return nil, in.memberFacts(fr, x.L, x.R)
	case ">=", ">", "<", "<=":
		return in.indexOfFacts(fr, x)
	}
	return nil, nil
}

// common keeps the facts both lists have (for the path where either of
// two conditions holds).
func common(a, b []fact) []fact {
	var out []fact
	for _, x := range a {
		for _, y := range b {
			if x.path == y.path {
				out = append(out, fact{x: x.x, path: x.path, mask: x.mask & y.mask, str: x.str && y.str})
			}
		}
	}
	return out
}

// safe is a fact: the value at e is safe for m.
func safe(e Expr, m class) []fact {
	p := pathOf(e)
	if p == "" {
		return nil
	}
	return []fact{{x: e, path: p, mask: m}}
}

func strFact(e Expr) []fact {
	p := pathOf(e)
	if p == "" {
		return nil
	}
	return []fact{{x: e, path: p, str: true}}
}

// eqFacts: x === 'literal' (or a constant), typeof x === 'string'. The
// second list holds what is known when the comparison is false.
func (in *interp) eqFacts(fr *frame, l, r Expr) ([]fact, []fact) {
	t := in.eqTrue(fr, l, r)
	if u, ok := l.(*Unary); ok && u.Op == "typeof" {
		if lit, ok := r.(*Lit); ok && lit.Val == "string" {
			return t, notStrFact(u.X)
		}
	}
	if u, ok := r.(*Unary); ok && u.Op == "typeof" {
		if lit, ok := l.(*Lit); ok && lit.Val == "string" {
			return t, notStrFact(u.X)
		}
	}
	return t, nil
}

// notStrFact: the value at e is not a string (typeof e !== 'string').
func notStrFact(e Expr) []fact {
	p := pathOf(e)
	if p == "" {
		return nil
	}
	return []fact{{x: e, path: p, notStr: true}}
}

func (in *interp) eqTrue(fr *frame, l, r Expr) []fact {
	if _, ok := l.(*Lit); ok {
		l, r = r, l
	}
	if u, ok := l.(*Unary); ok && u.Op == "typeof" {
		lit, ok := r.(*Lit)
		if !ok {
			return nil
		}
		switch lit.Val {
		case "string":
			return strFact(u.X)
		case "number", "boolean", "bigint":
			return safe(u.X, cAll)
		}
		return nil
	}
	if c, ok := l.(*Call); ok { // type(x) is int / type(x) == str
		if id, ok := c.Fn.(*Ident); ok && id.Name == "type" && len(c.Args) == 1 {
			if rid, ok := r.(*Ident); ok {
				return typeFacts(c.Args[0], rid.Name)
			}
		}
	}
	if lit, ok := r.(*Lit); ok && (lit.Kind == LitString || lit.Kind == LitNumber || lit.Kind == LitBool) {
		return safe(l, cAll)
	}
	if rv := in.peek(fr, r); rv != nil && rv.str != nil && !rv.isTainted() {
		return safe(l, cAll)
	}
	return nil
}

// typeFacts: isinstance(x, str) / type(x) is int.
func typeFacts(x Expr, typ string) []fact {
	switch typ {
	case "str":
		return strFact(x)
	case "int", "float", "bool":
		return safe(x, cAll)
	}
	return nil
}

// memberFacts: x in ALLOWED (an untainted collection).
func (in *interp) memberFacts(fr *frame, x, coll Expr) []fact {
	cv := in.peek(fr, coll)
	if cv.isTainted() || len(in.allTaints(fr, cv, nil)) > 0 {
		// '..' in path: nothing when true; handled by the caller's negation
		return nil
	}
	if lit, ok := x.(*Lit); ok && lit.Kind == LitString {
		return nil
	}
	return safe(x, cAll)
}

// indexOfFacts: A.indexOf(x) !== -1, >= 0, > -1 (and their negations).
func (in *interp) indexOfFacts(fr *frame, x *Binary) (t, f []fact) {
	c, ok := x.L.(*Call)
	if !ok {
		return nil, nil
	}
	m, ok := c.Fn.(*Member)
	if !ok || m.Name != "indexOf" || len(c.Args) != 1 {
		return nil, nil
	}
	lit, _ := x.R.(*Lit)
	if lit == nil {
		if u, ok := x.R.(*Unary); ok && u.Op == "-" {
			lit = &Lit{Val: "-1"}
		} else {
			return nil, nil
		}
	}
	found := (x.Op == ">=" && lit.Val == "0") || (x.Op == ">" && lit.Val == "-1")
	missing := (x.Op == "<" && lit.Val == "0")
	facts := in.inclusion(fr, m.X, c.Args[0])
	switch {
	case found:
		return facts.t, facts.f
	case missing:
		return facts.f, facts.t
	}
	return nil, nil
}

type factPair struct{ t, f []fact }

// inclusion: recv.includes(arg) — an allow-list when recv is clean; a
// traversal check when recv is the tainted path and arg is "..".
func (in *interp) inclusion(fr *frame, recv, arg Expr) factPair {
	rv := in.peek(fr, recv)
	if len(in.allTaints(fr, rv, nil)) == 0 {
		if lit, ok := arg.(*Lit); ok && lit.Kind == LitString {
			return factPair{}
		}
		return factPair{t: safe(arg, cAll)}
	}
	if lit, ok := arg.(*Lit); ok && lit.Kind == LitString && (strings.Contains(lit.Val, "..") || lit.Val == "/" || lit.Val == `\`) {
		return factPair{f: safe(recv, cPath)}
	}
	return factPair{}
}

// callGuards: predicates that hold when the call returns true.
func (in *interp) callGuards(fr *frame, c *Call) (t, f []fact) {
	var name string
	var recv Expr
	switch fn := c.Fn.(type) {
	case *Member:
		name, recv = fn.Name, fn.X
	case *Ident:
		name = fn.Name
	}
	arg := func(i int) Expr {
		if i < len(c.Args) {
			return c.Args[i]
		}
		return nil
	}
	switch name {
	case "includes", "has", "hasOwnProperty", "contains", "__contains__":
		if recv != nil && arg(0) != nil {
			p := in.inclusion(fr, recv, arg(0))
			return p.t, p.f
		}
	case "isArray":
		return nil, strFact(arg(0))
	case "isInteger", "isSafeInteger", "isFinite", "isdigit", "isnumeric", "isdecimal", "isalnum", "isalpha", "isidentifier":
		if recv != nil && (name[0] == 'i' && strings.HasPrefix(name, "is") && len(c.Args) == 0) {
			return safe(recv, cAll), nil
		}
		return safe(arg(0), cAll), nil
	case "isNaN":
		return nil, safe(arg(0), cAll)
	case "isinstance":
		if id, ok := arg(1).(*Ident); ok {
			return typeFacts(arg(0), id.Name), nil
		}
		if a, ok := arg(1).(*Array); ok {
			var out []fact
			allNum := true
			for _, e := range a.Elems {
				if id, ok := e.(*Ident); !ok || (id.Name != "int" && id.Name != "float" && id.Name != "bool") {
					allNum = false
				}
			}
			if allNum {
				out = safe(arg(0), cAll)
			}
			return out, nil
		}
	case "test":
		if recv != nil && in.anchoredAt(fr, recv) {
			return safe(arg(0), cAll), nil
		}
	case "match", "fullmatch", "search", "matches", "MatchString", "Match":
		return in.regexGuard(fr, c, name, recv, arg), nil
	case "startsWith", "startswith", "HasPrefix":
		target := recv
		if name == "HasPrefix" {
			target = arg(0)
		}
		if target != nil {
			return safe(target, cPath|cURL|cRedirect), nil
		}
	}
	if t := in.validatorGuard(fr, c, name, arg); t != nil {
		return t, nil
	}
	return in.predicateGuard(fr, c)
}

// regexGuard: x.match(/^…$/), re.match(r'^…$', x), re.fullmatch(p, x),
// P.match(x) with P compiled from an anchored pattern, Go MatchString.
func (in *interp) regexGuard(fr *frame, c *Call, name string, recv Expr, arg func(int) Expr) []fact {
	if recv == nil {
		return nil
	}
	rv := in.peek(fr, recv)
	switch {
	case rv != nil && rv.sym != "" && (normSym(rv.sym) == "re" || normSym(rv.sym) == "regexp"):
		if p := in.peek(fr, arg(0)); p != nil && (name == "fullmatch" || anchored(regexText(p))) {
			return safe(arg(1), cAll)
		}
	case rv != nil && rv.regex != "":
		if name == "fullmatch" || anchored(rv.regex) {
			return safe(arg(0), cAll)
		}
	default: // x.match(/^…$/)
		if p := in.peek(fr, arg(0)); p != nil && p.regex != "" && anchored(p.regex) {
			return safe(recv, cAll)
		}
	}
	return nil
}

func regexText(v *Value) string {
	if v.regex != "" {
		return v.regex
	}
	if v.str != nil {
		return *v.str
	}
	return ""
}

// anchoredAt reports whether e evaluates to an anchored regex.
func (in *interp) anchoredAt(fr *frame, e Expr) bool {
	v := in.peek(fr, e)
	return v != nil && anchored(regexText(v))
}

// anchored reports whether a regex (JS /…/flags literal or a bare
// pattern) matches whole strings of a restricted alphabet: ^…$ (or \A…\Z)
// around literals and positive classes, no top-level alternation, no
// wildcard, no negated class.
func anchored(re string) bool {
	if strings.HasPrefix(re, "/") {
		if i := strings.LastIndex(re, "/"); i > 0 {
			re = re[1:i]
		}
	}
	switch {
	case strings.HasPrefix(re, "^"):
		re = re[1:]
	case strings.HasPrefix(re, `\A`):
		re = re[2:]
	default:
		return false
	}
	switch {
	case strings.HasSuffix(re, `\Z`), strings.HasSuffix(re, `\z`):
		re = re[:len(re)-2]
	case strings.HasSuffix(re, "$") && !strings.HasSuffix(re, `\$`):
		re = re[:len(re)-1]
	default:
		return false
	}
	depth, inClass := 0, false
	for i := 0; i < len(re); i++ {
		switch ch := re[i]; {
		case ch == '\\':
			if i+1 < len(re) && strings.IndexByte("SWDsB", re[i+1]) >= 0 {
				return false
			}
			i++
		case inClass:
			if ch == ']' {
				inClass = false
			}
		case ch == '[':
			inClass = true
			if i+1 < len(re) && re[i+1] == '^' {
				return false
			}
		case ch == '(':
			depth++
		case ch == ')':
			depth--
		case ch == '|' && depth == 0, ch == '.':
			return false
		}
	}
	return true
}

// validatorGuard: validator.isUUID(x), uuid.validate(x), ajv validate().
func (in *interp) validatorGuard(fr *frame, c *Call, name string, arg func(int) Expr) []fact {
	fv := in.peek(fr, c.Fn)
	if fv == nil || fv.sym == "" {
		return nil
	}
	q := normSym(fv.sym)
	root := rootOf(q)
	switch {
	case root == "validator" && strings.HasPrefix(name, "is"):
		switch name {
		case "isURL", "isJSON", "isAscii", "isByteLength", "isLength", "isEmpty", "isBase64", "isDataURI", "isMagnetURI", "isFQDN":
			return nil
		}
		return safe(arg(0), cAll)
	case root == "uuid" && (name == "validate" || name == "uuidValidate" || lastOf(q) == "validate"):
		return safe(arg(0), cAll)
	case root == "ajv" && name == "validate" && len(c.Args) >= 2:
		return safe(arg(1), cAll)
	case root == "ajv" && strings.Contains(fv.sym, "compile"):
		return safe(arg(0), cAll)
	}
	return nil
}

// predicateGuard: a local function whose result is a guard expression on
// its parameters (function isValidId(id) { return RE.test(id) }).
func (in *interp) predicateGuard(fr *frame, c *Call) (t, f []fact) {
	fv := in.peek(fr, c.Fn)
	if fv == nil || fv.fn == nil || len(fv.fn.f.stmts()) == 0 || len(in.stack) > in.e.opts.MaxCallDepth {
		return nil, nil
	}
	ret, ok := fv.fn.f.Body[len(fv.fn.f.Body)-1].(*Return)
	if !ok || ret.X == nil {
		return nil, nil
	}
	cl := fv.fn
	nfr := &frame{mod: cl.mod, s: newScope(cl.env), fn: cl.f}
	for i, p := range cl.f.Params {
		if i < len(c.Args) {
			in.bind(nfr, p.Pat, in.peek(fr, c.Args[i]), true, nil)
		}
	}
	in.stack = append(in.stack, cl.f)
	tt, ff := in.guards(nfr, ret.X)
	in.stack = in.stack[:len(in.stack)-1]
	return substFacts(tt, cl.f, c.Args), substFacts(ff, cl.f, c.Args)
}

// substFacts rewrites facts about a callee's parameters into facts about
// the caller's arguments.
func substFacts(fs []fact, f *Func, args []Expr) []fact {
	var out []fact
	for _, x := range fs {
		for i, p := range f.Params {
			id, ok := p.Pat.(*PIdent)
			if !ok || i >= len(args) {
				continue
			}
			ap := pathOf(args[i])
			if ap == "" {
				continue
			}
			switch {
			case x.path == id.Name:
				out = append(out, fact{x: args[i], path: ap, mask: x.mask, str: x.str})
			case strings.HasPrefix(x.path, id.Name+"."):
				rest := strings.TrimPrefix(x.path, id.Name)
				out = append(out, fact{x: pathExpr(ap + rest), path: ap + rest, mask: x.mask, str: x.str})
			}
		}
	}
	return out
}

// pathExpr builds the member chain of an access path.
func pathExpr(p string) Expr {
	parts := strings.Split(p, ".")
	var e Expr = &Ident{Name: parts[0]}
	for _, s := range parts[1:] {
		e = &Member{X: e, Name: s}
	}
	return e
}

// peek evaluates an expression for a guard without reading sources.
func (in *interp) peek(fr *frame, e Expr) *Value {
	switch x := e.(type) {
	case nil:
		return nil
	case *Ident:
		if v, ok := refined(fr.s, x.Name); ok {
			return v
		}
		if v, ok := in.lookup(fr.s, x.Name); ok {
			return v
		}
		return in.global(fr, x.Name)
	case *Member:
		return in.memberRaw(fr, x)
	case *Lit:
		return litValue(x)
	case *Call:
		// re.compile(p) and the like: evaluate (side-effect free models)
		return in.eval(fr, x)
	}
	return in.eval(fr, e)
}

// applyFacts refines the values the facts speak of, on the current path.
// It returns false when the facts contradict what is known (a value known
// to be a string said not to be one): the path cannot run.
func (in *interp) applyFacts(fr *frame, fs []fact) bool {
	feasible := true
	for _, f := range fs {
		cur := in.peek(fr, f.x)
		if cur == nil || (!cur.isTainted() && len(in.allTaints(fr, cur, nil)) == 0) {
			continue
		}
		cur = in.materialize(fr, cur, f.x)
		if f.notStr {
			if ts := in.allTaints(fr, cur, nil); len(ts) > 0 && allStrings(ts) {
				feasible = false
			}
			continue
		}
		var nv *Value
		switch {
		case f.mask == cAll:
			nv = sanitize(cur, cAll)
		case f.mask != 0:
			nv = sanitize(cur, f.mask)
		default:
			nv = cur
		}
		if f.str {
			nv = mapTaints(nv, func(t *Taint) *Taint { return t.asString() })
		}
		in.refinePath(fr, f.path, nv)
	}
	return feasible
}

// allStrings reports whether every taint is known to be a string.
func allStrings(ts []*Taint) bool {
	for _, t := range ts {
		if t.NotStr || t.Whole {
			return false
		}
	}
	return true
}

// safePath is the fact that e equals a literal (switch cases).
func (in *interp) safePath(fr *frame, e Expr) []fact { return safe(e, cAll) }

// refinePath records a value for an access path on the current path of
// execution: a local variable is rebound, anything else refined.
func (in *interp) refinePath(fr *frame, p string, v *Value) {
	if !strings.Contains(p, ".") {
		for sc := fr.s; sc != nil; sc = sc.parent {
			if _, ok := sc.vars[p]; ok && !sc.module {
				sc.vars[p] = v
				return
			}
		}
	}
	fr.s.refine[p] = v
}
