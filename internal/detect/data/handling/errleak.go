package handling

import (
	"fmt"
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/source/syntax"
)

// How much of an error a response value reveals, and the HTTP status it
// is sent with.

// leakArgs checks the arguments of a response call from index from on.
func (c *checker) leakArgs(sc scope, args []arg, site *ts.Node, code int, known bool, from int) {
	for i := from; i < len(args); i++ {
		c.leakAt(sc, args[i].n, site, code, known)
	}
}

// leakAt reports value when it reveals the error, given the response
// status.
func (c *checker) leakAt(sc scope, value, site *ts.Node, code int, known bool) {
	what, at := c.leak(sc, value, 0)
	if what == leakNone || (what != leakStack && known && code < 500) {
		return
	}
	status := "an HTTP response"
	if known {
		status = fmt.Sprintf("an HTTP %d response", code)
	}
	var detail string
	switch what {
	case leakStack:
		detail = fmt.Sprintf("returns the exception's stack trace (%s) in %s", c.snippet(at), status)
	case leakError:
		detail = fmt.Sprintf("returns the raw error object (%s) in %s", c.snippet(at), status)
	default:
		detail = fmt.Sprintf("returns the error message (%s) in %s", c.snippet(at), status)
	}
	c.add(&issue{
		rule: ruleErrors.ID, line: syntax.Line(at), evidence: c.snippet(at), key: "err|" + c.snippet(at), detail: detail,
	}, site)
}

// leak returns how much of the error value reveals, and the node that
// reveals it.
func (c *checker) leak(sc scope, n *ts.Node, depth int) (int, *ts.Node) {
	n = c.unwrap(n)
	if n == nil || depth > maxDepth/2 {
		return leakNone, nil
	}
	switch k := c.Kind(n); {
	case k == "identifier" || k == "shorthand_property_identifier":
		return c.leakName(sc, n, depth)
	case c.isMember(k):
		obj, prop := c.member(n)
		if !c.isErr(sc, c.unwrap(obj)) {
			return leakNone, nil
		}
		switch prop {
		case "stack", "stacktrace", "__traceback__":
			return leakStack, n
		case "message", "msg", "args", "errorMessage", "sqlMessage":
			return leakMessage, n
		}
		return leakNone, nil
	case k == "call_expression" || k == "call":
		return c.leakCall(sc, n, depth)
	}
	if !c.container(n) {
		return leakNone, nil
	}
	best, at := leakNone, (*ts.Node)(nil)
	for _, ch := range c.Named(n) {
		ch := ch
		if w, a := c.leak(sc, &ch, depth+1); w > best {
			best, at = w, a
		}
	}
	return best, at
}

// container reports nodes whose children are all part of the value.
func (c *checker) container(n *ts.Node) bool {
	switch c.Kind(n) {
	case "object", "dictionary", "array", "list", "tuple", "expression_list", "pair", "keyed_element",
		"literal_element", "literal_value", "composite_literal", "template_string", "string", "template_substitution",
		"interpolation", "spread_element", "binary_expression", "binary_operator", "ternary_expression",
		"conditional_expression", "keyword_argument", "parenthesized_expression", "concatenated_string":
		return true
	}
	return false
}

// leakName: the error itself, or a local that holds part of it.
func (c *checker) leakName(sc scope, n *ts.Node, depth int) (int, *ts.Node) {
	if c.isErr(sc, n) {
		if c.lang.IsJS() {
			return leakError, n
		}
		return leakMessage, n
	}
	if depth > 6 {
		return leakNone, nil
	}
	k := sc.errName + "|" + c.Text(n)
	if w, ok := c.leaks[k]; ok {
		return w, n // computed, or being computed (a cycle)
	}
	c.leaks[k] = leakNone
	for _, v := range c.b.decls[c.Text(n)] {
		if w, _ := c.leak(sc, v, depth+4); w != leakNone {
			c.leaks[k] = w
			return w, n
		}
	}
	return leakNone, nil
}

// isErr reports the error variable of the scope (Go: err, fooErr).
func (c *checker) isErr(sc scope, n *ts.Node) bool {
	if c.Kind(n) != "identifier" {
		return false
	}
	name := c.Text(n)
	if c.lang == source.Go {
		return name == "err" || strings.HasSuffix(name, "Err") || strings.HasSuffix(name, "err") && len(name) > 3
	}
	return name == sc.errName && name != ""
}

