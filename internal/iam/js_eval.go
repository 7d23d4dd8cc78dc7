package iam

// Evaluating JavaScript expressions to the values the SDK analysis tracks.

// maxEvalDepth bounds how far evaluation follows bindings and calls.
const maxEvalDepth = 24

// eval evaluates an expression. Results are memoised per node, so shared
// sub-expressions (a parameter fed by many call sites) cost once.
func (j *jsFile) eval(n *node) value {
	n = unwrap(j.t, n)
	if n == nil || j.busy[n] || j.depth > maxEvalDepth {
		return unknownValue
	}
	if v, ok := j.memo[n]; ok {
		return v
	}
	j.busy[n] = true
	j.depth++
	v := j.evalNode(n)
	delete(j.busy, n)
	j.depth--
	j.memo[n] = v
	return v
}

func (j *jsFile) evalNode(n *node) value {
	switch n.kind {
	case "identifier", "shorthand_property_identifier":
		return j.evalIdent(n)
	case "method_definition":
		return value{kind: vFunc, file: j, n: n}
	case "this":
		return unknownValue
	case "member_expression":
		obj := j.eval(n.get("object"))
		prop := j.t.text(n.get("property"))
		if obj.kind == vUnknown && n.get("object").kindOr() == "this" {
			return j.propValue(prop)
		}
		if v := j.member(obj, prop); v.known() {
			return v
		}
		if obj.kind == vUnknown || obj.kind == vClass {
			return j.propValue(prop)
		}
		return unknownValue
	case "subscript_expression":
		if s, ok := jsStringValue(j.t, n.get("index")); ok {
			return j.member(j.eval(n.get("object")), s)
		}
		return unknownValue
	case "call_expression":
		return j.evalCall(n)
	case "new_expression":
		return j.evalNew(n)
	case "object":
		return value{kind: vObject, file: j, n: n}
	case "arrow_function", "function_expression", "function", "function_declaration", "generator_function",
		"generator_function_declaration":
		return value{kind: vFunc, file: j, n: n}
	case "class", "class_declaration", "abstract_class_declaration":
		return value{kind: vClass, file: j, n: n}
	case "binary_expression":
		if op := j.t.text(n.get("operator")); op == "||" || op == "??" {
			if v := j.eval(n.get("left")); v.known() {
				return v
			}
			return j.eval(n.get("right"))
		}
	case "ternary_expression":
		if v := j.eval(n.get("consequence")); v.known() {
			return v
		}
		return j.eval(n.get("alternative"))
	case "assignment_expression":
		return j.eval(n.get("right"))
	}
	return unknownValue
}

// evalIdent follows a name to its binding.
func (j *jsFile) evalIdent(n *node) value {
	name := j.t.text(n)
	d := j.lookup(name, n)
	if d == nil {
		if name == "process" {
			return value{kind: vProcess}
		}
		return unknownValue
	}
	switch d.kind {
	case declImport:
		return j.importValue(d)
	case declFunc:
		return value{kind: vFunc, file: j, n: d.value}
	case declClass:
		return value{kind: vClass, file: j, n: d.value}
	case declParam:
		if d.value != nil {
			if v := j.eval(d.value); v.known() {
				return v
			}
		}
		for _, arg := range j.argsFor(d) {
			if v := j.eval(arg); v.known() {
				return v
			}
		}
		return unknownValue
	}
	v := unknownValue
	if d.value != nil {
		v = j.eval(d.value)
		if d.prop != "" {
			v = j.member(v, d.prop)
		}
	}
	if !v.known() && d.prop == "" {
		for _, a := range j.assigns[name] {
			if v = j.eval(a); v.known() {
				break
			}
		}
	}
	return v
}

// propValue evaluates this.name / obj.name from the values assigned to
// properties of that name anywhere in the file.
func (j *jsFile) propValue(name string) value {
	for _, a := range j.props[name] {
		if v := j.eval(a); v.known() && v.kind != vFunc {
			return v
		}
	}
	return unknownValue
}

// property looks name up in an object literal.
func (j *jsFile) property(obj *node, name string) value {
	if p := j.propertyNode(obj, name); p != nil {
		return j.eval(p)
	}
	return unknownValue
}

