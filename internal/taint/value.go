package taint

import (
	"github.com/cladsec/clad/internal/finding"
)

// class is a set of sink classes; a taint records the classes it has been
// made safe for.
type class uint32

// Sink classes.
const (
	cCmd class = 1 << iota
	cCode
	cTemplate
	cSQL
	cNoSQL
	cHTML
	cPath
	cURL
	cDeser
	cXML
	cRegex
	cRedirect
	cProto
	cMass
	cAll class = 1<<iota - 1
)

// Bounds of the abstract values.
const (
	maxTaints = 3  // distinct taints a value keeps
	maxSteps  = 24 // steps a trace keeps
	maxFields = 64 // properties an object keeps
	maxDepth  = 6  // nesting a join or copy follows
)

// Taint is attacker-controlled data from one source, with the path it took.
type Taint struct {
	// Kind identifies the source ("http-body", "s3-key", …); Desc says it
	// in words.
	Kind, Desc string
	Steps      []finding.Step
	// Safe holds the sink classes a sanitiser or guard made it safe for.
	Safe class
	// NotStr: the value may be an array or an object (parsed JSON, a query
	// string parser's output), so escaping that assumes a string fails.
	NotStr bool
	// Whole: the value is an entire parsed request body (mass assignment).
	Whole bool
}

// with returns a copy of t with one more step (identical steps collapse;
// long traces keep their head and tail).
func (t *Taint) with(s finding.Step) *Taint {
	if n := len(t.Steps); n > 0 && t.Steps[n-1] == s {
		return t
	}
	c := *t
	c.Steps = make([]finding.Step, 0, len(t.Steps)+1)
	c.Steps = append(c.Steps, t.Steps...)
	if len(c.Steps) >= maxSteps {
		c.Steps = append(c.Steps[:maxSteps/2], c.Steps[len(c.Steps)-maxSteps/2+1:]...)
	}
	c.Steps = append(c.Steps, s)
	return &c
}

// safeFor returns a copy made safe for the classes in m.
func (t *Taint) safeFor(m class) *Taint {
	if t.Safe&m == m {
		return t
	}
	c := *t
	c.Safe |= m
	return &c
}

// asString returns a copy known to be a string (not an array or object).
func (t *Taint) asString() *Taint {
	if !t.NotStr && !t.Whole {
		return t
	}
	c := *t
	c.NotStr, c.Whole = false, false
	return &c
}

// part returns the taint of a part of t's value (a property, an element).
func (t *Taint) part() *Taint {
	if !t.Whole {
		return t
	}
	c := *t
	c.Whole = false
	return &c
}

// srcSpec is a source not yet read: reading the value creates the taint
// with a step at the read.
type srcSpec struct {
	kind, desc string
	notStr     bool
	whole      bool
}

// valFlag marks values the interpreter treats specially.
type valFlag uint16

const (
	fFrozen     valFlag = 1 << iota // module state: never mutated by a function's analysis
	fAzureCtx                       // Azure Functions context
	fCallback                       // AWS Lambda callback / context.succeed
	fExpressRes                     // an Express-like response object
	fNumber                         // a number or boolean: never carries taint
	fGoWriter                       // a Go http.ResponseWriter
	fList                           // a list or array (not a string)
	fArgs                           // a rest parameter's arguments, by position
)

// Value is the abstract value of an expression. nil is a clean unknown.
type Value struct {
	taints []*Taint
	fields map[string]*Value
	// elem is the value of any element or unknown property.
	elem *Value
	// keys is what iterating a Python dict built by a comprehension gives
	// (its keys, which a filter may have checked apart from the values);
	// nil when the keys are not known apart.
	keys *Value
	src  *srcSpec
	// sym names a library value: "child_process.exec", "pg.Pool().query".
	sym string
	fn  *closure
	cls *classVal
	str *string
	// regex is a regex literal's text (/…/flags or a Python pattern).
	regex string
	// ret is what calling the value returns (modelled methods).
	ret *Value
	// box is the promise a `resolve` function fills.
	box *Value
	// routes are the handlers registered on an Express-like app.
	routes []*closure
	// prefix is the known text of an untainted string built by
	// concatenation, \x00 standing for unknown parts.
	prefix string
	// inst is the class of an instance.
	inst *classVal
	// at is where an object literal was built (for responses).
	at    *siteInfo
	flags valFlag
}

// siteInfo records where an object literal was built and its properties.
type siteInfo struct {
	file string
	node Node
	prop map[string]Node // property → where it was written
}

// closure is a function value with the scope it was created in.
type closure struct {
	f    *Func
	env  *scope
	mod  *modState
	this *Value
}

// classVal is a class value.
type classVal struct {
	c     *ClassLit
	env   *scope
	mod   *modState
	super *Value
}

// strVal returns a constant string value.
func strVal(s string) *Value { return &Value{str: &s} }

// symVal returns a library symbol value.
func symVal(s string) *Value { return &Value{sym: s} }

// tainted returns a value carrying ts.
func tainted(ts ...*Taint) *Value {
	if len(ts) == 0 {
		return nil
	}
	return &Value{taints: capTaints(ts)}
}

