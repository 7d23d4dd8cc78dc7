package iam

import "strings"

// String values in JavaScript: table names, bucket names, queue URLs as the
// code builds them from literals, environment variables, constants of
// other modules and the function's event.

// str evaluates an expression as a string.
func (j *jsFile) str(n *node) alts {
	n = unwrap(j.t, n)
	if n == nil || j.sbusy[n] || j.depth > maxEvalDepth {
		return alts{unknownExpr()}
	}
	if a, ok := j.smemo[n]; ok {
		return a
	}
	j.sbusy[n] = true
	j.depth++
	a := j.strNode(n)
	delete(j.sbusy, n)
	j.depth--
	j.smemo[n] = a
	return a
}

func (j *jsFile) strNode(n *node) alts {
	switch n.kind {
	case "string":
		s, _ := jsStringValue(j.t, n)
		return alts{litExpr(s)}
	case "template_string":
		return j.template(n)
	case "number":
		return alts{litExpr(j.t.text(n))}
	case "identifier", "shorthand_property_identifier":
		return j.strIdent(n)
	case "member_expression":
		return j.strMember(n.get("object"), j.t.text(n.get("property")), n)
	case "subscript_expression":
		if s, ok := jsStringValue(j.t, n.get("index")); ok {
			return j.strMember(n.get("object"), s, n)
		}
	case "binary_expression":
		return j.strBinary(n)
	case "ternary_expression":
		return alts{}.add(j.str(n.get("consequence"))...).add(j.str(n.get("alternative"))...)
	case "assignment_expression":
		return j.str(n.get("right"))
	case "call_expression":
		return j.strCall(n)
	}
	return alts{unknownExpr()}
}

// template evaluates `text ${expr} text`.
func (j *jsFile) template(n *node) alts {
	out := alts{litExpr("")}
	pos := n.start + 1
	for _, c := range n.kids {
		if c.kind != "template_substitution" {
			continue
		}
		out = concatAlts(out, alts{litExpr(string(j.t.doc.Source()[pos:c.start]))})
		sub := j.str(c.firstNamed())
		if len(sub) > 1 {
			sub = sub[:1]
		}
		out = concatAlts(out, sub)
		pos = c.end
	}
	if end := n.end - 1; end >= pos && int(end) <= len(j.t.doc.Source()) {
		out = concatAlts(out, alts{litExpr(string(j.t.doc.Source()[pos:end]))})
	}
	return out
}

// strBinary handles a + b, a || b and a ?? b.
func (j *jsFile) strBinary(n *node) alts {
	switch j.t.text(n.get("operator")) {
	case "+":
		return concatAlts(j.str(n.get("left")), j.str(n.get("right")))
	case "||", "??":
		return alts{}.add(j.str(n.get("left"))...).add(j.str(n.get("right")).asFallback()...)
	}
	return alts{unknownExpr()}
}

// strCall handles String(x), x.toString(), x.trim() and local functions
// returning a string.
func (j *jsFile) strCall(n *node) alts {
	fn := unwrap(j.t, n.get("function"))
	switch fn.kindOr() {
	case "identifier":
		if j.t.text(fn) == "String" {
			return j.str(firstArg(n))
		}
		if v := j.eval(fn); v.kind == vFunc && v.file != nil {
			return v.file.strReturns(v.n)
		}
	case "member_expression":
		switch j.t.text(fn.get("property")) {
		case "toString", "trim", "toLowerCase", "toUpperCase":
			return j.str(fn.get("object"))
		}
	}
	return alts{unknownExpr()}
}

// strReturns evaluates the string a function returns.
func (j *jsFile) strReturns(fn *node) alts {
	body := fn.get("body")
	if body == nil {
		return alts{unknownExpr()}
	}
	if body.kind != "statement_block" {
		return j.str(body)
	}
	out := alts{}
	traverse(body, func(m *node) bool {
		if m != body && jsFuncKinds[m.kind] {
			return false
		}
		if m.kind == "return_statement" {
			out = out.add(j.str(m.firstNamed())...)
			return false
		}
		return true
	})
	if len(out) == 0 {
		return alts{unknownExpr()}
	}
	return out
}

// strMember evaluates obj.prop as a string: process.env.X, the S3 event's
// bucket, a property of a local object or an export of a local module.
func (j *jsFile) strMember(obj *node, prop string, whole *node) alts {
	if isS3EventBucket(j.t.text(whole)) {
		return alts{s3EventExpr()}
	}
	ov := j.eval(obj)
	return j.strOf(ov, prop)
}

// strOf evaluates property prop of an evaluated object as a string.
func (j *jsFile) strOf(ov value, prop string) alts {
	switch ov.kind {
	case vEnvObj:
		return alts{envExpr(prop)}
	case vObject:
		if ov.file != nil {
			if p := ov.file.propertyNode(ov.n, prop); p != nil {
				return ov.file.str(p)
			}
		}
	case vModule:
		if owner, n := j.w.exportNode(ov.pkg, j.f.codeDir, prop, 0); n != nil {
			return owner.str(n)
		}
	}
	return alts{unknownExpr()}
}

// strIdent follows a name to the string it holds.
func (j *jsFile) strIdent(n *node) alts {
	d := j.lookup(j.t.text(n), n)
	if d == nil {
		return alts{unknownExpr()}
	}
	switch d.kind {
	case declImport:
		if file, ok := j.localModule(d.spec); ok && d.member != "" {
			if owner, m := j.w.exportNode(file, j.f.codeDir, d.member, 0); m != nil {
				return owner.str(m)
			}
		}
		return alts{unknownExpr()}
	case declParam:
		return j.strParam(d)
	case declVar:
		if d.prop != "" {
			if d.prop == "name" && strings.HasSuffix(strings.TrimSpace(j.t.text(d.value)), "s3.bucket") {
				return alts{s3EventExpr()}
			}
			return j.strOf(j.eval(d.value), d.prop)
		}
		if d.value != nil {
			if out := j.str(d.value); !allUnknown(out) {
				return out
			}
		}
		out := alts{}
		for _, a := range j.assigns[d.name] {
			out = out.add(j.str(a)...)
		}
		if len(out) > 0 {
			return out
		}
	}
	return alts{unknownExpr()}
}

// strParam evaluates a parameter from the arguments its function is
// called with in this file, or from its default value.
func (j *jsFile) strParam(d *jsDecl) alts {
	out := alts{}
	for _, arg := range j.argsFor(d) {
		out = out.add(j.str(arg)...)
	}
	if d.value != nil {
		def := j.str(d.value)
		if len(out) > 0 {
			def = def.asFallback()
		}
		out = out.add(def...)
	}
	if len(out) == 0 {
		return alts{unknownExpr()}
	}
	return out
}

func allUnknown(a alts) bool {
	for _, e := range a {
		if !e.isUnknown() {
			return false
		}
	}
	return true
}

// isS3EventBucket reports whether an expression reads the bucket of an S3
// event record (record.s3.bucket.name, event.Records[0].s3.bucket.name,
// record['s3']['bucket']['name']).
func isS3EventBucket(text string) bool {
	t := strings.NewReplacer(" ", "", "\n", "", "\t", "", "'", "", "\"", "", "?.", ".", "[", ".", "]", "").Replace(text)
	return strings.HasSuffix(t, ".s3.bucket.name")
}
