package handling

import (
	"fmt"
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/source/syntax"
)

// TLS verification turned off in code: Node's rejectUnauthorized and
// NODE_TLS_REJECT_UNAUTHORIZED, request's strictSSL, Python's verify=False,
// unverified SSL contexts, CERT_NONE and check_hostname, Go's
// InsecureSkipVerify.

// tlsEnvVars are the variables that turn verification off process-wide
// when set to "0".
var tlsEnvVars = map[string]string{
	"NODE_TLS_REJECT_UNAUTHORIZED": "every HTTPS and TLS connection the Node.js process makes",
	"PYTHONHTTPSVERIFY":            "every HTTPS connection of the Python standard library",
}

// tlsPair checks object keys: { rejectUnauthorized: false },
// { strictSSL: false }, { NODE_TLS_REJECT_UNAUTHORIZED: '0' } and Go's
// tls.Config{InsecureSkipVerify: true}.
func (c *checker) tlsPair(n *ts.Node) {
	var key string
	var val *ts.Node
	if c.Kind(n) == "keyed_element" {
		key, val = c.keyName(syntax.Field(n, "key")), c.First(syntax.Field(n, "value"))
	} else {
		key, val = c.keyName(syntax.Field(n, "key")), syntax.Field(n, "value")
	}
	switch {
	case c.lang == source.Go && key == "InsecureSkipVerify":
		if v, ok := c.boolValue(val); ok && v {
			c.tlsIssue(n, "InsecureSkipVerify: true", "sets InsecureSkipVerify: true in a tls.Config, so the client accepts any certificate for any host")
		}
	case c.lang.IsJS() && (key == "rejectUnauthorized" || key == "strictSSL"):
		if v, ok := c.boolValue(val); ok && !v {
			c.tlsIssue(n, key+": false", fmt.Sprintf("passes %s: false, so the connection accepts any certificate for any host", key))
		}
	case c.lang.IsJS() && key == "checkServerIdentity" && c.emptyCheck(val):
		c.tlsIssue(n, "checkServerIdentity", "replaces checkServerIdentity with a function that accepts every host name")
	case tlsEnvVars[key] != "" && c.isZero(val):
		c.tlsIssue(n, key+"=0", fmt.Sprintf("sets %s to 0, which turns off certificate verification for %s", key, tlsEnvVars[key]))
	}
}

// tlsAssign checks assignments: process.env.NODE_TLS_REJECT_UNAUTHORIZED =
// '0', os.environ['PYTHONHTTPSVERIFY'] = '0', agent.options.
// rejectUnauthorized = false, session.verify = False, ctx.check_hostname =
// False, ctx.verify_mode = ssl.CERT_NONE, cfg.InsecureSkipVerify = true.
func (c *checker) tlsAssign(n *ts.Node) {
	left, right := syntax.Field(n, "left"), syntax.Field(n, "right")
	if c.Kind(n) == "assignment_statement" {
		l, r := c.Named(left), c.Named(right)
		if len(l) != 1 || len(r) != 1 {
			return
		}
		left, right = &l[0], &r[0]
	}
	if !c.isMember(c.Kind(left)) {
		return
	}
	_, prop := c.member(left)
	off, known := c.boolValue(right)
	off = known && !off
	switch {
	case tlsEnvVars[prop] != "" && c.isZero(right):
		c.tlsIssue(n, prop+"=0", fmt.Sprintf("sets %s to 0, which turns off certificate verification for %s", prop, tlsEnvVars[prop]))
	case c.lang.IsJS() && (prop == "rejectUnauthorized" || prop == "strictSSL") && off:
		c.tlsIssue(n, prop+" = false", fmt.Sprintf("sets %s = false, so connections accept any certificate for any host", prop))
	case c.lang == source.Python && prop == "verify" && off:
		c.tlsIssue(n, "verify = False", "sets verify = False on an HTTP session, so every request it sends accepts any certificate")
	case c.lang == source.Python && prop == "check_hostname" && off:
		c.tlsIssue(n, "check_hostname = False", "sets check_hostname = False on an SSL context, so it accepts a certificate issued for any host")
	case c.lang == source.Python && prop == "verify_mode" && c.certNone(right):
		c.tlsIssue(n, "verify_mode = CERT_NONE", "sets verify_mode = ssl.CERT_NONE on an SSL context, so it accepts any certificate")
	case c.lang == source.Python && prop == "_create_default_https_context" && strings.Contains(c.Text(right), "_create_unverified_context"):
		c.tlsIssue(n, "ssl._create_unverified_context", "makes ssl._create_unverified_context the default HTTPS context, which turns off certificate checks for every urllib request")
	case c.lang == source.Go && prop == "InsecureSkipVerify" && known && !off:
		c.tlsIssue(n, "InsecureSkipVerify = true", "sets InsecureSkipVerify = true, so the client accepts any certificate for any host")
	}
}