// capTaints keeps the first maxTaints distinct taints (by kind).
func capTaints(ts []*Taint) []*Taint {
	var out []*Taint
	for _, t := range ts {
		if t == nil {
			continue
		}
		dup := false
		for i, o := range out {
			if o.Kind == t.Kind {
				dup = true
				// keep the less sanitised one: it is the one that matters
				if t.Safe&^o.Safe == 0 && t.Safe != o.Safe {
					out[i] = t
				}
				if t.NotStr && !o.NotStr {
					c := *out[i]
					c.NotStr = true
					out[i] = &c
				}
				break
			}
		}
		if !dup && len(out) < maxTaints {
			out = append(out, t)
		}
	}
	return out
}

// isTainted reports whether v carries taint at top level.
func (v *Value) isTainted() bool { return v != nil && (len(v.taints) > 0 || v.src != nil) }

// join merges two values (the union of what each may be).
func join(a, b *Value) *Value { return joinD(a, b, 0) }

func joinD(a, b *Value, d int) *Value {
	switch {
	case a == nil:
		return b
	case b == nil || a == b:
		return a
	case d > maxDepth:
		return a
	}
	v := &Value{taints: capTaints(append(append([]*Taint(nil), a.taints...), b.taints...))}
	v.src = a.src
	if v.src == nil {
		v.src = b.src
	}
	if a.sym == b.sym {
		v.sym = a.sym
	} else if a.sym == "" || b.sym == "" {
		v.sym = a.sym + b.sym
	}
	v.fn, v.cls, v.ret, v.box, v.at = pick(a.fn, b.fn), pickC(a.cls, b.cls), joinD(a.ret, b.ret, d+1), pickV(a.box, b.box), pickS(a.at, b.at)
	if a.str != nil && b.str != nil && *a.str == *b.str {
		v.str = a.str
	}
	if a.regex == b.regex {
		v.regex = a.regex
	}
	v.flags = (a.flags | b.flags) &^ fFrozen
	if a.flags&fNumber == 0 || b.flags&fNumber == 0 {
		v.flags &^= fNumber
	}
	v.elem = joinD(a.elem, b.elem, d+1)
	if a.keys != nil && b.keys != nil {
		v.keys = joinD(a.keys, b.keys, d+1)
	}
	v.routes = append(append([]*closure(nil), a.routes...), b.routes...)
	if len(a.fields)+len(b.fields) > 0 {
		v.fields = make(map[string]*Value, len(a.fields)+len(b.fields))
		for k, x := range a.fields {
			v.fields[k] = joinD(x, b.fields[k], d+1)
		}
		for k, x := range b.fields {
			if _, ok := a.fields[k]; !ok && len(v.fields) < maxFields {
				v.fields[k] = x
			}
		}
	}
	return v
}

func pick(a, b *closure) *closure {
	if a != nil {
		return a
	}
	return b
}

func pickC(a, b *classVal) *classVal {
	if a != nil {
		return a
	}
	return b
}

func pickV(a, b *Value) *Value {
	if a != nil {
		return a
	}
	return b
}

func pickS(a, b *siteInfo) *siteInfo {
	if a != nil {
		return a
	}
	return b
}

// copyOf returns a shallow copy of v that may be changed (fields map
// copied), or a fresh empty value for nil.
func copyOf(v *Value) *Value {
	if v == nil {
		return &Value{}
	}
	c := *v
	c.flags &^= fFrozen
	if v.fields != nil {
		c.fields = make(map[string]*Value, len(v.fields))
		for k, x := range v.fields {
			c.fields[k] = x
		}
	}
	return &c
}

// mapTaints returns v with every taint (deeply, bounded) replaced by f(t).
func mapTaints(v *Value, f func(*Taint) *Taint) *Value { return mapTaintsD(v, f, 0) }

func mapTaintsD(v *Value, f func(*Taint) *Taint, d int) *Value {
	if v == nil || d > 3 || (len(v.taints) == 0 && len(v.fields) == 0 && v.elem == nil && v.keys == nil) {
		return v
	}
	c := copyOf(v)
	c.taints = nil
	for _, t := range v.taints {
		if nt := f(t); nt != nil {
			c.taints = append(c.taints, nt)
		}
	}
	for k, x := range c.fields {
		c.fields[k] = mapTaintsD(x, f, d+1)
	}
	c.elem = mapTaintsD(v.elem, f, d+1)
	c.keys = mapTaintsD(v.keys, f, d+1)
	return c
}

// withStep adds a trace step to every taint of v.
func withStep(v *Value, s finding.Step) *Value {
	return mapTaints(v, func(t *Taint) *Taint { return t.with(s) })
}

// sanitize returns v made safe for m.
func sanitize(v *Value, m class) *Value {
	if v == nil {
		return nil
	}
	if m == cAll {
		out := copyOf(v)
		out.taints, out.src, out.elem, out.fields, out.keys = nil, nil, nil, nil, nil
		return out
	}
	return mapTaints(v, func(t *Taint) *Taint { return t.safeFor(m) })
}

// asString returns v known to be a string (taint kept, shape flags off).
func asString(v *Value) *Value {
	if v == nil {
		return nil
	}
	return &Value{taints: mapTaints(&Value{taints: v.taints}, func(t *Taint) *Taint { return t.asString() }).taints, str: v.str}
}
