package source

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"
)

// Literal values of JavaScript and TypeScript registration arguments.

// jsDotted returns the text of an identifier or a chain of property
// accesses on one ("a.b.c").
func (f *File) jsDotted(n *ts.Node) (string, bool) {
	var parts []string
	for range maxFollow {
		n = f.unwrapTS(n)
		switch f.kind(n) {
		case "identifier", "this":
			parts = append(parts, f.text(n))
			for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
				parts[i], parts[j] = parts[j], parts[i]
			}
			return strings.Join(parts, "."), true
		case "member_expression":
			if f.kind(field(n, "property")) != "property_identifier" {
				return "", false
			}
			parts = append(parts, f.text(field(n, "property")))
			n = field(n, "object")
		default:
			return "", false
		}
	}
	return "", false
}

// azJSValue reads a JavaScript expression as far as it is literal.
func (f *File) azJSValue(n *ts.Node, depth int) AzureValue {
	n = f.unwrapTS(n)
	v := AzureValue{Kind: AzureOther, Line: line(n)}
	if n == nil || depth > maxAzureDepth {
		return v
	}
	switch k := f.kind(n); k {
	case "string", "template_string":
		if s, ok := f.stringValue(n); ok {
			v.Kind, v.Text = AzureString, s
		}
	case "number":
		v.Kind, v.Text = AzureNumber, f.text(n)
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
		for _, it := range namedChildren(n) {
			if f.kind(&it) != "comment" {
				v.Items = append(v.Items, f.azJSValue(&it, depth+1))
			}
		}
	case "object":
		v.Kind, v.Fields = AzureObject, f.azJSObject(n, depth)
	case "arrow_function", "function_expression", "function", "generator_function":
		v.Kind = AzureFunction
	case "call_expression":
		v.Kind = AzureCallExpr
		v.Text, _ = f.jsDotted(field(n, "function"))
		for _, a := range namedChildren(field(n, "arguments")) {
			if f.kind(&a) != "comment" {
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
	for _, p := range namedChildren(n) {
		switch f.kind(&p) {
		case "pair":
			key := field(&p, "key")
			if f.kind(key) == "computed_property_name" {
				continue
			}
			out[f.stringOrText(key)] = f.azJSValue(field(&p, "value"), depth+1)
		case "shorthand_property_identifier":
			out[f.text(&p)] = AzureValue{Kind: AzureName, Text: f.text(&p), Line: line(&p)}
		case "method_definition":
			out[f.stringOrText(field(&p, "name"))] = AzureValue{Kind: AzureFunction, Line: line(&p)}
		}
	}
	return out
}
