package taint

import (
	"regexp"
	"strings"
)

// Built-in methods of values: strings, arrays, promises, Python dicts and
// strings, regular expressions. Array methods run their callbacks with
// the elements.

var strMethods = setOf("trim", "trimStart", "trimEnd", "trimLeft", "trimRight", "toLowerCase", "toUpperCase",
	"toLocaleLowerCase", "toLocaleUpperCase", "slice", "substring", "substr", "padStart", "padEnd", "repeat",
	"normalize", "charAt", "at", "toString", "valueOf", "strip", "lstrip", "rstrip", "lower", "upper", "title",
	"capitalize", "casefold", "encode", "decode", "removeprefix", "removesuffix", "zfill", "center", "ljust",
	"rjust", "swapcase", "expandtabs", "toJSON", "toFixed", "readall")

var splitMethods = setOf("split", "rsplit", "splitlines", "partition", "rpartition", "match", "matchAll", "exec", "findall")

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// valueMethod interprets a method of a non-library value.
func (in *interp) valueMethod(cc *callCtx) (*Value, bool) {
	if cc.c == nil {
		return nil, false
	}
	if _, ok := cc.c.Fn.(*Member); !ok {
		return nil, false
	}
	r := cc.recv
	if r != nil && r.flags&fExpressRes != 0 {
		return in.expressResponse(cc), true
	}
	if v, ok := in.callbackMethod(cc); ok {
		return v, true
	}
	rt := in.allTaints(cc.fr, r, cc.c)
	switch name := cc.name; {
	case strMethods[name]:
		return mapped(rt, toStr), true
	case splitMethods[name]:
		el := mapped(rt, toStr)
		if (name == "split" || name == "rsplit") && slashSep(cc.arg(0)) {
			el = mapped(rt, safeWhen(cPath, false)) // a segment holds no separator
		}
		return &Value{elem: el, flags: fList}, true
	case name == "replace" || name == "replaceAll":
		return in.replaceValue(cc, rt), true
	case name == "concat":
		return join(r, tainted(in.taintsOfArgs(cc)...)), true
	case name == "join":
		if cc.fr.mod.m.Lang == "python" { // sep.join(items)
			return mapped(append(rt, in.taintsOfArgs(cc, 0)...), joinedWith(r)), true
		}
		return mapped(rt, joinedWith(cc.arg(0))), true
	case name == "format" || name == "format_map":
		return concat(cc.fr, in, r, tainted(in.taintsOfArgs(cc)...)), true
	case name == "get" || name == "pop" || name == "setdefault" || name == "getlist" || name == "getvalue" || name == "Get" || name == "getAll":
		if r == nil {
			return nil, false
		}
		if a := cc.arg(0); a != nil && a.str != nil {
			v := in.materialize(cc.fr, in.field(cc.fr, r, *a.str), cc.c)
			if name == "getlist" || name == "getAll" {
				v = mapTaints(v, func(t *Taint) *Taint { c := *t; c.NotStr = true; return &c })
			}
			return join(v, cc.arg(1)), true
		}
		return join(in.materialize(cc.fr, in.dynField(cc.fr, r), cc.c), cc.arg(1)), true
	case name == "items" || name == "entries":
		k, v := keysOf(r), in.dynField(cc.fr, r)
		return &Value{elem: &Value{fields: map[string]*Value{"0": k, "1": v}, elem: join(k, v)}}, true
	case name == "keys":
		return &Value{elem: keysOf(r)}, true
	case name == "values":
		return &Value{elem: in.dynField(cc.fr, r)}, true
	case name == "copy" || name == "slice" || name == "reverse" || name == "sort" || name == "flat" || name == "filter" && len(cc.args) == 0:
		return r, true
	case name == "push" || name == "append" || name == "unshift" || name == "add" || name == "extend" || name == "insert" || name == "update" || name == "set" && r != nil && r.sym == "":
		if r != nil && r.flags&fFrozen == 0 && r.sym == "" {
			for _, a := range cc.args {
				r.elem = join(r.elem, a)
			}
		}
		return nil, true
	case name == "includes" || name == "indexOf" || name == "startsWith" || name == "endsWith" || name == "test" || name == "has" ||
		name == "startswith" || name == "endswith" || name == "isdigit" || name == "isalnum" || name == "count" || name == "find" && len(cc.args) > 0 && cc.arg(0) != nil && cc.arg(0).fn == nil:
		return &Value{flags: fNumber}, true
	}
	if r != nil && r.regex != "" && (cc.name == "exec" || cc.name == "match" || cc.name == "search" || cc.name == "fullmatch" || cc.name == "findall") {
		return &Value{elem: mapped(in.taintsOfArgs(cc, 0), toStr)}, true
	}
	return nil, false
}

