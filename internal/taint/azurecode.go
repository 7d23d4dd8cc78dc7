package taint

import (
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// Azure code-defined functions (the Node.js v4 and Python v2 programming
// models) are registered in code: app.http('name', { handler }) or a
// decorated def. The function map names their handler "file#name", or
// "file#(inline)" for a function written in the registration, with the
// line where the handler function starts. Such a handler need not be
// exported: the engine finds it by its line.

// inlineHandler is the entry name the Azure extractor gives a handler
// written inline in its registration.
const inlineHandler = "(inline)"

// azureCodeDefined reports whether fn is an Azure function registered in
// code rather than declared in a function.json.
func azureCodeDefined(fn *model.Function) bool {
	if fn == nil || fn.Provider != model.Azure {
		return false
	}
	_, entry, ok := strings.Cut(fn.Handler, "#")
	if !ok {
		return false
	}
	if entry == inlineHandler {
		return true
	}
	src := fn.Source.File
	return src != "" && !strings.HasSuffix(src, "function.json")
}

// codeHandler resolves the handler of a code-defined Azure function: the
// exported symbol when there is one, else the function that starts on the
// handler line (preferring one with the handler's name).
func (in *interp) codeHandler(ms *modState, m *Module, symbol string) *Value {
	if symbol != inlineHandler {
		if v := in.exported(ms, m, symbol); v != nil && (v.fn != nil || len(v.routes) > 0) {
			return v
		}
	}
	f := funcAtLine(m, in.fn.HandlerLine, symbol)
	if f == nil { // a handler declared inside a function body not lowered yet
		m.lowerAll()
		f = funcAtLine(m, in.fn.HandlerLine, symbol)
	}
	if f == nil {
		return nil
	}
	return &Value{fn: &closure{f: f, env: ms.scope, mod: ms}}
}

// funcAtLine returns the outermost function of m starting on line, the
// one named name when several do; nil when none does.
func funcAtLine(m *Module, line int, name string) *Func {
	if line <= 0 {
		return nil
	}
	var first *Func
	for _, f := range m.Funcs {
		if f.Line != line {
			continue
		}
		if name != inlineHandler && f.Name == name {
			return f
		}
		if first == nil {
			first = f
		}
	}
	return first
}

// v4Args are the arguments of a Node.js v4 handler: the trigger's payload
// (for HTTP, the fetch-style HttpRequest) and the InvocationContext.
func (in *interp) v4Args() []*Value {
	var trig *Value
	if !in.trig.timer {
		for _, t := range in.trig.types {
			if t == "httpTrigger" {
				trig = join(trig, v4HTTPRequest())
			} else {
				trig = join(trig, azureTrigger(t))
			}
		}
		if len(in.trig.types) == 0 {
			trig = genericEvent()
		}
	}
	return []*Value{trig, in.v4Context()}
}

// v4HTTPRequest models the v4 HttpRequest: query is a URLSearchParams,
// headers a Headers, the body is read with json(), text(), formData().
func v4HTTPRequest() *Value {
	q := src("http-query", "query string parameter", false, false)
	h := src("http-header", "request header", false, false)
	form := src("http-body", "form field", false, false)
	return obj(map[string]*Value{
		"query": {elem: q, fields: map[string]*Value{
			"get": {ret: q}, "getAll": {ret: src("http-query", "query string parameter", true, false)},
		}},
		"params":  src("http-path", "route parameter", false, false),
		"headers": {elem: h, fields: map[string]*Value{"get": {ret: h}}},
		"url":     src("http-path", "request URL", false, false),
		"body":    src("http-body", "request body", true, false),
		"json":    {ret: src("http-body", "request body", true, true)},
		"text":    {ret: src("http-body", "request body", false, false)},
		"formData": {ret: &Value{elem: form, fields: map[string]*Value{
			"get": {ret: form}, "getAll": {ret: src("http-body", "form field", true, false)},
		}}},
		"arrayBuffer": {ret: src("http-body", "request body", false, false)},
		"blob":        {ret: src("http-body", "request body", false, false)},
	})
}

// v4Context models the v4 InvocationContext: trigger metadata (a blob's
// name, an HTTP request's query) is attacker data; logging is not a sink.
func (in *interp) v4Context() *Value {
	var meta *Value
	if !in.trig.timer && len(in.trig.types) > 0 {
		meta = &Value{elem: src("trigger-metadata", "trigger metadata", false, false)}
	}
	log := symVal("@azure/functions.context.log")
	return &Value{fields: map[string]*Value{
		"triggerMetadata": meta,
		"log":             log, "error": log, "warn": log, "info": log, "debug": log, "trace": log,
	}}
}
