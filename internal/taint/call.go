package taint

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/source"
)

// callCtx is one call being evaluated.
type callCtx struct {
	fr     *frame
	c      *Call
	recv   *Value // receiver of a method call
	name   string // method or function name as written
	callee *Value
	args   []*Value
	kw     map[string]*Value
	// q is the library name of the callee ("child_process.exec"), "" when
	// it is not a library value.
	q string
}

// arg returns the i-th argument (nil when absent).
func (cc *callCtx) arg(i int) *Value {
	if i < 0 || i >= len(cc.args) {
		return nil
	}
	return cc.args[i]
}

// argX returns the i-th argument expression.
func (cc *callCtx) argX(i int) Expr {
	if i < 0 || i >= len(cc.c.Args) {
		return cc.c
	}
	return cc.c.Args[i]
}

// call evaluates a call or construction.
func (in *interp) call(fr *frame, c *Call) *Value {
	if v, ok := in.loader(fr, c); ok {
		return v
	}
	if p := pathOf(c); p != "" {
		if v, ok := refined(fr.s, p); ok {
			return v
		}
	}
	cc := &callCtx{fr: fr, c: c}
	switch f := c.Fn.(type) {
	case *Member:
		cc.recv = in.eval(fr, f.X)
		cc.name = f.Name
		if f.Index != nil {
			k := in.eval(fr, f.Index)
			if k != nil && k.str != nil {
				cc.name = *k.str
			}
		}
		cc.callee = in.field(fr, cc.recv, cc.name)
		if fr.mod.m.Lang == source.Go {
			cc.callee = in.goMethod(fr, cc.recv, cc.name, cc.callee)
		}
	case *Ident:
		cc.name = f.Name
		cc.callee = in.eval(fr, f)
	default:
		cc.callee = in.eval(fr, c.Fn)
	}
	for _, a := range c.Args {
		v := in.eval(fr, a)
		if _, ok := a.(*Spread); ok {
			if pos, ok := positional(v); ok { // f(...args) passing on a rest parameter
				cc.args = append(cc.args, pos...)
				continue
			}
			v = in.elemOf(v)
		}
		cc.args = append(cc.args, v)
	}
	if len(c.KW) > 0 {
		cc.kw = map[string]*Value{}
		for _, k := range c.KW {
			cc.kw[k.Name] = in.eval(fr, k.Value)
		}
	}
	if cc.callee != nil && !strings.HasSuffix(cc.callee.sym, "()") { // calling a call's result is not calling the library function
		if fr.mod.m.Lang == "go" {
			cc.q = strings.ReplaceAll(cc.callee.sym, "()", "")
		} else {
			cc.q = normSym(cc.callee.sym)
		}
	}
	return in.dispatch(cc)
}

// goMethodPrefix names Go methods in the package scope.
const goMethodPrefix = "(method)."

// goMethod resolves x.name(...) in Go to a method declared in the
// package when x is no library value and has no such field: Go values of
// local types carry their methods by type, which the engine does not track,
// so the package's method of that name stands in, when only one type
// declares it.
func (in *interp) goMethod(fr *frame, recv *Value, name string, field *Value) *Value {
	if field != nil && (field.fn != nil || field.sym != "" || field.isTainted()) {
		return field
	}
	// A library handle the engine could not name (db.Query on a struct
	// field) stays a library call, for the heuristic sinks.
	if recv != nil && recv.sym != "" || goSQLMethods[name] {
		return field
	}
	if m, ok := in.lookup(fr.s, goMethodPrefix+name); ok && m != nil && m.fn != nil {
		return m
	}
	return field
}

