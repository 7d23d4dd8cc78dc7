package taint

// scope is one lexical scope: a function's variables (blocks share their
// function's scope) or a module's. refine holds what guards learned about
// access paths ("body.file" is safe) on the current path of execution.
type scope struct {
	vars   map[string]*Value
	refine map[string]*Value
	parent *scope
	// module marks a module's scope: a function's analysis never changes
	// it (writes go to the interpreter's overlay).
	module bool
}

func newScope(parent *scope) *scope {
	return &scope{vars: map[string]*Value{}, refine: map[string]*Value{}, parent: parent}
}

// state is a snapshot of a scope, for branches.
type state struct {
	vars, refine map[string]*Value
}

func (s *scope) save() state {
	return state{vars: cloneMap(s.vars), refine: cloneMap(s.refine)}
}

func (s *scope) restore(st state) {
	s.vars, s.refine = cloneMap(st.vars), cloneMap(st.refine)
}

func cloneMap(m map[string]*Value) map[string]*Value {
	c := make(map[string]*Value, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// joinStates merges the states at the end of two paths. A name bound on
// one path only keeps its value (the other path left it unset or as
// before); a refinement survives only when both paths have it.
func joinStates(a, b state) state {
	out := state{vars: make(map[string]*Value, len(a.vars)), refine: map[string]*Value{}}
	for k, v := range a.vars {
		if w, ok := b.vars[k]; ok {
			out.vars[k] = join(v, w)
		} else {
			out.vars[k] = v
		}
	}
	for k, v := range b.vars {
		if _, ok := a.vars[k]; !ok {
			out.vars[k] = v
		}
	}
	for k, v := range a.refine {
		if w, ok := b.refine[k]; ok {
			out.refine[k] = join(v, w)
		}
	}
	return out
}
