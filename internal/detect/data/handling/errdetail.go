package handling

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/source/syntax"
)

// Error details in HTTP responses: inside a catch/except block, a promise
// .catch callback, an error-first callback or Express error middleware
// (and, in Go, wherever an err variable is in scope), a response built
// with the exception's stack trace, the raw error object or its message.
// A message in a 4xx response is a deliberate answer to the client (a
// validation error) and is left alone; a stack trace never is.

// Strength of what a response reveals.
const (
	leakNone = iota
	leakMessage
	leakError
	leakStack
)

// scope is an error handler: the name the error is bound to (Go: any
// err-like name) and the code that handles it.
type scope struct {
	errName string
	body    *ts.Node
}

// errorScope handles catch and except clauses.
func (c *checker) errorScope(n *ts.Node) {
	if c.Kind(n) == "catch_clause" {
		if p := syntax.Field(n, "parameter"); c.Kind(p) == "identifier" {
			c.errorBody(scope{c.Text(p), syntax.Field(n, "body")})
		}
		return
	}
	name := ""
	var body *ts.Node
	for _, ch := range c.Named(n) {
		ch := ch
		switch c.Kind(&ch) {
		case "as_pattern":
			if t := c.First(syntax.Field(&ch, "alias")); c.Kind(t) == "identifier" {
				name = c.Text(t)
			}
		case "block":
			body = &ch
		}
	}
	c.errorBody(scope{name, body})
}

// errParams are the names error-first callbacks give the error.
var errParams = set("err", "error", "er")

// callbackScope handles functions that receive an error: four-parameter
// Express error middleware, and every top-level Go function (err is a
// value there). Callbacks are handled from their call (callbackArgs), so
// no node's parent is ever looked up on this path.
func (c *checker) callbackScope(n *ts.Node) {
	switch {
	case c.lang == source.Go:
		if k := c.Kind(n); k == "function_declaration" || k == "method_declaration" {
			c.errorBody(scope{"", syntax.Field(n, "body")})
		}
	case c.lang.IsJS():
		if params := c.params(n); len(params) == 4 && errParams[params[0]] {
			c.errorBody(scope{params[0], syntax.Field(n, "body")})
		}
	}
}

// callbackArgs handles the functions passed to a call that receive an
// error: promise .catch callbacks and error-first callbacks.
func (c *checker) callbackArgs(callee *ts.Node, args []arg) {
	if !c.lang.IsJS() {
		return
	}
	_, prop := c.member(c.unwrap(callee))
	for _, a := range args {
		fn := c.unwrap(a.n)
		if !isFunc(c.Kind(fn)) {
			continue
		}
		params := c.params(fn)
		if len(params) == 0 || len(params) == 4 {
			continue // none, or middleware handled on its own
		}
		if prop == "catch" || errParams[params[0]] {
			c.errorBody(scope{params[0], syntax.Field(fn, "body")})
		}
	}
}

// params returns the simple parameter names of a JavaScript function.
func (c *checker) params(n *ts.Node) []string {
	if p := syntax.Field(n, "parameter"); p != nil {
		return []string{c.Text(p)}
	}
	var out []string
	for _, p := range c.Named(syntax.Field(n, "parameters")) {
		p := p
		switch c.Kind(&p) {
		case "identifier":
			out = append(out, c.Text(&p))
		case "required_parameter", "optional_parameter":
			out = append(out, c.Text(syntax.Field(&p, "pattern")))
		default:
			out = append(out, "")
		}
	}
	return out
}

// errorBody looks for responses in an error handler.
func (c *checker) errorBody(sc scope) {
	if sc.body == nil {
		return
	}
	c.Walk(sc.body, func(n *ts.Node, kind string) bool {
		switch kind {
		case "object", "dictionary", "composite_literal":
			c.responseObject(sc, n)
		case "assignment_expression":
			c.responseAssign(sc, n)
		case "call_expression", "call":
			c.responseCall(sc, n)
		case "return_statement":
			c.responseTuple(sc, n)
		}
		return true
	})
}

