package taint

import (
	"encoding/json"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/source"
)

// modState is a module whose top level has been evaluated.
type modState struct {
	m     *Module
	scope *scope
	// exports is what importing the module gives (module.exports, the
	// ES exports, a Python module's names).
	exports *Value
	codeDir string
	running bool
}

// loadModule evaluates a file's top level once per engine and returns its
// state; nil when the file cannot be parsed. A module being evaluated
// (an import cycle) is returned as it stands.
func (in *interp) loadModule(p, codeDir string) *modState {
	key := p + "\x00" + codeDir
	if ms, ok := in.e.mods[key]; ok {
		return ms
	}
	m := in.e.module(p)
	if m == nil {
		in.e.mods[key] = nil
		return nil
	}
	ms := &modState{m: m, scope: newScope(nil), codeDir: codeDir, running: true}
	in.e.mods[key] = ms
	exports := &Value{fields: map[string]*Value{}}
	ms.exports = exports
	if m.Lang.IsJS() {
		ms.scope.vars["module"] = &Value{fields: map[string]*Value{"exports": exports}}
		ms.scope.vars["exports"] = exports
		ms.scope.vars["__dirname"] = strVal(path.Dir(p))
		ms.scope.vars["__filename"] = strVal(p)
	}
	// The top level runs without a function: nothing it does is reported
	// and it writes its own scope directly.
	mi := newInterp(in.e, in.ctx, nil)
	fr := &frame{mod: ms, s: ms.scope}
	if m.Lang == source.Go {
		for _, f := range in.e.goPackage(p) {
			if gm := in.e.module(f); gm != nil {
				mi.exec(&frame{mod: &modState{m: gm, scope: ms.scope, codeDir: codeDir}, s: ms.scope}, gm.Body)
			}
		}
	} else {
		mi.exec(fr, m.Body)
	}
	ms.exports = mi.exportsOf(fr)
	ms.running = false
	ms.scope.module = true
	freeze(ms.exports, 0, map[*Value]bool{})
	for _, v := range ms.scope.vars {
		freeze(v, 0, map[*Value]bool{})
	}
	return ms
}

// exportsOf builds a module's exports after its top level ran.
func (in *interp) exportsOf(fr *frame) *Value {
	m := fr.mod.m
	switch {
	case m.Lang == source.Python || m.Lang == source.Go:
		return &Value{fields: fr.s.vars}
	}
	var exp *Value
	if mod := fr.s.vars["module"]; mod != nil {
		exp = mod.fields["exports"]
	}
	if eq, ok := m.Exports["="]; ok {
		exp = in.eval(fr, eq)
	}
	if len(m.Exports) == 0 {
		return exp
	}
	out := copyOf(exp)
	if out.fields == nil {
		out.fields = map[string]*Value{}
	}
	for name, x := range m.Exports {
		if name != "=" {
			out.fields[name] = in.eval(fr, x)
		}
	}
	return out
}

// freeze marks a module's values so that no function's analysis changes
// them.
func freeze(v *Value, d int, seen map[*Value]bool) {
	if v == nil || d > maxDepth || seen[v] {
		return
	}
	seen[v] = true
	v.flags |= fFrozen
	for _, f := range v.fields {
		freeze(f, d+1, seen)
	}
	freeze(v.elem, d+1, seen)
	freeze(v.keys, d+1, seen)
}

// loader handles require("m") and import("m").
func (in *interp) loader(fr *frame, c *Call) (*Value, bool) {
	id, ok := c.Fn.(*Ident)
	if !ok || (id.Name != "require" && id.Name != "import") || len(c.Args) == 0 || !fr.mod.m.Lang.IsJS() {
		return nil, false
	}
	if _, shadowed := in.lookup(fr.s, id.Name); shadowed {
		return nil, false
	}
	spec := in.eval(fr, c.Args[0])
	if spec == nil || spec.str == nil {
		return nil, true
	}
	return in.require(fr, *spec.str), true
}

// require returns what loading spec from the frame's module gives: a
// local module's exports, or a library symbol.
func (in *interp) require(fr *frame, spec string) *Value {
	if isLocalSpec(spec) {
		target, ok := source.ResolveImport(in.e.tree, fr.mod.m.Path, fr.mod.codeDir, source.Import{Spec: spec})
		if !ok {
			return nil
		}
		if strings.EqualFold(path.Ext(target), ".json") {
			return in.e.jsonValue(target)
		}
		ms := in.loadModule(target, fr.mod.codeDir)
		if ms == nil {
			return nil
		}
		return ms.exports
	}
	return symVal(strings.TrimPrefix(spec, "node:"))
}

func isLocalSpec(spec string) bool {
	return spec == "." || spec == ".." || strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../")
}

