package source

import (
	"strconv"
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// Go: top-level functions, the handler handed to the AWS Lambda runtime
// (lambda.Start and its siblings), and import paths.

// lambdaPkg is the import path of the AWS Lambda Go runtime.
const lambdaPkg = "github.com/aws/aws-lambda-go/lambda"

// goFuncLine returns the line of the top-level `func name(`, or 0.
func (f *File) goFuncLine(root *ts.Node, name string) int {
	for _, d := range syntax.NamedChildren(root) {
		if f.doc.Kind(&d) == "function_declaration" && f.doc.Text(syntax.Field(&d, "name")) == name {
			return syntax.Line(&d)
		}
	}
	return 0
}

// goMethodLine returns the line of the first method called name, or 0.
func (f *File) goMethodLine(root *ts.Node, name string) int {
	for _, d := range syntax.NamedChildren(root) {
		if f.doc.Kind(&d) == "method_declaration" && f.doc.Text(syntax.Field(&d, "name")) == name {
			return syntax.Line(&d)
		}
	}
	return 0
}

// goLambdaTarget returns the line of the function the file hands to
// lambda.Start* (looking through wrappers such as otel.WrapHandler(h)), or
// 0 when there is no such call or the function is not declared here.
func (f *File) goLambdaTarget(root *ts.Node) int {
	alias := f.goImportName(root, lambdaPkg)
	if alias == "" {
		return 0
	}
	found := 0
	f.doc.Walk(root, func(n *ts.Node, kind string) bool {
		if found > 0 || kind != "call_expression" {
			return found == 0
		}
		fn := syntax.Field(n, "function")
		if f.doc.Kind(fn) == "selector_expression" && f.doc.Text(syntax.Field(fn, "operand")) == alias &&
			strings.HasPrefix(f.doc.Text(syntax.Field(fn, "field")), "Start") {
			found = f.goHandlerArg(root, syntax.Field(n, "arguments"), 0)
		}
		return found == 0
	})
	return found
}

// goHandlerArg resolves the first argument of a Start call to a line.
func (f *File) goHandlerArg(root, args *ts.Node, depth int) int {
	if args == nil || args.NamedChildCount() == 0 || depth > maxFollow {
		return 0
	}
	arg := args.NamedChild(0)
	switch f.doc.Kind(arg) {
	case "identifier":
		return f.goFuncLine(root, f.doc.Text(arg))
	case "func_literal":
		return syntax.Line(arg)
	case "selector_expression": // h.Handle: a method declared here
		return f.goMethodLine(root, f.doc.Text(syntax.Field(arg, "field")))
	case "call_expression": // a wrapper: look at what it wraps
		return f.goHandlerArg(root, syntax.Field(arg, "arguments"), depth+1)
	}
	return 0
}

// goImportName returns the name under which the file imports path ("" if
// it does not). A blank or dot import gives no usable name.
func (f *File) goImportName(root *ts.Node, path string) string {
	for _, imp := range f.goImportSpecs(root) {
		if imp.path != path {
			continue
		}
		if imp.name == "" {
			return path[strings.LastIndex(path, "/")+1:]
		}
		if imp.name != "_" && imp.name != "." {
			return imp.name
		}
	}
	return ""
}

type goImportSpec struct {
	path, name string
	line       int
}

// goImportSpecs lists the import specs of the file's import declarations.
func (f *File) goImportSpecs(root *ts.Node) []goImportSpec {
	var out []goImportSpec
	add := func(spec *ts.Node) {
		p, err := strconv.Unquote(f.doc.Text(syntax.Field(spec, "path")))
		if err == nil && p != "" {
			out = append(out, goImportSpec{path: p, name: f.doc.Text(syntax.Field(spec, "name")), line: syntax.Line(spec)})
		}
	}
	for _, d := range syntax.NamedChildren(root) {
		if f.doc.Kind(&d) != "import_declaration" {
			continue
		}
		for _, c := range syntax.NamedChildren(&d) {
			switch f.doc.Kind(&c) {
			case "import_spec":
				add(&c)
			case "import_spec_list":
				for _, s := range syntax.NamedChildren(&c) {
					if f.doc.Kind(&s) == "import_spec" {
						add(&s)
					}
				}
			}
		}
	}
	return out
}

// goImports returns the file's import paths as Imports.
func (f *File) goImports(root *ts.Node) []Import {
	var out []Import
	for _, s := range f.goImportSpecs(root) {
		out = append(out, Import{Spec: s.path, Line: s.line})
	}
	return out
}
