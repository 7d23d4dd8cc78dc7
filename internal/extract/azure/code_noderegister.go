package azure

import (
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/source"
)

// One registration of the Node.js v4 model: its trigger, read from the
// options as function.json would declare it, and where its handler is.

// nodeFunction maps one registration; unknown app methods (setup, hooks)
// register nothing.
func (a *app) nodeFunction(file string, r source.AzureNodeRegistration, out *extract.Result) (codeFunc, bool) {
	m, ok := nodeMethods[r.Method]
	if !ok || len(r.Args) == 0 {
		return codeFunc{}, false
	}
	fnName := r.Args[0].Str()
	if fnName == "" {
		out.Warn(name, file, r.Line, "resolve", fmt.Sprintf("app.%s registers a function whose name is computed; it is not mapped", r.Method))
		return codeFunc{}, false
	}
	var opts source.AzureValue
	if len(r.Args) > 1 {
		opts = r.Args[1]
	}
	c := codeFunc{name: fnName, source: loc(file, r.Line)}
	c.trig = a.codeTrigger(nodeTrigger(m, opts, loc(file, r.Line)), fnName)
	a.nodeHandler(&c, file, r)
	return c, true
}

// nodeTrigger reads the options of a registration into a codeTrigger.
func nodeTrigger(m nodeMethod, opts source.AzureValue, at model.Location) codeTrigger {
	c := codeTrigger{typ: m.typ, props: scalarFields(opts), defaultAuth: "function", loc: at}
	if m.typ == "" { // app.generic: the trigger option says
		trig := opts.Field("trigger")
		spec := trig
		if trig.Kind == source.AzureCallExpr {
			spec = source.AzureValue{}
			if len(trig.Items) > 0 {
				spec = trig.Items[0]
			}
			if hm, ok := nodeMethods[lastName(trig.Text)]; ok && hm.typ != "" {
				c.typ, c.methods = hm.typ, nil
			}
		}
		if t := spec.Field("type").Str(); t != "" && c.typ == "" {
			c.typ = canonicalTrigger(t)
			if !strings.HasSuffix(strings.ToLower(t), "trigger") {
				c.typ = canonicalTrigger(t + "Trigger")
			}
		}
		if c.typ == "" {
			c.typ = "genericTrigger"
		}
		c.props = scalarFields(spec)
		opts = spec
	}
	switch {
	case m.method != "":
		c.methods = []string{m.method}
	case c.typ == typeHTTP && opts.Field("methods").Kind != "":
		c.methods = opts.Field("methods").Strings()
	}
	return c
}

// scalarFields returns an object's literal properties as text.
func scalarFields(v source.AzureValue) map[string]string {
	out := map[string]string{}
	for k, f := range v.Fields {
		if s := f.Str(); s != "" {
			out[k] = s
		}
	}
	return out
}

// nodeHandler sets where a registration's handler is: the module it is
// imported from (its export), a declaration in the file, or the inline
// function.
func (a *app) nodeHandler(c *codeFunc, file string, r source.AzureNodeRegistration) {
	h := r.Handler
	c.file, c.line = file, h.Line
	if c.line == 0 {
		c.line = r.Line
	}
	switch {
	case h.From != "" && h.Export != "":
		if target, ok := source.ResolveImport(a.tree, file, a.codeRoot(), source.Import{Spec: h.From}); ok && source.DetectLang(target).IsJS() {
			c.file, c.handler = target, a.rel(target)+"#"+h.Export
			c.line = a.exportLine(target, h.Export)
			return
		}
		c.handler = a.rel(file) + "#" + h.Name
	case h.Name != "":
		c.handler = a.rel(file) + "#" + h.Name
	default:
		c.handler = a.rel(file) + "#" + inlineHandler
	}
}

// inlineHandler stands for the entry point of a handler written inline in
// the registration: it has no name to export.
const inlineHandler = "(inline)"

// exportLine returns the line of an export of a module, 0 when unknown.
func (a *app) exportLine(file, export string) int {
	f, err := a.parseBlueprint(file)
	if err != nil {
		return 0
	}
	defer f.Close()
	return f.ExportLine(export)
}