// tlsCall checks Python keyword arguments: verify=False, verify_ssl=False,
// ssl=False (aiohttp), cert_reqs=ssl.CERT_NONE, ssl_cert_reqs='none'.
func (c *checker) tlsCall(n, callee *ts.Node, args []arg) {
	if c.lang != source.Python {
		return
	}
	name := c.b.resolve(c.dotted(callee))
	if c.silencer(name) {
		c.silenced = syntax.Line(n)
		return
	}
	if notTLSVerify(name) {
		return // jwt.decode(token, verify=False) is about signatures
	}
	for _, a := range args {
		v, known := c.boolValue(a.n)
		at := a.n
		if p := a.n.Parent(); p != nil && c.Kind(p) == "keyword_argument" {
			at = p
		}
		switch {
		case (a.kw == "verify" || a.kw == "verify_ssl") && known && !v:
			c.tlsIssue(at, a.kw+"=False", fmt.Sprintf("calls %s with %s=False, so the request accepts any certificate", orCall(name), a.kw))
		case a.kw == "ssl" && known && !v && aiohttpCall(name):
			c.tlsIssue(at, "ssl=False", fmt.Sprintf("calls %s with ssl=False, so the connection accepts any certificate", orCall(name)))
		case (a.kw == "cert_reqs" || a.kw == "ssl_cert_reqs") && c.certNone(a.n):
			c.tlsIssue(at, a.kw+"=CERT_NONE", fmt.Sprintf("calls %s with %s set to CERT_NONE, so the connection accepts any certificate", orCall(name), a.kw))
		}
	}
}

// silencer reports the calls that hide urllib3's InsecureRequestWarning.
func (c *checker) silencer(name string) bool {
	return last(name) == "disable_warnings" && strings.Contains(name, "urllib3")
}

// notTLSVerify reports calls whose verify= argument is not about TLS.
func notTLSVerify(name string) bool {
	l := strings.ToLower(name)
	return strings.Contains(l, "jwt") || strings.Contains(l, "jose") || strings.Contains(l, "jws") ||
		last(name) == "decode" || last(name) == "verify"
}

// aiohttpCall reports calls whose ssl= argument controls verification.
func aiohttpCall(name string) bool {
	switch last(name) {
	case "TCPConnector", "ClientSession", "get", "post", "put", "patch", "delete", "head", "options", "request", "ws_connect":
		return true
	}
	return false
}

// pyTLSRef checks references to ssl._create_unverified_context and to
// ssl.CERT_NONE outside a comparison.
func (c *checker) pyTLSRef(n *ts.Node, kind string) {
	if c.lang != source.Python {
		return
	}
	name := c.b.resolve(c.dotted(n))
	if kind == "identifier" && !c.b.bound(c.Text(n)) {
		return // a local name: only imported ones are followed
	}
	switch name {
	case "ssl._create_unverified_context":
		if p := n.Parent(); p != nil && c.Kind(p) == "attribute" {
			return // the attribute node itself is the reference
		}
		c.tlsIssue(n, "ssl._create_unverified_context", "uses ssl._create_unverified_context(), an SSL context that checks neither the certificate nor the host name")
	case "ssl.CERT_NONE":
		if p := n.Parent(); p != nil && (c.Kind(p) == "comparison_operator" || c.Kind(p) == "attribute") {
			return
		}
		c.tlsIssue(n, "ssl.CERT_NONE", "uses ssl.CERT_NONE, so the connection accepts any certificate")
	}
}

// certNone reports ssl.CERT_NONE, 'CERT_NONE', 'none' or None (redis-py's
// ssl_cert_reqs).
func (c *checker) certNone(n *ts.Node) bool {
	if v, ok := c.str(n); ok {
		return strings.EqualFold(v, "CERT_NONE") || strings.EqualFold(v, "none")
	}
	return last(c.dotted(n)) == "CERT_NONE"
}

// isZero reports the string "0" or the number 0.
func (c *checker) isZero(n *ts.Node) bool {
	if v, ok := c.str(n); ok {
		return strings.TrimSpace(v) == "0"
	}
	k := c.Kind(c.unwrap(n))
	return (k == "number" || k == "integer") && c.Text(c.unwrap(n)) == "0"
}