// statusKeys name the status of a response object.
var statusKeys = []string{"statusCode", "StatusCode", "status"}

// responseObject: { statusCode: 500, body: … } (API Gateway, Lambda URL,
// ALB), { status: 500, body: … } (Azure), events.APIGatewayProxyResponse{
// StatusCode: 500, Body: … }.
func (c *checker) responseObject(sc scope, n *ts.Node) {
	ps := c.pairs(n)
	var status *ts.Node
	for _, k := range statusKeys {
		if status = get(ps, k); status != nil {
			break
		}
	}
	if status == nil || (get(ps, "statusCode") == nil && get(ps, "StatusCode") == nil && get(ps, "body") == nil) {
		return
	}
	code, known := c.statusOf(status)
	for _, p := range ps {
		if !responseMeta[p.key] {
			c.leakAt(sc, p.val, n, code, known)
		}
	}
}

// responseMeta are response fields that carry no body.
var responseMeta = set("statusCode", "StatusCode", "status", "headers", "Headers", "multiValueHeaders",
	"MultiValueHeaders", "isBase64Encoded", "IsBase64Encoded", "cookies", "Cookies")

// responseAssign: context.res = { body: … }, ctx.body = …, res.body = ….
func (c *checker) responseAssign(sc scope, n *ts.Node) {
	left, right := syntax.Field(n, "left"), syntax.Field(n, "right")
	_, prop := c.member(c.unwrap(left))
	switch {
	case prop == "res" && c.Kind(c.unwrap(right)) == "object":
		ps := c.pairs(right)
		if get(ps, "status") != nil || get(ps, "statusCode") != nil {
			return // responseObject handles it
		}
		for _, p := range ps {
			if !responseMeta[p.key] {
				c.leakAt(sc, p.val, n, 0, false)
			}
		}
	case prop == "body" && c.isMember(c.Kind(c.unwrap(left))):
		c.leakAt(sc, right, n, 0, false)
	}
}

// jsSenders are the methods that write a response body.
var jsSenders = set("send", "json", "end", "write", "jsonp")

// jsResponders are the names handlers give the response object.
var jsResponders = set("res", "response", "reply", "resp", "h")

// pyResponses are the Python response and HTTP error constructors.
var pyResponses = set("HttpResponse", "Response", "JSONResponse", "PlainTextResponse", "HTMLResponse",
	"HTTPException", "make_response", "jsonify", "abort", "StreamingResponse", "ORJSONResponse")

// responseCall: res.status(500).send(err.stack), http.Error(w, err.Error(),
// 500), HttpResponse(str(e), status_code=500), helper(500, {…err…}).
func (c *checker) responseCall(sc scope, n *ts.Node) {
	callee, args, _ := c.call(n)
	if name, _ := c.logCallee(callee, args); name != "" {
		return
	}
	obj, prop := c.member(c.unwrap(callee))
	d := c.dotted(callee)
	switch {
	case c.lang.IsJS() && jsSenders[prop] && jsResponders[c.chainRoot(obj)]:
		code, known := c.chainStatus(obj)
		c.leakArgs(sc, args, n, code, known, 0)
	case c.lang == source.Python && pyResponses[last(d)] && c.webFramework(d):
		code, known := 0, false
		var body []arg
		for i, a := range args {
			switch {
			case a.kw == "status_code" || a.kw == "status" || a.kw == "code":
				code, known = c.statusOf(a.n)
			case a.kw == "headers" || a.kw == "mimetype" || a.kw == "media_type" || a.kw == "content_type":
			case a.kw == "" && i > 0 && !known:
				if cd, ok := c.statusOf(a.n); ok {
					code, known = cd, ok
					continue
				}
				body = append(body, a)
			default:
				body = append(body, a)
			}
		}
		if last(d) == "abort" && len(args) > 0 {
			code, known = c.statusOf(args[0].n)
		}
		if !known {
			code, known = c.tupleStatus(n)
		}
		c.leakArgs(sc, body, n, code, known, 0)
	case c.lang == source.Go && c.b.resolve(d) == "net/http.Error" && len(args) == 3:
		code, known := c.statusOf(args[2].n)
		c.leakAt(sc, args[1].n, n, code, known)
	case c.lang == source.Go && (prop == "Write" || prop == "WriteString") && writerName(c.dotted(obj)):
		c.leakArgs(sc, args, n, 0, false, 0)
	case c.lang == source.Go && strings.HasPrefix(last(c.b.resolve(d)), "Fprint") && len(args) > 1 && writerName(c.dotted(args[0].n)):
		c.leakArgs(sc, args, n, 0, false, 1)
	case c.Kind(n) != "new_expression" && len(args) > 1 && args[0].kw == "":
		if code, ok := c.statusOf(args[0].n); ok && code >= 100 && code <= 599 {
			c.leakArgs(sc, args, n, code, true, 1)
		}
	}
}

