package iam

import (
	"strconv"
	"strings"
)

// Go front end (best effort): the AWS SDK for Go (v1 and v2) passes every
// request as a <Operation>Input struct of the service's package, so each
// composite literal of such a type is one call of that operation, whatever
// the client variable. String fields are read from literals, constants,
// os.Getenv and aws.String wrappers.

// goFile is a parsed Go file.
type goFile struct {
	w       *workspace
	f       *codeFile
	t       *tree
	svcPkgs map[string]*goSvc // import name → service
	vars    map[string]*node  // package-level and local var/const values by name (first wins)
}

type goSvc struct {
	svc  *service
	name string // the package's last element
}

// goSDKPaths are the import path prefixes of the Go SDK service packages.
var goSDKPaths = []string{"github.com/aws/aws-sdk-go-v2/service/", "github.com/aws/aws-sdk-go/service/"}

func newGoFile(w *workspace, f *codeFile) *goFile {
	g := &goFile{w: w, f: f, t: f.t, svcPkgs: map[string]*goSvc{}, vars: map[string]*node{}}
	traverse(f.t.root, func(n *node) bool {
		switch n.kind {
		case "import_spec":
			g.importSpec(n)
		case "var_spec", "const_spec":
			g.spec(n)
		case "short_var_declaration", "assignment_statement":
			g.shortVar(n)
		}
		return true
	})
	return g
}

func (g *goFile) importSpec(n *node) {
	p, err := strconv.Unquote(g.t.text(n.get("path")))
	if err != nil {
		return
	}
	for _, prefix := range goSDKPaths {
		if !strings.HasPrefix(p, prefix) {
			continue
		}
		pkg := strings.SplitN(strings.TrimPrefix(p, prefix), "/", 2)[0]
		if strings.Contains(strings.TrimPrefix(p, prefix), "/") {
			return // a sub-package (types, feature helpers), not the client package
		}
		name := pkg
		if alias := n.get("name"); alias != nil {
			name = g.t.text(alias)
		}
		g.svcPkgs[name] = &goSvc{svc: services.byGo[pkg], name: pkg}
	}
}

func (g *goFile) spec(n *node) {
	names := n.all("name")
	vals := n.get("value").namedKids()
	for i, nm := range names {
		if i < len(vals) {
			g.setVar(g.t.text(nm), vals[i])
		}
	}
}

func (g *goFile) shortVar(n *node) {
	left := n.get("left").namedKids()
	right := n.get("right").namedKids()
	for i, l := range left {
		if i < len(right) && l.kind == "identifier" {
			g.setVar(g.t.text(l), right[i])
		}
	}
}

func (g *goFile) setVar(name string, v *node) {
	if _, ok := g.vars[name]; !ok {
		g.vars[name] = v
	}
}

// scan finds the Input literals.
func (g *goFile) scan() {
	g.f.defs = newDefTable()
	traverse(g.t.root, func(n *node) bool {
		if n.kind == "composite_literal" {
			g.literal(n)
		}
		return true
	})
	var specs []specAt
	traverse(g.t.root, func(n *node) bool {
		if n.kind == "import_spec" {
			if p, err := strconv.Unquote(g.t.text(n.get("path"))); err == nil {
				specs = append(specs, specAt{p, n.line})
			}
		}
		return true
	})
	g.f.gaps = append(g.f.gaps, libraryGaps(g.f, specs, func(s string) string { return s })...)
}

func (g *goFile) literal(n *node) {
	typ := n.get("type")
	if typ.kindOr() != "qualified_type" {
		return
	}
	svc := g.svcPkgs[g.t.text(typ.get("package"))]
	name := g.t.text(typ.get("name"))
	if svc == nil || !strings.HasSuffix(name, "Input") || name == "Input" {
		return
	}
	op := strings.TrimSuffix(name, "Input")
	c := rawCall{file: g.f.path, line: n.line, sdk: SDKGo, svc: svc.svc, op: op, method: name, def: -1,
		text: clip(g.t.text(n)), params: map[string]alts{}}
	if svc.svc == nil {
		c.guess = guessPrefix(svc.name)
	}
	want := resourceParamNames(svc.svc, svc.svc.op(op))
	for _, el := range n.get("body").namedKids() {
		if el.kind != "keyed_element" {
			continue
		}
		kids := el.namedKids()
		if len(kids) != 2 {
			continue
		}
		key := g.t.text(kids[0])
		if want[key] {
			c.params[key] = g.str(kids[1].firstNamedOr())
		}
	}
	g.f.calls = append(g.f.calls, c)
}

// firstNamedOr unwraps a literal_element to its expression.
func (n *node) firstNamedOr() *node {
	if n.kindOr() == "literal_element" {
		if c := n.firstNamed(); c != nil {
			return c
		}
	}
	return n
}

// str evaluates a Go string expression.
func (g *goFile) str(n *node) alts {
	for range maxEvalDepth {
		switch n.kindOr() {
		case "interpreted_string_literal", "raw_string_literal":
			s, err := strconv.Unquote(g.t.text(n))
			if err != nil {
				return alts{unknownExpr()}
			}
			return alts{litExpr(s)}
		case "unary_expression", "parenthesized_expression":
			n = n.get("operand")
			if n == nil {
				return alts{unknownExpr()}
			}
			continue
		case "identifier":
			v, ok := g.vars[g.t.text(n)]
			if !ok {
				return alts{unknownExpr()}
			}
			n = v
			continue
		case "call_expression":
			fn := g.t.text(n.get("function"))
			arg := n.get("arguments").firstNamed()
			switch fn {
			case "aws.String", "string":
				n = arg
				continue
			case "os.Getenv":
				if s, err := strconv.Unquote(g.t.text(arg)); err == nil {
					return alts{envExpr(s)}
				}
			}
		case "binary_expression":
			if g.t.text(n.get("operator")) == "+" {
				return concatAlts(g.str(n.get("left")), g.str(n.get("right")))
			}
		}
		return alts{unknownExpr()}
	}
	return alts{unknownExpr()}
}