// emptyCheck reports a function that checks nothing: () => undefined,
// () => {}, function () { return null; }.
func (c *checker) emptyCheck(n *ts.Node) bool {
	n = c.unwrap(n)
	if !isFunc(c.Kind(n)) {
		return false
	}
	body := syntax.Field(n, "body")
	switch c.Kind(body) {
	case "undefined", "null":
		return true
	case "identifier":
		return c.Text(body) == "undefined"
	case "statement_block":
		st := c.Named(body)
		if len(st) == 0 {
			return true
		}
		if len(st) == 1 && c.Kind(&st[0]) == "return_statement" {
			v := c.First(&st[0])
			return v == nil || c.Kind(v) == "null" || c.Kind(v) == "undefined" || c.Text(v) == "undefined"
		}
	}
	return false
}

// tlsIssue records a TLS issue at n; the calls around n (the option's
// constructor and the request it configures) decide whether it carries
// credentials.
func (c *checker) tlsIssue(n *ts.Node, what, detail string) {
	calls := c.enclosingCalls(n)
	at := n
	if len(calls) > 0 {
		at = calls[len(calls)-1]
	}
	sites := []*ts.Node{at}
	if uses := c.usesOfDeclared(at); len(uses) > 0 {
		sites = uses // the agent or context runs where it is used
	}
	is := c.add(&issue{
		rule: ruleTLS.ID, line: syntax.Line(n), evidence: c.snippet(n),
		key: "tls|" + what, detail: detail,
	}, sites...)
	for _, call := range calls {
		if c.carriesCreds(call) {
			is.creds = true
		}
	}
}

// usesOfDeclared returns, when value is what a declaration binds to a
// name (const agent = new https.Agent(...), ctx = ssl.create_...()), the
// places the name is used; nil otherwise.
func (c *checker) usesOfDeclared(value *ts.Node) []*ts.Node {
	p := value.Parent()
	var name *ts.Node
	switch c.Kind(p) {
	case "variable_declarator":
		name = syntax.Field(p, "name")
	case "assignment":
		name = syntax.Field(p, "left")
	case "expression_list":
		if pp := p.Parent(); c.Kind(pp) == "short_var_declaration" {
			if ls := c.Named(syntax.Field(pp, "left")); len(ls) == 1 {
				name = &ls[0]
			}
		}
	}
	if c.Kind(name) != "identifier" {
		return nil
	}
	return c.references(c.Text(name), name)
}

// references returns the identifiers spelled name in the file, except
// the declaring one.
func (c *checker) references(name string, decl *ts.Node) []*ts.Node {
	if c.idents == nil {
		c.idents = map[string][]*ts.Node{}
		c.Walk(c.root, func(n *ts.Node, kind string) bool {
			if kind == "identifier" || kind == "shorthand_property_identifier" {
				t := c.Text(n)
				if len(c.idents[t]) < 256 {
					c.idents[t] = append(c.idents[t], n)
				}
			}
			return true
		})
	}
	var out []*ts.Node
	for _, n := range c.idents[name] {
		if n.Id() != decl.Id() {
			out = append(out, n)
		}
	}
	return out
}

// enclosingCalls returns the calls an option belongs to, innermost
// first: up through objects, pairs, argument lists and nested calls
// (axios.get(url, { httpsAgent: new https.Agent({...}) })), a few levels.
func (c *checker) enclosingCalls(n *ts.Node) []*ts.Node {
	var out []*ts.Node
	p := n
	for i := 0; i < 12 && p != nil; i++ {
		p = p.Parent()
		switch c.Kind(p) {
		case "call_expression", "call", "new_expression":
			out = append(out, p)
		case "object", "pair", "arguments", "argument_list", "keyword_argument", "dictionary", "parenthesized_expression",
			"literal_value", "keyed_element", "literal_element", "composite_literal", "unary_expression", "await_expression":
		default:
			return out
		}
	}
	return out
}

// carriesCreds reports whether a call sends credentials: an
// Authorization or API-key header, an auth option, a password field.
func (c *checker) carriesCreds(call *ts.Node) bool {
	found := false
	c.Walk(syntax.Field(call, "arguments"), func(n *ts.Node, kind string) bool {
		if found || isFunc(kind) {
			return false
		}
		switch kind {
		case "pair", "keyed_element":
			if credentialKey(c.keyName(syntax.Field(n, "key"))) {
				found = true
			}
		case "keyword_argument":
			if credentialKey(c.Text(syntax.Field(n, "name"))) {
				found = true
			}
		case "shorthand_property_identifier":
			found = credentialKey(c.Text(n))
		}
		return !found
	})
	return found
}

// orCall names a call for messages.
func orCall(name string) string {
	if name == "" {
		return "a call"
	}
	return name
}
