package handling

import (
	"fmt"
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/source/syntax"
)

// Plaintext transport in code: an http:// (or ws://) URL that reaches the
// URL argument of an HTTP client call, directly, through a constant or
// variable, a template or concatenation, a config object's property, or
// the base URL of a client.

// jsClients are the npm modules (and Node core modules) that send HTTP
// or WebSocket requests. https is left out: it refuses http:// URLs.
var jsClients = map[string]bool{
	"axios": true, "got": true, "request": true, "request-promise": true, "request-promise-native": true,
	"superagent": true, "needle": true, "phin": true, "bent": true, "ky": true, "undici": true,
	"node-fetch": true, "cross-fetch": true, "isomorphic-fetch": true, "make-fetch-happen": true,
	"http": true, "node:http": true, "ws": true, "isomorphic-ws": true, "socket.io-client": true,
}

// pyClients are the Python modules that send HTTP or WebSocket requests.
var pyClients = map[string]bool{
	"requests": true, "httpx": true, "urllib": true, "urllib.request": true, "urllib3": true, "aiohttp": true,
	"urllib2": true, "websocket": true, "websockets": true, "http.client": true, "http": true,
}

// httpMethods are the client methods that take a URL.
var httpMethods = map[string]bool{
	"get": true, "post": true, "put": true, "patch": true, "delete": true, "del": true, "head": true, "options": true,
	"request": true, "fetch": true, "stream": true, "create": true, "extend": true, "defaults": true, "connect": true,
	"urlopen": true, "Request": true, "urlretrieve": true, "create_connection": true, "Client": true,
	"AsyncClient": true, "ClientSession": true, "ws_connect": true, "send": true, "open": true,
}

// goHTTPFuncs are the net/http functions (and client methods of the same
// name) that take a URL.
var goHTTPFuncs = map[string]bool{
	"Get": true, "Post": true, "Head": true, "PostForm": true, "NewRequest": true, "NewRequestWithContext": true,
}

// urlKeys are option and keyword names that hold a request URL.
var urlKeys = map[string]bool{
	"url": true, "uri": true, "baseURL": true, "baseUrl": true, "base_url": true, "prefixUrl": true,
	"endpoint": true, "href": true, "endpoint_url": true,
}

// httpSink names a call that sends a request, or returns "".
func (c *checker) httpSink(callee *ts.Node, args []arg) string {
	d := c.dotted(callee)
	if d == "" {
		return ""
	}
	m, bound := c.b.lookup(d)
	switch {
	case c.lang.IsJS():
		if !bound {
			if d == "fetch" || d == "WebSocket" || d == "EventSource" {
				return d
			}
			return c.unknownClient(d, args)
		}
		if jsClients[m.mod] && (m.path == "" || httpMethods[last(m.path)]) {
			return d
		}
	case c.lang == source.Python:
		if !bound {
			return c.unknownClient(d, args)
		}
		full := m.join("")
		for mod := range pyClients {
			if strings.HasPrefix(full, mod+".") && (httpMethods[last(full)] || last(full) == "HTTPConnection") {
				return full
			}
		}
	case c.lang == source.Go:
		if bound && m.mod == "net/http" && goHTTPFuncs[last(d)] {
			return "http." + last(d)
		}
		if !bound && goHTTPFuncs[last(d)] && receiver(d) != "" {
			return d
		}
	}
	return ""
}

// unknownClient accepts a method call on an object clad cannot type
// (this.http.get, api.post) when its first argument is itself a plaintext
// URL literal: few other methods take one.
func (c *checker) unknownClient(d string, args []arg) string {
	if receiver(d) == "" || !httpMethods[last(d)] || len(args) == 0 || args[0].kw != "" {
		return ""
	}
	if p, _, ok := c.prefix(args[0].n); ok {
		if _, ok := plainURL(p); ok {
			return d
		}
	}
	return ""
}

// urlArgs returns the arguments of a sink that may hold its URL.
func (c *checker) urlArgs(args []arg) []*ts.Node {
	var out []*ts.Node
	for _, a := range args {
		if a.kw == "" || urlKeys[a.kw] {
			out = append(out, a.n)
		}
	}
	return out
}

// urlHit is a plaintext URL literal and the URL it spells.
type urlHit struct {
	url string
	lit *ts.Node
}

// transportCall reports plaintext URLs reaching an HTTP client call.
func (c *checker) transportCall(call, callee *ts.Node, args []arg) {
	name := c.httpSink(callee, args)
	if name == "" {
		return
	}
	var hits []urlHit
	seen := map[string]bool{}
	for _, a := range c.urlArgs(args) {
		hits = append(hits, c.urlsIn(a, 0, seen)...)
	}
	if m, ok := c.b.lookup(c.dotted(callee)); ok && c.lang.IsJS() && (m.mod == "http" || m.mod == "node:http") {
		hits = append(hits, c.httpHostOptions(args)...)
	}
	if c.lang == source.Python && last(name) == "HTTPConnection" && len(args) > 0 {
		if host, ok := c.str(args[0].n); ok && remoteHost(strings.ToLower(host)) {
			hits = append(hits, urlHit{url: "http://" + host, lit: args[0].n})
		}
	}
	for _, h := range hits {
		c.plaintext(h, call, name)
	}
}

