package taint

// Object-shape sinks: mass assignment (a whole request body merged over
// server-owned defaults) and prototype pollution (obj[a][b] = v with
// attacker keys).

// checkMerge: _.merge(target, DEFAULTS, body) / Object.assign(user, body).
// The body overrides what comes before it; merging it into an empty
// object alone is a copy, not an assignment.
func (in *interp) checkMerge(cc *callCtx) {
	for i := 1; i < len(cc.args); i++ {
		if !in.wholeBody(cc.fr, cc.args[i], cc.argX(i)) {
			continue
		}
		overrides := false
		for j := 0; j < i; j++ {
			if nonEmpty(cc.c.Args[j], cc.args[j]) {
				overrides = true
			}
		}
		if overrides {
			in.hit(cc, RuleMassAssignment, cc.args[i], cc.argX(i), cc.calleeName(), func(t *Taint) bool { return t.Whole })
			return
		}
	}
}

// checkSpreadMass: { ...DEFAULTS, ...body } or { status: 'x', ...body }.
func (in *interp) checkSpreadMass(fr *frame, p *Prop, v *Value, before bool) {
	if !before || !in.wholeBody(fr, v, p.Value) {
		return
	}
	in.hitAt(fr, p, RuleMassAssignment, v, p.Value, "an object spread over defaults", func(t *Taint) bool { return t.Whole })
}

// wholeBody reports whether v is an entire parsed request body.
func (in *interp) wholeBody(fr *frame, v *Value, x Expr) bool {
	if v == nil {
		return false
	}
	if v.src != nil {
		return v.src.whole
	}
	for _, t := range v.taints {
		if t.Whole {
			return true
		}
	}
	return false
}

// nonEmpty reports whether a merge target or source holds properties.
func nonEmpty(x Expr, v *Value) bool {
	if o, ok := x.(*Object); ok {
		return len(o.Props) > 0
	}
	if a, ok := x.(*Array); ok {
		return len(a.Elems) > 0
	}
	return v != nil || x != nil
}

// checkPollution: obj[k1][k2] = v with k1 and k2 from input lets k1 be
// "__proto__" (or "constructor" then "prototype") and change every object.
func (in *interp) checkPollution(fr *frame, m *Member, k *Value) {
	inner, ok := m.X.(*Member)
	if !ok || inner.Index == nil || !k.isTainted() {
		return
	}
	ik := in.peek(fr, inner.Index)
	if ik == nil || !ik.isTainted() && len(in.allTaints(fr, ik, nil)) == 0 {
		return
	}
	in.hitAt(fr, m, RulePrototype, ik, inner.Index, "a nested property write with attacker keys", nil)
}
