package taint

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// interp interprets the IR abstractly for one function of the map.
type interp struct {
	e   *Engine
	ctx context.Context
	fn  *model.Function // nil while evaluating a module's top level
	// work counts evaluated expressions against Options.MaxWork.
	work  int
	stack []*Func
	// overlay holds what this analysis wrote to module scopes, which are
	// shared by every function and never changed by one.
	overlay map[*scope]map[string]*Value
	memo    map[string]*Value
	issues  map[string]*Issue
	order   []string
	// triggers summarises the function's triggers (sources.go).
	trig trigInfo
	// decodes are JWT decodes without verification, reported at the end
	// unless the function verifies a token somewhere.
	decodes   []*Issue
	sawVerify bool
	// goMain: analysing a Go main, whose lambda.Start / HandleFunc calls
	// run their handlers with sources.
	goMain bool
}

// frame is one function activation.
type frame struct {
	mod  *modState
	s    *scope
	fn   *Func
	ret  *Value
	this *Value
	// entry marks the handler itself (its return value is the response).
	entry bool
	// exitParams records each parameter's value at normal exits, so a
	// caller learns about validation done by the callee.
	exitParams map[string]*Value
}

func newInterp(e *Engine, ctx context.Context, fn *model.Function) *interp {
	in := &interp{e: e, ctx: ctx, fn: fn, overlay: map[*scope]map[string]*Value{}, memo: map[string]*Value{}, issues: map[string]*Issue{}}
	if fn != nil {
		in.trig = summarizeTriggers(fn)
	}
	return in
}

// busy reports whether the work budget is spent (or the scan cancelled).
func (in *interp) busy() bool {
	in.work++
	if in.work > in.e.opts.MaxWork {
		return true
	}
	return in.work%4096 == 0 && in.ctx.Err() != nil
}

// --- variables ---

// lookup finds a name in the scope chain (the overlay first for module
// scopes); ok is false for globals.
func (in *interp) lookup(s *scope, name string) (*Value, bool) {
	for sc := s; sc != nil; sc = sc.parent {
		if sc.module {
			if ov := in.overlay[sc]; ov != nil {
				if v, ok := ov[name]; ok {
					return v, true
				}
			}
		}
		if v, ok := sc.vars[name]; ok {
			return v, true
		}
	}
	return nil, false
}

// set assigns a name: in the scope that binds it, else (declaration or
// implicit global) in s.
func (in *interp) set(s *scope, name string, v *Value, decl bool) {
	if !decl {
		for sc := s; sc != nil; sc = sc.parent {
			if _, ok := sc.vars[name]; ok {
				in.setIn(sc, name, v)
				return
			}
			if ov := in.overlay[sc]; ov != nil {
				if _, ok := ov[name]; ok {
					ov[name] = v
					return
				}
			}
		}
	}
	in.setIn(s, name, v)
	dropRefinements(s, name)
}

func (in *interp) setIn(sc *scope, name string, v *Value) {
	if sc.module && in.fn != nil {
		ov := in.overlay[sc]
		if ov == nil {
			ov = map[string]*Value{}
			in.overlay[sc] = ov
		}
		ov[name] = v
		return
	}
	sc.vars[name] = v
}

// dropRefinements forgets what guards said about name and its properties.
func dropRefinements(s *scope, name string) {
	for k := range s.refine {
		if k == name || strings.HasPrefix(k, name+".") {
			delete(s.refine, k)
		}
	}
}

// refined returns what a guard established for an access path.
func refined(s *scope, p string) (*Value, bool) {
	for sc := s; sc != nil; sc = sc.parent {
		if v, ok := sc.refine[p]; ok {
			return v, true
		}
	}
	return nil, false
}

// --- statements ---

// exec runs statements and reports whether every path through them ended
// (return, throw, break, continue).
func (in *interp) exec(fr *frame, stmts []Stmt) bool {
	in.hoist(fr, stmts)
	for i, st := range stmts {
		if in.busy() {
			return false
		}
		if s, ok := st.(*If); ok {
			in.checkFallthrough(fr, s, stmts[i+1:])
		}
		if in.stmt(fr, st) {
			return true
		}
	}
	return false
}

