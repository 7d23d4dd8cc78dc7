package cloudformation

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/extract"
)

// maxEvalDepth bounds nested intrinsic functions, conditions included.
const maxEvalDepth = 64

// param is one entry of a template's Parameters section.
type param struct {
	typ string
	def *cfgtree.Node // Default, nil when the parameter has none
}

// evaluator computes the values of CloudFormation intrinsic functions as far
// as the template and the user's --param values allow.
type evaluator struct {
	params     map[string]param
	inputs     map[string]string
	region     string
	mappings   *cfgtree.Node
	conditions *cfgtree.Node
	types      map[string]string // resource logical id → resource type
	depth      int
	conds      map[string]condState
}

// newEvaluator prepares an evaluator for the template root.
func newEvaluator(root *cfgtree.Node, vars extract.Vars) *evaluator {
	e := &evaluator{
		params:     map[string]param{},
		inputs:     vars.Params,
		region:     vars.Region,
		mappings:   root.Get("Mappings"),
		conditions: root.Get("Conditions"),
		types:      map[string]string{},
		conds:      map[string]condState{},
	}
	if ps := root.Get("Parameters"); ps != nil {
		for _, en := range ps.Entries {
			e.params[en.Key] = param{typ: en.Value.Get("Type").Str(), def: en.Value.Get("Default")}
		}
	}
	if rs := root.Get("Resources"); rs != nil {
		for _, en := range rs.Entries {
			e.types[en.Key] = en.Value.Get("Type").Str()
		}
	}
	return e
}

// intrinsic reports the function name and argument of an intrinsic function
// call in short ("!Sub x") or long ({"Fn::Sub": x}) form. Short forms are
// named like long ones: "Ref", "Condition", "Fn::GetAtt"…
func intrinsic(n *cfgtree.Node) (string, *cfgtree.Node, bool) {
	if n == nil {
		return "", nil, false
	}
	if n.Tag != "" {
		arg := *n
		arg.Tag = ""
		name := strings.TrimPrefix(n.Tag, "!")
		if name == "Ref" || name == "Condition" {
			return name, &arg, true
		}
		return "Fn::" + name, &arg, true
	}
	if n.Kind == cfgtree.Map && len(n.Entries) == 1 {
		k := n.Entries[0].Key
		if k == "Ref" || strings.HasPrefix(k, "Fn::") {
			return k, n.Entries[0].Value, true
		}
	}
	return "", nil, false
}

// Eval evaluates a template value.
func (e *evaluator) Eval(n *cfgtree.Node) Value {
	if n == nil {
		return lit("")
	}
	e.depth++
	defer func() { e.depth-- }()
	if e.depth > maxEvalDepth {
		return unknown("(nested too deeply)")
	}
	if name, arg, ok := intrinsic(n); ok {
		return e.call(name, arg)
	}
	switch n.Kind {
	case cfgtree.Scalar:
		return scalarValue(n.Value)
	case cfgtree.Seq:
		items := make([]Value, 0, len(n.Items))
		for _, it := range n.Items {
			if v := e.Eval(it); !v.NoValue {
				items = append(items, v)
			}
		}
		return list(items)
	case cfgtree.Map:
		return symbolic(nodeJSON(n, 200))
	}
	return lit("")
}

// scalarValue is a plain string; a dynamic reference ({{resolve:ssm:…}}) is
// fetched at deploy time and stays unknown.
func scalarValue(s string) Value {
	if strings.Contains(s, "{{resolve:") {
		return unknown(s)
	}
	return lit(s)
}

