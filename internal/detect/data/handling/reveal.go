package handling

import (
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/source/syntax"
)

// reveal says what sensitive data an expression handed to a logger
// shows: "the whole event", "the request headers", "the whole
// environment", or the name of a secret-looking value ("password",
// "event.headers.Authorization"). It follows the wrappers that print
// their argument as it is (JSON.stringify, util.inspect, json.dumps,
// str, fmt.Sprintf, zap.Any…), templates, concatenation and object
// literals, and stops at any other call, which may redact.
func (c *checker) reveal(n *ts.Node, depth int) []string {
	n = c.unwrap(n)
	if n == nil || depth > maxDepth/2 {
		return nil
	}
	switch k := c.Kind(n); {
	case k == "identifier" || k == "shorthand_property_identifier":
		return c.revealName(c.Text(n), depth)
	case c.isMember(k):
		return c.revealMember(n)
	case k == "call_expression" || k == "call":
		return c.revealCall(n, depth)
	case k == "template_string" || k == "string":
		return c.revealTemplate(n, depth)
	case k == "binary_expression" || k == "binary_operator" || k == "boolean_operator":
		return c.revealBinary(n, depth)
	case k == "object" || k == "dictionary" || k == "composite_literal":
		return c.revealPairs(n, depth)
	case k == "ternary_expression" || k == "conditional_expression":
		var out []string
		for i, ch := range c.Named(n) {
			if (k == "ternary_expression" && i == 0) || (k == "conditional_expression" && i == 1) {
				continue // the condition
			}
			out = append(out, c.reveal(&ch, depth+1)...)
		}
		return out
	case k == "spread_element" || k == "list_splat" || k == "dictionary_splat" || k == "array" || k == "list" ||
		k == "tuple" || k == "expression_list" || k == "literal_value" || k == "literal_element" || k == "pair":
		var out []string
		for _, ch := range c.Named(n) {
			out = append(out, c.reveal(&ch, depth+1)...)
		}
		return out
	}
	return nil
}

// revealName classifies a bare name: a whole request object, a secret by
// its name, or a local copy of a whole object (const body =
// JSON.stringify(event)).
func (c *checker) revealName(name string, depth int) []string {
	if c.isWhole(name) {
		if w := wholeObjects[name]; w != "" {
			return []string{w}
		}
		return []string{"the whole invocation context"}
	}
	if sensitiveName(name) {
		return []string{name}
	}
	if depth > 6 {
		return nil
	}
	if r, ok := c.aliases[name]; ok {
		return r // computed, or being computed (a cycle)
	}
	c.aliases[name] = nil
	for _, v := range c.b.decls[name] {
		for _, r := range c.reveal(v, depth+4) {
			if strings.HasPrefix(r, "the ") {
				c.aliases[name] = []string{r}
				return c.aliases[name]
			}
		}
	}
	return nil
}

// isWhole reports a name handlers give the incoming event, request or
// context (a parameter): a name the file assigns itself (const headers =
// {...}, request = s3.getObject()) is followed through its value instead.
func (c *checker) isWhole(name string) bool {
	if wholeObjects[name] == "" && (name != "context" || c.lang == source.Go) {
		return false
	}
	return len(c.b.decls[name]) == 0
}

// revealMember classifies a property access: process.env / os.environ,
// event.headers, event.body, req.Header, or a property named like a
// secret (req.headers.authorization, user.password).
func (c *checker) revealMember(n *ts.Node) []string {
	d := c.dotted(n)
	if d == "process.env" || c.b.resolve(d) == "os.environ" {
		return []string{"the whole environment (" + d + ")"}
	}
	obj, prop := c.member(n)
	obj = c.unwrap(obj)
	if c.Kind(obj) == "identifier" {
		base := c.Text(obj)
		if c.isWhole(base) {
			if p := requestParts[prop]; p != "" {
				return []string{p}
			}
			if base == "context" && prop == "req" {
				return []string{"the whole request"}
			}
		}
	}
	if prop != "" && sensitiveName(prop) {
		if d == "" {
			d = c.snippet(n)
		}
		return []string{d}
	}
	return nil
}

// jsWrappers, pyWrappers and goWrappers print their arguments as they are.
var jsWrappers = set("JSON.stringify", "util.inspect", "util.format", "String", "Object.assign", "Object.entries",
	"Object.values", "structuredClone", "inspect", "format")
