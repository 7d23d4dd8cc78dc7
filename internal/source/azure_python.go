package source

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"
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
	for _, c := range namedChildren(n) {
		f.azPyStatement(&c, m)
		if pyCompound[f.kind(&c)] {
			f.azPyBlock(&c, m, depth+1)
		}
	}
}

// azPyStatement records what one module-level statement declares.
func (f *File) azPyStatement(st *ts.Node, m *AzurePyModule) {
	switch f.kind(st) {
	case "decorated_definition":
		if fn, ok := f.azPyDecorated(st); ok {
			m.Functions = append(m.Functions, fn)
		}
	case "expression_statement":
		for _, e := range namedChildren(st) {
			f.azPyExpression(&e, m)
		}
	case "import_statement", "import_from_statement":
		f.azPyImport(st, m.Imports)
	}
}

// azPyDecorated reads a decorated def and its method-call decorators.
func (f *File) azPyDecorated(st *ts.Node) (AzurePyFunction, bool) {
	def := field(st, "definition")
	if f.kind(def) != "function_definition" {
		return AzurePyFunction{}, false
	}
	fn := AzurePyFunction{Name: f.text(field(def, "name")), Line: line(def)}
	for _, d := range namedChildren(st) {
		if f.kind(&d) != "decorator" {
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
	switch f.kind(e) {
	case "assignment":
		left, right := field(e, "left"), field(e, "right")
		if f.kind(left) == "identifier" && f.kind(right) == "call" {
			m.Objects = append(m.Objects, AzurePyObject{Name: f.text(left), Call: f.azPyValue(right, 0), Line: line(e)})
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
	callee, args := n, AzureValue{Kind: AzureCallExpr, Line: line(n)}
	if f.kind(n) == "call" {
		callee = field(n, "function")
		args = f.azPyValue(n, 0)
	}
	if f.kind(callee) != "attribute" {
		return AzureCall{}, false
	}
	obj, ok := f.pyDotted(field(callee, "object"))
	if !ok {
		return AzureCall{}, false
	}
	return AzureCall{Object: obj, Method: f.text(field(callee, "attribute")), Args: args, Line: line(n)}, true
}

// azPyImport records the names an import statement binds.
func (f *File) azPyImport(st *ts.Node, into map[string]AzurePyImport) {
	from := f.kind(st) == "import_from_statement"
	mod := dotted(f.text(field(st, "module_name")))
	c := st.Walk()
	defer c.Close()
	for _, n := range st.ChildrenByFieldName("name", c) {
		name, local := &n, ""
		if f.kind(&n) == "aliased_import" {
			name, local = field(&n, "name"), f.text(field(&n, "alias"))
		}
		imported := dotted(f.text(name))
		switch {
		case from:
			if local == "" {
				local = imported
			}
			into[local] = AzurePyImport{Module: mod, Name: imported, Line: line(st)}
		case local != "":
			into[local] = AzurePyImport{Module: imported, Line: line(st)}
		default: // import a.b binds a
			into[topModule(imported)] = AzurePyImport{Module: topModule(imported), Line: line(st)}
		}
	}
}

// pyDotted returns the text of an identifier or attribute chain of
// identifiers ("func.AuthLevel.ANONYMOUS").
func (f *File) pyDotted(n *ts.Node) (string, bool) {
	var parts []string
	for range maxFollow {
		switch f.kind(n) {
		case "identifier":
			parts = append(parts, f.text(n))
			for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
				parts[i], parts[j] = parts[j], parts[i]
			}
			return strings.Join(parts, "."), true
		case "attribute":
			parts = append(parts, f.text(field(n, "attribute")))
			n = field(n, "object")
		default:
			return "", false
		}
	}
	return "", false
}

// azPyValue reads a Python expression as far as it is literal.
func (f *File) azPyValue(n *ts.Node, depth int) AzureValue {
	v := AzureValue{Kind: AzureOther, Line: line(n)}
	if n == nil || depth > maxAzureDepth {
		return v
	}
	switch k := f.kind(n); k {
	case "string":
		if s, ok := f.pyString(n); ok {
			v.Kind, v.Text = AzureString, s
		}
	case "integer", "float":
		v.Kind, v.Text = AzureNumber, f.text(n)
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
		for _, it := range namedChildren(n) {
			if f.kind(&it) != "comment" {
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
	v.Text, _ = f.pyDotted(field(n, "function"))
	for _, a := range namedChildren(field(n, "arguments")) {
		switch f.kind(&a) {
		case "keyword_argument":
			if v.Fields == nil {
				v.Fields = map[string]AzureValue{}
			}
			v.Fields[f.text(field(&a, "name"))] = f.azPyValue(field(&a, "value"), depth+1)
		case "comment":
		default:
			v.Items = append(v.Items, f.azPyValue(&a, depth+1))
		}
	}
}

// pyString returns the content of a string literal without
// interpolations (f-strings with {…} are not literal).
func (f *File) pyString(n *ts.Node) (string, bool) {
	var b strings.Builder
	for _, c := range namedChildren(n) {
		switch f.kind(&c) {
		case "string_content":
			b.WriteString(f.text(&c))
		case "interpolation":
			return "", false
		}
	}
	return b.String(), true
}