// dispatch runs a call: local functions are analysed, library functions
// looked up in the models, values' own methods interpreted.
func (in *interp) dispatch(cc *callCtx) *Value {
	v := cc.callee
	switch {
	case v != nil && v.fn != nil:
		return in.callClosure(cc, v.fn)
	case v != nil && v.cls != nil:
		return in.construct(cc, v.cls)
	case v != nil && v.ret != nil:
		return in.materialize(cc.fr, v.ret, cc.c)
	case v != nil && v.box != nil:
		for _, a := range cc.args {
			v.box.taints = capTaints(append(v.box.taints, in.allTaints(cc.fr, a, cc.c)...))
		}
		return nil
	case v != nil && v.flags&fCallback != 0:
		if len(cc.args) > 1 {
			in.checkResponse(cc.fr, cc.args[1], cc.argX(1))
		}
		return nil
	}
	in.checkSinks(cc)
	if r, ok := in.library(cc); ok {
		return r
	}
	if r, ok := in.valueMethod(cc); ok {
		return r
	}
	return in.unknownCall(cc)
}

// unknownCall is a call the engine knows nothing about. Function
// arguments are still analysed (callbacks run, with unknown arguments).
// A method of attacker data keeps its taint; a method of a library
// instance (a client: s3.getObject) returns clean data; a plain function
// or a module function passes its arguments' taint on. What such a call
// returns is derived from the input, not the input itself: it is no
// longer a whole request body.
func (in *interp) unknownCall(cc *callCtx) *Value {
	in.runCallbacks(cc, nil)
	if cc.recv.isTainted() {
		if isSanitizerName(cc.name) {
			return nil
		}
		return tainted(partOf(in.allTaints(cc.fr, cc.recv, cc.c))...)
	}
	if strings.Contains(cc.q, "()") || cc.recv != nil && cc.q == "" {
		return in.symResult(cc, nil)
	}
	if isSanitizerName(cc.name) {
		return in.symResult(cc, nil)
	}
	var ts []*Taint
	for i, a := range cc.args {
		if a != nil && a.fn == nil {
			ts = append(ts, in.allTaints(cc.fr, a, cc.argX(i))...)
		}
	}
	return in.symResult(cc, partOf(ts))
}

// symResult is the value a library call returns: its symbol with "()"
// appended, carrying ts.
func (in *interp) symResult(cc *callCtx, ts []*Taint) *Value {
	v := tainted(ts...)
	if cc.callee != nil && cc.callee.sym != "" {
		if v == nil {
			v = &Value{}
		}
		v.sym = cc.callee.sym + "()"
	}
	return v
}

// isSanitizerName reports whether a function's name says it cleans its
// input (escapeHtml, sanitizeFilename, quote…).
func isSanitizerName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"escape", "sanitiz", "sanitis", "encode", "quote", "validat", "hash", "digest", "uuid"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// runCallbacks analyses the function values among the arguments, with
// params as their arguments.
func (in *interp) runCallbacks(cc *callCtx, params []*Value) *Value {
	var out *Value
	for _, a := range cc.args {
		if a != nil && a.fn != nil {
			out = join(out, in.invoke(cc.fr, a.fn, nil, params, nil, cc.c).ret)
		}
	}
	return out
}

// callClosure calls a local function and feeds back what it validated.
func (in *interp) callClosure(cc *callCtx, cl *closure) *Value {
	this := cc.recv
	if cl.this != nil {
		this = cl.this
	}
	res := in.invoke(cc.fr, cl, this, cc.args, cc.kw, cc.c)
	in.feedback(cc, cl, res)
	return res.ret
}

// result is what analysing a call gave.
type result struct {
	ret  *Value
	exit map[string]*Value
}

