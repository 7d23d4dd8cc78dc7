package serverless

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
)

// certainty says how much clad knows about a rendered value.
type certainty int

const (
	// unknownValue could be anything, even "*": a deploy-time variable
	// (${ssm:...}), a template Parameter, Fn::ImportValue, Fn::If...
	unknownValue certainty = iota
	// symbolicValue names one specific thing whose exact text only exists
	// at deploy time: Ref(Table), GetAtt(Queue.Arn), ${AWS::AccountId}.
	symbolicValue
	// literalValue is the exact text.
	literalValue
)

// known reports whether a value is at least symbolic: it does not hide a
// wildcard.
func (c certainty) known() bool { return c >= symbolicValue }

// renderer turns resolved manifest values, CloudFormation intrinsic
// functions included, into readable text:
//
//	{Fn::GetAtt: [Table, Arn]}, !GetAtt Table.Arn  → GetAtt(Table.Arn)
//	!GetAtt Table.StreamArn                        → GetAtt(Table.StreamArn)
//	{Ref: Bucket}                                  → Ref(Bucket)
//	{Ref: AWS::AccountId}                          → ${AWS::AccountId}
//	{Fn::Join: ['', [a, {Ref: B}]]}                → aRef(B)
//	!Sub 'arn:${AWS::Partition}:s3:::${Bucket}/*'  → arn:aws:s3:::Ref(Bucket)/*
//
// AWS::Partition, AWS::URLSuffix, AWS::Region and AWS::StackName are known
// literally (the region and stack name from the resolved service); other
// pseudo parameters and resources of the service are symbolic.
type renderer struct {
	unresolved func(*cfgtree.Node) bool
	params     map[string]bool   // CloudFormation Parameters of the service
	pseudo     map[string]string // pseudo parameters with a known value
}

// maxRenderDepth bounds nested intrinsics; maxRenderLen bounds the text.
const (
	maxRenderDepth = 16
	maxRenderLen   = 4096
)

// render returns the text of n and how certain it is.
func (rd renderer) render(n *cfgtree.Node) (string, certainty) {
	s, c := rd.value(n, 0)
	if len(s) > maxRenderLen {
		s = s[:maxRenderLen] + "…"
	}
	return s, c
}

func (rd renderer) value(n *cfgtree.Node, depth int) (string, certainty) {
	if n == nil || n.Kind == cfgtree.Null {
		return "", literalValue
	}
	if depth > maxRenderDepth {
		return "…", unknownValue
	}
	if fn, arg, ok := intrinsic(n); ok {
		return rd.intrinsic(fn, arg, depth+1)
	}
	return rd.plain(n, depth)
}

// plain renders n as data, ignoring a tag it may carry (the argument of a
// tagged intrinsic is the tagged node itself).
func (rd renderer) plain(n *cfgtree.Node, depth int) (string, certainty) {
	switch n.Kind {
	case cfgtree.Null:
		return "", literalValue
	case cfgtree.Scalar:
		if rd.unresolved(n) {
			return n.Value, unknownValue
		}
		return n.Value, literalValue
	case cfgtree.Seq:
		parts, c := rd.parts(n.Items, depth+1)
		return strings.Join(parts, ", "), c
	}
	return rd.flowMap(n, depth+1)
}

// flowMap renders a plain map as {key: value, ...}.
func (rd renderer) flowMap(n *cfgtree.Node, depth int) (string, certainty) {
	var b strings.Builder
	c := literalValue
	b.WriteString("{")
	for i, e := range n.Entries {
		if i > 0 {
			b.WriteString(", ")
		}
		v, vc := rd.value(e.Value, depth)
		if e.Value != nil && e.Value.Kind == cfgtree.Seq && !isIntrinsic(e.Value) {
			v = "[" + v + "]"
		}
		c = min(c, vc)
		b.WriteString(e.Key + ": " + v)
		if b.Len() > maxRenderLen {
			break
		}
	}
	b.WriteString("}")
	return b.String(), c
}

func (rd renderer) parts(items []*cfgtree.Node, depth int) ([]string, certainty) {
	out := make([]string, 0, len(items))
	c := literalValue
	for _, it := range items {
		s, ic := rd.value(it, depth)
		out = append(out, s)
		c = min(c, ic)
	}
	return out, c
}

// intrinsic recognises a CloudFormation intrinsic function in either
// spelling: the long form {Fn::Join: ...} / {Ref: ...}, or a YAML tag, whose
// argument is the tagged node itself (read it with plain, not value).
func intrinsic(n *cfgtree.Node) (name string, arg *cfgtree.Node, ok bool) {
	if n.Tag != "" {
		name = strings.TrimPrefix(n.Tag, "!")
		if name != "Ref" && name != "Condition" {
			name = "Fn::" + name
		}
		return name, n, true
	}
	if n.Kind == cfgtree.Map && len(n.Entries) == 1 {
		k := n.Entries[0].Key
		if k == "Ref" || k == "Condition" || strings.HasPrefix(k, "Fn::") {
			return k, n.Entries[0].Value, true
		}
	}
	return "", nil, false
}

