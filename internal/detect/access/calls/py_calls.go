package calls

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source/syntax"
)

// pyRequestCtors build a request object that a later call sends.
var pyRequestCtors = map[string]bool{"Request": true, "urlopen": true}

// requests finds the HTTP requests of one Python file.
func (e *pyEval) requests() []rawHTTP {
	var out []rawHTTP
	e.p.doc.Walk(e.p.root, func(n *ts.Node, k string) bool {
		if k == "call" {
			if r, ok := e.request(n); ok {
				out = append(out, r)
			}
		}
		return true
	})
	return out
}

// request recognises requests.post(url, headers=...), httpx, urllib and
// session.get(...) calls.
func (e *pyEval) request(n *ts.Node) (rawHTTP, bool) {
	callee := syntax.Field(n, "function")
	method := ""
	if e.kind(callee) == "attribute" {
		method = e.text(syntax.Field(callee, "attribute"))
	}
	cv := e.eval(callee)
	switch {
	case cv.kind == vExternal && pyHTTPCall(cv.ext):
		method = cv.ext[strings.LastIndex(cv.ext, ".")+1:]
	case cv.kind == vUnknown && (verbs[method] || pyRequestCtors[method]):
	default:
		return rawHTTP{}, false
	}
	pos, kw := e.args(n)
	urlArg := kw["url"]
	if urlArg == nil {
		i := 0
		if method == "request" {
			i = 1
		}
		if len(pos) > i {
			urlArg = pos[i]
		}
	}
	if urlArg == nil {
		return rawHTTP{}, false
	}
	r := rawHTTP{file: e.p.path, line: syntax.Line(n), code: snippet(e.text(n)), urls: e.strs(e.eval(urlArg))}
	if h := e.eval(kw["headers"]); h.kind == vObject {
		for _, name := range credHeaders {
			if v := h.obj.property(name); v.kind != vUnknown {
				r.keys = append(r.keys, keyRef{via: name + " header", strs: e.strs(v)})
			}
		}
	}
	if q := e.eval(kw["params"]); q.kind == vObject {
		if v := q.obj.property("code"); v.kind != vUnknown {
			r.keys = append(r.keys, keyRef{via: "code query parameter", strs: e.strs(v)})
		}
	}
	return r, true
}

// pyHTTPCall reports a package function that sends a request.
func pyHTTPCall(ext string) bool {
	i := strings.LastIndex(ext, ".")
	if i < 0 {
		return false
	}
	pkg, fn := ext[:i], ext[i+1:]
	return httpPackage(pkg) && (verbs[fn] || pyRequestCtors[fn])
}
