package cloudformation

import (
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// Policy origins of a SAM function's generated role.
const (
	originFunction = "function"
	originSAM      = "sam" // policies SAM adds to the role it generates
)

// samPolicies reads a SAM function's Policies: managed policy names or
// ARNs, policy documents, and policy templates.
func (t *template) samPolicies(f *model.Function, n *cfgtree.Node) {
	if n == nil {
		return
	}
	items := []*cfgtree.Node{n}
	if isPlain(n, cfgtree.Seq) {
		items = n.Items
	}
	for _, it := range items {
		t.samPolicy(f, it)
	}
}

func (t *template) samPolicy(f *model.Function, it *cfgtree.Node) {
	it, ok := t.ev.choose(it)
	if it == nil {
		return
	}
	_, _, call := intrinsic(it)
	switch {
	case !ok || call:
		t.each(it, func(n *cfgtree.Node, v Value) {
			if v.Resolved {
				v.Text = managedARN(v.Text)
			}
			t.managedPolicy(f, n, v, originFunction)
		})
	case it.IsScalar():
		addManaged(f, managedARN(it.Value), originFunction, t.loc(it.Line))
	case it.Kind == cfgtree.Map && it.Get("Statement") != nil:
		f.Statements = append(f.Statements, t.statements(it, originFunction)...)
	case it.Kind == cfgtree.Map && len(it.Entries) == 1:
		t.samTemplate(f, it.Entries[0])
	default:
		t.warn(it.Line, "unsupported", fmt.Sprintf("function %s: policy entry not understood", f.Name))
	}
}

// samTemplate expands a SAM policy template ({DynamoDBCrudPolicy: {TableName: X}}).
func (t *template) samTemplate(f *model.Function, en cfgtree.Entry) {
	origin := "sam-policy:" + en.Key
	def, known := samPolicyTemplates[en.Key]
	if !known {
		t.warn(en.Line, "resolve", fmt.Sprintf("function %s: SAM policy template %s is not known to clad; its permissions are not analysed", f.Name, en.Key))
		f.Statements = append(f.Statements, model.Statement{Effect: "Allow", Origin: origin, Source: t.loc(en.Line)})
		return
	}
	params := en.Value
	lookup := func(name string) (Value, string) {
		if strings.HasPrefix(name, "AWS::") {
			return t.ev.ref(name), "${" + name + "}"
		}
		if p := params.Get(name); p != nil {
			v := t.ev.Eval(p)
			return v, v.Text
		}
		return unknown(""), "${" + name + "}"
	}
	for _, s := range def {
		st := model.Statement{Effect: "Allow", Action: append([]string(nil), s.actions...), Condition: s.condition,
			Origin: origin, Source: t.loc(en.Line), Resolved: true}
		for _, r := range s.resources {
			v := interpolate(r, lookup)
			st.Resource = append(st.Resource, v.Text)
			if v.Unknown {
				st.Resolved = false
			}
		}
		f.Statements = append(f.Statements, st)
	}
}
