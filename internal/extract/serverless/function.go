package serverless

import (
	"slices"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// builder fills the model of one function from its definition and the
// service-wide settings.
type builder struct {
	s   *service
	f   *model.Function
	def *cfgtree.Node // the function's definition (a map, possibly empty)
	key model.Location
	// symbolicDef is set when the whole definition is a reference clad
	// could not resolve (f: ${file(./missing.yml)}).
	symbolicDef bool
}

// function builds one function.
func (s *service) function(d fnDef) *model.Function {
	def, symbolicDef := d.def, s.r.isUnresolved(d.def)
	if def == nil || def.Kind != cfgtree.Map {
		if !symbolicDef && def != nil && def.Kind != cfgtree.Null {
			s.warnAt(d.key, "parse", "function %q must be a map of settings; read as empty", d.name)
		}
		def = &cfgtree.Node{Kind: cfgtree.Map}
	}
	f := &model.Function{
		ID:          functionID(s.name, d.name),
		Name:        d.name,
		Service:     s.name,
		Provider:    s.provider,
		CodeDir:     s.dir,
		Manifest:    s.file,
		Source:      d.key,
		Triggers:    []model.Trigger{},
		Statements:  []model.Statement{},
		Environment: []model.EnvVar{},
	}
	b := &builder{s: s, f: f, def: def, key: d.key, symbolicDef: symbolicDef && d.def.Kind != cfgtree.Map}
	if b.symbolicDef {
		b.unresolved("definition")
	}
	f.Runtime = b.text(b.setting("runtime"), "runtime")
	f.DeployedName = b.deployedName(d.name)
	b.packaging()
	b.code()
	b.triggers()
	b.access()
	b.environment()
	b.limits()
	b.monitoring()
	b.layers()
	return f
}

// deployedName is the function's `name:` when set and known, else the
// framework's <service>-<stage>-<key> (on Azure the key: the function's name
// inside the function app); "" when it depends on an unknown.
func (b *builder) deployedName(key string) string {
	if b.s.provider == model.Azure {
		return key
	}
	if n := b.def.Get("name"); isSet(n) {
		t, c := b.s.rd.render(n)
		if c != literalValue || strings.Contains(t, "${") {
			return ""
		}
		return t
	}
	stage := b.s.literalStage()
	if b.s.name == "" || stage == "" || strings.Contains(b.s.name, "${") {
		return ""
	}
	return b.s.name + "-" + stage + "-" + key
}

// literalStage is the stage the manifest is read for, "" when it is not a
// literal.
func (s *service) literalStage() string {
	if st := s.r.stage(); !strings.Contains(st, "${") {
		return st
	}
	return ""
}

// functionID is "<service>/<name>", or the name alone for a nameless service.
func functionID(service, name string) string {
	if service == "" {
		return name
	}
	return service + "/" + name
}

// setting returns the function's own value of key, else the provider's.
func (b *builder) setting(key string) *cfgtree.Node {
	if v := b.def.Get(key); v != nil && v.Kind != cfgtree.Null {
		return v
	}
	return b.s.prov.Get(key)
}

// text renders n; a value clad cannot know marks field unresolved.
func (b *builder) text(n *cfgtree.Node, field string) string {
	t, c := b.s.rd.render(n)
	if !c.known() {
		b.unresolved(field)
	}
	return t
}

// unresolved records that field depends on something clad cannot know.
func (b *builder) unresolved(field string) {
	if !slices.Contains(b.f.Unresolved, field) {
		b.f.Unresolved = append(b.f.Unresolved, field)
	}
}

// intValue reads a whole number; nil when unset or not a number.
func (b *builder) intValue(n *cfgtree.Node, field string) *int {
	if n == nil || n.Kind == cfgtree.Null {
		return nil
	}
	if v, ok := n.Int(); ok && !b.s.r.isUnresolved(n) {
		return &v
	}
	if b.s.r.isUnresolved(n) {
		b.unresolved(field)
		return nil
	}
	b.s.warn(n, "parse", "%s of function %q is not a whole number (%q); ignored", field, b.f.Name, n.Str())
	return nil
}

// keyLocation is where key is written in map m (the function's own line
// when it is not there).
func (b *builder) keyLocation(m *cfgtree.Node, key string) model.Location {
	if m != nil {
		for i := len(m.Entries) - 1; i >= 0; i-- {
			if m.Entries[i].Key == key {
				return model.Location{File: b.s.r.fileOf(m), Line: m.Entries[i].Line}
			}
		}
	}
	return b.key
}

// boolValue reads a boolean setting (false when unset or not a boolean).
func boolValue(n *cfgtree.Node) bool {
	v, _ := n.Bool()
	return v
}

// isSet reports whether a setting has a value.
func isSet(n *cfgtree.Node) bool { return n != nil && n.Kind != cfgtree.Null }
