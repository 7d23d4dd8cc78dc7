package azure

import (
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/source"
)

// Python v2 programming model: function_app.py (or the file the
// PYTHON_SCRIPT_FILE_NAME setting names) creates the app object and
// decorates its functions; Blueprints in other modules join through
// app.register_functions(bp).

// defaultPyScript is the module the Python worker indexes.
const defaultPyScript = "function_app.py"

// maxBlueprints bounds how many blueprint modules one app pulls in.
const maxBlueprints = 64

// Classes of the objects functions are declared on.
var (
	pyAppClasses       = map[string]bool{"FunctionApp": true, "AsgiFunctionApp": true, "WsgiFunctionApp": true, "DFApp": true}
	pyBlueprintClasses = map[string]bool{"Blueprint": true, "DFBlueprint": true}
	pyHTTPAppClasses   = map[string]bool{"AsgiFunctionApp": true, "WsgiFunctionApp": true}
)

// httpAppFunction is the function an AsgiFunctionApp or WsgiFunctionApp
// registers for the wrapped web framework, and httpAppRoute its route.
const (
	httpAppFunction = "http_app_func"
	httpAppRoute    = "/{*route}"
)

// pyScript is the path of the app's Python script file.
func (a *app) pyScript() string {
	if s := strings.TrimSpace(a.settings.get("PYTHON_SCRIPT_FILE_NAME")); strings.HasSuffix(s, ".py") && !strings.Contains(s, "..") {
		return a.path(s)
	}
	return a.path(defaultPyScript)
}

// pyModule is one parsed module with its summary.
type pyModule struct {
	file string
	src  *source.File
	sum  source.AzurePyModule
}

// pythonFunctions maps the functions of a Python v2 app.
func (a *app) pythonFunctions(out *extract.Result) []codeFunc {
	script := a.pyScript()
	if !a.tree.Exists(script) {
		return nil
	}
	f := a.parseSource(script, "", out)
	if f == nil {
		return nil
	}
	defer f.Close()
	main := &pyModule{file: script, src: f, sum: f.AzurePython()}
	var fns []codeFunc
	for _, o := range main.sum.Objects {
		class := lastName(o.Call.Text)
		if !pyAppClasses[class] {
			continue
		}
		auth := pyAuthLevel(o.Call.Field("http_auth_level"))
		if pyHTTPAppClasses[class] {
			fns = append(fns, a.pyHTTPApp(main, o, auth))
		}
		fns = append(fns, a.pyDecorated(main, o.Name, auth)...)
		fns = append(fns, a.pyRegistered(main, o.Name, auth, out)...)
	}
	return fns
}

// pyHTTPApp is the one HTTP function of an AsgiFunctionApp or
// WsgiFunctionApp, catching every route; its handler is the web app it
// wraps (the app= argument).
func (a *app) pyHTTPApp(m *pyModule, o source.AzurePyObject, auth string) codeFunc {
	fnName := httpAppFunction
	if n := o.Call.Field("function_name").Str(); n != "" {
		fnName = n
	}
	wrapped := o.Call.Field("app")
	if wrapped.Kind == "" && len(o.Call.Items) > 0 {
		wrapped = o.Call.Items[0]
	}
	c := codeFunc{name: fnName, file: m.file, handler: a.rel(m.file), line: o.Line,
		source: loc(m.file, o.Line)}
	if wrapped.Kind == source.AzureName { // flask_app.wsgi_app: the app is flask_app
		head, _, _ := strings.Cut(wrapped.Text, ".")
		a.pyWebApp(&c, m, head)
	}
	c.trig = a.codeTrigger(codeTrigger{typ: typeHTTP, props: map[string]string{"route": httpAppRoute},
		defaultAuth: auth, loc: loc(m.file, o.Line)}, fnName)
	return c
}

// pyWebApp points the handler at the web framework app an HTTP app
// wraps: its definition in the module that defines it when m imports it
// from a module of the app, else its binding in m.
func (a *app) pyWebApp(c *codeFunc, m *pyModule, name string) {
	if imp, ok := m.sum.Imports[name]; ok && imp.Name != "" {
		target, found := source.ResolveImport(a.tree, m.file, a.codeRoot(), source.Import{Spec: imp.Module, Name: imp.Name})
		if found && target != m.file && source.DetectLang(target) == source.Python {
			if l := a.exportLine(target, imp.Name); l > 0 {
				c.file, c.handler, c.line = target, a.rel(target)+"#"+imp.Name, l
				return
			}
		}
	}
	c.handler += "#" + name
	if l := m.src.ExportLine(name); l > 0 {
		c.line = l
	}
}

// pyDecorated maps the defs of module m decorated by methods of obj.
func (a *app) pyDecorated(m *pyModule, obj, defaultAuth string) []codeFunc {
	var out []codeFunc
	for _, d := range m.sum.Functions {
		if c, ok := a.pyFunction(m, d, obj, defaultAuth); ok {
			out = append(out, c)
		}
	}
	return out
}

