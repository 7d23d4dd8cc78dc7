package serverless

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// environment merges provider.environment and the function's own
// environment; the function's value wins for the same name. A value is
// Resolved only when its exact text is known (not for {Ref: Queue}).
func (b *builder) environment() {
	index := map[string]int{}
	unknown := map[string]bool{}
	add := func(m *cfgtree.Node, origin string) {
		if !isSet(m) {
			return
		}
		if m.Kind != cfgtree.Map {
			if b.s.r.isUnresolved(m) {
				b.unresolved("environment")
			}
			return
		}
		for _, e := range m.Entries {
			value, c := b.s.rd.render(e.Value)
			v := model.EnvVar{Name: e.Key, Value: value, Resolved: c == literalValue, Origin: origin,
				Source: model.Location{File: b.s.r.fileOf(m), Line: e.Line}}
			if !c.known() {
				unknown[e.Key] = true
			} else {
				delete(unknown, e.Key)
			}
			if i, dup := index[e.Key]; dup {
				b.f.Environment[i] = v
				continue
			}
			index[e.Key] = len(b.f.Environment)
			b.f.Environment = append(b.f.Environment, v)
		}
	}
	add(b.s.prov.Get("environment"), "provider")
	add(b.def.Get("environment"), "function")
	for _, v := range b.f.Environment {
		if unknown[v.Name] {
			b.unresolved("environment." + v.Name)
		}
	}
}

// limits reads timeout and memory (function, else provider), reserved
// concurrency and log retention.
func (b *builder) limits() {
	b.f.Timeout = b.intValue(b.setting("timeout"), "timeout")
	b.f.MemorySize = b.intValue(b.setting("memorySize"), "memorySize")
	b.f.ReservedConcurrency = b.intValue(b.def.Get("reservedConcurrency"), "reservedConcurrency")
	b.f.LogRetention = b.intValue(b.setting("logRetentionInDays"), "logRetentionInDays")
}

// monitoring reads X-Ray tracing: the function's tracing, else
// provider.tracing.lambda. true means Active.
func (b *builder) monitoring() {
	n := b.def.Get("tracing")
	if !isSet(n) {
		n = b.s.provSetting("tracing", "lambda")
	}
	if !isSet(n) {
		return
	}
	if v, ok := n.Bool(); ok && !b.s.r.isUnresolved(n) {
		if v {
			b.f.Tracing = "Active"
		}
		return
	}
	b.f.Tracing = b.text(n, "tracing")
}

// layers reads the function's layers, else the provider's; {Ref: X} (a
// layer of the same service) reads "Ref(X)".
func (b *builder) layers() {
	n := b.setting("layers")
	if !isSet(n) {
		return
	}
	if n.Kind != cfgtree.Seq {
		b.f.Layers = append(b.f.Layers, b.layer(n))
		return
	}
	for _, it := range n.Items {
		b.f.Layers = append(b.f.Layers, b.layer(it))
	}
}

func (b *builder) layer(n *cfgtree.Node) string {
	if fn, arg, ok := intrinsic(n); ok && fn == "Ref" {
		if name, c := b.s.rd.plain(arg, 0); c == literalValue {
			return "Ref(" + name + ")"
		}
	}
	return b.text(n, "layers")
}

// packaging reads the service's package settings and the function's own:
// individually, patterns (with v1 include/exclude as "x" and "!x") and a
// prebuilt artifact.
func (b *builder) packaging() {
	svc, own := b.s.doc.Get("package"), b.def.Get("package")
	p := &model.Package{
		Individually: boolValue(svc.Get("individually")) || boolValue(own.Get("individually")),
		Patterns:     append(b.patterns(svc), b.patterns(own)...),
	}
	if a := own.Get("artifact"); isSet(a) {
		p.Artifact = b.text(a, "package")
	} else if a := svc.Get("artifact"); isSet(a) {
		p.Artifact = b.text(a, "package")
	}
	if p.Individually || len(p.Patterns) > 0 || p.Artifact != "" {
		b.f.Package = p
	}
}

// patterns lists a package section's globs in the framework's order.
func (b *builder) patterns(pkg *cfgtree.Node) []string {
	var out []string
	for _, n := range pkg.Get("patterns").List() {
		out = append(out, b.text(n, "package"))
	}
	for _, n := range pkg.Get("include").List() {
		out = append(out, b.text(n, "package"))
	}
	for _, n := range pkg.Get("exclude").List() {
		out = append(out, "!"+strings.TrimPrefix(b.text(n, "package"), "!"))
	}
	return out
}

// pkg returns the function's package description, creating it.
func (b *builder) pkg() *model.Package {
	if b.f.Package == nil {
		b.f.Package = &model.Package{}
	}
	return b.f.Package
}