// hoist binds function declarations before the statements run.
func (in *interp) hoist(fr *frame, stmts []Stmt) {
	for _, st := range stmts {
		d, ok := st.(*FuncDecl)
		if !ok || d.Name == "" {
			continue
		}
		if strings.HasPrefix(d.Name, goMethodPrefix) {
			// Go methods are found by name alone (see goMethod): when
			// several types declare one, none is chosen.
			if prev, ok := in.lookup(fr.s, d.Name); ok && (prev == nil || prev.fn == nil || prev.fn.f != d.F) {
				in.setIn(fr.s, d.Name, &Value{})
				continue
			}
		}
		in.setIn(fr.s, d.Name, &Value{fn: &closure{f: d.F, env: fr.s, mod: fr.mod}})
	}
}

// stmt runs one statement; true when it ends the path.
func (in *interp) stmt(fr *frame, st Stmt) bool {
	switch s := st.(type) {
	case *Assign:
		in.assignStmt(fr, s)
	case *ExprStmt:
		in.eval(fr, s.X)
	case *Return:
		v := in.eval(fr, s.X)
		fr.ret = join(fr.ret, v)
		in.noteExit(fr)
		return true
	case *Throw:
		in.eval(fr, s.X)
		return true
	case *If:
		return in.ifStmt(fr, s)
	case *ForEach:
		in.forEach(fr, s)
	case *Loop:
		in.loop(fr, s)
	case *Try:
		return in.tryStmt(fr, s)
	case *Switch:
		return in.switchStmt(fr, s)
	case *Block:
		return in.exec(fr, s.Body)
	case *FuncDecl:
		// hoisted
	case *ClassDecl:
		in.setIn(fr.s, s.Class.Name, in.classValue(fr, s.Class))
	case *Jump:
		return true
	case *Import:
		in.importStmt(fr, s)
	case *Assert:
		t, _ := in.guards(fr, s.Cond)
		in.applyFacts(fr, t)
	}
	return false
}

func (in *interp) assignStmt(fr *frame, s *Assign) {
	v := in.eval(fr, s.Value)
	if s.Op != "=" && s.Op != "" {
		cur := in.evalPattern(fr, s.Target)
		v = in.binaryValue(fr, strings.TrimSuffix(s.Op, "="), cur, v)
	}
	in.bind(fr, s.Target, v, s.Decl, s.Value)
}

// noteExit records the parameters' values at a normal exit.
func (in *interp) noteExit(fr *frame) {
	if fr.fn == nil {
		return
	}
	if fr.exitParams == nil {
		fr.exitParams = map[string]*Value{}
	}
	for _, p := range fr.fn.Params {
		id, ok := p.Pat.(*PIdent)
		if !ok {
			continue
		}
		v, _ := in.lookup(fr.s, id.Name)
		if old, seen := fr.exitParams[id.Name]; seen {
			v = join(old, v)
		}
		fr.exitParams[id.Name] = v
	}
}

func (in *interp) ifStmt(fr *frame, s *If) bool {
	in.eval(fr, s.Cond)
	tf, ff := in.guards(fr, s.Cond)
	snap := fr.s.save()
	tEnd := true
	if in.applyFacts(fr, tf) {
		tEnd = in.exec(fr, s.Then)
	}
	tState := fr.s.save()
	fr.s.restore(snap)
	eEnd := true
	if in.applyFacts(fr, ff) {
		eEnd = in.exec(fr, s.Else)
	}
	eState := fr.s.save()
	switch {
	case tEnd && eEnd:
		fr.s.restore(joinStates(tState, eState))
		return true
	case tEnd:
		fr.s.restore(eState)
	case eEnd:
		fr.s.restore(tState)
	default:
		fr.s.restore(joinStates(tState, eState))
	}
	return false
}

// forEach binds the target to the elements (or keys) and runs the body
// twice so values carried between iterations are seen.
func (in *interp) forEach(fr *frame, s *ForEach) {
	it := in.eval(fr, s.Iter)
	if names := constNames(it, s.Keys); names != nil {
		in.forEachName(fr, s, names)
		return
	}
	var el *Value
	if s.Keys {
		el = keysOf(it)
	} else {
		el = iterOf(in, it)
	}
	before := fr.s.save()
	for range 2 {
		in.bind(fr, s.Target, el, true, nil)
		in.exec(fr, s.Body)
	}
	fr.s.restore(joinStates(before, fr.s.save()))
}

