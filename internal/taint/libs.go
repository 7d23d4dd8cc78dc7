package taint

import (
	"strings"

	"github.com/cladsec/clad/internal/source"
)

// Library models: what calls into well-known libraries and built-ins do
// to taint. Sinks are in sinks_*.go.

// global returns the value of a name no scope binds.
func (in *interp) global(fr *frame, name string) *Value {
	switch name {
	case "undefined", "None", "nil", "null", "NaN", "Infinity", "True", "False", "true", "false":
		return nil
	}
	return symVal(name)
}

// symField reads a property of a library value.
func (in *interp) symField(fr *frame, x *Value, name string) *Value {
	q := normSym(x.sym) + "." + name
	if v := in.symSource(q); v != nil {
		return v
	}
	if q == "process.env" || strings.HasPrefix(q, "process.env.") || q == "os.environ" {
		return &Value{sym: x.sym + "." + name, flags: fFrozen}
	}
	return symVal(x.sym + "." + name)
}

// symSource: framework globals that hold the request (Flask's request)
// are sources in an HTTP-triggered function.
func (in *interp) symSource(q string) *Value {
	if !in.trig.http {
		return nil
	}
	switch q {
	case "flask.request.args", "flask.request.values", "flask.request.view_args":
		return src("http-query", "query string parameter", false, false)
	case "flask.request.form", "flask.request.data", "flask.request.files":
		return src("http-body", "request body", false, false)
	case "flask.request.json":
		return src("http-body", "request body", true, true)
	case "flask.request.get_json":
		return &Value{ret: src("http-body", "request body", true, true)}
	case "flask.request.headers", "flask.request.cookies":
		return src("http-header", "request header", false, false)
	case "flask.request.path", "flask.request.url", "flask.request.full_path":
		return src("http-path", "request path", false, false)
	}
	return nil
}

// library applies the model of a library or built-in function, if any.
func (in *interp) library(cc *callCtx) (*Value, bool) {
	if cc.q == "" {
		return nil, false
	}
	switch lang := cc.fr.mod.m.Lang; {
	case lang.IsJS():
		return in.jsLibrary(cc)
	case lang == source.Python:
		return in.pyLibrary(cc)
	case lang == source.Go:
		return in.goLibrary(cc)
	}
	return nil, false
}

// taintsOfArgs returns the taints of the given arguments (all for nil).
func (in *interp) taintsOfArgs(cc *callCtx, idx ...int) []*Taint {
	var out []*Taint
	if idx == nil {
		for i, a := range cc.args {
			if a != nil && a.fn == nil {
				out = append(out, in.allTaints(cc.fr, a, cc.argX(i))...)
			}
		}
		return out
	}
	for _, i := range idx {
		out = append(out, in.allTaints(cc.fr, cc.arg(i), cc.argX(i))...)
	}
	return out
}

// mapped returns a value carrying ts transformed by f.
func mapped(ts []*Taint, f func(*Taint) *Taint) *Value {
	out := make([]*Taint, 0, len(ts))
	for _, t := range ts {
		out = append(out, f(t))
	}
	return tainted(out...)
}

func toStr(t *Taint) *Taint { return t.asString() }

// parsed marks the output of a parser (JSON, query strings): any shape,
// and the whole request body when it parsed one.
func parsed(t *Taint) *Taint {
	c := *t
	c.NotStr = true
	c.Whole = t.Kind == "http-body"
	return &c
}

// safeWhen returns a sanitiser's output: safe for m, but only when the
// input is known to be a string if stringOnly (an escape function handed
// an array or an object — HTTP parameter pollution — escapes nothing).
func safeWhen(m class, stringOnly bool) func(*Taint) *Taint {
	return func(t *Taint) *Taint {
		if stringOnly && t.NotStr {
			return t
		}
		return t.asString().safeFor(m)
	}
}

// urlEncoded is what percent-encoding makes safe.
const urlEncoded = cHTML | cURL | cCmd | cPath | cCode | cRedirect | cTemplate | cRegex | cXML

// jsRoots of HTML escapers that stringify their input first.
var htmlEscapers = map[string]bool{
	"escape-html": true, "he.encode": true, "he.escape": true, "lodash.escape": true, "underscore.escape": true,
	"sanitize-html": true, "xss": true, "xss.filterXSS": true, "dompurify.sanitize": true, "isomorphic-dompurify.sanitize": true,
	"html-entities.encode": true, "entities.encodeHTML": true, "entities.encode": true, "validator.escape": true,
	"escape-goat.htmlEscape": true, "lodash.escape.escape": true,
}

