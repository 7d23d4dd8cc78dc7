package calls

import (
	"path"
	"regexp"
	"strings"

	"github.com/cladsec/clad/internal/detect/access/fnmap"
	"github.com/cladsec/clad/internal/model"
)

// OriginRole marks a credential that is the caller's execution role.
const OriginRole = "role"

// invokeOps are the Lambda API operations that run a function.
var invokeOps = map[string]bool{"Invoke": true, "InvokeAsync": true, "InvokeWithResponseStream": true}

// invokes finds fn's SDK calls that invoke other functions of the project.
func (f *Finder) invokes(fn *model.Function) []Call {
	var out []Call
	for _, c := range f.analyzer.Usage(fn).Calls {
		if c.Service != "lambda" || !invokeOps[c.Operation] {
			continue
		}
		call := Call{Kind: KindInvoke, Caller: fn, File: c.File, Line: c.Line, Code: snippet(c.Code)}
		var targets []string
		for _, r := range c.Resources {
			for _, g := range f.byResource(fn, r) {
				if !containsFn(call.Callees, g.ID) {
					call.Callees = append(call.Callees, g)
				}
				targets = appendOnce(targets, r)
			}
		}
		if len(call.Callees) == 0 {
			continue
		}
		call.Target = strings.Join(targets, " | ")
		call.Keys = []Key{{Via: "execution role", Origins: []Origin{roleOrigin(fn)}}}
		out = append(out, call)
	}
	return out
}

var (
	refPattern = regexp.MustCompile(`^\$\{([A-Za-z0-9]+)(\.Arn)?\}(:.*)?$`)
	arnPattern = regexp.MustCompile(`^arn:[^:]*:lambda:[^:]*:[^:]*:function:([^:]+)(:.*)?$`)
	varPattern = regexp.MustCompile(`\$\{[^}]*\}`)
)

// byResource returns the functions of the project a Lambda resource names:
// a Ref or GetAtt of a function's logical id, or an ARN whose function
// name is the function's deployed name.
func (f *Finder) byResource(caller *model.Function, r string) []*model.Function {
	var out []*model.Function
	if m := refPattern.FindStringSubmatch(r); m != nil {
		for _, g := range f.project.Functions {
			if g.ID != caller.ID && g.Manifest == caller.Manifest && logicalIDs(g)[m[1]] {
				out = append(out, g)
			}
		}
		return out
	}
	m := arnPattern.FindStringSubmatch(varPattern.ReplaceAllString(r, "*"))
	if m == nil {
		return nil
	}
	name := collapse(m[1])
	if i := strings.LastIndex(name, "*"); i >= 0 && len(name)-i-1 < 2 {
		return nil // the name's end is unknown: it may be any function
	}
	for _, g := range f.project.Functions {
		if g.ID == caller.ID {
			continue
		}
		for _, cand := range f.deployedNames(g) {
			if Overlap(name, cand) {
				out = append(out, g)
				break
			}
		}
	}
	return longestNames(out)
}

// longestNames keeps, of several functions one name pattern matches, those
// with the longest name: "svc-*-admin-api" is admin-api, not api.
func longestNames(fns []*model.Function) []*model.Function {
	best := 0
	for _, g := range fns {
		best = max(best, len(g.Name))
	}
	var out []*model.Function
	for _, g := range fns {
		if len(g.Name) == best {
			out = append(out, g)
		}
	}
	return out
}

// logicalIDs are the logical ids a function has in its template: its name
// (SAM, CloudFormation) and the one the Serverless Framework generates.
func logicalIDs(g *model.Function) map[string]bool {
	ids := map[string]bool{g.Name: true}
	if g.Name != "" {
		id := strings.ToUpper(g.Name[:1]) + g.Name[1:]
		id = strings.NewReplacer("-", "Dash", "_", "Underscore").Replace(id)
		ids[id+"LambdaFunction"] = true
	}
	return ids
}

// deployedNames are the names a function may be deployed under: its name,
// the name its manifest declares, and the Serverless Framework's default
// <service>-<stage>-<function>.
func (f *Finder) deployedNames(g *model.Function) []string {
	out := []string{g.Name}
	block := f.loc.BlockAt(g.Source.File, g.Source.Line)
	if block != nil {
		for _, n := range []string{block.Get("name").Str(), block.Path("Properties", "FunctionName").Str()} {
			if n = strings.TrimSpace(n); n != "" {
				out = append(out, collapse(varPattern.ReplaceAllString(n, "*")))
			}
		}
	}
	if strings.HasPrefix(path.Base(g.Manifest), "serverless") && g.Service != "" {
		out = append(out, g.Service+"-*-"+g.Name)
	}
	return out
}

// roleOrigin locates the statement that lets fn invoke functions.
func roleOrigin(fn *model.Function) Origin {
	for _, st := range fn.Statements {
		if !strings.EqualFold(st.Effect, "Allow") {
			continue
		}
		for _, a := range st.Action {
			if Overlap(strings.ToLower(a), "lambda:invokefunction") {
				return Origin{Kind: OriginRole, Name: fnmap.OriginText(st.Origin), File: st.Source.File, Line: st.Source.Line, Resolved: true}
			}
		}
	}
	return Origin{Kind: OriginRole, Name: fn.Role}
}
