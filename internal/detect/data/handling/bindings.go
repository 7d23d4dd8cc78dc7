package handling

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"
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
	s.walk(s.root, func(n *ts.Node, kind string) bool {
		switch kind {
		case "variable_declarator":
			s.bindJSDeclarator(b, n)
		case "assignment_expression":
			if left := field(n, "left"); s.kind(left) == "identifier" {
				b.decl(s.text(left), field(n, "right"))
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
	name, value := field(n, "name"), field(n, "value")
	if value == nil {
		return
	}
	mod, ok := s.jsModule(b, value)
	switch s.kind(name) {
	case "identifier":
		b.decl(s.text(name), value)
		if ok {
			b.mods[s.text(name)] = mod
		}
	case "object_pattern":
		if !ok {
			return
		}
		for _, p := range s.named(name) {
			p := p
			switch s.kind(&p) {
			case "shorthand_property_identifier_pattern":
				b.mods[s.text(&p)] = mod.sub(s.text(&p))
			case "pair_pattern":
				if v := field(&p, "value"); s.kind(v) == "identifier" {
					b.mods[s.text(v)] = mod.sub(s.keyName(field(&p, "key")))
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
	switch s.kind(v) {
	case "call_expression":
		callee, args, _ := s.call(v)
		if d := s.dotted(callee); d == "require" || s.kind(callee) == "import" {
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
		if m, ok := s.jsModule(b, field(v, "object")); ok {
			return m.sub(s.text(field(v, "property"))), true
		}
	}
	return binding{}, false
}

// clientFactories are the calls that return a configured HTTP client.
var clientFactories = map[string]bool{"create": true, "extend": true, "defaults": true, "Session": true, "session": true,
	"Client": true, "AsyncClient": true, "ClientSession": true, "PoolManager": true}

// bindJSImport handles ES module imports.
func (s *syn) bindJSImport(b *bindings, n *ts.Node) {
	mod, ok := s.str(field(n, "source"))
	if !ok {
		return
	}
	for _, c := range s.named(n) {
		c := c
		if s.kind(&c) != "import_clause" {
			continue
		}
		for _, part := range s.named(&c) {
			part := part
			switch s.kind(&part) {
			case "identifier":
				b.mods[s.text(&part)] = binding{mod: mod}
			case "namespace_import":
				if id := s.first(&part); id != nil {
					b.mods[s.text(id)] = binding{mod: mod}
				}
			case "named_imports":
				for _, sp := range s.named(&part) {
					sp := sp
					name, alias := field(&sp, "name"), field(&sp, "alias")
					if alias == nil {
						alias = name
					}
					b.mods[s.text(alias)] = binding{mod, s.keyName(name)}
				}
			}
		}
	}
}

// bindPyImport handles `import a.b` and `import a.b as c`.
func (s *syn) bindPyImport(b *bindings, n *ts.Node) {
	for _, c := range s.named(n) {
		c := c
		switch s.kind(&c) {
		case "dotted_name":
			full := s.text(&c)
			root, _, _ := strings.Cut(full, ".")
			b.mods[root] = binding{mod: root}
		case "aliased_import":
			b.mods[s.text(field(&c, "alias"))] = binding{mod: s.text(field(&c, "name"))}
		}
	}
}

// bindPyFrom handles `from m import x` and `from m import x as y`.
func (s *syn) bindPyFrom(b *bindings, n *ts.Node) {
	mod := s.text(field(n, "module_name"))
	for _, c := range s.named(n) {
		c := c
		if c.Id() == field(n, "module_name").Id() {
			continue
		}
		switch s.kind(&c) {
		case "dotted_name":
			b.mods[s.text(&c)] = binding{mod, s.text(&c)}
		case "aliased_import":
			b.mods[s.text(field(&c, "alias"))] = binding{mod, s.text(field(&c, "name"))}
		}
	}
}

// bindPyAssignment records `x = value` and clients (`s = requests.Session()`).
func (s *syn) bindPyAssignment(b *bindings, n *ts.Node) {
	left, right := field(n, "left"), field(n, "right")
	if s.kind(left) != "identifier" || right == nil {
		return
	}
	name := s.text(left)
	b.decl(name, right)
	if m, ok := s.pyClient(b, right); ok {
		b.mods[name] = m
	}
}

// bindPyWith records `with requests.Session() as s`.
func (s *syn) bindPyWith(b *bindings, n *ts.Node) {
	v := field(n, "value")
	if s.kind(v) != "as_pattern" {
		return
	}
	target := s.first(field(v, "alias"))
	if s.kind(target) != "identifier" {
		return
	}
	if m, ok := s.pyClient(b, s.first(v)); ok {
		b.mods[s.text(target)] = m
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
	p, ok := s.str(field(n, "path"))
	if !ok {
		return
	}
	name := p[strings.LastIndexByte(p, '/')+1:]
	if alias := field(n, "name"); alias != nil {
		name = s.text(alias)
	}
	b.mods[name] = binding{mod: p}
}

// bindGoSpec records `const a, b = x, y` and `var a = x`.
func (s *syn) bindGoSpec(b *bindings, n *ts.Node) {
	var names []string
	for _, c := range s.named(n) {
		c := c
		if s.kind(&c) == "identifier" {
			names = append(names, s.text(&c))
		}
	}
	values := s.named(field(n, "value"))
	for i, name := range names {
		if i < len(values) {
			b.decl(name, &values[i])
		}
	}
}

// bindGoShort records `a, b := x, y` and `a = x`; a single call on the
// right binds its value to the first name.
func (s *syn) bindGoShort(b *bindings, n *ts.Node) {
	left, right := s.named(field(n, "left")), s.named(field(n, "right"))
	for i := range left {
		if s.kind(&left[i]) != "identifier" {
			continue
		}
		switch {
		case i < len(right) && len(left) == len(right):
			b.decl(s.text(&left[i]), &right[i])
		case i == 0 && len(right) == 1:
			b.decl(s.text(&left[i]), &right[0])
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
