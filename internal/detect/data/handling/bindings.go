package handling

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// bindings are what a file's names stand for: the module an import or a
// require binds ("axios", "http.request", "net/http"), the client a
// constructor call returns ("requests.Session"), and the values assigned
// to each name (for following a URL constant to the call that uses it).
type bindings struct {
	mods  map[string]binding
	decls map[string][]*ts.Node
}

// binding is what an imported name stands for: a module, or a member path
// inside it ("http" + "request" for `const { request } = require('http')`).
type binding struct {
	mod, path string
}

// join returns the binding as one dotted name.
func (b binding) join(rest string) string {
	out := b.mod
	for _, p := range []string{b.path, rest} {
		if p != "" {
			out += "." + p
		}
	}
	return out
}

// sub returns the binding of a member of b.
func (b binding) sub(member string) binding {
	if b.path == "" {
		return binding{b.mod, member}
	}
	return binding{b.mod, b.path + "." + member}
}

// maxDecls bounds the values remembered per name.
const maxDecls = 16

func (b *bindings) decl(name string, v *ts.Node) {
	if name == "" || v == nil || len(b.decls[name]) >= maxDecls {
		return
	}
	b.decls[name] = append(b.decls[name], v)
}

// bind collects the bindings of the whole file in one walk.
func (s *syn) bind() *bindings {
	b := &bindings{mods: map[string]binding{}, decls: map[string][]*ts.Node{}}
	s.Walk(s.root, func(n *ts.Node, kind string) bool {
		switch kind {
		case "variable_declarator":
			s.bindJSDeclarator(b, n)
		case "assignment_expression":
			if left := syntax.Field(n, "left"); s.Kind(left) == "identifier" {
				b.decl(s.Text(left), syntax.Field(n, "right"))
			}
		case "import_statement":
			if s.lang.IsJS() {
				s.bindJSImport(b, n)
			} else {
				s.bindPyImport(b, n)
			}
		case "import_from_statement":
			s.bindPyFrom(b, n)
		case "assignment":
			s.bindPyAssignment(b, n)
		case "with_item":
			s.bindPyWith(b, n)
		case "import_spec":
			s.bindGoImport(b, n)
		case "const_spec", "var_spec":
			s.bindGoSpec(b, n)
		case "short_var_declaration", "assignment_statement":
			s.bindGoShort(b, n)
		}
		return true
	})
	return b
}

// bindJSDeclarator handles `const x = require('m')`, `const {a, b: c} =
// require('m')`, `const client = axios.create()` and plain values.
func (s *syn) bindJSDeclarator(b *bindings, n *ts.Node) {
	name, value := syntax.Field(n, "name"), syntax.Field(n, "value")
	if value == nil {
		return
	}
	mod, ok := s.jsModule(b, value)
	switch s.Kind(name) {
	case "identifier":
		b.decl(s.Text(name), value)
		if ok {
			b.mods[s.Text(name)] = mod
		}
	case "object_pattern":
		if !ok {
			return
		}
		for _, p := range s.Named(name) {
			p := p
			switch s.Kind(&p) {
			case "shorthand_property_identifier_pattern":
				b.mods[s.Text(&p)] = mod.sub(s.Text(&p))
			case "pair_pattern":
				if v := syntax.Field(&p, "value"); s.Kind(v) == "identifier" {
					b.mods[s.Text(v)] = mod.sub(s.keyName(syntax.Field(&p, "key")))
				}
			}
		}
	}
}

// jsModule returns the module a value loads: require('m'), require('m').x,
// await import('m'), or a client made by a bound module's factory
// (axios.create(), got.extend()).
func (s *syn) jsModule(b *bindings, v *ts.Node) (binding, bool) {
	v = s.unwrap(v)
	switch s.Kind(v) {
	case "call_expression":
		callee, args, _ := s.call(v)
		if d := s.dotted(callee); d == "require" || s.Kind(callee) == "import" {
			if len(args) > 0 {
				if m, ok := s.str(args[0].n); ok {
					return binding{mod: m}, true
				}
			}
			return binding{}, false
		}
		d := s.dotted(callee)
		if m, ok := b.lookup(d); ok && clientFactories[last(d)] {
			return binding{mod: m.mod}, true // an instance of the client
		}
	case "member_expression":
		if m, ok := s.jsModule(b, syntax.Field(v, "object")); ok {
			return m.sub(s.Text(syntax.Field(v, "property"))), true
		}
	}
	return binding{}, false
}

// clientFactories are the calls that return a configured HTTP client.
var clientFactories = map[string]bool{"create": true, "extend": true, "defaults": true, "Session": true, "session": true,
	"Client": true, "AsyncClient": true, "ClientSession": true, "PoolManager": true}

// bindJSImport handles ES module imports.
func (s *syn) bindJSImport(b *bindings, n *ts.Node) {
	mod, ok := s.str(syntax.Field(n, "source"))
	if !ok {
		return
	}
	for _, c := range s.Named(n) {
		c := c
		if s.Kind(&c) != "import_clause" {
			continue
		}
		for _, part := range s.Named(&c) {
			part := part
			switch s.Kind(&part) {
			case "identifier":
				b.mods[s.Text(&part)] = binding{mod: mod}
			case "namespace_import":
				if id := s.First(&part); id != nil {
					b.mods[s.Text(id)] = binding{mod: mod}
				}
			case "named_imports":
				for _, sp := range s.Named(&part) {
					sp := sp
					name, alias := syntax.Field(&sp, "name"), syntax.Field(&sp, "alias")
					if alias == nil {
						alias = name
					}
					b.mods[s.Text(alias)] = binding{mod, s.keyName(name)}
				}
			}
		}
	}
}