// callbackMethod runs array and promise methods' callbacks.
func (in *interp) callbackMethod(cc *callCtx) (*Value, bool) {
	var cb *closure
	for _, a := range cc.args {
		if a != nil && a.fn != nil {
			cb = a.fn
			break
		}
	}
	if cb == nil {
		return nil, false
	}
	r := cc.recv
	call := func(args ...*Value) *Value {
		return in.invoke(cc.fr, cb, nil, args, nil, cc.c).ret
	}
	switch cc.name {
	case "forEach", "each":
		call(in.elemOf(r), nil, r)
		return nil, true
	case "map", "flatMap":
		return &Value{elem: call(in.elemOf(r), nil, r)}, true
	case "filter", "sort", "find", "findLast", "some", "every", "findIndex":
		call(in.elemOf(r), in.elemOf(r), r)
		if cc.name == "find" || cc.name == "findLast" {
			return in.elemOf(r), true
		}
		if cc.name == "filter" || cc.name == "sort" {
			return r, true
		}
		return &Value{flags: fNumber}, true
	case "reduce", "reduceRight":
		init := cc.arg(1)
		return join(init, call(init, in.elemOf(r), nil, r)), true
	case "then":
		v := call(r)
		if len(cc.args) > 1 && cc.args[1] != nil && cc.args[1].fn != nil {
			in.invoke(cc.fr, cc.args[1].fn, nil, nil, nil, cc.c)
		}
		return v, true
	case "catch":
		return join(r, call(nil)), true
	case "finally":
		call()
		return r, true
	}
	return nil, false
}

// replaceValue models str.replace(pattern, replacement): taint stays
// unless the pattern removes every character outside a safe alphabet, or
// it encodes '<' (an HTML escape chain).
func (in *interp) replaceValue(cc *callCtx, rt []*Taint) *Value {
	pat, rep := cc.arg(0), cc.arg(1)
	out := mapped(rt, toStr)
	if pat == nil {
		return out
	}
	if fullStrip(pat.regex, rep) {
		return nil
	}
	if removesSlashes(cc, pat, rep) {
		return mapped(rt, safeWhen(cPath, true))
	}
	if escapesRegex(pat, rep) {
		return mapped(rt, safeWhen(cRegex, true))
	}
	if strings.Contains(pat.regex+strOf(pat), "<") && rep != nil && rep.str != nil && strings.HasPrefix(*rep.str, "&") {
		return mapped(rt, safeWhen(cHTML, true))
	}
	if rep.isTainted() {
		out = join(out, tainted(in.allTaints(cc.fr, rep, cc.c)...))
	}
	return out
}

// slashSep reports whether a split separator is the path separator.
func slashSep(sep *Value) bool {
	return sep != nil && (strOf(sep) == "/" || sep.regex == "/\\//")
}

