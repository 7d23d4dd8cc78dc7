package notrigger

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/detect/access/fnmap"
	"github.com/cladsec/clad/internal/model"
)

// maxWalk bounds the values visited in one manifest.
const maxWalk = 200000

// referenced reports a function its manifest names somewhere outside its
// own declaration: an API authorizer (authorizer: auth, FunctionArn:
// !GetAtt Auth.Arn), a Step Functions state, another function's setting.
// Something declared next to it invokes it, so it is not forgotten.
func referenced(fn *model.Function, loc *fnmap.Locator) bool {
	root := loc.Root(fn.Manifest)
	if root == nil {
		return false
	}
	own := loc.BlockAt(fn.Source.File, fn.Source.Line)
	names := refNames(fn.Name)
	found := false
	budget := maxWalk
	var walk func(n *cfgtree.Node)
	walk = func(n *cfgtree.Node) {
		if n == nil || found || budget <= 0 || (own != nil && n == own) {
			return
		}
		budget--
		if n.Kind == cfgtree.Scalar && names.match(n.Value) {
			found = true
			return
		}
		for _, e := range n.Entries {
			walk(e.Value)
		}
		for _, it := range n.Items {
			walk(it)
		}
	}
	walk(root)
	return found
}

// refs are the spellings that name a function in its manifest.
type refs []string

// refNames lists the function's name and, for the Serverless Framework,
// the logical id it gets in the generated template (myFn → MyFnLambdaFunction).
func refNames(name string) refs {
	out := refs{name}
	if name != "" {
		id := strings.ToUpper(name[:1]) + name[1:]
		id = strings.NewReplacer("-", "Dash", "_", "Underscore").Replace(id)
		out = append(out, id+"LambdaFunction")
	}
	return out
}

// match reports a value that is one of the names, a GetAtt of one
// ("Name.Arn") or an ARN or variable ending in ":function:…name".
func (r refs) match(v string) bool {
	v = strings.TrimSpace(v)
	for _, n := range r {
		if n == "" {
			continue
		}
		if v == n || strings.HasPrefix(v, n+".") || strings.HasSuffix(v, ":function:"+n) || (strings.HasSuffix(v, "-"+n) && strings.Contains(v, ":function:")) {
			return true
		}
	}
	return false
}
