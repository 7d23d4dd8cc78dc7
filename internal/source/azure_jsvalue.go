package source

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// Literal values of JavaScript and TypeScript registration arguments.

// jsDotted returns the text of an identifier or a chain of property
// accesses on one ("a.b.c").
func (f *File) jsDotted(n *ts.Node) (string, bool) {
	var parts []string
	for range maxFollow {
		n = f.unwrapTS(n)
		switch f.doc.Kind(n) {
		case "identifier", "this":
			parts = append(parts, f.doc.Text(n))
			for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
				parts[i], parts[j] = parts[j], parts[i]
			}
			return strings.Join(parts, "."), true
		case "member_expression":
			if f.doc.Kind(syntax.Field(n, "property")) != "property_identifier" {
				return "", false
			}
			parts = append(parts, f.doc.Text(syntax.Field(n, "property")))
			n = syntax.Field(n, "object")
		default:
			return "", false
		}
	}
	return "", false
}

// azJSValue reads a JavaScript expression as far as it is literal.
func (f *File) azJSValue(n *ts.Node, depth int) AzureValue {
	n = f.unwrapTS(n)
	v := AzureValue{Kind: AzureOther, Line: syntax.Line(n)}
	if n == nil || depth > maxAzureDepth {
		return v
	}
	switch k := f.doc.Kind(n); k {
	case "string", "template_string":
		if s, ok := f.doc.JSString(n); ok {
			v.Kind, v.Text = AzureString, s
		}
	case "number":
		v.Kind, v.Text = AzureNumber, f.doc.Text(n)
	case "true", "false":
		v.Kind, v.Text = AzureBool, k
	case "null", "undefined":
		v.Kind = AzureNone
	case "identifier", "member_expression":
		if s, ok := f.jsDotted(n); ok {
			v.Kind, v.Text = AzureName, s
		}
	case "array":
		v.Kind = AzureList
		for _, it := range syntax.NamedChildren(n) {
			if f.doc.Kind(&it) != "comment" {
				v.Items = append(v.Items, f.azJSValue(&it, depth+1))
			}
		}
	case "object":
		v.Kind, v.Fields = AzureObject, f.azJSObject(n, depth)
	case "arrow_function", "function_expression", "function", "generator_function":
		v.Kind = AzureFunction
	case "call_expression":
		v.Kind = AzureCallExpr
		v.Text, _ = f.jsDotted(syntax.Field(n, "function"))
		for _, a := range syntax.NamedChildren(syntax.Field(n, "arguments")) {
			if f.doc.Kind(&a) != "comment" {
				v.Items = append(v.Items, f.azJSValue(&a, depth+1))
			}
		}
	}
	return v
}

// azJSObject reads the properties of an object literal; computed keys and
// spreads are left out.
func (f *File) azJSObject(n *ts.Node, depth int) map[string]AzureValue {
	out := map[string]AzureValue{}
	for _, p := range syntax.NamedChildren(n) {
		switch f.doc.Kind(&p) {
		case "pair":
			key := syntax.Field(&p, "key")
			if f.doc.Kind(key) == "computed_property_name" {
				continue
			}
			out[f.doc.JSStringOrText(key)] = f.azJSValue(syntax.Field(&p, "value"), depth+1)
		case "shorthand_property_identifier":
			out[f.doc.Text(&p)] = AzureValue{Kind: AzureName, Text: f.doc.Text(&p), Line: syntax.Line(&p)}
		case "method_definition":
			out[f.doc.JSStringOrText(syntax.Field(&p, "name"))] = AzureValue{Kind: AzureFunction, Line: syntax.Line(&p)}
		}
	}
	return out
}