var pyWrappers = set("str", "repr", "json.dumps", "dict", "list", "tuple", "vars", "pformat", "pprint.pformat", "format")
var goWrappers = set("fmt.Sprintf", "fmt.Sprint", "fmt.Sprintln", "string", "zap.Any", "zap.String", "zap.Reflect",
	"zap.Object", "zap.Stringer", "zap.ByteString", "zap.Binary", "slog.Any", "slog.String", "slog.Group",
	"json.Marshal", "json.MarshalIndent", "logrus.Fields")

// revealCall follows wrappers and recognises the whole environment
// (os.Environ(), os.environ.copy()).
func (c *checker) revealCall(n *ts.Node, depth int) []string {
	callee, args, _ := c.call(n)
	d := c.dotted(callee)
	r := c.b.resolve(d)
	switch {
	case r == "os.Environ" || r == "os.environ.copy":
		return []string{"the whole environment (" + d + ")"}
	case c.lang.IsJS() && jsWrappers[d], c.lang == source.Python && pyWrappers[d], c.lang == source.Go && goWrappers[d]:
		return c.revealArgs(args, depth)
	}
	if obj, prop := c.member(c.unwrap(callee)); prop == "toString" || prop == "format" && c.lang == source.Python {
		out := c.reveal(obj, depth+1)
		return append(out, c.revealArgs(args, depth)...)
	}
	return nil
}

// revealTemplate looks into template and f-string substitutions; a
// substitution after a label ("token=${t}") is revealed by the label.
func (c *checker) revealTemplate(n *ts.Node, depth int) []string {
	var out []string
	prev := ""
	for _, ch := range c.Named(n) {
		ch := ch
		switch c.Kind(&ch) {
		case "template_substitution", "interpolation":
			e := c.First(&ch)
			if f := syntax.Field(&ch, "expression"); f != nil {
				e = f
			}
			r := c.reveal(e, depth+1)
			if len(r) == 0 && labelBefore(prev) && c.opaque(e) {
				r = []string{labelWord(prev)}
			}
			out = append(out, r...)
			prev = ""
		default:
			prev += c.Text(&ch)
		}
	}
	return out
}

// revealBinary follows concatenation, %-formatting and defaults.
func (c *checker) revealBinary(n *ts.Node, depth int) []string {
	switch c.Text(syntax.Field(n, "operator")) {
	case "+", "%", "||", "??", "or":
	default:
		return nil
	}
	left, right := syntax.Field(n, "left"), syntax.Field(n, "right")
	out := append(c.reveal(left, depth+1), c.reveal(right, depth+1)...)
	if s, ok := c.str(left); ok && len(out) == 0 && labelBefore(s) && c.opaque(right) {
		out = []string{labelWord(s)}
	}
	return out
}

// revealPairs looks at an object literal's values; a value under a
// secret-looking key is revealed by the key unless it is a literal or a
// call (which may mask it).
func (c *checker) revealPairs(n *ts.Node, depth int) []string {
	var out []string
	for _, p := range c.pairs(n) {
		r := c.reveal(p.val, depth+1)
		if len(r) == 0 && p.key != "" && sensitiveName(p.key) && c.opaque(p.val) {
			r = []string{p.key}
		}
		out = append(out, r...)
	}
	if c.Kind(c.unwrap(n)) == "object" {
		for _, ch := range c.Named(c.unwrap(n)) {
			if c.Kind(&ch) == "spread_element" {
				out = append(out, c.reveal(&ch, depth+1)...)
			}
		}
	}
	return out
}

// labelBefore reports text that ends with a sensitive label and a colon
// or equals sign: "token=", "Authorization: ".
func labelBefore(s string) bool {
	t := strings.TrimRight(s, " \t")
	if !strings.HasSuffix(t, ":") && !strings.HasSuffix(t, "=") {
		return false
	}
	w := labelWord(s)
	return w != "" && sensitiveName(w)
}

// labelWord returns the word before the trailing colon or equals sign.
func labelWord(s string) string {
	t := strings.TrimRight(strings.TrimRight(s, " \t"), ":=")
	fs := strings.Fields(t)
	if len(fs) == 0 {
		return ""
	}
	return strings.Trim(fs[len(fs)-1], "\"'`([{,;")
}
