package iam

import "strings"

// Evaluating Python expressions: boto3 clients, resources and the objects
// they hand out, and string values.

// pyModuleValue is what importing spec (with member) yields.
func (p *pyFile) importValue(d *pyDecl) value {
	top := pyTopModule(strings.TrimLeft(d.spec, "."))
	if !strings.HasPrefix(d.spec, ".") && (top == "boto3" || top == "aioboto3") {
		switch {
		case d.member == "" && (d.spec == "boto3" || d.spec == "aioboto3"):
			return value{kind: vPyBoto3}
		case d.member == "" && strings.HasSuffix(d.spec, ".session"):
			return value{kind: vPyBoto3Sub}
		case d.member != "":
			base := value{kind: vPyBoto3}
			if strings.HasSuffix(d.spec, ".session") {
				base = value{kind: vPyBoto3Sub}
			}
			return p.member(base, d.member)
		}
		return unknownValue
	}
	if d.spec == "os" && d.member == "" {
		return value{kind: vPyOs}
	}
	if d.spec == "os" {
		return p.member(value{kind: vPyOs}, d.member)
	}
	file, asModule, ok := p.localModule(d.spec, d.member)
	if !ok {
		return unknownValue
	}
	if d.member == "" || asModule {
		return value{kind: vModule, pkg: file}
	}
	return p.w.pyExportValue(file, p.f.codeDir, d.member)
}

// member evaluates v.name.
func (p *pyFile) member(v value, name string) value {
	switch v.kind {
	case vPyBoto3:
		switch name {
		case "client", "resource":
			return value{kind: vPyFactory, op: name}
		case "Session":
			return value{kind: vPySessionCls}
		case "session":
			return value{kind: vPyBoto3Sub}
		}
	case vPyBoto3Sub:
		if name == "Session" {
			return value{kind: vPySessionCls}
		}
	case vPySession:
		if name == "client" || name == "resource" {
			return value{kind: vPyFactory, op: name}
		}
	case vPyResource, vPyTable, vPyBucket, vPyS3Obj, vPyQueue, vPyTopic:
		if name == "meta" {
			return value{kind: vPyMeta, svc: v.svc, svcName: v.svcName}
		}
		if v.kind == vPyBucket && (name == "objects" || name == "object_versions") {
			op := "ListObjectsV2"
			if name == "object_versions" {
				op = "ListObjectVersions"
			}
			return value{kind: vPyCollection, svc: v.svc, op: op, n: v.n, pf: v.pf}
		}
		if v.kind == vPyResource && name == "buckets" {
			return value{kind: vPyCollection, svc: v.svc, op: "ListBuckets"}
		}
		b := v
		return value{kind: vPyMethod, op: name, base: &b, svc: v.svc}
	case vPyMeta:
		if name == "client" {
			return value{kind: vClient, svc: v.svc, svcName: v.svcName}
		}
	case vPyCollection, vClient, vPyPaginator:
		b := v
		return value{kind: vPyMethod, op: name, base: &b, svc: v.svc}
	case vModule:
		return p.w.pyExportValue(v.pkg, p.f.codeDir, name)
	case vPyOs:
		switch name {
		case "environ":
			return value{kind: vPyEnviron}
		case "getenv":
			return value{kind: vPyGetenv}
		}
	case vPyEnviron:
		if name == "get" {
			return value{kind: vPyGetenv}
		}
	}
	return unknownValue
}

// eval evaluates an expression (memoised per node).
func (p *pyFile) eval(n *node) value {
	n = pyUnwrap(n)
	if n == nil || p.busy[n] || p.depth > maxEvalDepth {
		return unknownValue
	}
	if v, ok := p.memo[n]; ok {
		return v
	}
	p.busy[n] = true
	p.depth++
	v := p.evalNode(n)
	delete(p.busy, n)
	p.depth--
	p.memo[n] = v
	return v
}

func (p *pyFile) evalNode(n *node) value {
	switch n.kind {
	case "identifier":
		return p.evalIdent(n)
	case "attribute":
		obj := n.get("object")
		name := p.t.text(n.get("attribute"))
		if v := p.member(p.eval(obj), name); v.known() {
			return v
		}
		if obj.kindOr() == "identifier" && p.t.text(obj) == "self" {
			return p.propValue(name)
		}
	case "call":
		return p.evalCall(n)
	case "boolean_operator":
		if v := p.eval(n.get("left")); v.known() {
			return v
		}
		return p.eval(n.get("right"))
	case "conditional_expression":
		if v := p.eval(n.firstNamed()); v.known() {
			return v
		}
	case "lambda", "function_definition":
		return value{kind: vFunc, pf: p, n: n}
	}
	return unknownValue
}

// pyUnwrap strips parentheses and await.
func pyUnwrap(n *node) *node {
	for range 16 {
		switch n.kindOr() {
		case "parenthesized_expression", "await":
			inner := n.firstNamed()
			if inner == nil {
				return n
			}
			n = inner
		default:
			return n
		}
	}
	return n
}