// pyFunction maps one decorated def: its name (function_name or the def's
// name) and its trigger decorator. A def without a trigger is no function.
func (a *app) pyFunction(m *pyModule, d source.AzurePyFunction, obj, defaultAuth string) (codeFunc, bool) {
	fnName, first := d.Name, 0
	var trig *source.AzureCall
	for i := range d.Decorators {
		dec := &d.Decorators[i]
		if dec.Object != obj {
			continue
		}
		if first == 0 {
			first = dec.Line
		}
		switch {
		case dec.Method == "function_name":
			if n := pyArg(dec.Args, "name", 0).Str(); n != "" {
				fnName = n
			}
		case trig == nil && pyTriggerType(dec) != "":
			trig = dec
		}
	}
	if trig == nil {
		return codeFunc{}, false
	}
	c := codeFunc{name: fnName, file: m.file, handler: a.rel(m.file) + "#" + d.Name, line: d.Line,
		source: loc(m.file, first)}
	c.trig = a.codeTrigger(pyTrigger(trig, defaultAuth, m.file), fnName)
	return c, true
}

// pyArg returns keyword argument key, else positional argument i (-1: none).
func pyArg(args source.AzureValue, key string, i int) source.AzureValue {
	if v, ok := args.Fields[key]; ok {
		return v
	}
	if i >= 0 && i < len(args.Items) {
		return args.Items[i]
	}
	return source.AzureValue{}
}

// pyRegistered maps the blueprints the app adopts with
// app.register_functions(bp) (or register_blueprint).
func (a *app) pyRegistered(main *pyModule, obj, defaultAuth string, out *extract.Result) []codeFunc {
	var fns []codeFunc
	n := 0
	for _, call := range main.sum.Calls {
		if call.Object != obj || (call.Method != "register_functions" && call.Method != "register_blueprint") {
			continue
		}
		if n++; n > maxBlueprints {
			break
		}
		arg := pyArg(call.Args, "function_container", 0)
		got, ok := a.pyBlueprint(main, arg, defaultAuth)
		if !ok {
			out.Warn(name, main.file, call.Line, "resolve", fmt.Sprintf(
				"%s.%s(%s): the blueprint was not found in the scanned code; its functions are not mapped", obj, call.Method, arg.Text))
			continue
		}
		fns = append(fns, got...)
	}
	return fns
}

// pyBlueprint finds the Blueprint an argument names: one of main's own
// objects, or one an import brings in from a module of the app.
func (a *app) pyBlueprint(main *pyModule, arg source.AzureValue, auth string) ([]codeFunc, bool) {
	if arg.Kind != source.AzureName {
		return nil, false
	}
	if isBlueprint(main.sum, arg.Text) {
		return a.pyDecorated(main, arg.Text, auth), true
	}
	mod, obj, ok := pyImportedObject(main.sum.Imports, arg.Text)
	if !ok {
		return nil, false
	}
	file, ok := source.ResolveImport(a.tree, main.file, a.codeRoot(), source.Import{Spec: mod})
	if !ok || file == main.file {
		return nil, false
	}
	f, err := a.parseBlueprint(file)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	m := &pyModule{file: file, src: f, sum: f.AzurePython()}
	if !isBlueprint(m.sum, obj) {
		return nil, false
	}
	return a.pyDecorated(m, obj, auth), true
}

// parseBlueprint parses a blueprint module.
func (a *app) parseBlueprint(p string) (*source.File, error) {
	data, err := a.tree.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p, err)
	}
	f, err := source.Parse(p, data)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", p, err)
	}
	return f, nil
}

// isBlueprint reports whether the module creates a Blueprint named obj.
func isBlueprint(m source.AzurePyModule, obj string) bool {
	for _, o := range m.Objects {
		if o.Name == obj && pyBlueprintClasses[lastName(o.Call.Text)] {
			return true
		}
	}
	return false
}

// pyImportedObject splits a dotted name whose head an import binds into
// the module and the object in it: with `from blueprints import orders`,
// "orders.bp" is object bp of module blueprints.orders.
func pyImportedObject(imports map[string]source.AzurePyImport, dotted string) (mod, obj string, ok bool) {
	head, rest, _ := strings.Cut(dotted, ".")
	imp, found := imports[head]
	if !found {
		return "", "", false
	}
	full := imp.Module
	if imp.Name != "" {
		full = joinModule(full, imp.Name)
	}
	if rest != "" {
		full = joinModule(full, rest)
	}
	i := strings.LastIndex(full, ".")
	if i < 0 || i == len(full)-1 {
		return "", "", false
	}
	mod = full[:i]
	if strings.Trim(mod, ".") == "" { // from . import bp: the package itself
		mod = full[:i+1]
	}
	return mod, full[i+1:], true
}

// joinModule appends a name to a dotted module ("." + "x" = ".x").
func joinModule(mod, name string) string {
	if strings.HasSuffix(mod, ".") {
		return mod + name
	}
	return mod + "." + name
}
