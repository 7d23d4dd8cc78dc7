package iam

// Top-level definitions and references of a JavaScript/TypeScript module.

// buildDefs lists the module's top-level definitions.
func (j *jsFile) buildDefs() *defTable {
	d := newDefTable()
	for _, st := range j.t.root.namedKids() {
		switch st.kind {
		case "function_declaration", "generator_function_declaration", "class_declaration", "abstract_class_declaration":
			d.add(topDef{node: st, names: []string{j.t.text(st.get("name"))}})
		case "lexical_declaration", "variable_declaration":
			j.declDefs(d, st, false)
		case "export_statement":
			j.exportDefs(d, st)
		case "expression_statement":
			if !j.cjsDefs(d, st) {
				d.init = append(d.init, st)
			}
		case "import_statement", "empty_statement":
		default:
			d.init = append(d.init, st)
		}
	}
	d.sortDefs()
	return d
}

// declDefs adds one definition per declarator of a declaration.
func (j *jsFile) declDefs(d *defTable, st *node, exported bool) {
	for _, dc := range st.namedKids() {
		if dc.kind != "variable_declarator" {
			continue
		}
		names := j.patternNames(dc.get("name"))
		td := topDef{node: dc, names: names}
		if exported {
			td.exports = names
		}
		d.add(td)
	}
}

// patternNames lists the names a binding pattern binds.
func (j *jsFile) patternNames(p *node) []string {
	var out []string
	traverse(p, func(n *node) bool {
		switch n.kind {
		case "identifier", "shorthand_property_identifier_pattern":
			out = append(out, j.t.text(n))
		case "pair_pattern":
			traverse(n.get("value"), func(m *node) bool {
				if m.kind == "identifier" {
					out = append(out, j.t.text(m))
				}
				return true
			})
			return false
		}
		return true
	})
	return out
}

// exportDefs handles an ES export statement.
func (j *jsFile) exportDefs(d *defTable, st *node) {
	isDefault := st.hasToken("default")
	if decl := st.get("declaration"); decl != nil {
		switch decl.kind {
		case "lexical_declaration", "variable_declaration":
			j.declDefs(d, decl, true)
		default:
			name := j.t.text(decl.get("name"))
			td := topDef{node: st, exports: []string{name}}
			if name != "" {
				td.names = []string{name}
			}
			if isDefault {
				td.exports = []string{"default"}
			}
			d.add(td)
		}
		return
	}
	if v := st.get("value"); v != nil && isDefault {
		d.add(topDef{node: st, exports: []string{"default"}})
		return
	}
	src, hasSrc := jsStringValue(j.t, st.get("source"))
	file, local := "", false
	if hasSrc {
		file, local = j.localModule(src)
	}
	for _, c := range st.namedKids() {
		if c.kind != "export_clause" {
			continue
		}
		for _, spec := range c.namedKids() {
			name := j.keyText(spec.get("name"))
			exported := name
			if a := spec.get("alias"); a != nil {
				exported = j.keyText(a)
			}
			switch {
			case !hasSrc:
				d.aliases[exported] = name
			case local:
				d.reexports[exported] = append(d.reexports[exported], fileExport{file, name})
			}
		}
	}
	if hasSrc && local && !hasClause(st) {
		d.reexports["*"] = append(d.reexports["*"], fileExport{file, ""})
	}
}

// cjsDefs handles CommonJS export assignments; false when st is not one.
func (j *jsFile) cjsDefs(d *defTable, st *node) bool {
	e := st.firstNamed()
	if e.kindOr() != "assignment_expression" {
		return false
	}
	path, ok := j.exportPath(e.get("left"))
	if !ok {
		return false
	}
	value := e.get("right")
	for value.kindOr() == "assignment_expression" {
		value = value.get("right")
	}
	if len(path) > 0 {
		d.add(topDef{node: st, exports: []string{path[0]}})
		return true
	}
	v := unwrap(j.t, value)
	switch v.kindOr() {
	case "object":
		j.objectExports(d, v)
	case "identifier":
		d.aliases["*"] = j.t.text(v)
		d.aliases["default"] = j.t.text(v)
	default:
		d.add(topDef{node: st, exports: []string{"default", "*"}})
	}
	return true
}

// objectExports adds a definition per property of module.exports = {...}.
func (j *jsFile) objectExports(d *defTable, obj *node) {
	for _, p := range obj.namedKids() {
		switch p.kind {
		case "pair":
			d.add(topDef{node: p, exports: []string{j.keyText(p.get("key"))}})
		case "method_definition":
			d.add(topDef{node: p, exports: []string{j.keyText(p.get("name"))}})
		case "shorthand_property_identifier":
			d.aliases[j.t.text(p)] = j.t.text(p)
		}
	}
}

// refs lists the names code under n uses; obj.member reads keep the member.
func (j *jsFile) refs(n *node) []ref {
	var out []ref
	traverse(n, func(m *node) bool {
		switch m.kind {
		case "identifier", "shorthand_property_identifier", "type_identifier":
			out = append(out, ref{name: j.t.text(m)})
		case "member_expression":
			if obj := m.get("object"); obj.kindOr() == "identifier" {
				out = append(out, ref{name: j.t.text(obj), member: j.t.text(m.get("property"))})
				return false
			}
		}
		return true
	})
	return out
}

// binding reports whether a top-level name is bound to a local module (an
// import, or const x = require("./x") / require("./x").y), and which
// member: "" for the whole module, "default", or a named export.
func (j *jsFile) binding(name string) (file, member string, ok bool) {
	for _, d := range j.decls[name] {
		if d.scope != j.t.root {
			continue
		}
		switch d.kind {
		case declImport:
			if f, ok := j.localModule(d.spec); ok {
				return f, d.member, true
			}
		case declVar:
			spec, member := j.requireOf(d.value)
			if f, ok := j.localModule(spec); ok {
				if d.prop != "" {
					member = d.prop
				}
				return f, member, true
			}
		}
	}
	return "", "", false
}

// requireOf returns the module of require("x") or require("x").y, and y.
func (j *jsFile) requireOf(v *node) (string, string) {
	v = unwrap(j.t, v)
	member := ""
	if v.kindOr() == "member_expression" {
		member = j.t.text(v.get("property"))
		v = unwrap(j.t, v.get("object"))
	}
	if v.kindOr() != "call_expression" {
		return "", ""
	}
	fn := v.get("function")
	if fn.kindOr() != "identifier" || j.t.text(fn) != "require" {
		return "", ""
	}
	s, _ := jsStringValue(j.t, firstArg(v))
	return s, member
}
