package source

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// Azure Functions Python v2 programming model: function_app.py creates a
// FunctionApp (or AsgiFunctionApp, WsgiFunctionApp) and decorates module
// functions with its methods (@app.route, @app.timer_trigger…); other
// modules create Blueprints, decorated the same way, that the app adopts
// with app.register_functions(bp).

// AzurePyModule is what one Python module declares at module level, as the
// Python v2 model reads it.
type AzurePyModule struct {
	// Objects are the `name = callee(...)` assignments (the FunctionApp and
	// Blueprint objects among them), in source order.
	Objects []AzurePyObject
	// Functions are the defs with at least one decorator calling a method
	// of a name (@app.route(...)), in source order.
	Functions []AzurePyFunction
	// Calls are the expression statements calling a method of a name
	// (app.register_functions(bp)), in source order.
	Calls []AzureCall
	// Imports maps each name an import statement binds to what it binds.
	Imports map[string]AzurePyImport
}

// AzurePyObject is a module-level assignment of a call's result.
type AzurePyObject struct {
	// Name is the assigned name; Call the call (Kind AzureCallExpr, Text
	// its dotted callee: "func.FunctionApp").
	Name string
	Call AzureValue
	Line int
}

// AzurePyFunction is a decorated module-level def.
type AzurePyFunction struct {
	// Name is the def's name; Line the line of its def keyword.
	Name string
	Line int
	// Decorators are its method-call decorators, top first.
	Decorators []AzureCall
}

// AzureCall is a call of a method of a named object: app.route(...).
type AzureCall struct {
	// Object is the (dotted) name the method is called on; Method the
	// method's name.
	Object string
	Method string
	// Args holds the arguments: Items positional, Fields by keyword.
	Args AzureValue
	Line int
}

// AzurePyImport is what one import binding names.
type AzurePyImport struct {
	// Module is the dotted module, with its leading dots when relative.
	Module string
	// Name is the imported name of `from Module import Name`; "" for
	// `import Module`.
	Name string
	Line int
}

// AzurePython summarises the module-level declarations of a Python file
// for the Azure Functions Python v2 model. Other languages and closed
// files yield an empty summary.
func (f *File) AzurePython() AzurePyModule {
	m := AzurePyModule{Imports: map[string]AzurePyImport{}}
	root := f.root()
	if root == nil || f.Lang != Python {
		return m
	}
	f.azPyBlock(root, &m, 0)
	return m
}

// azPyBlock reads the statements under n, entering module-level compound
// statements (if, try, with) but not defs or classes.
func (f *File) azPyBlock(n *ts.Node, m *AzurePyModule, depth int) {
	if depth > 16 {
		return
	}
	for _, c := range syntax.NamedChildren(n) {
		f.azPyStatement(&c, m)
		if pyCompound[f.doc.Kind(&c)] {
			f.azPyBlock(&c, m, depth+1)
		}
	}
}

// azPyStatement records what one module-level statement declares.
func (f *File) azPyStatement(st *ts.Node, m *AzurePyModule) {
	switch f.doc.Kind(st) {
	case "decorated_definition":
		if fn, ok := f.azPyDecorated(st); ok {
			m.Functions = append(m.Functions, fn)
		}
	case "expression_statement":
		for _, e := range syntax.NamedChildren(st) {
			f.azPyExpression(&e, m)
		}
	case "import_statement", "import_from_statement":
		f.azPyImport(st, m.Imports)
	}
}

// azPyDecorated reads a decorated def and its method-call decorators.
func (f *File) azPyDecorated(st *ts.Node) (AzurePyFunction, bool) {
	def := syntax.Field(st, "definition")
	if f.doc.Kind(def) != "function_definition" {
		return AzurePyFunction{}, false
	}
	fn := AzurePyFunction{Name: f.doc.Text(syntax.Field(def, "name")), Line: syntax.Line(def)}
	for _, d := range syntax.NamedChildren(st) {
		if f.doc.Kind(&d) != "decorator" {
			continue
		}
		if c, ok := f.azPyMethodCall(d.NamedChild(0)); ok {
			fn.Decorators = append(fn.Decorators, c)
		}
	}
	return fn, len(fn.Decorators) > 0 && fn.Name != ""
}

// azPyExpression records `name = call(...)` and `obj.method(...)`.
func (f *File) azPyExpression(e *ts.Node, m *AzurePyModule) {
	switch f.doc.Kind(e) {
	case "assignment":
		left, right := syntax.Field(e, "left"), syntax.Field(e, "right")
		if f.doc.Kind(left) == "identifier" && f.doc.Kind(right) == "call" {
			m.Objects = append(m.Objects, AzurePyObject{Name: f.doc.Text(left), Call: f.azPyValue(right, 0), Line: syntax.Line(e)})
		}
	case "call":
		if c, ok := f.azPyMethodCall(e); ok {
			m.Calls = append(m.Calls, c)
		}
	}
}