// joinedWith returns what joining segments with sep gives: a string, no
// longer free of path separators when sep holds one (a.split('/') …
// .join('/') rebuilds a path).
func joinedWith(sep *Value) func(*Taint) *Taint {
	slash := sep == nil || sep.str == nil || strings.ContainsAny(*sep.str, "/\\")
	return func(t *Taint) *Taint {
		c := t.asString()
		if slash && c.Safe&cPath != 0 {
			d := *c
			d.Safe &^= cPath
			return &d
		}
		return c
	}
}

// slashRes are the patterns that match every path separator.
var slashRes = setOf(`/\//g`, `/\/+/g`, `/[\/\\]/g`, `/[/\\]/g`, `/[\\/]/g`, `/[\/\\]+/g`, `/[/\\]+/g`)

// removesSlashes reports whether replace removes or replaces every '/'
// (Python's str.replace and JavaScript's replaceAll replace them all, a
// JavaScript regex needs the g flag) with text holding none.
func removesSlashes(cc *callCtx, pat, rep *Value) bool {
	if rep == nil || rep.str == nil || strings.ContainsAny(*rep.str, "/\\.") {
		return false
	}
	if slashRes[pat.regex] {
		return true
	}
	return strOf(pat) == "/" && (cc.name == "replaceAll" || cc.fr.mod.m.Lang == "python")
}

// escapesRegex reports the regex-escaping idiom: every metacharacter of a
// global character class prefixed with a backslash (replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).
func escapesRegex(pat, rep *Value) bool {
	if rep == nil || rep.str == nil || *rep.str != `\$&` {
		return false
	}
	re := pat.regex
	if !strings.HasPrefix(re, "/[") || !strings.HasSuffix(re, "]/g") {
		return false
	}
	for _, meta := range []string{".", "*", "+", "?", "(", "[", "|"} {
		if !strings.Contains(re, meta) {
			return false
		}
	}
	return true
}

func strOf(v *Value) string {
	if v == nil || v.str == nil {
		return ""
	}
	return *v.str
}

var stripClass = regexp.MustCompile(`^\[\^(?:a-z|A-Z|0-9|\\w|\\d|_|-| )+\]\+?$`)

// fullStrip reports whether replace(/[^a-z0-9]/g, ”) style stripping
// leaves only letters, digits, '_' and '-'.
func fullStrip(re string, rep *Value) bool {
	if rep == nil || rep.str == nil || *rep.str != "" {
		return false
	}
	pat := re
	if strings.HasPrefix(pat, "/") {
		i := strings.LastIndex(pat, "/")
		if i <= 0 || !strings.Contains(pat[i:], "g") {
			return false
		}
		pat = pat[1:i]
	}
	return stripClass.MatchString(pat)
}

// expressResponse models res.status(…).send(…) and friends.
func (in *interp) expressResponse(cc *callCtx) *Value {
	r := cc.recv
	switch cc.name {
	case "send", "write", "end":
		if r.str == nil || strings.Contains(*r.str, "html") {
			in.hit(cc, RuleXSS, cc.arg(0), cc.argX(0), "res."+cc.name, nil)
		}
	case "redirect":
		i := 0
		if len(cc.args) > 1 {
			i = 1
		}
		in.hit(cc, RuleRedirect, cc.arg(i), cc.argX(i), "res.redirect", nil)
	case "sendFile", "download":
		in.hit(cc, RulePath, cc.arg(0), cc.argX(0), "res."+cc.name, nil)
	case "type", "contentType":
		if a := cc.arg(0); a != nil && a.str != nil {
			c := copyOf(r)
			c.str = a.str
			return c
		}
	case "set", "header", "setHeader":
		if a := cc.arg(0); a != nil && a.str != nil {
			switch strings.ToLower(*a.str) {
			case "content-type":
				if b := cc.arg(1); b != nil && b.str != nil {
					c := copyOf(r)
					c.str = b.str
					return c
				}
			case "location":
				in.hit(cc, RuleRedirect, cc.arg(1), cc.argX(1), "the Location header", nil)
			}
		}
	case "json", "jsonp", "sendStatus", "render":
		return nil
	}
	return r
}
