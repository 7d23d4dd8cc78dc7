package cloudformation

import (
	"strconv"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// Environment origins.
const (
	originTemplate = "cloudformation"
	originGlobals  = "globals"
)

// environment sets the function's variables: the Globals ones it does not
// override (origin "globals"), then its own.
func (t *template) environment(f *model.Function, global, local *cfgtree.Node) {
	for _, vars := range []*cfgtree.Node{global, local} {
		if vars != nil && !isPlain(vars, cfgtree.Map) {
			unresolved(f, "environment")
		}
	}
	if isPlain(global, cfgtree.Map) {
		for _, en := range global.Entries {
			if !isPlain(local, cfgtree.Map) || local.Get(en.Key) == nil {
				t.addEnv(f, en, originGlobals)
			}
		}
	}
	if isPlain(local, cfgtree.Map) {
		for _, en := range local.Entries {
			t.addEnv(f, en, originTemplate)
		}
	}
}

func (t *template) addEnv(f *model.Function, en cfgtree.Entry, origin string) {
	v := t.ev.Eval(en.Value)
	if v.NoValue {
		return
	}
	if !v.Resolved {
		unresolved(f, "environment."+en.Key)
	}
	f.Environment = append(f.Environment, model.EnvVar{
		Name: en.Key, Value: v.Text, Resolved: v.Resolved, Origin: origin, Source: t.loc(en.Line),
	})
}

// intProp evaluates an integer property; nil when absent or not a literal.
func (t *template) intProp(f *model.Function, n *cfgtree.Node, field string) *int {
	if n == nil {
		return nil
	}
	v := t.ev.Eval(n)
	if v.NoValue {
		return nil
	}
	i, err := strconv.Atoi(strings.TrimSpace(v.Text))
	if !v.Resolved || err != nil {
		unresolved(f, field)
		return nil
	}
	return &i
}

// layers lists the layer ARNs (or references) of a function.
func (t *template) layers(f *model.Function, n *cfgtree.Node) []string {
	if n == nil {
		return nil
	}
	var out []string
	for _, v := range t.ev.Eval(n).Flat() {
		if !v.Resolved && !t.templateLayer(v) {
			unresolved(f, "layers")
		}
		out = append(out, v.Text)
	}
	return out
}

// layerTypes are the resources that publish a layer version.
var layerTypes = map[string]bool{"AWS::Serverless::LayerVersion": true, "AWS::Lambda::LayerVersion": true}

// templateLayer reports a reference to a layer the template itself
// publishes (!Ref MyLayer, !GetAtt MyLayer.LayerVersionArn): it names one
// known layer, whose content is in the template's tree.
func (t *template) templateLayer(v Value) bool {
	return v.Ref != "" && !v.Unknown && layerTypes[t.typeOf(v.Ref)]
}