// propertyNode returns the node defining property name of an object
// literal (the value of a pair, a shorthand identifier, a method).
func (j *jsFile) propertyNode(obj *node, name string) *node {
	var found *node
	for _, p := range obj.namedKids() {
		switch p.kind {
		case "pair":
			if j.keyText(p.get("key")) == name {
				found = p.get("value")
			}
		case "shorthand_property_identifier":
			if j.t.text(p) == name {
				found = p
			}
		case "method_definition":
			if j.keyText(p.get("name")) == name {
				found = p
			}
		}
	}
	return found
}

// evalCall evaluates a call: require/import, client factories, X-Ray
// wrappers, DynamoDBDocumentClient.from, and local functions returning a
// client.
func (j *jsFile) evalCall(n *node) value {
	fn := unwrap(j.t, n.get("function"))
	if fn.kindOr() == "import" || (fn.kindOr() == "identifier" && j.t.text(fn) == "require" && j.lookup("require", fn) == nil) {
		if s, ok := jsStringValue(j.t, firstArg(n)); ok {
			return j.moduleValue(s)
		}
		return unknownValue
	}
	fv := j.eval(fn)
	switch fv.kind {
	case vV3From:
		return value{kind: vClient, svc: fv.svc, style: fv.style}
	case vCapture:
		return j.eval(firstArg(n))
	case vFunc:
		return fv.file.returns(fv.n)
	}
	return unknownValue
}

// evalNew evaluates `new X(…)`: SDK clients.
func (j *jsFile) evalNew(n *node) value {
	cv := j.eval(n.get("constructor"))
	switch cv.kind {
	case vV2Ctor, vV3Ctor:
		return value{kind: vClient, svc: cv.svc, svcName: cv.svcName, style: cv.style}
	case vClass:
		return value{kind: vClass, file: cv.file, n: cv.n}
	}
	return unknownValue
}

// returns evaluates what a function returns: an arrow's expression body,
// or its return statements (the first known value wins).
func (j *jsFile) returns(fn *node) value {
	body := fn.get("body")
	if body == nil {
		return unknownValue
	}
	if body.kind != "statement_block" {
		return j.eval(body)
	}
	var out value
	traverse(body, func(m *node) bool {
		if out.known() {
			return false
		}
		if m != body && jsFuncKinds[m.kind] {
			return false // a nested function's returns are its own
		}
		if m.kind == "return_statement" {
			if v := j.eval(m.firstNamed()); v.known() {
				out = v
			}
			return false
		}
		return true
	})
	return out
}

// argsFor returns the arguments passed for a parameter at the call sites
// of its function in this file.
func (j *jsFile) argsFor(d *jsDecl) []*node {
	name := j.funcName(d.fn)
	if name == "" {
		return j.argsForCallback(d)
	}
	var out []*node
	for _, call := range j.callsByName[name] {
		if arg := nthArg(call, d.index); arg != nil {
			out = append(out, arg)
		}
		if len(out) >= maxAlternatives {
			break
		}
	}
	return out
}

// argsForCallback handles an inline callback's parameter: none known.
func (j *jsFile) argsForCallback(*jsDecl) []*node { return nil }

// funcName returns the name a function is called by: its declared name,
// the variable or property it is assigned to, or its method name.
func (j *jsFile) funcName(fn *node) string {
	if fn == nil {
		return ""
	}
	if name := fn.get("name"); name != nil {
		return j.keyText(name)
	}
	p := fn.parent
	for p != nil && (p.kind == "parenthesized_expression") {
		p = p.parent
	}
	switch p.kindOr() {
	case "variable_declarator":
		if name := p.get("name"); name.kindOr() == "identifier" {
			return j.t.text(name)
		}
	case "pair":
		return j.keyText(p.get("key"))
	case "assignment_expression":
		left := p.get("left")
		if left.kindOr() == "member_expression" {
			return j.t.text(left.get("property"))
		}
		if left.kindOr() == "identifier" {
			return j.t.text(left)
		}
	}
	return ""
}