// importStmt binds the names of an import statement.
func (in *interp) importStmt(fr *frame, s *Import) {
	switch {
	case fr.mod.m.Lang.IsJS():
		mod := in.require(fr, s.Spec)
		for _, n := range s.Names {
			var v *Value
			switch n.Imported {
			case "*":
				v = mod
			case "default":
				v = in.field(fr, mod, "default")
				if v == nil || mod != nil && mod.sym != "" {
					v = mod
				}
			default:
				v = in.field(fr, mod, n.Imported)
			}
			in.setIn(fr.s, n.Local, v)
		}
	case fr.mod.m.Lang == source.Python:
		in.pyImport(fr, s)
	case fr.mod.m.Lang == source.Go:
		for _, n := range s.Names {
			in.setIn(fr.s, n.Local, symVal(s.Spec))
		}
	}
}

// pyImport binds `import a.b as c` and `from m import n as k`.
func (in *interp) pyImport(fr *frame, s *Import) {
	local := func() *Value {
		imp := source.Import{Spec: s.Spec, Name: s.PyName}
		target, ok := source.ResolveImport(in.e.tree, fr.mod.m.Path, fr.mod.codeDir, imp)
		if !ok {
			return nil
		}
		ms := in.loadModule(target, fr.mod.codeDir)
		if ms == nil {
			return nil
		}
		return ms.exports
	}
	for _, n := range s.Names {
		var v *Value
		if s.PyName == "" { // import a.b [as c]
			v = local()
			if v == nil {
				v = symVal(strings.TrimLeft(n.Imported, "."))
			}
		} else { // from m import n
			target := in.pyResolved(fr, s)
			switch {
			case target == "":
				v = symVal(strings.TrimLeft(s.Spec, ".") + "." + n.Imported)
			case strings.HasSuffix(target, "/"+n.Imported+".py") || target == n.Imported+".py" || strings.HasSuffix(target, "/"+n.Imported+"/__init__.py"):
				v = local()
			default:
				if mod := local(); mod != nil {
					v = mod.fields[n.Imported]
				}
			}
		}
		in.setIn(fr.s, n.Local, v)
	}
}

func (in *interp) pyResolved(fr *frame, s *Import) string {
	t, _ := source.ResolveImport(in.e.tree, fr.mod.m.Path, fr.mod.codeDir, source.Import{Spec: s.Spec, Name: s.PyName})
	return t
}

// jsonValue loads a JSON file as constant values (bounded).
func (e *Engine) jsonValue(p string) *Value {
	if v, ok := e.json[p]; ok {
		return v
	}
	e.json[p] = nil
	src, err := e.tree.ReadFile(p)
	if err != nil || len(src) > 1<<20 {
		return nil
	}
	var x any
	if json.Unmarshal(src, &x) != nil {
		return nil
	}
	v := fromJSON(x, 0)
	freeze(v, 0, map[*Value]bool{})
	e.json[p] = v
	return v
}

func fromJSON(x any, d int) *Value {
	if d > maxDepth {
		return nil
	}
	switch t := x.(type) {
	case string:
		return strVal(t)
	case float64, bool:
		return &Value{flags: fNumber}
	case map[string]any:
		v := &Value{fields: map[string]*Value{}}
		for k, c := range t {
			if len(v.fields) >= maxFields {
				break
			}
			v.fields[k] = fromJSON(c, d+1)
		}
		return v
	case []any:
		v := &Value{}
		for _, c := range t {
			v.elem = join(v.elem, fromJSON(c, d+1))
		}
		return v
	}
	return nil
}

// --- classes ---

func (in *interp) classValue(fr *frame, c *ClassLit) *Value {
	cv := &classVal{c: c, env: fr.s, mod: fr.mod}
	if c.Super != nil {
		cv.super = in.eval(fr, c.Super)
	}
	return &Value{cls: cv}
}

// construct runs `new C(args)` (or a Python class call).
func (in *interp) construct(cc *callCtx, cv *classVal) *Value {
	inst := &Value{fields: map[string]*Value{}, inst: cv}
	ctor := cv.c.Methods["constructor"]
	if ctor == nil {
		ctor = cv.c.Methods["__init__"]
	}
	if ctor != nil {
		in.invoke(cc.fr, &closure{f: ctor, env: cv.env, mod: cv.mod, this: inst}, inst, cc.args, cc.kw, cc.c)
	}
	return inst
}

// method returns a class method bound to an instance.
func (in *interp) method(x *Value, name string) *Value {
	for cv, d := x.inst, 0; cv != nil && d < maxDepth; d++ {
		if f, ok := cv.c.Methods[name]; ok {
			return &Value{fn: &closure{f: f, env: cv.env, mod: cv.mod, this: x}}
		}
		if cv.super == nil {
			break
		}
		cv = cv.super.cls
	}
	return nil
}
