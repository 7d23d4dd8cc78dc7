package iam

// JavaScript exports: what another module gets when it imports a name from
// this one (CommonJS exports/module.exports and ES module exports).

// maxExportHops bounds re-export chains (export … from "./x").
const maxExportHops = 8

// exportValue evaluates the export name of a local module.
func (w *workspace) exportValue(path, codeDir, name string) value {
	owner, n := w.exportNode(path, codeDir, name, 0)
	if n == nil {
		if name == "default" { // an ES import of a CommonJS module without module.exports
			return value{kind: vModule, pkg: path}
		}
		return unknownValue
	}
	return owner.eval(n)
}

// exportNode returns the file and node that define export name of path.
func (w *workspace) exportNode(path, codeDir, name string, hops int) (*jsFile, *node) {
	f := w.file(path, codeDir)
	if f.js == nil || hops > maxExportHops {
		return nil, nil
	}
	return f.js.exportNode(name, hops)
}

// exportNode finds export name among the top-level statements (the last
// definition wins, as at run time).
func (j *jsFile) exportNode(name string, hops int) (*jsFile, *node) {
	var owner *jsFile
	var found *node
	set := func(o *jsFile, n *node) {
		if n != nil {
			owner, found = o, n
		}
	}
	for _, st := range j.t.root.namedKids() {
		switch st.kind {
		case "export_statement":
			set(j.esExport(st, name, hops))
		case "expression_statement":
			set(j, j.cjsExport(st.firstNamed(), name))
		}
	}
	return owner, found
}

// esExport handles one ES export statement.
func (j *jsFile) esExport(st *node, name string, hops int) (*jsFile, *node) {
	isDefault := st.hasToken("default")
	if decl := st.get("declaration"); decl != nil {
		if isDefault {
			if name == "default" {
				return j, decl
			}
			return nil, nil
		}
		return j, j.declaredValue(decl, name)
	}
	if v := st.get("value"); v != nil && isDefault && name == "default" {
		return j, v
	}
	src, hasSrc := jsStringValue(j.t, st.get("source"))
	for _, c := range st.namedKids() {
		if c.kind != "export_clause" {
			continue
		}
		for _, spec := range c.namedKids() {
			local := j.keyText(spec.get("name"))
			exported := local
			if a := spec.get("alias"); a != nil {
				exported = j.keyText(a)
			}
			if exported != name {
				continue
			}
			if hasSrc {
				if file, ok := j.localModule(src); ok {
					return j.w.exportNode(file, j.f.codeDir, local, hops+1)
				}
				return nil, nil
			}
			return j, spec.get("name")
		}
	}
	if hasSrc && st.get("declaration") == nil && !hasClause(st) { // export * from "./x"
		if file, ok := j.localModule(src); ok && name != "default" {
			return j.w.exportNode(file, j.f.codeDir, name, hops+1)
		}
	}
	return nil, nil
}

func hasClause(st *node) bool {
	for _, c := range st.namedKids() {
		if c.kind == "export_clause" || c.kind == "namespace_export" {
			return true
		}
	}
	return false
}

// declaredValue returns the value a declaration gives name, or nil.
func (j *jsFile) declaredValue(decl *node, name string) *node {
	switch decl.kind {
	case "function_declaration", "generator_function_declaration", "class_declaration", "abstract_class_declaration":
		if j.t.text(decl.get("name")) == name {
			return decl
		}
	case "lexical_declaration", "variable_declaration":
		for _, d := range decl.namedKids() {
			if d.kind == "variable_declarator" && j.t.text(d.get("name")) == name {
				return d.get("name")
			}
		}
	}
	return nil
}

// cjsExport handles exports.a = v, module.exports.a = v and
// module.exports = {...}; chains (exports.a = exports.b = v) included.
func (j *jsFile) cjsExport(e *node, name string) *node {
	for range maxExportHops {
		if e.kindOr() != "assignment_expression" {
			return nil
		}
		right := e.get("right")
		path, ok := j.exportPath(e.get("left"))
		if ok {
			value := right
			for value.kindOr() == "assignment_expression" {
				value = value.get("right")
			}
			if n := j.exportFrom(path, value, name); n != nil {
				return n
			}
		}
		e = right
	}
	return nil
}

// exportFrom finds name in a value exported under path.
func (j *jsFile) exportFrom(path []string, value *node, name string) *node {
	switch {
	case len(path) == 1 && path[0] == name:
		return value
	case len(path) == 0 && name == "default":
		return value
	case len(path) == 0:
		obj := unwrap(j.t, value)
		if obj.kindOr() == "identifier" {
			if d := j.lookup(j.t.text(obj), obj); d != nil && d.kind == declVar && d.value != nil && d.prop == "" {
				obj = unwrap(j.t, d.value)
			}
		}
		if obj.kindOr() == "object" {
			return j.propertyNode(obj, name)
		}
	}
	return nil
}

// exportPath turns an assignment target into the export path it writes:
// exports.a → [a], module.exports.a → [a], module.exports → [].
func (j *jsFile) exportPath(n *node) ([]string, bool) {
	var names []string
	for range maxExportHops {
		switch n.kindOr() {
		case "member_expression":
			names = append(names, j.t.text(n.get("property")))
			n = n.get("object")
			continue
		case "subscript_expression":
			s, ok := jsStringValue(j.t, n.get("index"))
			if !ok {
				return nil, false
			}
			names = append(names, s)
			n = n.get("object")
			continue
		case "identifier":
			for i, k := 0, len(names)-1; i < k; i, k = i+1, k-1 {
				names[i], names[k] = names[k], names[i]
			}
			switch j.t.text(n) {
			case "exports":
				return names, len(names) > 0
			case "module":
				if len(names) > 0 && names[0] == "exports" {
					return names[1:], true
				}
			}
		}
		return nil, false
	}
	return nil, false
}