var expressServers = map[string]bool{
	"serverless-http": true, "@vendia/serverless-express": true, "@codegenie/serverless-express": true,
	"serverless-express": true, "aws-serverless-express.createServer": true,
}

// jsLibrary models JavaScript built-ins and npm packages.
func (in *interp) jsLibrary(cc *callCtx) (*Value, bool) {
	q, root, last := cc.q, rootOf(cc.q), lastOf(cc.q)
	all := func() []*Taint { return in.taintsOfArgs(cc) }
	a0 := func() []*Taint { return in.taintsOfArgs(cc, 0) }
	switch {
	case q == "JSON.parse":
		v := mapped(a0(), parsed)
		if a := cc.arg(0); a != nil && len(a.fields) > 0 {
			v = join(v, a)
		}
		return v, true
	case q == "JSON.stringify", q == "String", q == "encodeURI", q == "util.inspect", q == "String.raw":
		return mapped(a0(), toStr), true
	case q == "encodeURIComponent", q == "escape", q == "querystring.escape", q == "querystring.stringify", q == "qs.stringify":
		return mapped(all(), safeWhen(urlEncoded, false)), true
	case q == "decodeURIComponent", q == "decodeURI", q == "unescape", q == "querystring.unescape", q == "atob", q == "btoa":
		return mapped(a0(), toStr), true
	case q == "parseInt", q == "parseFloat", q == "Number", q == "Boolean", q == "isNaN", q == "Date.parse", q == "BigInt",
		root == "Math", root == "uuid", root == "crypto", q == "Date.now", q == "Array.isArray", q == "Buffer.byteLength":
		return &Value{flags: fNumber}, true
	case q == "Buffer.from", q == "Buffer.concat":
		return mapped(a0(), toStr), true
	case q == "Object.assign", last == "merge" && (root == "lodash" || root == "underscore"), q == "deepmerge",
		root == "lodash" && (last == "mergeWith" || last == "defaultsDeep" || last == "assign" || last == "extend" || last == "assignIn" || last == "defaults"):
		in.checkMerge(cc)
		return in.merged(cc), true
	case q == "Object.keys", q == "Object.getOwnPropertyNames":
		if names := constNames(cc.arg(0), true); names != nil {
			return nameList(names), true
		}
		return &Value{elem: keysOf(cc.arg(0))}, true
	case q == "Object.defineProperty":
		return in.defineProperty(cc), true
	case q == "Object.values":
		return &Value{elem: in.dynField(cc.fr, cc.arg(0))}, true
	case q == "Object.entries":
		k, v := keysOf(cc.arg(0)), in.dynField(cc.fr, cc.arg(0))
		return &Value{elem: &Value{fields: map[string]*Value{"0": k, "1": v}, elem: join(k, v)}}, true
	case q == "Object.freeze", q == "Object.fromEntries", q == "Promise.resolve", q == "Array.from", q == "Array.of", q == "structuredClone":
		return in.elemOrSelf(cc), true
	case q == "Promise.all", q == "Promise.allSettled", q == "Promise.race", q == "Promise.any":
		return cc.arg(0), true
	case q == "util.promisify", q == "util.callbackify", q == "bluebird.promisify":
		return cc.arg(0), true
	case q == "util.format":
		return mapped(all(), toStr), true
	case q == "querystring.parse", q == "querystring.decode", q == "qs.parse", q == "query-string.parse":
		return mapped(a0(), parsed), true
	case q == "url.parse", q == "URL", q == "URLSearchParams", q == "url.URL":
		return tainted(a0()...), true
	case root == "path" && (last == "join" || last == "resolve" || last == "normalize" || last == "format" || last == "relative"):
		return in.pathBuilt(cc, "path."+last), true
	case q == "path.basename":
		return mapped(a0(), safeWhen(cPath, false)), true
	case q == "path.extname" || q == "path.isAbsolute":
		return nil, true
	case htmlEscapers[q] || root == "escape-html" || root == "sanitize-html" || root == "he" && (last == "encode" || last == "escape"):
		return mapped(a0(), safeWhen(cHTML|cXML|cTemplate, false)), true
	case q == "shell-quote.quote", root == "shell-escape", root == "shescape", q == "shell-quote":
		return mapped(all(), safeWhen(cCmd, false)), true
	case (root == "mysql" || root == "mysql2" || root == "sqlstring") && (last == "escape" || last == "escapeId" || last == "format"):
		return mapped(all(), safeWhen(cSQL, true)), true
	case root == "pg-format", root == "pg" && (last == "escapeLiteral" || last == "escapeIdentifier"):
		return mapped(all(), safeWhen(cSQL, false)), true
	case root == "sanitize-filename":
		return mapped(a0(), safeWhen(cPath, false)), true
	case root == "escape-string-regexp", root == "lodash" && last == "escapeRegExp", root == "lodash.escaperegexp":
		return mapped(a0(), safeWhen(cRegex, false)), true
	case root == "lodash" && (last == "toNumber" || last == "toInteger" || last == "toSafeInteger" || last == "toFinite" || last == "parseInt" || last == "size"):
		return &Value{flags: fNumber}, true
	case root == "lodash" && (last == "get" || last == "pick" || last == "omit" || last == "clone" || last == "cloneDeep" || last == "values" || last == "toString" || last == "trim" || last == "toLower" || last == "toUpper"):
		if last == "get" {
			return in.dynField(cc.fr, cc.arg(0)), true
		}
		return join(cc.arg(0), tainted(a0()...)), true
	case root == "validator" && (last == "toInt" || last == "toFloat" || last == "toBoolean" || last == "toDate" || strings.HasPrefix(last, "is")):
		return &Value{flags: fNumber}, true
	case expressServers[q] || expressServers[root]:
		return &Value{routes: in.routesOf(cc.args)}, true
	case q == "aws-serverless-express.proxy", q == "@vendia/serverless-express.proxy":
		if a := cc.arg(0); a != nil {
			in.runRoutes(cc.fr, a.routes)
		}
		return nil, true
	}
	if v, ok := in.expressApp(cc); ok {
		return v, true
	}
	return nil, false
}

