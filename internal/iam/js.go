package iam

import (
	"strings"

	"github.com/cladsec/clad/internal/source"
)

// JavaScript and TypeScript front end: the bindings of a file (variables,
// parameters, functions, classes, imports, assignments) with their scopes,
// so that a client's use can be traced back to where it was made.

// declKind is how a name was bound.
type declKind int

const (
	declVar declKind = iota
	declParam
	declFunc
	declClass
	declImport
)

// jsDecl is one binding of a name.
type jsDecl struct {
	name  string
	kind  declKind
	scope *node // the scope the binding lives in
	at    *node // the binding identifier
	value *node // initializer, default value, function or class node
	prop  string
	// Parameters: the function and the parameter's position.
	fn    *node
	index int
	// Imports: the module specifier and the imported member ("" for the
	// whole module or namespace, "default" for a default import).
	spec   string
	member string
}

// jsFile is a parsed JavaScript/TypeScript file.
type jsFile struct {
	w     *workspace
	f     *codeFile
	t     *tree
	decls map[string][]*jsDecl
	// assigns are later assignments to a name (client = new S3()).
	assigns map[string][]*node
	// props are values assigned to properties (this.db = …, class fields),
	// by property name, file wide.
	props map[string][]*node
	// specs are the module specifiers the file loads, for library checks.
	specs []specAt
	// calls by callee name, for parameter resolution.
	callsByName map[string][]*node

	busy  map[*node]bool // evaluation in progress (cycle guard)
	sbusy map[*node]bool
	memo  map[*node]value
	smemo map[*node]alts
	depth int
}

type specAt struct {
	spec string
	line int
}

// jsScopeKinds are the nodes that open a scope.
var jsScopeKinds = setOf("program", "statement_block", "arrow_function", "function_expression", "function",
	"function_declaration", "generator_function_declaration", "generator_function", "method_definition",
	"class_body", "for_statement", "for_in_statement", "catch_clause")

// jsFuncKinds are the function-like nodes.
var jsFuncKinds = setOf("arrow_function", "function_expression", "function", "function_declaration",
	"generator_function_declaration", "generator_function", "method_definition")

func newJSFile(w *workspace, f *codeFile) *jsFile {
	j := &jsFile{w: w, f: f, t: f.t, decls: map[string][]*jsDecl{}, assigns: map[string][]*node{},
		props: map[string][]*node{}, callsByName: map[string][]*node{}, busy: map[*node]bool{},
		sbusy: map[*node]bool{}, memo: map[*node]value{}, smemo: map[*node]alts{}}
	traverse(f.t.root, func(n *node) bool {
		j.collect(n)
		return true
	})
	return j
}

// collect records the bindings a node makes.
func (j *jsFile) collect(n *node) {
	switch n.kind {
	case "variable_declarator":
		j.declarator(n)
	case "function_declaration", "generator_function_declaration", "class_declaration", "abstract_class_declaration":
		kind := declFunc
		if strings.Contains(n.kind, "class") {
			kind = declClass
		}
		if name := n.get("name"); name != nil {
			j.add(&jsDecl{name: j.t.text(name), kind: kind, scope: jsScope(n), at: name, value: n})
		}
	case "formal_parameters":
		j.params(n)
	case "import_statement":
		j.importStatement(n)
	case "assignment_expression":
		j.assignment(n)
	case "public_field_definition", "field_definition":
		name := n.get("name")
		if name == nil {
			name = n.get("property")
		}
		if v := n.get("value"); name != nil && v != nil {
			j.props[j.t.text(name)] = append(j.props[j.t.text(name)], v)
		}
	case "call_expression":
		j.indexCall(n)
	}
}

func (j *jsFile) add(d *jsDecl) {
	if d.name == "" {
		return
	}
	j.decls[d.name] = append(j.decls[d.name], d)
}

// jsScope returns the scope a declaration at n belongs to.
func jsScope(n *node) *node {
	if s := ancestor(n, jsScopeKinds); s != nil {
		return s
	}
	for n.parent != nil {
		n = n.parent
	}
	return n
}

