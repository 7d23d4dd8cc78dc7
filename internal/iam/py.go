package iam

import (
	"path"
	"strings"

	"github.com/cladsec/clad/internal/source"
)

// Python front end: bindings (assignments, parameters, defs, classes,
// imports, with … as), so that boto3 clients and resources can be traced
// from where they are made to where they are used.

// pyDecl is one binding of a name.
type pyDecl struct {
	name  string
	kind  declKind
	scope *node
	at    *node
	value *node
	fn    *node
	index int
	pname string // parameter name, for keyword arguments
	// Imports: the module (dotted, leading dots when relative) and the
	// imported name ("" for `import m`).
	spec   string
	member string
}

// pyFile is a parsed Python file.
type pyFile struct {
	w           *workspace
	f           *codeFile
	t           *tree
	decls       map[string][]*pyDecl
	props       map[string][]*node // self.x = … by attribute name
	specs       []specAt
	callsByName map[string][]*node
	busy        map[*node]bool
	sbusy       map[*node]bool
	memo        map[*node]value
	smemo       map[*node]alts
	depth       int
}

var pyScopeKinds = setOf("module", "function_definition", "class_definition", "lambda")

func newPyFile(w *workspace, f *codeFile) *pyFile {
	p := &pyFile{w: w, f: f, t: f.t, decls: map[string][]*pyDecl{}, props: map[string][]*node{},
		callsByName: map[string][]*node{}, busy: map[*node]bool{}, sbusy: map[*node]bool{},
		memo: map[*node]value{}, smemo: map[*node]alts{}}
	traverse(f.t.root, func(n *node) bool {
		p.collect(n)
		return true
	})
	return p
}

func pyScope(n *node) *node {
	if s := ancestor(n, pyScopeKinds); s != nil {
		return s
	}
	for n.parent != nil {
		n = n.parent
	}
	return n
}

func (p *pyFile) add(d *pyDecl) {
	if d.name != "" {
		p.decls[d.name] = append(p.decls[d.name], d)
	}
}

// collect records the bindings a node makes.
func (p *pyFile) collect(n *node) {
	switch n.kind {
	case "assignment":
		p.assignment(n)
	case "function_definition", "class_definition":
		kind := declFunc
		if n.kind == "class_definition" {
			kind = declClass
		}
		if name := n.get("name"); name != nil {
			p.add(&pyDecl{name: p.t.text(name), kind: kind, scope: pyScope(n), at: name, value: n})
		}
	case "parameters", "lambda_parameters":
		p.params(n)
	case "import_statement", "import_from_statement":
		p.importStatement(n)
	case "as_pattern":
		if alias := n.get("alias"); alias != nil {
			if id := alias.firstNamed(); id.kindOr() == "identifier" {
				p.add(&pyDecl{name: p.t.text(id), kind: declVar, scope: pyScope(n), at: id, value: n.firstNamed()})
			}
		}
	case "call":
		p.indexCall(n)
	}
}

// assignment binds `x = v`, `a = b = v` and records `self.x = v`.
func (p *pyFile) assignment(n *node) {
	left, right := n.get("left"), n.get("right")
	if right == nil {
		return
	}
	value := right
	for value.kindOr() == "assignment" {
		value = value.get("right")
	}
	switch left.kindOr() {
	case "identifier":
		p.add(&pyDecl{name: p.t.text(left), kind: declVar, scope: pyScope(n), at: left, value: value})
	case "attribute":
		name := p.t.text(left.get("attribute"))
		p.props[name] = append(p.props[name], value)
	}
}

// params binds a function's parameters.
func (p *pyFile) params(n *node) {
	fn := n.parent
	i := 0
	for _, c := range n.namedKids() {
		id, def := c, (*node)(nil)
		switch c.kind {
		case "default_parameter", "typed_default_parameter":
			id, def = c.get("name"), c.get("value")
		case "typed_parameter":
			id = c.firstNamed()
		}
		if id.kindOr() == "identifier" {
			p.add(&pyDecl{name: p.t.text(id), kind: declParam, scope: fn, at: id, value: def, fn: fn, index: i, pname: p.t.text(id)})
		}
		i++
	}
}

