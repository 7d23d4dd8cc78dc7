package iam

// Top-level definitions, references and exports of a Python module.

// buildDefs lists the module's top-level definitions. Every top-level name
// is importable, so names are exports too. Decorated functions are always
// reached: frameworks register them through the decorator.
func (p *pyFile) buildDefs() *defTable {
	d := newDefTable()
	for _, st := range p.t.root.namedKids() {
		switch st.kind {
		case "function_definition", "class_definition":
			name := p.t.text(st.get("name"))
			d.add(topDef{node: st, names: []string{name}, exports: []string{name}})
		case "decorated_definition":
			name := p.t.text(st.get("definition").get("name"))
			d.add(topDef{node: st, names: []string{name}, exports: []string{name}, always: true})
		case "expression_statement":
			names := p.assignedNames(st)
			if len(names) == 0 {
				d.init = append(d.init, st)
				continue
			}
			d.add(topDef{node: st, names: names, exports: names})
		case "import_statement", "import_from_statement", "future_import_statement", "pass_statement":
		default:
			d.init = append(d.init, st)
		}
	}
	d.sortDefs()
	return d
}

// assignedNames lists the names a top-level assignment statement binds.
func (p *pyFile) assignedNames(st *node) []string {
	var out []string
	for _, a := range st.namedKids() {
		for a.kindOr() == "assignment" {
			left := a.get("left")
			traverse(left, func(n *node) bool {
				if n.kind == "identifier" {
					out = append(out, p.t.text(n))
				}
				return n.kind != "attribute" && n.kind != "subscript"
			})
			a = a.get("right")
		}
	}
	return out
}

// refs lists the names code under n uses; module.name reads keep the name.
func (p *pyFile) refs(n *node) []ref {
	var out []ref
	traverse(n, func(m *node) bool {
		switch m.kind {
		case "identifier":
			out = append(out, ref{name: p.t.text(m)})
		case "attribute":
			if obj := m.get("object"); obj.kindOr() == "identifier" {
				out = append(out, ref{name: p.t.text(obj), member: p.t.text(m.get("attribute"))})
				return false
			}
		}
		return true
	})
	return out
}

// binding reports whether a top-level name is bound to a local module, and
// which member ("" for the whole module).
func (p *pyFile) binding(name string) (file, member string, ok bool) {
	for _, d := range p.decls[name] {
		if d.kind != declImport || d.scope != p.t.root {
			continue
		}
		f, asModule, ok := p.localModule(d.spec, d.member)
		if !ok {
			continue
		}
		if d.member == "" || asModule {
			return f, "", true
		}
		return f, d.member, true
	}
	return "", "", false
}

// pyExportNode returns the file and value node of a module-level name.
func (w *workspace) pyExportNode(path, codeDir, name string, hops int) (*pyFile, *node) {
	f := w.file(path, codeDir)
	if f.py == nil || hops > maxExportHops {
		return nil, nil
	}
	p := f.py
	var found *node
	for _, d := range p.decls[name] {
		if d.scope != p.t.root {
			continue
		}
		switch d.kind {
		case declVar:
			found = d.value
		case declFunc:
			found = d.value
		case declImport:
			file, asModule, ok := p.localModule(d.spec, d.member)
			if ok && d.member != "" && !asModule {
				return w.pyExportNode(file, codeDir, d.member, hops+1)
			}
		}
	}
	if found == nil {
		return nil, nil
	}
	return p, found
}

// pyExportValue evaluates a module-level name of a local module.
func (w *workspace) pyExportValue(path, codeDir, name string) value {
	f := w.file(path, codeDir)
	if f.py == nil {
		return unknownValue
	}
	for _, d := range f.py.decls[name] {
		if d.scope == f.py.t.root && d.kind == declImport {
			return f.py.importValue(d)
		}
	}
	owner, n := w.pyExportNode(path, codeDir, name, 0)
	if n == nil {
		return unknownValue
	}
	if n.kind == "function_definition" {
		return value{kind: vFunc, pf: owner, n: n}
	}
	return owner.eval(n)
}