// declarator handles `name = value` and destructuring
// `{ a, b: c, d = x } = value`.
func (j *jsFile) declarator(n *node) {
	name, value := n.get("name"), n.get("value")
	scope := jsScope(n)
	switch name.kindOr() {
	case "identifier":
		j.add(&jsDecl{name: j.t.text(name), kind: declVar, scope: scope, at: name, value: value})
		if fn := unwrap(j.t, value); fn != nil && jsFuncKinds[fn.kind] {
			j.props[j.t.text(name)] = append(j.props[j.t.text(name)], fn) // for this.name() style calls
		}
	case "object_pattern":
		j.objectPattern(name, value, scope)
	}
}

// objectPattern binds each property a destructuring pattern takes.
func (j *jsFile) objectPattern(pat, value, scope *node) {
	for _, p := range pat.namedKids() {
		switch p.kind {
		case "shorthand_property_identifier_pattern":
			j.add(&jsDecl{name: j.t.text(p), kind: declVar, scope: scope, at: p, value: value, prop: j.t.text(p)})
		case "object_assignment_pattern":
			if l := p.get("left"); l != nil {
				j.add(&jsDecl{name: j.t.text(l), kind: declVar, scope: scope, at: l, value: value, prop: j.t.text(l)})
			}
		case "pair_pattern":
			key, v := p.get("key"), p.get("value")
			if v != nil && v.kind == "assignment_pattern" {
				v = v.get("left")
			}
			if key != nil && v != nil && v.kind == "identifier" {
				j.add(&jsDecl{name: j.t.text(v), kind: declVar, scope: scope, at: v, value: value, prop: j.keyText(key)})
			}
		}
	}
}

// params binds a function's parameters.
func (j *jsFile) params(n *node) {
	fn := n.parent
	i := 0
	for _, p := range n.namedKids() {
		id, def := p, (*node)(nil)
		switch p.kind {
		case "required_parameter", "optional_parameter":
			id, def = p.get("pattern"), p.get("value")
		case "assignment_pattern":
			id, def = p.get("left"), p.get("right")
		}
		if id != nil && id.kind == "identifier" {
			j.add(&jsDecl{name: j.t.text(id), kind: declParam, scope: fn, at: id, value: def, fn: fn, index: i})
		}
		i++
	}
}

// importStatement binds ES module imports (type-only imports load nothing).
func (j *jsFile) importStatement(n *node) {
	if n.hasToken("type") {
		return
	}
	spec, ok := jsStringValue(j.t, n.get("source"))
	var clause *node
	for _, c := range n.namedKids() {
		switch c.kind {
		case "import_clause":
			clause = c
		case "import_require_clause": // TypeScript: import x = require("m")
			if s, ok2 := jsStringValue(j.t, c.get("source")); ok2 {
				if id := c.firstNamed(); id != nil && id.kind == "identifier" {
					j.add(&jsDecl{name: j.t.text(id), kind: declImport, scope: jsScope(n), at: id, spec: s})
				}
				j.specs = append(j.specs, specAt{s, n.line})
			}
		}
	}
	if !ok {
		return
	}
	j.specs = append(j.specs, specAt{spec, n.line})
	if clause == nil {
		return
	}
	scope := jsScope(n)
	for _, c := range clause.namedKids() {
		switch c.kind {
		case "identifier":
			j.add(&jsDecl{name: j.t.text(c), kind: declImport, scope: scope, at: c, spec: spec, member: "default"})
		case "namespace_import":
			if id := c.firstNamed(); id != nil {
				j.add(&jsDecl{name: j.t.text(id), kind: declImport, scope: scope, at: id, spec: spec})
			}
		case "named_imports":
			for _, s := range c.namedKids() {
				if s.kind != "import_specifier" || s.hasToken("type") {
					continue
				}
				name := s.get("name")
				local := name
				if a := s.get("alias"); a != nil {
					local = a
				}
				j.add(&jsDecl{name: j.t.text(local), kind: declImport, scope: scope, at: local, spec: spec, member: j.keyText(name)})
			}
		}
	}
}