// bindPyImport handles `import a.b` and `import a.b as c`.
func (s *syn) bindPyImport(b *bindings, n *ts.Node) {
	for _, c := range s.Named(n) {
		c := c
		switch s.Kind(&c) {
		case "dotted_name":
			full := s.Text(&c)
			root, _, _ := strings.Cut(full, ".")
			b.mods[root] = binding{mod: root}
		case "aliased_import":
			b.mods[s.Text(syntax.Field(&c, "alias"))] = binding{mod: s.Text(syntax.Field(&c, "name"))}
		}
	}
}

// bindPyFrom handles `from m import x` and `from m import x as y`.
func (s *syn) bindPyFrom(b *bindings, n *ts.Node) {
	mod := s.Text(syntax.Field(n, "module_name"))
	for _, c := range s.Named(n) {
		c := c
		if c.Id() == syntax.Field(n, "module_name").Id() {
			continue
		}
		switch s.Kind(&c) {
		case "dotted_name":
			b.mods[s.Text(&c)] = binding{mod, s.Text(&c)}
		case "aliased_import":
			b.mods[s.Text(syntax.Field(&c, "alias"))] = binding{mod, s.Text(syntax.Field(&c, "name"))}
		}
	}
}

// bindPyAssignment records `x = value` and clients (`s = requests.Session()`).
func (s *syn) bindPyAssignment(b *bindings, n *ts.Node) {
	left, right := syntax.Field(n, "left"), syntax.Field(n, "right")
	if s.Kind(left) != "identifier" || right == nil {
		return
	}
	name := s.Text(left)
	b.decl(name, right)
	if m, ok := s.pyClient(b, right); ok {
		b.mods[name] = m
	}
}

// bindPyWith records `with requests.Session() as s`.
func (s *syn) bindPyWith(b *bindings, n *ts.Node) {
	v := syntax.Field(n, "value")
	if s.Kind(v) != "as_pattern" {
		return
	}
	target := s.First(syntax.Field(v, "alias"))
	if s.Kind(target) != "identifier" {
		return
	}
	if m, ok := s.pyClient(b, s.First(v)); ok {
		b.mods[s.Text(target)] = m
	}
}

// pyClient returns the resolved constructor of a client-making call.
func (s *syn) pyClient(b *bindings, v *ts.Node) (binding, bool) {
	callee, _, ok := s.call(s.unwrap(v))
	if !ok {
		return binding{}, false
	}
	d := s.dotted(callee)
	if m, ok := b.lookup(d); ok && clientFactories[last(d)] {
		return m, true
	}
	return binding{}, false
}

// bindGoImport records the package name an import binds.
func (s *syn) bindGoImport(b *bindings, n *ts.Node) {
	p, ok := s.str(syntax.Field(n, "path"))
	if !ok {
		return
	}
	name := p[strings.LastIndexByte(p, '/')+1:]
	if alias := syntax.Field(n, "name"); alias != nil {
		name = s.Text(alias)
	}
	b.mods[name] = binding{mod: p}
}

// bindGoSpec records `const a, b = x, y` and `var a = x`.
func (s *syn) bindGoSpec(b *bindings, n *ts.Node) {
	var names []string
	for _, c := range s.Named(n) {
		c := c
		if s.Kind(&c) == "identifier" {
			names = append(names, s.Text(&c))
		}
	}
	values := s.Named(syntax.Field(n, "value"))
	for i, name := range names {
		if i < len(values) {
			b.decl(name, &values[i])
		}
	}
}

// bindGoShort records `a, b := x, y` and `a = x`; a single call on the
// right binds its value to the first name.
func (s *syn) bindGoShort(b *bindings, n *ts.Node) {
	left, right := s.Named(syntax.Field(n, "left")), s.Named(syntax.Field(n, "right"))
	for i := range left {
		if s.Kind(&left[i]) != "identifier" {
			continue
		}
		switch {
		case i < len(right) && len(left) == len(right):
			b.decl(s.Text(&left[i]), &right[i])
		case i == 0 && len(right) == 1:
			b.decl(s.Text(&left[i]), &right[0])
		}
	}
}

// resolve maps the first part of a dotted name through the file's
// imports: "r.get" with `import requests as r` → "requests.get".
func (b *bindings) resolve(dotted string) string {
	if m, ok := b.lookup(dotted); ok {
		return m.join("")
	}
	return dotted
}

// lookup returns the binding a dotted name stands for when its first part
// is an import ("axios.get" → axios, get).
func (b *bindings) lookup(dotted string) (binding, bool) {
	if dotted == "" {
		return binding{}, false
	}
	head, rest, _ := strings.Cut(dotted, ".")
	m, ok := b.mods[head]
	if !ok {
		return binding{}, false
	}
	if rest != "" {
		m = m.sub(rest)
	}
	return m, true
}

// bound reports whether the first part of a dotted name is an import.
func (b *bindings) bound(dotted string) bool {
	head, _, _ := strings.Cut(dotted, ".")
	_, ok := b.mods[head]
	return ok
}
