package entrypoints

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// pyEntries returns the module-level handler functions of a Python file:
// def handler(event, context), def lambda_handler(...), def main(...), and
// the Azure v1 def main(req: func.HttpRequest).
func pyEntries(doc syntax.Doc, root *ts.Node) []Entry {
	var out []Entry
	for _, st := range doc.Named(root) {
		st := st
		d := &st
		if doc.Kind(d) == "decorated_definition" {
			d = syntax.Field(d, "definition")
		}
		if doc.Kind(d) != "function_definition" {
			continue
		}
		name := doc.Text(syntax.Field(d, "name"))
		if !entryNames[name] {
			continue
		}
		ps, azure := pyParams(doc, d)
		e := Entry{Symbol: name, Line: syntax.Line(d), Params: "(" + strings.Join(ps, ", ") + ")"}
		switch {
		case awsParams(ps):
			e.Style = StyleAWS
		case azure && name == "main":
			e.Style = StyleAzure
		default:
			continue
		}
		out = append(out, e)
	}
	return out
}

// pyParams returns the parameter names and whether the first one is
// annotated with an azure.functions type (func.HttpRequest…).
func pyParams(doc syntax.Doc, fn *ts.Node) ([]string, bool) {
	var out []string
	azure := false
	for i, p := range doc.Named(syntax.Field(fn, "parameters")) {
		p := p
		n := &p
		switch doc.Kind(n) {
		case "typed_parameter", "typed_default_parameter":
			if i == 0 {
				t := doc.Text(syntax.Field(n, "type"))
				azure = strings.HasPrefix(t, "func.") || strings.Contains(t, "azure.functions")
			}
			if doc.Kind(n) == "typed_default_parameter" {
				n = syntax.Field(n, "name")
			} else {
				n = doc.First(n)
			}
		case "default_parameter":
			n = syntax.Field(n, "name")
		}
		out = append(out, doc.Text(n))
	}
	return out, azure
}