func (e *evaluator) call(name string, arg *cfgtree.Node) Value {
	switch name {
	case "Ref":
		return e.ref(arg.Str())
	case "Fn::GetAtt":
		return e.getAtt(arg)
	case "Fn::Sub":
		return e.sub(arg)
	case "Fn::Join":
		return e.join(arg)
	case "Fn::Select":
		return e.selectFn(arg)
	case "Fn::Split":
		return e.split(arg)
	case "Fn::FindInMap":
		return e.findInMap(arg)
	case "Fn::If":
		return e.ifFn(arg)
	case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition":
		if b, ok := e.condCall(name, arg); ok {
			return lit(strconv.FormatBool(b))
		}
		return unknown(strings.TrimPrefix(name, "Fn::") + "(…)")
	case "Fn::Base64":
		v := e.Eval(arg)
		if v.Resolved {
			return lit(base64.StdEncoding.EncodeToString([]byte(v.Text)))
		}
		return wrap("Base64(%s)", v)
	case "Fn::GetAZs":
		v := e.Eval(arg)
		r := wrap("GetAZs(%s)", v)
		r.IsList = true
		return r
	case "Fn::Cidr":
		r := wrap("Cidr(%s)", e.Eval(arg))
		r.IsList = true
		return r
	case "Fn::ImportValue":
		r := wrap("ImportValue(%s)", e.Eval(arg))
		r.Unknown = true
		return r
	}
	r := wrap(strings.TrimPrefix(name, "Fn::")+"(%s)", e.Eval(arg))
	r.Unknown = true // Fn::Transform, Fn::Length, macros: not evaluated
	return r
}

// wrap is an unresolved value whose text names the function applied to
// inner, keeping inner's references and unknown-ness.
func wrap(format string, inner Value) Value {
	r := symbolic(fmt.Sprintf(format, inner.Text))
	r.absorb(inner)
	return r
}

// pseudo holds the pseudo parameters whose value is the same in every stack.
var pseudo = map[string]string{
	"AWS::Partition": "aws",
	"AWS::URLSuffix": "amazonaws.com",
}

// ref evaluates Ref: a pseudo parameter, a Parameter or a resource.
func (e *evaluator) ref(name string) Value {
	switch {
	case name == "AWS::NoValue":
		return Value{NoValue: true, Resolved: true}
	case pseudo[name] != "":
		return lit(pseudo[name])
	case name == "AWS::Region" && e.region != "":
		return lit(e.region)
	case name == "AWS::NotificationARNs":
		return Value{Text: "Ref(" + name + ")", IsList: true}
	case strings.HasPrefix(name, "AWS::"):
		return symbolic("Ref(" + name + ")")
	}
	if p, ok := e.params[name]; ok {
		return e.param(name, p)
	}
	if _, ok := e.types[name]; ok {
		return Value{Text: "Ref(" + name + ")", Ref: name, Refs: []string{name}}
	}
	return unknown("Ref(" + name + ")")
}

// param evaluates a Parameter: the user's --param value, else its Default.
// SSM parameter types resolve to the stored value, which clad cannot read.
func (e *evaluator) param(name string, p param) Value {
	if v, ok := e.inputs[name]; ok {
		return paramValue(p.typ, v)
	}
	if strings.HasPrefix(p.typ, "AWS::SSM::Parameter::Value") || p.def == nil {
		return unknown("Ref(" + name + ")")
	}
	if p.def.Kind == cfgtree.Seq {
		return list(stringsToValues(p.def.Strings()))
	}
	return paramValue(p.typ, p.def.Str())
}

func paramValue(typ, s string) Value {
	if typ == "CommaDelimitedList" || strings.HasPrefix(typ, "List<") {
		parts := strings.Split(s, ",")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		return list(stringsToValues(parts))
	}
	return lit(s)
}

func stringsToValues(ss []string) []Value {
	out := make([]Value, 0, len(ss))
	for _, s := range ss {
		out = append(out, lit(s))
	}
	return out
}

// getAtt evaluates Fn::GetAtt in its "Res.Attr" and [Res, Attr] forms.
func (e *evaluator) getAtt(arg *cfgtree.Node) Value {
	var res, attr string
	switch arg.Kind {
	case cfgtree.Scalar:
		res, attr, _ = strings.Cut(arg.Value, ".")
	case cfgtree.Seq:
		if len(arg.Items) != 2 {
			return unknown("GetAtt(?)")
		}
		res, attr = arg.Items[0].Str(), e.Eval(arg.Items[1]).Text
	default:
		return unknown("GetAtt(?)")
	}
	return e.attr(res, attr)
}

func (e *evaluator) attr(res, attr string) Value {
	text := "GetAtt(" + res + "." + attr + ")"
	if _, ok := e.types[res]; !ok {
		return unknown(text)
	}
	return Value{Text: text, Ref: res, Attr: attr, Refs: []string{res}}
}
