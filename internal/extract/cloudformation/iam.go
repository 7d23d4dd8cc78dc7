package cloudformation

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// choose follows decidable Fn::If calls to the node they select. It returns
// nil for AWS::NoValue, and ok=false when n is still an intrinsic call clad
// cannot decide.
func (e *evaluator) choose(n *cfgtree.Node) (node *cfgtree.Node, ok bool) {
	for i := 0; i < maxEvalDepth; i++ {
		name, arg, call := intrinsic(n)
		if !call {
			return n, true
		}
		if name == "Ref" && arg.Str() == "AWS::NoValue" {
			return nil, true
		}
		items, isList := args(arg, 3)
		if name != "Fn::If" || !isList {
			return n, false
		}
		b, decided := e.condition(items[0].Str())
		if !decided {
			return n, false
		}
		if b {
			n = items[1]
		} else {
			n = items[2]
		}
	}
	return n, false
}

// statements converts a policy document, a Statement list or one statement.
func (t *template) statements(doc *cfgtree.Node, origin string) []model.Statement {
	doc, ok := t.ev.choose(doc)
	if doc == nil {
		return nil
	}
	if !ok {
		return []model.Statement{{Origin: origin, Source: t.loc(doc.Line)}}
	}
	if s := doc.Get("Statement"); s != nil {
		doc = s
	}
	var out []model.Statement
	for _, s := range doc.List() {
		if st, ok := t.statement(s, origin); ok {
			out = append(out, st)
		}
	}
	return out
}

// statement converts one statement. Resolved is false when an action or
// resource could be anything (see Value.Unknown): a reference to a resource
// of the template still names one resource, so it does not hide a wildcard.
func (t *template) statement(s *cfgtree.Node, origin string) (model.Statement, bool) {
	s, ok := t.ev.choose(s)
	if s == nil {
		return model.Statement{}, false
	}
	st := model.Statement{Origin: origin, Source: t.loc(s.Line), Resolved: ok}
	if !ok || s.Kind != cfgtree.Map {
		st.Resolved = false
		return st, true
	}
	eff := t.ev.Eval(s.Get("Effect"))
	st.Effect = eff.Text
	st.Resolved = eff.Resolved
	for _, f := range []struct {
		key string
		dst *[]string
	}{{"Action", &st.Action}, {"NotAction", &st.NotAction}, {"Resource", &st.Resource}, {"NotResource", &st.NotResource}} {
		n := s.Get(f.key)
		if n == nil {
			continue
		}
		for _, v := range t.ev.Eval(n).Flat() {
			*f.dst = append(*f.dst, v.Text)
			if v.Unknown {
				st.Resolved = false
			}
		}
	}
	st.Condition = s.Get("Condition") != nil
	return st, true
}

// useRole sets the execution role a Role property names: a role of the
// template (whose policies then apply), or an ARN.
func (t *template) useRole(f *model.Function, v Value) {
	id := v.Ref
	if id == "" && len(v.Refs) == 1 {
		id = v.Refs[0]
	}
	if id != "" && t.typeOf(id) == typeRole {
		t.attachRole(f, id)
		return
	}
	f.Role = v.Text
	if !v.Resolved {
		unresolved(f, "role")
	}
}

// attachRole applies a role of the template: its inline policies, its
// managed policies, and the AWS::IAM::Policy/ManagedPolicy resources
// attached to it.
func (t *template) attachRole(f *model.Function, id string) {
	f.Role = id
	props := t.props(id)
	origin := "role:" + id
	for _, p := range props.Get("Policies").List() {
		if p, _ = t.ev.choose(p); p != nil {
			f.Statements = append(f.Statements, t.statements(p.Get("PolicyDocument"), origin)...)
		}
	}
	t.each(props.Get("ManagedPolicyArns"), func(n *cfgtree.Node, v Value) {
		t.managedPolicy(f, n, v, origin)
	})
	t.attachedPolicies(f, id)
}

// managedPolicy adds a managed policy; one defined in the template adds its
// statements instead.
func (t *template) managedPolicy(f *model.Function, n *cfgtree.Node, v Value, origin string) {
	if v.Ref != "" && t.typeOf(v.Ref) == typeManagedPolicy {
		f.Statements = append(f.Statements, t.statements(t.props(v.Ref).Get("PolicyDocument"), "inline-policy:"+v.Ref)...)
		return
	}
	if !v.Resolved {
		unresolved(f, "managed_policies")
	}
	addManaged(f, v.Text, origin, t.loc(n.Line))
}

func addManaged(f *model.Function, arn, origin string, loc model.Location) {
	for _, p := range f.ManagedPolicies {
		if p.ARN == arn {
			return
		}
	}
	f.ManagedPolicies = append(f.ManagedPolicies, model.Policy{ARN: arn, Origin: origin, Source: loc})
}

// attachedPolicies adds the statements of the AWS::IAM::Policy and
// AWS::IAM::ManagedPolicy resources whose Roles name the role.
func (t *template) attachedPolicies(f *model.Function, roleID string) {
	roleName := t.ev.Eval(t.props(roleID).Get("RoleName"))
	for _, typ := range []string{typePolicy, typeManagedPolicy} {
		for _, en := range t.resourcesOfType(typ) {
			props := en.Value.Get("Properties")
			attached := false
			for _, r := range t.ev.Eval(props.Get("Roles")).Flat() {
				if r.Ref == roleID || (roleName.Resolved && roleName.Text != "" && r.Resolved && r.Text == roleName.Text) {
					attached = true
				}
			}
			if attached {
				f.Statements = append(f.Statements, t.statements(props.Get("PolicyDocument"), "inline-policy:"+en.Key)...)
			}
		}
	}
}

// each calls fn for every element of a list property, with the node it
// came from (for its line).
func (t *template) each(n *cfgtree.Node, fn func(*cfgtree.Node, Value)) {
	if n == nil {
		return
	}
	if isPlain(n, cfgtree.Seq) {
		for _, it := range n.Items {
			for _, v := range t.ev.Eval(it).Flat() {
				fn(it, v)
			}
		}
		return
	}
	for _, v := range t.ev.Eval(n).Flat() {
		fn(n, v)
	}
}

// serviceRolePolicies are AWS managed policies under the service-role/ path.
var serviceRolePolicies = map[string]bool{
	"AWSLambdaBasicExecutionRole": true, "AWSLambdaVPCAccessExecutionRole": true,
	"AWSLambdaKinesisExecutionRole": true, "AWSLambdaDynamoDBExecutionRole": true,
	"AWSLambdaSQSQueueExecutionRole": true, "AWSLambdaMSKExecutionRole": true,
	"AWSLambdaRole": true, "AWSLambdaENIManagementAccess": true,
}

// managedARN turns a managed policy name into its ARN.
func managedARN(name string) string {
	if strings.HasPrefix(name, "arn:") {
		return name
	}
	if serviceRolePolicies[name] {
		return "arn:aws:iam::aws:policy/service-role/" + name
	}
	return "arn:aws:iam::aws:policy/" + name
}