// invoke analyses a closure called with args at site. Recursion and calls
// deeper than MaxCallDepth are not followed: their result carries the
// arguments' taint (as a value derived from them, not a whole body).
func (in *interp) invoke(fr *frame, cl *closure, this *Value, args []*Value, kw map[string]*Value, site Expr) result {
	f := cl.f
	if len(in.stack) >= in.e.opts.MaxCallDepth || in.onStack(f) || in.busy() {
		var ts []*Taint
		for _, a := range args {
			ts = append(ts, in.allTaints(fr, a, site)...)
		}
		return result{ret: tainted(partOf(ts)...)}
	}
	name := f.Name
	if name == "" {
		name = "anonymous function"
	}
	note := fmt.Sprintf("passed to %s() (%s:%d)", name, f.Mod.Path, f.Line)
	for i, a := range args {
		if a.isTainted() || a != nil && (len(a.fields) > 0 || a.elem != nil) {
			args[i] = withStep(in.materialize(fr, a, site), in.step(fr, site, note))
		}
	}
	key := memoKey(f, this, args, kw)
	if r, ok := in.memo[key]; ok {
		return result{ret: r}
	}
	nfr := &frame{mod: cl.mod, s: newScope(cl.env), fn: f, this: this}
	in.bindParams(nfr, f, this, args, kw)
	in.stack = append(in.stack, f)
	if !in.exec(nfr, f.stmts()) {
		in.noteExit(nfr)
	}
	in.stack = in.stack[:len(in.stack)-1]
	ret := nfr.ret
	if ret.isTainted() && site != nil {
		ret = withStep(ret, in.step(fr, site, "returned by "+name+"()"))
	}
	in.memo[key] = ret
	return result{ret: ret, exit: nfr.exitParams}
}

func (in *interp) onStack(f *Func) bool {
	for _, g := range in.stack {
		if g == f {
			return true
		}
	}
	return false
}

// bindParams binds a function's parameters to the arguments.
func (in *interp) bindParams(fr *frame, f *Func, this *Value, args []*Value, kw map[string]*Value) {
	if f.Mod != nil && f.Mod.Lang == source.Python && this != nil && len(f.Params) > 0 && !isStaticPy(f) {
		args = append([]*Value{this}, args...)
	}
	in.setIn(fr.s, "arguments", &Value{elem: joinAll(args)})
	for i, p := range f.Params {
		var v *Value
		switch {
		case p.Rest:
			if i < len(args) {
				v = restValue(args[i:])
			}
		case p.KwRest:
			v = &Value{fields: kw}
		default:
			if i < len(args) {
				v = args[i]
			}
			if id, ok := p.Pat.(*PIdent); ok && kw != nil && kw[id.Name] != nil {
				v = kw[id.Name]
			}
		}
		if v == nil && p.Default != nil {
			v = in.eval(fr, p.Default)
		}
		in.bind(fr, p.Pat, v, true, noStep)
	}
	if f.Recv != nil {
		in.bind(fr, f.Recv.Pat, this, true, noStep)
	}
}

func isStaticPy(f *Func) bool {
	if len(f.Params) == 0 {
		return true
	}
	id, ok := f.Params[0].Pat.(*PIdent)
	return !ok || id.Name != "self" && id.Name != "cls"
}

// restValue is a rest parameter's array: its elements in their positions
// (so that passing it on with f(...args) keeps each argument apart) and
// any element.
func restValue(args []*Value) *Value {
	v := &Value{elem: joinAll(args), flags: fList | fArgs}
	if len(args) <= maxFields {
		v.fields = make(map[string]*Value, len(args))
		for i, a := range args {
			v.fields[itoa(i)] = a
		}
	}
	return v
}

// positional returns the arguments a rest parameter holds, in order.
func positional(v *Value) ([]*Value, bool) {
	if v == nil || v.flags&fArgs == 0 || v.fields == nil {
		return nil, false
	}
	out := make([]*Value, len(v.fields))
	for i := range out {
		a, ok := v.fields[itoa(i)]
		if !ok {
			return nil, false
		}
		out[i] = a
	}
	return out, true
}

func joinAll(vs []*Value) *Value {
	var out *Value
	for _, v := range vs {
		out = join(out, v)
	}
	return out
}

// feedback applies what a callee established about its parameters to the
// caller's arguments: a function that throws unless its argument matches
// an allow-list validates the caller's variable too.
func (in *interp) feedback(cc *callCtx, cl *closure, res result) {
	if res.exit == nil {
		return
	}
	for i, p := range cl.f.Params {
		id, ok := p.Pat.(*PIdent)
		if !ok || i >= len(cc.c.Args) || i >= len(cc.args) {
			continue
		}
		path := pathOf(cc.c.Args[i])
		arg := cc.args[i]
		if path == "" || !arg.isTainted() {
			continue
		}
		out, ok := res.exit[id.Name]
		if !ok {
			continue
		}
		ts := in.allTaints(cc.fr, out, nil)
		if len(ts) == 0 {
			in.refinePath(cc.fr, path, sanitize(arg, cAll))
			continue
		}
		common := cAll
		for _, t := range ts {
			common &= t.Safe
		}
		if common != 0 {
			in.refinePath(cc.fr, path, sanitize(arg, common))
		}
	}
}

