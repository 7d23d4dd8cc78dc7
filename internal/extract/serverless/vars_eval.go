package serverless

import (
	"strconv"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
)

// eval evaluates the body of one reference (the text between "${" and "}"),
// trying each fallback in turn. The node it finds is not resolved further.
func (r *resolver) eval(body string, at *cfgtree.Node) outcome {
	r.steps++
	if r.steps > maxSteps {
		if r.steps == maxSteps+1 {
			r.warn(at, "limit", "more than %d variable references; the rest are left unresolved", maxSteps)
		}
		return outcome{state: symbolic}
	}
	var first outcome
	for i, alt := range splitAlternatives(body) {
		o := r.evalAlt(alt, i == 0, at)
		if o.state == found && o.node != nil && o.node.Kind != cfgtree.Null {
			return o
		}
		if o.state == symbolic || o.state == literal {
			return o
		}
		if i == 0 {
			first = outcome{state: missing, note: o.note}
		}
		if first.dflt == nil {
			first.dflt = o.dflt
		}
	}
	if first.dflt != nil {
		return outcome{node: first.dflt}
	}
	return first
}

// evalAlt evaluates one alternative: a quoted literal, a nested reference,
// a reference, or (as a fallback) a bare literal.
func (r *resolver) evalAlt(alt string, primary bool, at *cfgtree.Node) outcome {
	if s, ok := quoted(alt); ok {
		out := r.scalarAt(s, at)
		out.Quoted = true
		return outcome{node: out}
	}
	if isWholeRef(alt) {
		if !r.enter(at) {
			return outcome{state: symbolic}
		}
		defer r.leave()
		return r.eval(alt[2:len(alt)-1], at)
	}
	text, ok := r.interpolate(alt, at)
	if !ok {
		return outcome{state: symbolic}
	}
	rf, isRef := parseRef(text)
	if isRef && !rf.hasParam && strings.HasPrefix(rf.address, ":") {
		isRef = false // AWS::Region
	}
	switch {
	case isRef:
		return r.source(rf, at)
	case primary:
		// Not a Serverless variable: CloudFormation's ${AWS::Region} or
		// ${Table.Arn} inside Fn::Sub, which the framework leaves alone.
		return outcome{state: literal}
	case text == "null":
		return outcome{state: missing}
	}
	out := r.scalarAt(text, at)
	out.Quoted = !isPlainLiteral(text)
	return outcome{node: out}
}

// source dispatches a parsed reference to its source.
func (r *resolver) source(rf ref, at *cfgtree.Node) outcome {
	switch rf.source {
	case "self":
		return r.self(rf.address, at)
	case "opt":
		return r.opt(rf.address, at)
	case "sls":
		return r.sls(rf.address, at)
	case "env":
		return r.env(rf.address, at)
	case "param":
		return r.param(rf.address, at)
	case "file":
		if rf.hasParam {
			return r.fileRef(rf, at)
		}
	case "strToBool":
		if rf.hasParam {
			return r.strToBool(rf.param, at)
		}
	}
	// ssm, aws, cf, s3, sm, and anything a plugin may add: deploy-time only.
	return outcome{state: symbolic}
}

// interpolate replaces the references inside s with their text. It reports
// false when one of them stays unresolved; that one keeps its text.
func (r *resolver) interpolate(s string, at *cfgtree.Node) (string, bool) {
	spans := findRefs(s)
	if len(spans) == 0 {
		return s, true
	}
	var b strings.Builder
	ok, prev := true, 0
	for _, sp := range spans {
		b.WriteString(s[prev:sp.start])
		text := s[sp.start:sp.end]
		part, good := r.evalString(text[2:len(text)-1], at)
		if !good {
			part, ok = text, false
		}
		b.WriteString(part)
		if b.Len() > maxValueLen {
			r.warn(at, "limit", "value longer than %d bytes after variable resolution; left unresolved", maxValueLen)
			return s, false
		}
		prev = sp.end
	}
	b.WriteString(s[prev:])
	return b.String(), ok
}

// evalString evaluates a reference that sits inside a longer string, so its
// value must be a scalar.
func (r *resolver) evalString(body string, at *cfgtree.Node) (string, bool) {
	o := r.eval(body, at)
	switch o.state {
	case literal:
		return "${" + body + "}", true
	case missing:
		if o.note != "" {
			r.warn(at, "resolve", "%s; left unresolved", o.note)
		}
		return "", false
	case symbolic:
		return "", false
	}
	t := r.full(o.node)
	switch {
	case t == nil:
		r.warn(at, "resolve", "circular reference ${%s}; left unresolved", body)
		return "", false
	case t.Kind != cfgtree.Scalar:
		r.warn(at, "resolve", "${%s} is a map or list and cannot be part of a string; left unresolved", body)
		return "", false
	case r.unresolved[t]:
		return "", false
	}
	return t.Value, true
}

// lookup follows a path of map keys and list indexes from start, following
// whole references on the way (custom: ${file(./custom.yml)}).
func (r *resolver) lookup(start *cfgtree.Node, path []string, what string) outcome {
	cur := start
	for i, key := range path {
		o := r.deref(cur)
		if o.state != found {
			return o
		}
		var next *cfgtree.Node
		switch o.node.Kind {
		case cfgtree.Map:
			next = o.node.Get(key)
		case cfgtree.Seq:
			if idx, err := strconv.Atoi(key); err == nil && idx >= 0 && idx < len(o.node.Items) {
				next = o.node.Items[idx]
			}
		}
		if next == nil {
			return outcome{state: missing, note: what + strings.Join(path[:i+1], ".") + " is not defined"}
		}
		cur = next
	}
	return r.deref(cur)
}

// scalarOf resolves n and returns its text when it is a resolved scalar.
func (r *resolver) scalarOf(n *cfgtree.Node) (string, bool) {
	if n == nil || r.inFlight(n) {
		return "", false
	}
	t := r.full(n)
	if t == nil || t.Kind != cfgtree.Scalar || r.unresolved[t] || t.Value == "" {
		return "", false
	}
	return t.Value, true
}
