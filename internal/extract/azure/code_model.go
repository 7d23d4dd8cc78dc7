package azure

import (
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/source"
)

// Apps on the code-defined programming models (Python v2, Node.js v4)
// declare their functions by calls in code; this file holds what both
// share: building the function and its trigger the way function.json
// would have declared them, so detectors treat both models alike.

// codeFunc is one function a code-defined app registers.
type codeFunc struct {
	name string
	// file is the file holding the handler, handler the handler as
	// declared ("function_app.py#hello"), line the handler's line.
	file, handler string
	line          int
	// source is where the registration is declared.
	source model.Location
	trig   model.Trigger
}

// codeTrigger describes a trigger as a registration declares it.
type codeTrigger struct {
	// typ is the binding type ("httpTrigger"), props its properties with
	// function.json's camelCase names.
	typ   string
	props map[string]string
	// methods are an HTTP trigger's methods (nil: every method).
	methods []string
	// defaultAuth is the auth level an HTTP trigger without authLevel gets.
	defaultAuth string
	loc         model.Location
}

// trigger builds the model trigger, with the Details and Auth/Public the
// function.json model gives the same binding.
func (a *app) codeTrigger(c codeTrigger, fnName string) model.Trigger {
	t := model.Trigger{Details: map[string]string{}, Source: c.loc}
	spec, known := triggerDetails[strings.ToLower(c.typ)]
	switch {
	case !known:
		t.Type = c.typ
		copyProps(t.Details, c.props, genericDetails)
	case spec[0] == typeHTTP:
		t.Type = typeHTTP
		a.codeHTTPDetails(&t, c, fnName)
	default:
		t.Type = spec[0]
		copyProps(t.Details, c.props, spec[1:])
	}
	if len(t.Details) == 0 {
		t.Details = nil
	}
	return t
}

// codeHTTPDetails mirrors httpDetails for a code-defined HTTP trigger.
func (a *app) codeHTTPDetails(t *model.Trigger, c codeTrigger, fnName string) {
	var methods []string
	for _, m := range c.methods {
		if m = strings.ToLower(strings.TrimSpace(m)); m != "" {
			methods = append(methods, m)
		}
	}
	if len(methods) > 0 {
		t.Details["methods"] = strings.Join(methods, ",")
	}
	t.Details["route"] = fullRoute(a.host.routePrefix, c.props["route"], fnName)
	level := strings.ToLower(strings.TrimSpace(c.props["authLevel"]))
	if level == "" {
		level = c.defaultAuth
	}
	if level == "" {
		level = "function"
	}
	t.Details["authLevel"] = level
	t.Auth, t.Public = authOf(level)
}

// copyProps copies the properties named in keys.
func copyProps(dst, props map[string]string, keys []string) {
	for _, k := range keys {
		if v := strings.TrimSpace(props[k]); v != "" {
			dst[k] = v
		}
	}
}

// canonicalTrigger returns the binding type's canonical spelling
// ("cosmosdbtrigger" → "cosmosDBTrigger"), or typ itself when unknown.
func canonicalTrigger(typ string) string {
	if spec, ok := triggerDetails[strings.ToLower(typ)]; ok {
		return spec[0]
	}
	return typ
}

// codeFunction builds the model function of a registration.
func (a *app) codeFunction(c codeFunc, runtime string) *model.Function {
	fn := &model.Function{
		ID:            a.name + "/" + c.name,
		Name:          c.name,
		DeployedName:  c.name,
		Service:       a.name,
		Provider:      model.Azure,
		Runtime:       runtime,
		Handler:       c.handler,
		File:          c.file,
		HandlerLine:   c.line,
		HandlerStatus: model.HandlerResolved,
		CodeDir:       a.codeRoot(),
		Manifest:      a.hostPath,
		Source:        c.source,
		Triggers:      []model.Trigger{c.trig},
		Statements:    []model.Statement{},
		Environment:   a.settings.environment(),
		Timeout:       copyInt(a.host.timeout),
	}
	fn.Disabled = a.disabled(nil, c.name)
	fn.Auth = weakestAuth(fn.Triggers)
	fn.Public = c.trig.Public
	return fn
}

// codeFunctions maps the functions an app declares in code, if it is on a
// code-defined model. seen holds the IDs already mapped from function.json
// files; a code function with the same ID is reported and left out.
func (a *app) codeFunctions(out *extract.Result, seen map[string]bool) []*model.Function {
	var fns []codeFunc
	runtime, lang := workerRuntime(a.settings)
	kind := ""
	switch {
	case lang == langPython || (lang == "" && a.tree.Exists(a.pyScript())):
		kind, fns = "Python v2 programming model", a.pythonFunctions(out)
		if runtime == "" {
			runtime = langPython
		}
	case lang == langNode || lang == "":
		pkg, ok := a.nodePackage(out)
		if !ok {
			return nil
		}
		kind, fns = "Node.js v4 programming model", a.nodeFunctions(pkg, out)
		if runtime == "" {
			runtime = langNode
		}
	default:
		return nil
	}
	if kind != "" && len(fns) == 0 && a.hasCodeMarkers() {
		out.Warn(name, a.hostPath, 0, "resolve", fmt.Sprintf("this app uses the %s but clad found no function registered in its code", kind))
	}
	var res []*model.Function
	for _, c := range fns {
		fn := a.codeFunction(c, runtime)
		if seen[fn.ID] {
			out.Warn(name, c.source.File, c.source.Line, "config", fmt.Sprintf("function %s is declared more than once; only the first declaration is mapped", c.name))
			continue
		}
		seen[fn.ID] = true
		res = append(res, fn)
	}
	return res
}

// hasCodeMarkers reports whether the app's files say it is code-defined:
// a Python script file, or a package.json naming @azure/functions.
func (a *app) hasCodeMarkers() bool {
	if a.tree.Exists(a.pyScript()) {
		return true
	}
	pkg, err := a.tree.ReadFile(a.path("package.json"))
	return err == nil && strings.Contains(string(pkg), `"@azure/functions"`)
}

// parseSource reads and parses a code file; failures are Problems. A file
// whose text lacks marker (when set) cannot declare functions and is left
// unparsed (nil, no Problem).
func (a *app) parseSource(p, marker string, out *extract.Result) *source.File {
	data, err := a.tree.ReadFile(p)
	if err != nil {
		problem(out, p, 0, readKind(err), fmt.Sprintf("cannot read function code: %v", err))
		return nil
	}
	if marker != "" && !strings.Contains(string(data), marker) {
		return nil
	}
	f, err := source.Parse(p, data)
	if err != nil {
		problem(out, p, 0, "parse", fmt.Sprintf("function code not parsed: %v", err))
		return nil
	}
	return f
}

// rel returns p relative to the app directory.
func (a *app) rel(p string) string {
	return strings.TrimPrefix(p, a.path(""))
}

// loc is a location in a code file.
func loc(file string, line int) model.Location { return model.Location{File: file, Line: line} }

// codeRoot is the app directory as a code directory: an archive root keeps
// its separator ("site.zip!/"), as other extractors write it.
func (a *app) codeRoot() string {
	if strings.HasSuffix(a.dir, "!") {
		return a.dir + "/"
	}
	return a.dir
}
