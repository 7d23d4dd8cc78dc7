package iam

import "strings"

// Request parameters of JavaScript SDK calls: the resource names they
// carry and the refinements of the action set.

// paramsOf reads the resource parameters of a request object (following
// variables, spreads and nested objects) and the refinements of the
// action set (transaction item kinds, PartiQL verbs).
func (j *jsFile) paramsOf(n *node, want map[string]bool) (map[string]alts, []string) {
	out := map[string]alts{}
	var sub []string
	j.collectParams(n, want, out, &sub, 0)
	return out, sub
}

func (j *jsFile) collectParams(n *node, want map[string]bool, out map[string]alts, sub *[]string, depth int) {
	n = unwrap(j.t, j.objectNode(n))
	if n == nil || depth > 5 {
		return
	}
	switch n.kind {
	case "array":
		for _, el := range n.namedKids() {
			j.collectParams(el, want, out, sub, depth+1)
		}
		return
	case "object":
	default:
		return
	}
	for _, p := range n.namedKids() {
		switch p.kind {
		case "spread_element":
			j.collectParams(p.firstNamed(), want, out, sub, depth+1)
		case "shorthand_property_identifier":
			switch name := j.t.text(p); {
			case name == "RequestItems" && want[name]:
				j.requestItems(p, out)
			case name == "TransactItems":
				j.transactItems(p, sub)
				j.collectParams(p, want, out, sub, depth+1)
			case want[name]:
				out[name] = out[name].add(j.str(p)...)
			}
		case "pair":
			j.collectPair(p, want, out, sub, depth)
		}
	}
}

func (j *jsFile) collectPair(p *node, want map[string]bool, out map[string]alts, sub *[]string, depth int) {
	key := j.keyText(p.get("key"))
	val := p.get("value")
	switch {
	case key == "RequestItems" && want["RequestItems"]:
		j.requestItems(val, out)
	case key == "Statement":
		if s, ok := jsStringValue(j.t, unwrap(j.t, val)); ok {
			*sub = append(*sub, partiQLVerb(s))
		} else {
			*sub = append(*sub, "?")
		}
	case key == "TransactItems":
		j.transactItems(val, sub)
		j.collectParams(val, want, out, sub, depth+1)
	case want[key]:
		if v := unwrap(j.t, j.objectNode(val)); v.kindOr() == "array" {
			for _, el := range v.namedKids() {
				out[key] = out[key].add(j.str(el)...)
			}
		} else if v.kindOr() == "object" && key == "CopySource" {
			j.collectParams(v, map[string]bool{"Bucket": true}, map[string]alts{}, sub, depth+1)
			out[key] = out[key].add(j.str(j.propertyNode(v, "Bucket"))...)
		} else {
			out[key] = out[key].add(j.str(val)...)
		}
	default:
		j.collectParams(val, want, out, sub, depth+1)
	}
}

// requestItems reads the table names of a batch request ({[TABLE]: …}).
func (j *jsFile) requestItems(n *node, out map[string]alts) {
	n = unwrap(j.t, j.objectNode(n))
	if n.kindOr() != "object" {
		out["RequestItems"] = out["RequestItems"].add(unknownExpr())
		return
	}
	for _, p := range n.namedKids() {
		if p.kind != "pair" {
			out["RequestItems"] = out["RequestItems"].add(unknownExpr())
			continue
		}
		key := p.get("key")
		if key.kindOr() == "computed_property_name" {
			out["RequestItems"] = out["RequestItems"].add(j.str(key.firstNamed())...)
			continue
		}
		out["RequestItems"] = out["RequestItems"].add(litExpr(j.keyText(key)))
	}
}

// transactItems lists the item kinds of a transaction (Put, Update,
// Delete, ConditionCheck, Get); "?" when the list is built elsewhere.
func (j *jsFile) transactItems(n *node, sub *[]string) {
	n = unwrap(j.t, j.objectNode(n))
	if n.kindOr() != "array" {
		*sub = append(*sub, "?")
		return
	}
	for _, el := range n.namedKids() {
		el = unwrap(j.t, j.objectNode(el))
		if el.kindOr() != "object" {
			*sub = append(*sub, "?")
			continue
		}
		for _, p := range el.namedKids() {
			if p.kind == "pair" {
				*sub = append(*sub, j.keyText(p.get("key")))
			} else {
				*sub = append(*sub, "?")
			}
		}
	}
}

// partiQLVerb returns the first word of a PartiQL statement, upper case.
func partiQLVerb(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return "?"
	}
	return strings.ToUpper(f[0])
}