// elemOrSelf returns the first argument (containers keep their shape).
func (in *interp) elemOrSelf(cc *callCtx) *Value { return cc.arg(0) }

// merged is the result of Object.assign / _.merge: every argument's
// properties.
func (in *interp) merged(cc *callCtx) *Value {
	out := &Value{fields: map[string]*Value{}}
	for _, a := range cc.args {
		spreadInto(out, a)
	}
	if len(cc.args) > 0 && cc.args[0] != nil && cc.args[0].at != nil {
		out.at = cc.args[0].at
	}
	return out
}

// pathBuilt models path.join & co: the result is a path built from the
// arguments; the step is where a traversal finding points.
func (in *interp) pathBuilt(cc *callCtx, name string) *Value {
	ts := in.taintsOfArgs(cc)
	return mapped(ts, func(t *Taint) *Taint {
		if t.Safe&cPath != 0 {
			return t.asString()
		}
		return t.asString().with(in.stepAt(cc, "path built by "+name))
	})
}

// routesOf collects the handlers registered on the apps among vs.
func (in *interp) routesOf(vs []*Value) []*closure {
	var out []*closure
	for _, v := range vs {
		if v != nil {
			out = append(out, v.routes...)
			if v.fn != nil {
				out = append(out, v.fn)
			}
		}
	}
	return out
}

// expressApp records route handlers registered on an Express-like app
// (express(), express.Router(), koa-router…).
func (in *interp) expressApp(cc *callCtx) (*Value, bool) {
	r := cc.recv
	if r == nil || r.sym == "" || !strings.Contains(r.sym, "()") {
		return nil, false
	}
	switch rootOf(normSym(r.sym)) {
	case "express", "router", "koa-router", "@koa/router", "polka", "restify":
	default:
		return nil, false
	}
	switch cc.name {
	case "get", "post", "put", "delete", "patch", "all", "use", "options", "head", "del":
		if r.flags&fFrozen == 0 {
			for _, a := range cc.args {
				if a != nil && a.fn != nil {
					r.routes = append(r.routes, a.fn)
				}
				if a != nil && len(a.routes) > 0 {
					r.routes = append(r.routes, a.routes...)
				}
			}
		}
		return r, true
	case "route":
		return r, true
	}
	return nil, false
}
