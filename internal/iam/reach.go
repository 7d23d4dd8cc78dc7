package iam

import (
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/source"
)

// The per-function reach: starting from the handler's export, the
// top-level definitions its code uses, across local modules. Two functions
// whose handlers live in the same file (orders.create, orders.get) reach
// different code. Where the reach cannot be told (an export clad cannot
// find, a module used as a whole) it falls back to whole files, so a call
// is never dropped for lack of understanding.

// reachSet is the code one function reaches.
type reachSet struct {
	inFiles map[string]bool
	whole   map[string]bool
	defs    map[string]map[int]bool
	touched map[string]*codeFile
}

func newReachSet(files []*codeFile) *reachSet {
	r := &reachSet{inFiles: map[string]bool{}, whole: map[string]bool{}, defs: map[string]map[int]bool{}, touched: map[string]*codeFile{}}
	for _, f := range files {
		r.inFiles[f.path] = true
		r.touched[f.path] = f
	}
	return r
}

// has reports whether definition def of file is reached; -1 is module code,
// which runs whenever the file is loaded.
func (r *reachSet) has(file string, def int) bool {
	if r.whole[file] {
		return true
	}
	if def < 0 {
		return r.inFiles[file] || r.touched[file] != nil
	}
	return r.defs[file][def]
}

// extraFiles returns the files reached that are not among files.
func (r *reachSet) extraFiles(files []*codeFile) []*codeFile {
	in := map[string]bool{}
	for _, f := range files {
		in[f.path] = true
	}
	var out []*codeFile
	for p, f := range r.touched {
		if !in[p] {
			out = append(out, f)
		}
	}
	sortFiles(out)
	return out
}

// target is a definition (or a whole file) code refers to.
type target struct {
	file  string
	def   int
	whole bool
}

// reach computes the code fn reaches.
func (a *Analyzer) reach(fn *model.Function, files []*codeFile) *reachSet {
	r := newReachSet(files)
	if len(files) == 0 {
		return r
	}
	h := files[0]
	if h.path != fn.File || h.lang == source.Go || h.defs == nil {
		for _, f := range files {
			r.whole[f.path] = true
		}
		return r
	}
	w := &reacher{a: a, r: r, codeDir: fn.CodeDir, files: map[string]*codeFile{}, resolved: map[refKey][]target{}}
	w.push(w.exportDefs(h, handlerSymbol(fn), 0)...)
	for _, f := range files {
		for i, d := range f.defs.defs {
			if d.always {
				w.push(target{file: f.path, def: i})
			}
		}
		for _, n := range f.defs.init {
			w.pushRefs(f, n)
		}
	}
	w.run()
	return r
}

// reacher walks definitions breadth first.
type reacher struct {
	a        *Analyzer
	r        *reachSet
	codeDir  string
	queue    []target
	files    map[string]*codeFile
	resolved map[refKey][]target
}

func (w *reacher) file(path string) *codeFile {
	if f, ok := w.files[path]; ok {
		return f
	}
	f := w.a.ws.scan(path, w.codeDir)
	if f.err != nil || f.defs == nil {
		f = nil
	}
	w.files[path] = f
	if f == nil {
		return nil
	}
	if w.r.touched[path] == nil {
		w.r.touched[path] = f
	}
	return f
}

func (w *reacher) push(ts ...target) {
	for _, t := range ts {
		if w.r.whole[t.file] || (!t.whole && w.r.defs[t.file][t.def]) {
			continue
		}
		f := w.file(t.file)
		if f == nil {
			continue
		}
		if t.whole {
			if w.r.whole[t.file] {
				continue
			}
			w.r.whole[t.file] = true
			for i := range f.defs.defs {
				w.queue = append(w.queue, target{file: t.file, def: i})
			}
			for _, n := range f.defs.init {
				w.pushRefs(f, n)
			}
			continue
		}
		m := w.r.defs[t.file]
		if m == nil {
			m = map[int]bool{}
			w.r.defs[t.file] = m
		}
		if m[t.def] {
			continue
		}
		m[t.def] = true
		w.queue = append(w.queue, t)
	}
}

// run follows the references of queued definitions.
func (w *reacher) run() {
	for steps := 0; len(w.queue) > 0 && steps < 20000; steps++ {
		t := w.queue[0]
		w.queue = w.queue[1:]
		f := w.file(t.file)
		if f == nil || t.def < 0 || t.def >= len(f.defs.defs) {
			continue
		}
		w.pushRefs(f, f.defs.defs[t.def].node)
	}
}