// pyWebModules are the Python web frameworks whose responses reach callers.
var pyWebModules = []string{"flask", "fastapi", "starlette", "azure.functions", "django", "werkzeug", "chalice",
	"falcon", "bottle", "sanic", "aiohttp", "pyramid", "quart", "litestar"}

// webFramework reports a callee imported from a web framework.
func (c *checker) webFramework(d string) bool {
	m, ok := c.b.lookup(d)
	if !ok {
		return false
	}
	full := m.join("")
	for _, w := range pyWebModules {
		if full == w || strings.HasPrefix(full, w+".") {
			return true
		}
	}
	return false
}

// writerName reports names Go handlers give their http.ResponseWriter.
func writerName(d string) bool {
	switch d {
	case "w", "rw", "writer", "resp", "res":
		return true
	}
	return false
}

// responseTuple: Flask's return str(e), 500.
func (c *checker) responseTuple(sc scope, n *ts.Node) {
	if c.lang != source.Python {
		return
	}
	v := c.First(n)
	if k := c.Kind(v); k != "expression_list" && k != "tuple" {
		return
	}
	items := c.Named(v)
	if len(items) < 2 {
		return
	}
	code, ok := c.statusOf(&items[1])
	if !ok {
		return
	}
	c.leakAt(sc, &items[0], n, code, true)
}

// tupleStatus returns the status of `return body, status` when n is the
// body.
func (c *checker) tupleStatus(n *ts.Node) (int, bool) {
	p := n.Parent()
	if k := c.Kind(p); k != "expression_list" && k != "tuple" {
		return 0, false
	}
	items := c.Named(p)
	if len(items) < 2 || items[0].Id() != n.Id() {
		return 0, false
	}
	return c.statusOf(&items[1])
}

// chainRoot returns the identifier a call chain starts from
// (res.status(500).send → res).
func (c *checker) chainRoot(n *ts.Node) string {
	for i := 0; n != nil && i < 8; i++ {
		n = c.unwrap(n)
		switch c.Kind(n) {
		case "identifier":
			return c.Text(n)
		case "member_expression":
			n = syntax.Field(n, "object")
		case "call_expression":
			n = syntax.Field(n, "function")
		default:
			return ""
		}
	}
	return ""
}

// chainStatus returns the status set earlier in a chain (.status(500),
// .code(500)).
func (c *checker) chainStatus(n *ts.Node) (int, bool) {
	for i := 0; n != nil && i < 8; i++ {
		n = c.unwrap(n)
		switch c.Kind(n) {
		case "call_expression":
			callee, args, _ := c.call(n)
			if _, prop := c.member(c.unwrap(callee)); (prop == "status" || prop == "code") && len(args) > 0 {
				return c.statusOf(args[0].n)
			}
			n = callee
		case "member_expression":
			n = syntax.Field(n, "object")
		default:
			return 0, false
		}
	}
	return 0, false
}
