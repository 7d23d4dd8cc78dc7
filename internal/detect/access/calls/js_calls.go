package calls

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// rawHTTP is an HTTP request found in code, before it is matched to a
// function's endpoint.
type rawHTTP struct {
	file string
	line int
	code string
	urls []str
	keys []keyRef
}

// keyRef is a credential a request sends: how, and its value.
type keyRef struct {
	via  string
	strs []str
}

// verbs are the method names HTTP clients send requests with.
var verbs = map[string]bool{
	"get": true, "post": true, "put": true, "patch": true, "delete": true, "del": true, "head": true,
	"request": true, "fetch": true, "options": true,
}

// credHeaders are the headers that carry a function or API key.
var credHeaders = []string{"x-functions-key", "x-api-key"}

// credParams are the query parameters that carry an Azure function key.
var credParams = []string{"params", "qs", "searchParams", "query"}

// jsRequests finds the HTTP requests of one file.
func (e *jsEval) requests() []rawHTTP {
	var out []rawHTTP
	e.p.doc.Walk(e.p.root, func(n *ts.Node, k string) bool {
		if k == "call_expression" {
			if r, ok := e.request(n); ok {
				out = append(out, r)
			}
		}
		return true
	})
	return out
}

// request recognises one HTTP request and reads its URL and credentials.
func (e *jsEval) request(n *ts.Node) (rawHTTP, bool) {
	callee := syntax.Field(n, "function")
	args := e.p.doc.Named(syntax.Field(n, "arguments"))
	if len(args) == 0 {
		return rawHTTP{}, false
	}
	method := ""
	var recv val
	if e.kind(callee) == "member_expression" {
		method = e.text(syntax.Field(callee, "property"))
		recv = e.eval(syntax.Field(callee, "object"))
	}
	cv := e.eval(callee)
	var client *val
	switch {
	case recv.kind == vClient && verbs[method]:
		client = &recv
	case cv.kind == vClient:
		client = &cv
	case cv.kind == vExternal && httpCall(cv.ext):
	case cv.kind == vUnknown && (verbs[method] || method == "" && httpPackage(e.text(callee))):
	default:
		return rawHTTP{}, false
	}
	r := rawHTTP{file: e.p.path, line: syntax.Line(n), code: snippet(e.text(n))}
	var opts []*objRef
	first := e.eval(&args[0])
	if first.kind == vObject {
		opts = append(opts, first.obj)
		r.urls = e.optionsURL(first.obj)
	} else {
		r.urls = e.strs(first)
	}
	for i := 1; i < len(args); i++ {
		if v := e.eval(&args[i]); v.kind == vObject {
			opts = append(opts, v.obj)
		}
	}
	if client != nil && client.obj != nil {
		if base := client.obj.property("baseURL"); base.kind != vUnknown {
			r.urls = joinBase(e.strs(base), r.urls)
		}
		opts = append(opts, client.obj)
	}
	for _, o := range opts {
		r.keys = append(r.keys, optionKeys(o, e.strs)...)
	}
	return r, true
}

// httpCall reports a package member that sends a request: fetch,
// axios.post, https.request, got.
func httpCall(ext string) bool {
	if httpPackage(ext) {
		return true
	}
	i := strings.LastIndex(ext, ".")
	return i > 0 && httpPackage(ext[:i]) && verbs[ext[i+1:]]
}

// optionsURL reads the URL of a request options object: url, uri, href,
// or host and path, after a baseURL.
func (e *jsEval) optionsURL(o *objRef) []str {
	for _, k := range []string{"url", "uri", "href"} {
		if v := o.property(k); v.kind != vUnknown {
			u := e.strs(v)
			if base := o.property("baseURL"); base.kind != vUnknown {
				u = joinBase(e.strs(base), u)
			}
			return u
		}
	}
	host := o.property("hostname")
	if host.kind == vUnknown {
		host = o.property("host")
	}
	if host.kind == vUnknown {
		return []str{hole()}
	}
	return concat(concat([]str{lit("https://")}, e.strs(host)), e.strs(o.property("path")))
}

// joinBase puts a base URL in front of relative URLs.
func joinBase(base, urls []str) []str {
	var out []str
	for _, u := range urls {
		if strings.Contains(u.text, "://") {
			out = append(out, u)
			continue
		}
		out = union(out, concat(base, []str{u}))
	}
	return out
}

// optionKeys reads the credentials of an options object: key headers and
// the code query parameter.
func optionKeys(o *objRef, strs func(val) []str) []keyRef {
	var out []keyRef
	if h := o.property("headers"); h.kind == vObject {
		for _, name := range credHeaders {
			if v := h.obj.property(name); v.kind != vUnknown {
				out = append(out, keyRef{via: name + " header", strs: strs(v)})
			}
		}
	}
	for _, p := range credParams {
		if q := o.property(p); q.kind == vObject {
			if v := q.obj.property("code"); v.kind != vUnknown {
				out = append(out, keyRef{via: "code query parameter", strs: strs(v)})
			}
		}
	}
	return out
}

// snippet is a call's text on one line, shortened.
func snippet(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 120 {
		s = string(r[:119]) + "…"
	}
	return s
}