// forEachName runs a loop over names the engine knows (the keys of an
// object literal, a list of constant strings) once per name, so that
// obj[name] reads the right property: bundlers define their exports that
// way.
func (in *interp) forEachName(fr *frame, s *ForEach, names []string) {
	before := fr.s.save()
	for _, n := range names {
		in.bind(fr, s.Target, strVal(n), true, nil)
		in.exec(fr, s.Body)
	}
	fr.s.restore(joinStates(before, fr.s.save()))
}

// maxUnroll bounds the names a loop is run once for.
const maxUnroll = 16

// constNames returns the names a loop visits when the engine knows them
// all: the keys of an untainted object (for-in), or the elements of a list
// of constant strings (for-of); nil otherwise.
func constNames(it *Value, keys bool) []string {
	if it == nil || it.isTainted() || len(it.fields) == 0 || len(it.fields) > maxUnroll {
		return nil
	}
	if keys {
		if it.elem != nil || it.flags&fList != 0 {
			return nil
		}
		return sortedKeys(it.fields)
	}
	if it.flags&fList == 0 {
		return nil
	}
	out := make([]string, len(it.fields))
	for i := range out {
		v, ok := it.fields[itoa(i)]
		if !ok || v == nil || v.str == nil || v.isTainted() {
			return nil
		}
		out[i] = *v.str
	}
	return out
}

func sortedKeys(m map[string]*Value) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (in *interp) loop(fr *frame, s *Loop) {
	in.exec(fr, s.Init)
	before := fr.s.save()
	for range 2 {
		in.eval(fr, s.Cond)
		in.exec(fr, s.Body)
		in.exec(fr, s.Post)
	}
	fr.s.restore(joinStates(before, fr.s.save()))
}

func (in *interp) tryStmt(fr *frame, s *Try) bool {
	before := fr.s.save()
	bEnd := in.exec(fr, s.Body)
	bState := fr.s.save()
	fr.s.restore(joinStates(before, bState))
	if s.Param != nil {
		in.bind(fr, s.Param, nil, true, nil)
	}
	cEnd := in.exec(fr, s.Catch)
	cState := fr.s.save()
	switch {
	case bEnd && (cEnd || len(s.Catch) == 0 && s.Param == nil):
		fr.s.restore(bState)
	case bEnd:
		fr.s.restore(cState)
	case cEnd:
		fr.s.restore(bState)
	default:
		fr.s.restore(joinStates(bState, cState))
	}
	fEnd := in.exec(fr, s.Finally)
	return fEnd || (bEnd && (cEnd || len(s.Catch) == 0 && s.Param == nil))
}

// switchStmt runs each case; inside a case whose tests are all literals,
// the tag is known to equal one of them.
func (in *interp) switchStmt(fr *frame, s *Switch) bool {
	in.eval(fr, s.Tag)
	snap := fr.s.save()
	var states []state
	hasDefault, allEnd := false, true
	for _, c := range s.Cases {
		fr.s.restore(snap)
		if len(c.Tests) == 0 {
			hasDefault = true
		}
		lits := len(c.Tests) > 0
		for _, t := range c.Tests {
			in.eval(fr, t)
			if _, ok := t.(*Lit); !ok {
				lits = false
			}
		}
		if lits {
			in.applyFacts(fr, in.safePath(fr, s.Tag))
		}
		end := in.exec(fr, c.Body)
		if !end || endsWithBreak(c.Body) {
			allEnd = false
			states = append(states, fr.s.save())
		}
	}
	if !hasDefault {
		allEnd = false
		states = append(states, snap)
	}
	if len(states) == 0 {
		fr.s.restore(snap)
		return allEnd
	}
	st := states[0]
	for _, o := range states[1:] {
		st = joinStates(st, o)
	}
	fr.s.restore(st)
	return allEnd
}

// endsWithBreak reports whether a case body leaves the switch by break.
func endsWithBreak(b []Stmt) bool {
	if len(b) == 0 {
		return false
	}
	j, ok := b[len(b)-1].(*Jump)
	return ok && !j.Continue
}

// --- issues ---

// report records an issue, once per rule, place and source kind.
func (in *interp) report(is *Issue) {
	if in.fn == nil {
		return
	}
	k := fmt.Sprintf("%s|%s|%d|%s", is.Rule, is.File, is.Line, is.Source)
	if _, ok := in.issues[k]; ok {
		return
	}
	in.issues[k] = is
	in.order = append(in.order, k)
}

func (in *interp) issueList() []Issue {
	out := make([]Issue, 0, len(in.order))
	for _, k := range in.order {
		out = append(out, *in.issues[k])
	}
	return out
}