// memoKey identifies a call by function and the shape of its arguments.
func memoKey(f *Func, this *Value, args []*Value, kw map[string]*Value) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%p|", f)
	sig(&b, this, 0)
	for _, a := range args {
		b.WriteByte(',')
		sig(&b, a, 0)
	}
	if len(kw) > 0 {
		keys := make([]string, 0, len(kw))
		for k := range kw {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			b.WriteString(";" + k + "=")
			sig(&b, kw[k], 0)
		}
	}
	return b.String()
}

// sig writes a value's shape: taints, functions, symbols, fields.
func sig(b *strings.Builder, v *Value, d int) {
	if v == nil {
		b.WriteByte('_')
		return
	}
	if d > 2 {
		b.WriteByte('.')
		return
	}
	for _, t := range v.taints {
		fmt.Fprintf(b, "t%s:%d:%v:%v", t.Kind, t.Safe, t.NotStr, t.Whole)
	}
	if v.src != nil {
		b.WriteString("s" + v.src.kind)
	}
	if v.fn != nil {
		fmt.Fprintf(b, "f%p", v.fn.f)
	}
	if v.sym != "" {
		b.WriteString("y" + v.sym)
	}
	if v.str != nil && len(*v.str) < 64 {
		b.WriteString("q" + *v.str)
	}
	if v.flags&(fAzureCtx|fCallback|fExpressRes) != 0 {
		fmt.Fprintf(b, "g%d", v.flags)
	}
	if len(v.fields) > 0 {
		keys := make([]string, 0, len(v.fields))
		for k := range v.fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for _, k := range keys {
			b.WriteString(k + ":")
			sig(b, v.fields[k], d+1)
		}
		b.WriteByte('}')
	}
	if v.elem != nil {
		b.WriteByte('[')
		sig(b, v.elem, d+1)
		b.WriteByte(']')
	}
	if v.keys != nil {
		b.WriteString("k[")
		sig(b, v.keys, d+1)
		b.WriteByte(']')
	}
}

// normSym turns a symbol into the name the models use: calls and the
// node: scheme dropped, subpaths dotted (fs/promises → fs).
func normSym(s string) string {
	if s == "" {
		return ""
	}
	s = strings.ReplaceAll(s, "()", "")
	s = strings.TrimPrefix(s, "node:")
	if !strings.HasPrefix(s, "@") {
		s = strings.Replace(s, "/", ".", 1)
	} else if i := strings.Index(s, "/"); i > 0 {
		if j := strings.Index(s[i+1:], "/"); j >= 0 {
			s = s[:i+1+j] + "." + s[i+2+j:]
		}
	}
	s = strings.Replace(s, ".promises", "", 1)
	return s
}

// rootOf returns a library name's package ("@aws-sdk/client-s3", "pg").
func rootOf(q string) string {
	if q == "" {
		return ""
	}
	if strings.HasPrefix(q, "@") {
		i := strings.Index(q, ".")
		if i < 0 {
			return q
		}
		return q[:i]
	}
	r, _, _ := strings.Cut(q, ".")
	return r
}

// lastOf returns the last segment of a library name.
func lastOf(q string) string {
	if i := strings.LastIndex(q, "."); i >= 0 {
		return q[i+1:]
	}
	return q
}

// calleeName names the callee of a call for messages.
func (cc *callCtx) calleeName() string {
	if cc.q != "" {
		return cc.q
	}
	if cc.name != "" {
		return cc.name
	}
	return "call"
}

// stepAt is a trace step at the call.
func (in *interp) stepAt(cc *callCtx, note string) finding.Step {
	return in.step(cc.fr, cc.c, note)
}

// baseName is path.Base for walk paths.
func baseName(p string) string { return path.Base(p) }
