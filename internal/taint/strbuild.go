package taint

import "strings"

// String and list building: concatenation keeps the taints of both sides
// and the known text (for SQL detection and URL origins).

// prefixText returns the known text of a string value, with \x00 for an
// unknown (untainted) part; "" when nothing is known.
func (v *Value) prefixText() string {
	if v == nil {
		return "\x00"
	}
	if v.str != nil {
		return *v.str
	}
	if v.prefix != "" {
		return v.prefix
	}
	return "\x00"
}

// concat is string building: the result carries both sides' taints as
// strings. A taint appended after a fixed URL origin ("https://host/…" or
// an untainted base followed by a path) cannot choose the host: it is safe
// for SSRF and open redirects.
func concat(fr *frame, in *interp, l, r *Value) *Value {
	lt := in.allTaints(fr, l, nil)
	rt := in.allTaints(fr, r, nil)
	if len(lt) == 0 && len(rt) == 0 {
		if l != nil && r != nil && l.str != nil && r.str != nil && len(*l.str)+len(*r.str) < 4096 {
			return strVal(*l.str + *r.str)
		}
		s := l.prefixText() + r.prefixText()
		if len(s) > 512 {
			s = s[:512]
		}
		return (&Value{}).withPrefix(s)
	}
	text := l.textOf() + r.textOf()
	if len(text) > 512 {
		text = text[:512]
	}
	fixed := false
	if len(lt) == 0 {
		fixed = originFixed(l.prefixText())
	} else {
		fixed = true
		for _, t := range lt {
			if t.Safe&cURL == 0 {
				fixed = false
			}
		}
	}
	out := make([]*Taint, 0, len(lt)+len(rt))
	for _, t := range lt {
		out = append(out, t.asString())
	}
	for _, t := range rt {
		t = t.asString()
		if fixed {
			t = t.safeFor(cURL | cRedirect)
		}
		out = append(out, t)
	}
	v := tainted(out...)
	v.prefix = text
	return v
}

// textOf is the known text of a string, \x01 standing for a tainted part
// and \x00 for an unknown one.
func (v *Value) textOf() string {
	switch {
	case v == nil:
		return "\x00"
	case v.str != nil:
		return *v.str
	case v.prefix != "":
		return v.prefix
	case v.isTainted() || len(v.taints) > 0:
		return "\x01"
	}
	return "\x00"
}

// withPrefix records the known text of an untainted string built here.
func (v *Value) withPrefix(s string) *Value {
	if !strings.Contains(s, "\x00") {
		v.str = &s
		return v
	}
	v.prefix = s
	return v
}

// originFixed reports whether text (with \x00 for unknown untainted parts)
// already fixes a URL's scheme and host, so what follows is path or query.
func originFixed(text string) bool {
	if strings.Contains(text, "\x00") {
		return true
	}
	rest := text
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	} else if strings.HasPrefix(rest, "//") {
		rest = rest[2:]
	} else if rest != "" && !strings.HasPrefix(rest, "/") {
		return false
	}
	if strings.HasPrefix(text, "/") && !strings.HasPrefix(text, "//") {
		return true
	}
	return strings.ContainsAny(rest, "/?#")
}

// isList reports whether a value is known to be a list or array.
func isList(v *Value) bool { return v != nil && v.flags&fList != 0 }

// listConcat is Python's list + list: the left list's positions stay.
func listConcat(l, r *Value) *Value {
	out := &Value{fields: map[string]*Value{}, flags: fList}
	if l != nil {
		for k, f := range l.fields {
			out.fields[k] = f
		}
		out.elem = l.elem
		out.taints = l.taints
	}
	if r != nil {
		out.elem = join(out.elem, r.elem)
		for _, f := range r.fields {
			out.elem = join(out.elem, f)
		}
		out.taints = capTaints(append(out.taints, r.taints...))
	}
	return out
}