// assignment records `x = v` and `obj.prop = v`.
func (j *jsFile) assignment(n *node) {
	left, right := n.get("left"), n.get("right")
	if left == nil || right == nil {
		return
	}
	switch left.kind {
	case "identifier":
		j.assigns[j.t.text(left)] = append(j.assigns[j.t.text(left)], right)
	case "member_expression":
		if p := left.get("property"); p != nil {
			j.props[j.t.text(p)] = append(j.props[j.t.text(p)], right)
		}
	}
}

// indexCall remembers calls by the callee's name (f(…) and x.f(…)), and
// the modules loaded with require/import().
func (j *jsFile) indexCall(n *node) {
	fn := n.get("function")
	switch fn.kindOr() {
	case "identifier":
		name := j.t.text(fn)
		j.callsByName[name] = append(j.callsByName[name], n)
		if name == "require" {
			if s, ok := jsStringValue(j.t, firstArg(n)); ok {
				j.specs = append(j.specs, specAt{s, n.line})
			}
		}
	case "import":
		if s, ok := jsStringValue(j.t, firstArg(n)); ok {
			j.specs = append(j.specs, specAt{s, n.line})
		}
	case "member_expression":
		if p := fn.get("property"); p != nil {
			name := j.t.text(p)
			j.callsByName[name] = append(j.callsByName[name], n)
		}
	}
}

// lookup finds the binding of name visible at n: the innermost scope
// holding n that declares it.
func (j *jsFile) lookup(name string, at *node) *jsDecl {
	var best *jsDecl
	for _, d := range j.decls[name] {
		if !d.scope.contains(at) {
			continue
		}
		if best == nil || best.scope.contains(d.scope) && best.scope != d.scope {
			best = d
			continue
		}
		if best.scope == d.scope && d.at.start <= at.start && d.at.start > best.at.start {
			best = d
		}
	}
	return best
}

// kindOr returns the node's kind, "" for nil.
func (n *node) kindOr() string {
	if n == nil {
		return ""
	}
	return n.kind
}

// keyText returns a property key as a name (identifier or string).
func (j *jsFile) keyText(n *node) string {
	if s, ok := jsStringValue(j.t, n); ok {
		return s
	}
	return j.t.text(n)
}

// jsStringValue returns the content of a string literal or of a template
// without substitutions.
func jsStringValue(t *tree, n *node) (string, bool) {
	switch n.kindOr() {
	case "string":
	case "template_string":
		for _, c := range n.namedKids() {
			if c.kind == "template_substitution" {
				return "", false
			}
		}
	default:
		return "", false
	}
	s := t.text(n)
	if len(s) < 2 {
		return "", false
	}
	return s[1 : len(s)-1], true
}

// firstArg returns the first argument of a call or new expression.
func firstArg(call *node) *node {
	return nthArg(call, 0)
}

// nthArg returns argument i of a call or new expression, or nil.
func nthArg(call *node, i int) *node {
	args := call.get("arguments")
	if args == nil {
		return nil
	}
	kids := args.namedKids()
	if i < len(kids) {
		return kids[i]
	}
	return nil
}

// unwrap strips parentheses, await and TypeScript-only wrappers.
func unwrap(t *tree, n *node) *node {
	for range 16 {
		switch n.kindOr() {
		case "parenthesized_expression", "await_expression", "as_expression", "satisfies_expression",
			"non_null_expression":
			inner := n.firstNamed()
			if inner == nil {
				return n
			}
			n = inner
		case "type_assertion":
			kids := n.namedKids()
			if len(kids) == 0 {
				return n
			}
			n = kids[len(kids)-1]
		default:
			return n
		}
	}
	return n
}

// isLocalSpec reports whether a module specifier names a project file.
func isLocalSpec(spec string) bool {
	return strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") || spec == "." || spec == ".."
}

// localModule resolves a relative specifier from this file.
func (j *jsFile) localModule(spec string) (string, bool) {
	if !isLocalSpec(spec) {
		return "", false
	}
	return j.w.resolveImport(j.f.path, j.f.codeDir, source.Import{Spec: spec})
}