// azPyMethodCall reads `obj.method(args)`, or a bare `obj.method` used as
// a decorator, where obj is a (dotted) name.
func (f *File) azPyMethodCall(n *ts.Node) (AzureCall, bool) {
	callee, args := n, AzureValue{Kind: AzureCallExpr, Line: syntax.Line(n)}
	if f.doc.Kind(n) == "call" {
		callee = syntax.Field(n, "function")
		args = f.azPyValue(n, 0)
	}
	if f.doc.Kind(callee) != "attribute" {
		return AzureCall{}, false
	}
	obj, ok := f.pyDotted(syntax.Field(callee, "object"))
	if !ok {
		return AzureCall{}, false
	}
	return AzureCall{Object: obj, Method: f.doc.Text(syntax.Field(callee, "attribute")), Args: args, Line: syntax.Line(n)}, true
}

// azPyImport records the names an import statement binds.
func (f *File) azPyImport(st *ts.Node, into map[string]AzurePyImport) {
	from := f.doc.Kind(st) == "import_from_statement"
	mod := dotted(f.doc.Text(syntax.Field(st, "module_name")))
	for _, n := range syntax.FieldChildren(st, "name") {
		name, local := &n, ""
		if f.doc.Kind(&n) == "aliased_import" {
			name, local = syntax.Field(&n, "name"), f.doc.Text(syntax.Field(&n, "alias"))
		}
		imported := dotted(f.doc.Text(name))
		switch {
		case from:
			if local == "" {
				local = imported
			}
			into[local] = AzurePyImport{Module: mod, Name: imported, Line: syntax.Line(st)}
		case local != "":
			into[local] = AzurePyImport{Module: imported, Line: syntax.Line(st)}
		default: // import a.b binds a
			into[topModule(imported)] = AzurePyImport{Module: topModule(imported), Line: syntax.Line(st)}
		}
	}
}

// pyDotted returns the text of an identifier or attribute chain of
// identifiers ("func.AuthLevel.ANONYMOUS").
func (f *File) pyDotted(n *ts.Node) (string, bool) {
	var parts []string
	for range maxFollow {
		switch f.doc.Kind(n) {
		case "identifier":
			parts = append(parts, f.doc.Text(n))
			for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
				parts[i], parts[j] = parts[j], parts[i]
			}
			return strings.Join(parts, "."), true
		case "attribute":
			parts = append(parts, f.doc.Text(syntax.Field(n, "attribute")))
			n = syntax.Field(n, "object")
		default:
			return "", false
		}
	}
	return "", false
}

// azPyValue reads a Python expression as far as it is literal.
func (f *File) azPyValue(n *ts.Node, depth int) AzureValue {
	v := AzureValue{Kind: AzureOther, Line: syntax.Line(n)}
	if n == nil || depth > maxAzureDepth {
		return v
	}
	switch k := f.doc.Kind(n); k {
	case "string":
		if s, ok := f.doc.PyString(n); ok {
			v.Kind, v.Text = AzureString, s
		}
	case "integer", "float":
		v.Kind, v.Text = AzureNumber, f.doc.Text(n)
	case "true", "false":
		v.Kind, v.Text = AzureBool, k
	case "none":
		v.Kind = AzureNone
	case "identifier", "attribute":
		if s, ok := f.pyDotted(n); ok {
			v.Kind, v.Text = AzureName, s
		}
	case "list", "tuple":
		v.Kind = AzureList
		for _, it := range syntax.NamedChildren(n) {
			if f.doc.Kind(&it) != "comment" {
				v.Items = append(v.Items, f.azPyValue(&it, depth+1))
			}
		}
	case "parenthesized_expression":
		if inner := n.NamedChild(0); inner != nil {
			return f.azPyValue(inner, depth+1)
		}
	case "lambda":
		v.Kind = AzureFunction
	case "call":
		f.azPyCall(n, &v, depth)
	}
	return v
}

// azPyCall fills v with a call's callee and arguments.
func (f *File) azPyCall(n *ts.Node, v *AzureValue, depth int) {
	v.Kind = AzureCallExpr
	v.Text, _ = f.pyDotted(syntax.Field(n, "function"))
	for _, a := range syntax.NamedChildren(syntax.Field(n, "arguments")) {
		switch f.doc.Kind(&a) {
		case "keyword_argument":
			if v.Fields == nil {
				v.Fields = map[string]AzureValue{}
			}
			v.Fields[f.doc.Text(syntax.Field(&a, "name"))] = f.azPyValue(syntax.Field(&a, "value"), depth+1)
		case "comment":
		default:
			v.Items = append(v.Items, f.azPyValue(&a, depth+1))
		}
	}
}
