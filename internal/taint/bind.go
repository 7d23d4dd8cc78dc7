package taint

import "github.com/cladsec/clad/internal/finding"

// noStep marks a binding that adds no trace step (parameters: the call
// step says it already).
var noStep Expr = &Ident{}

// bind assigns v to a pattern: names, properties, destructuring, defaults.
// src is the assigned expression, for trace notes ("assigned to key").
func (in *interp) bind(fr *frame, p Pattern, v *Value, decl bool, src Expr) {
	if p == nil || in.busy() {
		return
	}
	switch t := p.(type) {
	case *PIdent:
		if t.Name == "" || t.Name == "_" && fr.mod != nil && fr.mod.m.Lang == "go" {
			return
		}
		if v.isTainted() && fr.mod != nil && src != noStep {
			v = withStep(in.materialize(fr, v, src), finding.Step{File: fr.mod.m.Path, Line: t.Line, Note: "assigned to " + t.Name})
		}
		in.set(fr.s, t.Name, v, decl)
	case *PExpr:
		in.assignMember(fr, t.X, v)
	case *PDefault:
		if v == nil || v.flags&fNumber != 0 && v.str == nil && !v.isTainted() {
			v = join(v, in.eval(fr, t.Default))
		} else {
			in.eval(fr, t.Default)
		}
		in.bind(fr, t.P, v, decl, src)
	case *PObject:
		in.bindObject(fr, t, v, decl, src)
	case *PArray:
		for i, el := range t.Elems {
			if el == nil {
				continue
			}
			ev := in.field(fr, v, itoa(i))
			if ev == nil {
				ev = in.elemOf(v)
			}
			in.bind(fr, el, ev, decl, nil)
		}
		if t.Rest != nil {
			in.bind(fr, t.Rest, v, decl, nil)
		}
	}
}

// bindObject destructures { a, b: c, ...rest } = v; reading a property of
// a source reads the source with the property's name in the trace.
func (in *interp) bindObject(fr *frame, t *PObject, v *Value, decl bool, src Expr) {
	for _, pp := range t.Props {
		if pp.Rest {
			in.bind(fr, pp.Value, v, decl, srcOr(src, nil))
			continue
		}
		key := pp.Key
		if pp.KeyX != nil {
			k := in.eval(fr, pp.KeyX)
			if k == nil || k.str == nil {
				in.bind(fr, pp.Value, in.dynField(fr, v), decl, nil)
				continue
			}
			key = *k.str
		}
		fv := in.field(fr, v, key)
		if fv != nil && fv.src != nil {
			fv = in.materialize(fr, fv, &Ident{Node: *t.pos(), Name: "{ " + key + " }"})
		}
		in.bind(fr, pp.Value, fv, decl, srcOr(src, nil))
	}
}

// evalPattern returns the current value of an assignment target.
func (in *interp) evalPattern(fr *frame, p Pattern) *Value {
	switch t := p.(type) {
	case *PIdent:
		return in.ident(fr, &Ident{Node: t.Node, Name: t.Name})
	case *PExpr:
		return in.eval(fr, t.X)
	}
	return nil
}

// assignMember writes obj.name = v / obj[i] = v. Objects of module state
// are never changed; the write is remembered as a refinement of its path.
func (in *interp) assignMember(fr *frame, target Expr, v *Value) {
	m, ok := target.(*Member)
	if !ok {
		in.eval(fr, target)
		return
	}
	obj := in.eval(fr, m.X)
	var key *string
	if m.Index != nil {
		k := in.eval(fr, m.Index)
		if k != nil && k.str != nil {
			key = k.str
		} else {
			in.checkPollution(fr, m, k)
		}
	} else {
		key = &m.Name
	}
	if obj != nil && obj.flags&fAzureCtx != 0 && key != nil && *key == "res" {
		in.checkResponse(fr, v, m)
	}
	if obj != nil && obj.flags&fFrozen == 0 {
		if key != nil {
			if obj.fields == nil {
				obj.fields = map[string]*Value{}
			}
			if len(obj.fields) < maxFields {
				obj.fields[*key] = v
			}
		} else {
			obj.elem = join(obj.elem, v)
		}
		return
	}
	if p := pathOf(m); p != "" {
		fr.s.refine[p] = v
	}
}

// srcOr keeps the no-step marker through destructuring.
func srcOr(src, other Expr) Expr {
	if src == noStep {
		return noStep
	}
	return other
}