// isIntrinsic reports whether n is a CloudFormation intrinsic function.
func isIntrinsic(n *cfgtree.Node) bool {
	_, _, ok := intrinsic(n)
	return ok
}

func (rd renderer) intrinsic(fn string, arg *cfgtree.Node, depth int) (string, certainty) {
	switch fn {
	case "Ref":
		name, c := rd.plain(arg, depth)
		if c != literalValue {
			return "Ref(" + name + ")", unknownValue
		}
		return rd.ref(name)
	case "Fn::GetAtt":
		return rd.getAtt(arg, depth)
	case "Fn::Join":
		return rd.join(arg, depth)
	case "Fn::Sub":
		return rd.sub(arg, depth)
	case "Fn::ImportValue":
		s, _ := rd.plain(arg, depth)
		return "ImportValue(" + s + ")", unknownValue
	}
	s, _ := rd.plain(arg, depth)
	return strings.TrimPrefix(fn, "Fn::") + "(" + s + ")", unknownValue
}

// ref renders Ref to a pseudo parameter, a template Parameter or a resource.
func (rd renderer) ref(name string) (string, certainty) {
	if v, ok := rd.pseudo[name]; ok {
		return v, literalValue
	}
	switch {
	case strings.HasPrefix(name, "AWS::"):
		return "${" + name + "}", symbolicValue
	case rd.params[name]:
		return "${" + name + "}", unknownValue
	}
	return "Ref(" + name + ")", symbolicValue
}

// getAtt renders [Resource, Attribute] or "Resource.Attribute".
func (rd renderer) getAtt(arg *cfgtree.Node, depth int) (string, certainty) {
	var res, attr string
	c := symbolicValue
	if arg.Kind == cfgtree.Seq && len(arg.Items) >= 2 {
		var c1, c2 certainty
		res, c1 = rd.value(arg.Items[0], depth)
		attr, c2 = rd.value(arg.Items[1], depth)
		c = min(c, c1, c2)
	} else {
		s, sc := rd.plain(arg, depth)
		res, attr, _ = strings.Cut(s, ".")
		c = min(c, sc)
	}
	return attrText(res, attr), c
}

// attrText names a resource attribute the way the cloudformation extractor
// does: GetAtt(X.Attr).
func attrText(res, attr string) string {
	if attr == "Arn" {
		return "GetAtt(" + res + ".Arn)"
	}
	return "GetAtt(" + res + "." + attr + ")"
}

// join renders Fn::Join [delimiter, [parts...]].
func (rd renderer) join(arg *cfgtree.Node, depth int) (string, certainty) {
	if arg.Kind != cfgtree.Seq || len(arg.Items) != 2 || arg.Items[1].Kind != cfgtree.Seq {
		s, _ := rd.plain(arg, depth)
		return "Join(" + s + ")", unknownValue
	}
	delim, c := rd.value(arg.Items[0], depth)
	parts, pc := rd.parts(arg.Items[1].Items, depth)
	return strings.Join(parts, delim), min(c, pc)
}

// sub renders Fn::Sub "template" or [template, {name: value}].
func (rd renderer) sub(arg *cfgtree.Node, depth int) (string, certainty) {
	tmpl, vars := arg, (*cfgtree.Node)(nil)
	if arg.Kind == cfgtree.Seq && len(arg.Items) > 0 {
		tmpl = arg.Items[0]
		if len(arg.Items) > 1 {
			vars = arg.Items[1]
		}
	}
	if tmpl.Kind != cfgtree.Scalar {
		s, _ := rd.plain(tmpl, depth)
		return "Sub(" + s + ")", unknownValue
	}
	c := literalValue
	if rd.unresolved(tmpl) {
		c = unknownValue
	}
	var b strings.Builder
	s := tmpl.Value
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "}")
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		text, vc := rd.subVar(s[i+2:i+j], vars, depth)
		b.WriteString(text)
		c = min(c, vc)
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String(), c
}

// subVar renders one ${name} of an Fn::Sub template.
func (rd renderer) subVar(name string, vars *cfgtree.Node, depth int) (string, certainty) {
	switch {
	case strings.HasPrefix(name, "!"):
		return "${" + name[1:] + "}", literalValue // ${!Literal} is written as is
	case vars.Get(name) != nil:
		return rd.value(vars.Get(name), depth)
	case strings.HasPrefix(name, "AWS::"):
		return rd.ref(name)
	case strings.ContainsAny(name, ":{ "):
		return "${" + name + "}", unknownValue // a Serverless variable left symbolic
	case strings.Contains(name, "."):
		res, attr, _ := strings.Cut(name, ".")
		return attrText(res, attr), symbolicValue
	}
	return rd.ref(name)
}