// importStatement binds `import a.b [as x]` and `from m import n [as x]`.
func (p *pyFile) importStatement(n *node) {
	scope := pyScope(n)
	if n.kind == "import_statement" {
		for _, c := range n.all("name") {
			mod, alias := c, c
			if c.kind == "aliased_import" {
				mod, alias = c.get("name"), c.get("alias")
				p.add(&pyDecl{name: p.t.text(alias), kind: declImport, scope: scope, at: alias, spec: dottedText(p.t, mod)})
			} else {
				spec := dottedText(p.t, mod)
				p.add(&pyDecl{name: pyTopModule(spec), kind: declImport, scope: scope, at: c, spec: pyTopModule(spec)})
			}
			p.specs = append(p.specs, specAt{dottedText(p.t, mod), n.line})
		}
		return
	}
	spec := dottedText(p.t, n.get("module_name"))
	p.specs = append(p.specs, specAt{spec, n.line})
	for _, c := range n.all("name") {
		name, alias := c, c
		if c.kind == "aliased_import" {
			name, alias = c.get("name"), c.get("alias")
		}
		member := dottedText(p.t, name)
		p.add(&pyDecl{name: p.t.text(alias), kind: declImport, scope: scope, at: alias, spec: spec, member: member})
		if !strings.HasPrefix(spec, ".") {
			p.specs = append(p.specs, specAt{spec + "." + member, n.line})
		}
	}
}

// dottedText returns a dotted name without whitespace.
func dottedText(t *tree, n *node) string {
	return strings.Join(strings.Fields(t.text(n)), "")
}

func (p *pyFile) indexCall(n *node) {
	fn := n.get("function")
	var name string
	switch fn.kindOr() {
	case "identifier":
		name = p.t.text(fn)
	case "attribute":
		name = p.t.text(fn.get("attribute"))
	default:
		return
	}
	p.callsByName[name] = append(p.callsByName[name], n)
}

// lookup finds the binding of name visible at n.
func (p *pyFile) lookup(name string, at *node) *pyDecl {
	var best *pyDecl
	for _, d := range p.decls[name] {
		if !d.scope.contains(at) {
			continue
		}
		if best == nil || (best.scope != d.scope && best.scope.contains(d.scope)) {
			best = d
			continue
		}
		if best.scope == d.scope && d.at.start <= at.start && d.at.start > best.at.start {
			best = d
		}
	}
	return best
}

// localModule resolves an import to a project file; asModule is true when
// the file is the submodule member rather than the module holding it.
func (p *pyFile) localModule(spec, member string) (file string, asModule, ok bool) {
	imp := source.Import{Spec: spec, Name: member}
	file, ok = p.w.resolveImport(p.f.path, p.f.codeDir, imp)
	if !ok {
		return "", false, false
	}
	if member != "" {
		base := path.Base(strings.TrimSuffix(file, "/__init__.py"))
		asModule = base == member+".py" || (strings.HasSuffix(file, "/__init__.py") && base == member)
	}
	return file, asModule, true
}

// pyStringContent returns the text of a plain string literal.
func pyStringContent(t *tree, n *node) (string, bool) {
	if n.kindOr() != "string" {
		return "", false
	}
	var b strings.Builder
	for _, c := range n.kids {
		switch c.kind {
		case "interpolation":
			return "", false
		case "string_content":
			b.WriteString(t.text(c))
		}
	}
	return b.String(), true
}

// arg returns a call's positional argument i (-1: none) or keyword
// argument name.
func (p *pyFile) arg(call *node, i int, name string) *node {
	args := call.get("arguments")
	pos := 0
	for _, a := range args.namedKids() {
		switch a.kind {
		case "keyword_argument":
			if name != "" && p.t.text(a.get("name")) == name {
				return a.get("value")
			}
		case "list_splat", "dictionary_splat":
		default:
			if pos == i {
				return a
			}
			pos++
		}
	}
	return nil
}
