package taint

// Bundlers (esbuild, rollup, webpack) write a module's exports as
// property getters: Object.defineProperty(exports, "handler", { get: () =>
// handler }), often in a loop over the names (esbuild's __export and
// __copyProps), and a deployment package holds that bundled code.

// defineProperty models Object.defineProperty(target, name, descriptor):
// the property takes the descriptor's value, or what its getter returns.
// A name the engine cannot know makes it the value of any property. It
// returns the target, as the built-in does.
func (in *interp) defineProperty(cc *callCtx) *Value {
	target, name, desc := cc.arg(0), cc.arg(1), cc.arg(2)
	if target == nil || target.flags&fFrozen != 0 || desc == nil {
		return target
	}
	v := desc.fields["value"]
	if get := desc.fields["get"]; get != nil && get.fn != nil {
		v = join(v, in.invoke(cc.fr, get.fn, target, nil, nil, cc.c).ret)
	}
	if v == nil {
		return target
	}
	if name != nil && name.str != nil {
		if target.fields == nil {
			target.fields = map[string]*Value{}
		}
		if len(target.fields) < maxFields {
			target.fields[*name.str] = v
		}
		return target
	}
	target.elem = join(target.elem, v)
	return target
}

// nameList is an array of constant strings.
func nameList(names []string) *Value {
	v := &Value{fields: make(map[string]*Value, len(names)), flags: fList}
	for i, n := range names {
		s := strVal(n)
		v.fields[itoa(i)] = s
		v.elem = join(v.elem, s)
	}
	return v
}

// anyExport is the value a bundle's exports object gives for a name it
// only defines through getters with computed names: a function, when
// there is one.
func anyExport(ex *Value) *Value {
	if ex == nil || ex.elem == nil || ex.elem.fn == nil {
		return nil
	}
	return ex.elem
}