func (p *pyFile) evalIdent(n *node) value {
	d := p.lookup(p.t.text(n), n)
	if d == nil {
		return unknownValue
	}
	switch d.kind {
	case declImport:
		return p.importValue(d)
	case declFunc:
		return value{kind: vFunc, pf: p, n: d.value}
	case declClass:
		return unknownValue
	case declParam:
		if d.value != nil {
			if v := p.eval(d.value); v.known() {
				return v
			}
		}
		for _, a := range p.argsFor(d) {
			if v := p.eval(a); v.known() {
				return v
			}
		}
		return unknownValue
	}
	return p.eval(d.value)
}

// propValue evaluates self.name from the values assigned to it.
func (p *pyFile) propValue(name string) value {
	for _, a := range p.props[name] {
		if v := p.eval(a); v.known() {
			return v
		}
	}
	return unknownValue
}

// evalCall evaluates a call: boto3 factories and sessions, resource
// constructors (Table, Bucket, Object, Queue, Topic), paginators and local
// functions returning a client.
func (p *pyFile) evalCall(n *node) value {
	fv := p.eval(n.get("function"))
	switch fv.kind {
	case vPyFactory:
		name, ok := pyStringContent(p.t, pyUnwrap(p.arg(n, 0, "service_name")))
		if !ok {
			return unknownValue
		}
		s := services.byBoto3[name]
		if fv.op == "client" {
			return value{kind: vClient, svc: s, svcName: name}
		}
		return value{kind: vPyResource, svc: s, svcName: name}
	case vPySessionCls:
		return value{kind: vPySession}
	case vFunc:
		if fv.pf != nil {
			return fv.pf.returns(fv.n)
		}
	case vPyMethod:
		return p.methodResult(fv, n)
	}
	return unknownValue
}

// methodResult is what calling a resource or client method returns when
// that is another resource object.
func (p *pyFile) methodResult(m value, call *node) value {
	b := m.base
	svc := m.svc
	at := func(i int, name string) *node { return p.arg(call, i, name) }
	switch {
	case b.kind == vPyResource && m.op == "Table":
		return value{kind: vPyTable, svc: svc, n: at(0, "name"), pf: p}
	case b.kind == vPyResource && m.op == "Bucket":
		return value{kind: vPyBucket, svc: svc, n: at(0, "name"), pf: p}
	case b.kind == vPyResource && m.op == "Object":
		return value{kind: vPyS3Obj, svc: svc, n: at(0, "bucket_name"), pf: p}
	case b.kind == vPyBucket && m.op == "Object":
		return value{kind: vPyS3Obj, svc: svc, n: b.n, pf: b.pf}
	case b.kind == vPyResource && m.op == "Queue":
		return value{kind: vPyQueue, svc: svc, n: at(0, "url"), pf: p}
	case b.kind == vPyResource && m.op == "get_queue_by_name":
		return value{kind: vPyQueue, svc: svc, n: at(-1, "QueueName"), pf: p, op: "name"}
	case b.kind == vPyResource && m.op == "Topic":
		return value{kind: vPyTopic, svc: svc, n: at(0, "arn"), pf: p}
	case b.kind == vPyCollection:
		return *b // bucket.objects.filter(…) is still the collection
	case b.kind == vClient && m.op == "get_paginator":
		if op, ok := pyStringContent(p.t, pyUnwrap(at(0, "operation_name"))); ok {
			return value{kind: vPyPaginator, svc: b.svc, svcName: b.svcName, op: pascal(op)}
		}
	}
	return unknownValue
}

// returns evaluates what a function returns.
func (p *pyFile) returns(fn *node) value {
	body := fn.get("body")
	if fn.kind == "lambda" {
		return p.eval(body)
	}
	var out value
	traverse(body, func(m *node) bool {
		if out.known() || (m != body && (m.kind == "function_definition" || m.kind == "lambda" || m.kind == "class_definition")) {
			return false
		}
		if m.kind == "return_statement" {
			if v := p.eval(m.firstNamed()); v.known() {
				out = v
			}
			return false
		}
		return true
	})
	return out
}

// argsFor returns the arguments passed for a parameter at the call sites
// of its function in this file (positional or keyword).
func (p *pyFile) argsFor(d *pyDecl) []*node {
	if d.fn == nil || d.fn.kind != "function_definition" {
		return nil
	}
	name := p.t.text(d.fn.get("name"))
	idx := d.index
	if ancestor(d.fn, setOf("class_definition")) != nil && idx > 0 {
		idx-- // self is not passed explicitly
	}
	var out []*node
	for _, call := range p.callsByName[name] {
		if a := p.arg(call, idx, d.pname); a != nil {
			out = append(out, a)
		}
		if len(out) >= maxAlternatives {
			break
		}
	}
	return out
}