// stackCalls return a formatted stack trace.
var stackCalls = set("traceback.format_exc", "traceback.format_exception", "traceback.format_tb",
	"traceback.format_stack", "traceback.extract_tb", "runtime/debug.Stack")

// errWrappers hand their argument over as text.
var errWrappers = set("JSON.stringify", "String", "util.inspect", "util.format", "Object.assign", "str", "repr",
	"json.dumps", "dict", "jsonify", "format", "fmt.Sprintf", "fmt.Sprint", "fmt.Sprintln", "fmt.Errorf", "string",
	"json.Marshal", "strings.Join", "errors.Unwrap")

// leakCall: stack producers, err.toString() / err.Error(), wrappers.
func (c *checker) leakCall(sc scope, n *ts.Node, depth int) (int, *ts.Node) {
	callee, args, _ := c.call(n)
	d := c.dotted(callee)
	if stackCalls[c.b.resolve(d)] {
		return leakStack, n
	}
	if obj, prop := c.member(c.unwrap(callee)); c.isErr(sc, c.unwrap(obj)) {
		switch prop {
		case "toString":
			return leakError, n
		case "Error", "__str__":
			return leakMessage, n
		}
		return leakNone, nil
	}
	if !errWrappers[d] && c.Kind(callee) != "slice_type" && !(c.lang == source.Python && strings.HasSuffix(d, ".format")) {
		if c.Kind(callee) != "attribute" || c.Text(syntax.Field(callee, "attribute")) != "format" {
			return leakNone, nil
		}
	}
	best, at := leakNone, (*ts.Node)(nil)
	for _, a := range args {
		if w, x := c.leak(sc, a.n, depth+1); w > best {
			best, at = w, x
			if x != nil && c.unwrap(a.n) != nil && x.Id() == c.unwrap(a.n).Id() {
				at = n // str(e), JSON.stringify(err): show the call
			}
		}
	}
	return best, at
}

// statusOf reads an HTTP status: a number, or a named constant
// (http.StatusInternalServerError, HTTPStatus.BAD_REQUEST,
// status.HTTP_500_INTERNAL_SERVER_ERROR).
func (c *checker) statusOf(n *ts.Node) (int, bool) {
	n = c.unwrap(n)
	switch c.Kind(n) {
	case "number", "integer", "int_literal":
		v := 0
		for _, r := range c.Text(n) {
			if r < '0' || r > '9' || v > 1000 {
				return 0, false
			}
			v = v*10 + int(r-'0')
		}
		return v, v >= 100 && v <= 599
	}
	d := c.dotted(n)
	if receiver(d) == "" {
		return 0, false
	}
	return namedStatus(last(d))
}

// statusNames map named status constants, normalised, to their code.
var statusNames = map[string]int{
	"ok": 200, "created": 201, "accepted": 202, "nocontent": 204, "badrequest": 400, "unauthorized": 401,
	"forbidden": 403, "notfound": 404, "methodnotallowed": 405, "notacceptable": 406, "requesttimeout": 408,
	"conflict": 409, "gone": 410, "preconditionfailed": 412, "requestentitytoolarge": 413, "payloadtoolarge": 413,
	"unsupportedmediatype": 415, "unprocessableentity": 422, "unprocessablecontent": 422, "toomanyrequests": 429,
	"internalservererror": 500, "notimplemented": 501, "badgateway": 502, "serviceunavailable": 503, "gatewaytimeout": 504,
}

// namedStatus reads a status constant's name.
func namedStatus(name string) (int, bool) {
	norm := strings.ToLower(strings.ReplaceAll(name, "_", ""))
	norm = strings.TrimPrefix(norm, "status")
	norm = strings.TrimPrefix(norm, "http")
	if len(norm) >= 3 && norm[0] >= '1' && norm[0] <= '5' && isDigits(norm[:3]) {
		return int(norm[0]-'0')*100 + int(norm[1]-'0')*10 + int(norm[2]-'0'), true
	}
	v, ok := statusNames[norm]
	return v, ok
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
