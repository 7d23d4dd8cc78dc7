package iam

// String values in Python: literals, f-strings, os.environ / os.getenv,
// module constants, parameters and the S3 event's bucket.

// str evaluates an expression as a string.
func (p *pyFile) str(n *node) alts {
	n = pyUnwrap(n)
	if n == nil || p.sbusy[n] || p.depth > maxEvalDepth {
		return alts{unknownExpr()}
	}
	if a, ok := p.smemo[n]; ok {
		return a
	}
	p.sbusy[n] = true
	p.depth++
	a := p.strNode(n)
	delete(p.sbusy, n)
	p.depth--
	p.smemo[n] = a
	return a
}

func (p *pyFile) strNode(n *node) alts {
	switch n.kind {
	case "string":
		return p.strLiteral(n)
	case "concatenated_string":
		out := alts{litExpr("")}
		for _, c := range n.namedKids() {
			out = concatAlts(out, p.str(c))
		}
		return out
	case "integer":
		return alts{litExpr(p.t.text(n))}
	case "identifier":
		return p.strIdent(n)
	case "attribute":
		return p.strAttr(n)
	case "subscript":
		return p.strSubscript(n)
	case "call":
		return p.strCall(n)
	case "binary_operator":
		if p.t.text(n.get("operator")) == "+" {
			return concatAlts(p.str(n.get("left")), p.str(n.get("right")))
		}
	case "boolean_operator":
		return alts{}.add(p.str(n.get("left"))...).add(p.str(n.get("right")).asFallback()...)
	case "conditional_expression":
		kids := n.namedKids()
		if len(kids) == 3 {
			return alts{}.add(p.str(kids[0])...).add(p.str(kids[2])...)
		}
	}
	return alts{unknownExpr()}
}

// strLiteral evaluates a string or f-string.
func (p *pyFile) strLiteral(n *node) alts {
	out := alts{litExpr("")}
	for _, c := range n.kids {
		switch c.kind {
		case "string_content":
			out = concatAlts(out, alts{litExpr(p.t.text(c))})
		case "interpolation":
			sub := p.str(c.get("expression"))
			if len(sub) > 1 {
				sub = sub[:1]
			}
			out = concatAlts(out, sub)
		}
	}
	return out
}

func (p *pyFile) strIdent(n *node) alts {
	d := p.lookup(p.t.text(n), n)
	if d == nil {
		return alts{unknownExpr()}
	}
	switch d.kind {
	case declImport:
		file, asModule, ok := p.localModule(d.spec, d.member)
		if ok && d.member != "" && !asModule {
			if owner, m := p.w.pyExportNode(file, p.f.codeDir, d.member, 0); m != nil {
				return owner.str(m)
			}
		}
	case declParam:
		out := alts{}
		for _, a := range p.argsFor(d) {
			out = out.add(p.str(a)...)
		}
		if d.value != nil {
			def := p.str(d.value)
			if len(out) > 0 {
				def = def.asFallback()
			}
			out = out.add(def...)
		}
		if len(out) > 0 {
			return out
		}
	case declVar:
		return p.str(d.value)
	}
	return alts{unknownExpr()}
}

// strAttr evaluates module.CONSTANT and self.attr.
func (p *pyFile) strAttr(n *node) alts {
	obj := n.get("object")
	name := p.t.text(n.get("attribute"))
	if v := p.eval(obj); v.kind == vModule {
		if owner, m := p.w.pyExportNode(v.pkg, p.f.codeDir, name, 0); m != nil {
			return owner.str(m)
		}
	}
	if obj.kindOr() == "identifier" && p.t.text(obj) == "self" {
		out := alts{}
		for _, a := range p.props[name] {
			out = out.add(p.str(a)...)
		}
		if len(out) > 0 {
			return out
		}
	}
	return alts{unknownExpr()}
}

// strSubscript evaluates os.environ["X"] and the S3 event's bucket.
func (p *pyFile) strSubscript(n *node) alts {
	if isS3EventBucket(p.t.text(n)) {
		return alts{s3EventExpr()}
	}
	if p.eval(n.get("value")).kind == vPyEnviron {
		if s, ok := pyStringContent(p.t, pyUnwrap(n.get("subscript"))); ok {
			return alts{envExpr(s)}
		}
	}
	return alts{unknownExpr()}
}

// strCall evaluates os.getenv("X", default), os.environ.get(…) and str(x).
func (p *pyFile) strCall(n *node) alts {
	fn := n.get("function")
	if fn.kindOr() == "identifier" && p.t.text(fn) == "str" {
		return p.str(p.arg(n, 0, ""))
	}
	if p.eval(fn).kind != vPyGetenv {
		return alts{unknownExpr()}
	}
	name, ok := pyStringContent(p.t, pyUnwrap(p.arg(n, 0, "key")))
	if !ok {
		return alts{unknownExpr()}
	}
	out := alts{envExpr(name)}
	if def := p.arg(n, 1, "default"); def != nil {
		out = out.add(p.str(def).asFallback()...)
	}
	return out
}
