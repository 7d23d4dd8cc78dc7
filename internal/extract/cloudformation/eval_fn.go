package cloudformation

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
)

// sub evaluates Fn::Sub: "text ${Var}" or ["text ${Var}", {Var: value}].
// Variables clad can evaluate are interpolated. An unresolved variable of
// the template stays "${Var}"; an unresolved local variable shows its value
// ("Ref(Table)"), since its name means nothing outside the Sub.
func (e *evaluator) sub(arg *cfgtree.Node) Value {
	var tmpl string
	var vars *cfgtree.Node
	switch {
	case arg.Kind == cfgtree.Scalar:
		tmpl = arg.Value
	case arg.Kind == cfgtree.Seq && len(arg.Items) >= 1 && arg.Items[0].Kind == cfgtree.Scalar:
		tmpl = arg.Items[0].Value
		if len(arg.Items) > 1 {
			vars = arg.Items[1]
		}
	default:
		return wrap("Sub(%s)", e.Eval(arg))
	}
	cache := map[string]Value{}
	return interpolate(tmpl, func(name string) (Value, string) {
		v, ok := cache[name]
		if !ok {
			v = e.subVar(name, vars)
			cache[name] = v
		}
		if vars.Get(name) != nil {
			return v, v.Text
		}
		return v, "${" + name + "}"
	})
}

// interpolate replaces ${Name} in tmpl using lookup, which returns the
// variable's value and the text to write when it is not resolved;
// "${!Literal}" is the escape for a literal "${Literal}". A template that is
// exactly one variable returns that variable's value, so a lone
// "${Table.Arn}" keeps its reference.
func interpolate(tmpl string, lookup func(string) (Value, string)) Value {
	if strings.HasPrefix(tmpl, "${") && !strings.HasPrefix(tmpl, "${!") &&
		strings.Index(tmpl, "}") == len(tmpl)-1 && strings.Count(tmpl, "${") == 1 {
		v, _ := lookup(strings.TrimSpace(tmpl[2 : len(tmpl)-1]))
		return v
	}
	v := Value{Resolved: true}
	var b strings.Builder
	s := tmpl
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		rest := s[i+2:]
		j := strings.Index(rest, "}")
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		name := rest[:j]
		s = rest[j+1:]
		if strings.HasPrefix(name, "!") {
			b.WriteString("${" + name[1:] + "}")
			continue
		}
		val, text := lookup(strings.TrimSpace(name))
		v.absorb(val)
		if val.Resolved {
			text = val.Text
		}
		b.WriteString(text)
	}
	v.Text = b.String()
	if strings.Contains(v.Text, "{{resolve:") {
		v.Resolved, v.Unknown = false, true
	}
	return v
}

// subVar resolves one ${Name} of a Sub: its local variable, a pseudo
// parameter, a Parameter or resource (Ref), or "Res.Attr" (GetAtt).
func (e *evaluator) subVar(name string, vars *cfgtree.Node) Value {
	if v := vars.Get(name); v != nil {
		return e.Eval(v)
	}
	if strings.HasPrefix(name, "AWS::") {
		return e.ref(name)
	}
	if res, attr, ok := strings.Cut(name, "."); ok {
		return e.attr(res, attr)
	}
	return e.ref(name)
}

// args returns the items of a list argument when it has at least n of them.
func args(arg *cfgtree.Node, n int) ([]*cfgtree.Node, bool) {
	if arg == nil || arg.Kind != cfgtree.Seq || len(arg.Items) < n {
		return nil, false
	}
	return arg.Items, true
}

// join evaluates Fn::Join [delimiter, list].
func (e *evaluator) join(arg *cfgtree.Node) Value {
	items, ok := args(arg, 2)
	if !ok {
		return unknown("Join(?)")
	}
	delim := e.Eval(items[0])
	lv := e.Eval(items[1])
	if !lv.IsList || !delim.Resolved {
		r := wrap("Join("+delim.Text+", %s)", lv)
		r.absorb(delim)
		return r
	}
	v := Value{Resolved: true}
	texts := []string{}
	for _, it := range lv.Flat() {
		texts = append(texts, it.Text)
		v.absorb(it)
	}
	v.Text = strings.Join(texts, delim.Text)
	return v
}

// selectFn evaluates Fn::Select [index, list].
func (e *evaluator) selectFn(arg *cfgtree.Node) Value {
	items, ok := args(arg, 2)
	if !ok {
		return unknown("Select(?)")
	}
	iv := e.Eval(items[0])
	lv := e.Eval(items[1])
	if iv.Resolved && lv.IsList {
		flat := lv.Flat()
		if i, err := strconv.Atoi(strings.TrimSpace(iv.Text)); err == nil && i >= 0 && i < len(flat) {
			return flat[i]
		}
	}
	r := wrap("Select("+iv.Text+", %s)", lv)
	r.absorb(iv)
	r.Resolved = false
	return r
}

// split evaluates Fn::Split [delimiter, source].
func (e *evaluator) split(arg *cfgtree.Node) Value {
	items, ok := args(arg, 2)
	if !ok {
		return unknown("Split(?)")
	}
	dv := e.Eval(items[0])
	sv := e.Eval(items[1])
	if dv.Resolved && sv.Resolved && dv.Text != "" {
		return list(stringsToValues(strings.Split(sv.Text, dv.Text)))
	}
	r := wrap("Split("+dv.Text+", %s)", sv)
	r.absorb(dv)
	r.Resolved = false
	r.IsList = true
	return r
}

// findInMap evaluates Fn::FindInMap [Map, TopKey, SecondKey].
func (e *evaluator) findInMap(arg *cfgtree.Node) Value {
	items, ok := args(arg, 3)
	if !ok {
		return unknown("FindInMap(?)")
	}
	keys := make([]Value, 3)
	texts := make([]string, 3)
	resolved := true
	for i := range keys {
		keys[i] = e.Eval(items[i])
		texts[i] = keys[i].Text
		resolved = resolved && keys[i].Resolved
	}
	text := "FindInMap(" + strings.Join(texts, ", ") + ")"
	if resolved {
		if n := e.mappings.Path(texts...); n != nil {
			return e.Eval(n)
		}
	}
	// The result is some entry of the mapping, so it may be anything.
	r := unknown(text)
	for _, k := range keys {
		r.addRefs(k.Refs...)
	}
	return r
}

// ifFn evaluates Fn::If [Condition, then, else]: the chosen branch when the
// condition is decidable, else an unknown value naming both branches.
func (e *evaluator) ifFn(arg *cfgtree.Node) Value {
	items, ok := args(arg, 3)
	if !ok {
		return unknown("If(?)")
	}
	name := items[0].Str()
	if b, ok := e.condition(name); ok {
		if b {
			return e.Eval(items[1])
		}
		return e.Eval(items[2])
	}
	a, b := e.Eval(items[1]), e.Eval(items[2])
	r := unknown(fmt.Sprintf("If(%s, %s, %s)", name, branchText(a), branchText(b)))
	r.addRefs(a.Refs...)
	r.addRefs(b.Refs...)
	return r
}

func branchText(v Value) string {
	if v.NoValue {
		return "AWS::NoValue"
	}
	return v.Text
}
