package calls

import (
	"path"
	"regexp"
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/source/syntax"
)

// objRef is an object literal (JavaScript) or a dict display (Python)
// with the evaluator of its file.
type objRef struct {
	js   *jsEval
	py   *pyEval
	node *ts.Node
}

// property evaluates the value of key ("" when absent). Keys compare
// case-insensitively: HTTP header names do.
func (o *objRef) property(key string) val {
	if o == nil || o.node == nil {
		return unknown
	}
	if o.py != nil {
		return o.py.dictItem(o.node, key)
	}
	e := o.js
	var spreads []*ts.Node
	for _, c := range e.p.doc.Named(o.node) {
		c := c
		switch e.kind(&c) {
		case "pair":
			k := syntax.Field(&c, "key")
			name := e.p.doc.JSStringOrText(k)
			if e.kind(k) == "computed_property_name" {
				name = e.key(e.p.doc.First(k))
			}
			if strings.EqualFold(name, key) {
				return e.eval(syntax.Field(&c, "value"))
			}
		case "shorthand_property_identifier":
			if strings.EqualFold(e.text(&c), key) {
				return e.lookup(&c)
			}
		case "spread_element":
			spreads = append(spreads, e.p.doc.First(&c))
		}
	}
	for _, s := range spreads {
		if v := e.member(e.eval(s), key); v.kind != vUnknown {
			return v
		}
	}
	return unknown
}

// envStr is the value of an environment variable of the function.
func envStr(fn *model.Function, name string) str {
	if name == "*" || name == "" {
		return hole()
	}
	for _, ev := range fn.Environment {
		if ev.Name != name {
			continue
		}
		o := Origin{Kind: OriginEnv, Name: name, File: ev.Source.File, Line: ev.Source.Line, Resolved: ev.Resolved, Setting: ev.Origin}
		if ev.Resolved {
			return from(ev.Value, o)
		}
		return from(partial(ev.Value), o)
	}
	return from("*", Origin{Kind: OriginEnv, Name: name})
}

// references are the pieces of an unresolved manifest value clad keeps as
// written: Ref(X), GetAtt(X.Y), ${ssm:...}, ${self:...}.
var references = regexp.MustCompile(`Ref\([^()]*\)|GetAtt\([^()]*\)|\$\{[^{}]*\}`)

// partial keeps the literal text of an unresolved value around its
// references: "https://Ref(Api).execute-api.eu-west-1.amazonaws.com/dev"
// becomes "https://*.execute-api.eu-west-1.amazonaws.com/dev". A value
// that is nothing but references is unknown.
func partial(v string) string {
	out := collapse(references.ReplaceAllString(v, "*"))
	if strings.Count(out, "*") > 0 && len(strings.ReplaceAll(out, "*", "")) < 3 {
		return "*"
	}
	return out
}

// configFile is the config file a program opens by path p, relative to
// the file's directory or the function's code directory.
func (w *world) configFile(p, dir, codeDir string) val {
	if !isConfigFile(p) {
		return unknown
	}
	for _, base := range []string{dir, codeDir, "."} {
		cand := path.Clean(path.Join(base, p))
		if strings.HasPrefix(p, "/") {
			cand = strings.TrimPrefix(path.Clean(p), "/")
		}
		if w.tree != nil && w.tree.Exists(cand) {
			return w.configVal(cand)
		}
	}
	return unknown
}

// httpPackages are the HTTP client packages and modules whose calls send
// requests.
var httpPackages = map[string]bool{
	"node-fetch": true, "cross-fetch": true, "isomorphic-fetch": true, "isomorphic-unfetch": true,
	"undici": true, "axios": true, "got": true, "request": true, "request-promise": true,
	"request-promise-native": true, "needle": true, "superagent": true, "ky": true, "phin": true,
	"http": true, "https": true, "fetch": true,
	// Python
	"requests": true, "httpx": true, "urllib.request": true, "urllib3": true, "aiohttp": true,
}

// httpPackage reports an HTTP client package (by its import name).
func httpPackage(name string) bool { return httpPackages[name] }