// pushRefs reaches what the code under n refers to.
func (w *reacher) pushRefs(f *codeFile, n *node) {
	seen := map[ref]bool{}
	for _, rf := range f.refs(n) {
		if seen[rf] {
			continue
		}
		seen[rf] = true
		w.push(w.resolveRef(f, rf)...)
	}
}

// resolveRef finds what a name used in f refers to: an imported module's
// export, or a top-level definition of f.
func (w *reacher) resolveRef(f *codeFile, rf ref) []target {
	k := refKey{f.path, rf}
	if ts, ok := w.resolved[k]; ok {
		return ts
	}
	ts := w.resolveRefOnce(f, rf)
	w.resolved[k] = ts
	return ts
}

type refKey struct {
	file string
	rf   ref
}

func (w *reacher) resolveRefOnce(f *codeFile, rf ref) []target {
	if file, member, ok := f.binding(rf.name); ok {
		return w.fromBinding(file, member, rf.member)
	}
	var out []target
	for _, i := range f.defs.byName[rf.name] {
		out = append(out, target{file: f.path, def: i})
	}
	return out
}

// fromBinding resolves a use of an imported binding (member: what was
// imported; used: the member read from it, if any).
func (w *reacher) fromBinding(file, member, used string) []target {
	g := w.file(file)
	if g == nil {
		return nil
	}
	switch {
	case member == "" && used == "":
		return []target{{file: file, whole: true}}
	case member == "" || (member == "default" && used != ""):
		return w.exportDefs(g, used, 0)
	}
	return w.exportDefs(g, member, 0)
}

// exportDefs finds the definitions behind an export of f; the whole file
// when it cannot tell.
func (w *reacher) exportDefs(f *codeFile, name string, hops int) []target {
	whole := []target{{file: f.path, whole: true}}
	if hops > maxExportHops || name == "" {
		return whole
	}
	d := f.defs
	var out []target
	for _, i := range d.byExport[name] {
		out = append(out, target{file: f.path, def: i})
	}
	if len(out) > 0 {
		return out
	}
	if f.py != nil {
		if file, member, ok := f.binding(name); ok {
			return w.fromBinding(file, member, "")
		}
		return whole
	}
	local, aliased := d.aliases[name]
	if !aliased {
		local, aliased = d.aliases["*"]
	}
	if aliased {
		if file, member, ok := f.binding(local); ok {
			return w.fromBinding(file, member, "")
		}
		for _, i := range d.byName[local] {
			out = append(out, target{file: f.path, def: i})
		}
		if len(out) > 0 {
			return out
		}
	}
	for _, fe := range d.reexports[name] {
		if g := w.file(fe.file); g != nil {
			out = append(out, w.exportDefs(g, fe.name, hops+1)...)
		}
	}
	if len(out) > 0 {
		return out
	}
	if len(d.reexports["*"]) > 0 {
		for _, fe := range d.reexports["*"] {
			if g := w.file(fe.file); g != nil {
				out = append(out, w.exportDefs(g, name, hops+1)...)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return whole
}

// refs dispatches to the language front end.
func (f *codeFile) refs(n *node) []ref {
	switch {
	case f.js != nil:
		return f.js.refs(n)
	case f.py != nil:
		return f.py.refs(n)
	}
	return nil
}

// binding dispatches to the language front end, once per name.
func (f *codeFile) binding(name string) (string, string, bool) {
	if b, ok := f.bindings[name]; ok {
		return b.file, b.member, b.ok
	}
	var b bindingResult
	switch {
	case f.js != nil:
		b.file, b.member, b.ok = f.js.binding(name)
	case f.py != nil:
		b.file, b.member, b.ok = f.py.binding(name)
	}
	if f.bindings == nil {
		f.bindings = map[string]bindingResult{}
	}
	f.bindings[name] = b
	return b.file, b.member, b.ok
}

type bindingResult struct {
	file, member string
	ok           bool
}

func sortFiles(fs []*codeFile) {
	for i := 1; i < len(fs); i++ {
		for k := i; k > 0 && fs[k].path < fs[k-1].path; k-- {
			fs[k], fs[k-1] = fs[k-1], fs[k]
		}
	}
}