// httpHostOptions reads http.request({ hostname: 'api.x.io' }): Node's
// http module speaks plain HTTP to whatever host the options name.
func (c *checker) httpHostOptions(args []arg) []urlHit {
	var out []urlHit
	for _, a := range args {
		for _, p := range c.pairs(a.n) {
			if p.key != "host" && p.key != "hostname" {
				continue
			}
			if host, ok := c.str(p.val); ok && remoteHost(strings.ToLower(host)) {
				if u, ok := plainURL("http://" + host); ok {
					out = append(out, urlHit{u, p.val})
				}
			}
		}
	}
	return out
}

// plaintext records a hit; the same literal reached from several calls
// is one issue listing them all.
func (c *checker) plaintext(h urlHit, call *ts.Node, name string) {
	is := c.add(&issue{
		rule: ruleTransport.ID, line: syntax.Line(h.lit), evidence: h.url, key: "http|" + h.url,
		detail: fmt.Sprintf("sends requests to %s over plain HTTP", h.url),
	}, call)
	step := finding.Step{File: c.path, Line: syntax.Line(call), Note: "request sent with " + name}
	for _, s := range is.trace {
		if s == step {
			return
		}
	}
	if len(is.trace) == 0 {
		is.trace = append(is.trace, finding.Step{File: c.path, Line: is.line, Note: "plaintext URL " + h.url})
	}
	is.trace = append(is.trace, step)
}

// urlsIn follows a URL argument to the plaintext literals it is built
// from.
func (c *checker) urlsIn(n *ts.Node, depth int, seen map[string]bool) []urlHit {
	n = c.unwrap(n)
	if n == nil || depth > 12 {
		return nil
	}
	if p, lit, ok := c.prefix(n); ok && p != "" {
		if u, ok := plainURL(p); ok {
			return []urlHit{{u, lit}}
		}
		return nil
	}
	var out []urlHit
	switch k := c.Kind(n); {
	case k == "template_string" || k == "string":
		// `${BASE}/orders`, f"{BASE}/orders": the base comes first.
		for _, ch := range c.Named(n) {
			ch := ch
			switch c.Kind(&ch) {
			case "string_start":
				continue
			case "template_substitution":
				return c.urlsIn(c.First(&ch), depth+1, seen)
			case "interpolation":
				return c.urlsIn(syntax.Field(&ch, "expression"), depth+1, seen)
			}
			break
		}
	case k == "identifier":
		name := c.Text(n)
		if seen[name] {
			return nil
		}
		seen[name] = true
		for _, v := range c.b.decls[name] {
			out = append(out, c.urlsIn(v, depth+1, seen)...)
		}
	case c.isMember(k):
		obj, prop := c.member(n)
		if obj = c.unwrap(obj); c.Kind(obj) == "identifier" && prop != "" {
			for _, v := range c.b.decls[c.Text(obj)] {
				if val := get(c.pairs(v), prop); val != nil {
					out = append(out, c.urlsIn(val, depth+1, seen)...)
				}
			}
		}
	case k == "binary_expression" || k == "boolean_operator" || k == "binary_operator":
		switch c.Text(syntax.Field(n, "operator")) {
		case "||", "??", "or":
			out = append(out, c.urlsIn(syntax.Field(n, "left"), depth+1, seen)...)
			out = append(out, c.urlsIn(syntax.Field(n, "right"), depth+1, seen)...)
		case "+":
			out = append(out, c.urlsIn(syntax.Field(n, "left"), depth+1, seen)...)
		}
	case k == "ternary_expression" || k == "conditional_expression":
		for _, ch := range c.Named(n) {
			ch := ch
			out = append(out, c.urlsIn(&ch, depth+1, seen)...)
		}
	case k == "object" || k == "dictionary":
		for _, p := range c.pairs(n) {
			if urlKeys[p.key] {
				out = append(out, c.urlsIn(p.val, depth+1, seen)...)
			}
		}
	case k == "call_expression" || k == "call" || k == "new_expression":
		out = append(out, c.urlsInCall(n, depth, seen)...)
	}
	return out
}

// urlsInCall follows the calls that build a URL from a base: new URL(p,
// base), urljoin(base, p), fmt.Sprintf("http://…/%s", id),
// "http://…/{}".format(id).
func (c *checker) urlsInCall(n *ts.Node, depth int, seen map[string]bool) []urlHit {
	callee, args, _ := c.call(n)
	var out []urlHit
	switch last(c.dotted(callee)) {
	case "URL", "urljoin", "Sprintf", "Parse", "resolve":
		for _, a := range args {
			if a.kw == "" {
				out = append(out, c.urlsIn(a.n, depth+1, seen)...)
			}
		}
	}
	if c.Kind(callee) == "attribute" && c.Text(syntax.Field(callee, "attribute")) == "format" {
		out = append(out, c.urlsIn(syntax.Field(callee, "object"), depth+1, seen)...)
	}
	return out
}
