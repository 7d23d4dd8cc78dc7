package taint

import (
	"strings"

	"github.com/cladsec/clad/internal/finding"
)

// hit reports rule at the call when v carries a taint the rule's class
// has not been made safe for. keep filters the taints that count.
func (in *interp) hit(cc *callCtx, rule string, v *Value, x Expr, sink string, keep func(*Taint) bool) bool {
	return in.hitAt(cc.fr, cc.c, rule, v, x, sink, keep)
}

func (in *interp) hitAt(fr *frame, site Expr, rule string, v *Value, x Expr, sink string, keep func(*Taint) bool) bool {
	if v == nil || fr == nil || fr.mod == nil {
		return false
	}
	cls := classOf[rule]
	for _, t := range in.allTaints(fr, v, x) {
		if t.Safe&cls != 0 || keep != nil && !keep(t) {
			continue
		}
		in.reportTaint(fr, site, rule, t, sink, "")
		return true
	}
	return false
}

// reportTaint records a taint issue: the trace is the taint's steps and
// the sink.
func (in *interp) reportTaint(fr *frame, site Expr, rule string, t *Taint, sink, detail string) {
	is := &Issue{
		Rule: rule, File: fr.mod.m.Path, Sink: sink, Source: t.Kind, SourceDesc: t.Desc,
		Func: frameName(fr), Evidence: in.snippet(fr, site), Detail: detail,
	}
	if site != nil {
		is.Line = site.pos().Line
	}
	is.Trace = append(append([]finding.Step(nil), t.Steps...), finding.Step{File: is.File, Line: is.Line, Note: "reaches " + sink})
	if rule == RulePath {
		if b := builtStep(t); b != nil {
			is.File, is.Line = b.File, b.Line
			if m := in.e.files[b.File]; m != nil {
				is.Evidence = lineText(m.Src, b.Line)
			}
		}
	}
	is.Key = strings.Join([]string{rule, is.File, is.Func, sink, is.Evidence, t.Kind}, "|")
	in.report(is)
}

// builtStep returns the last step where the path was built from the
// value (path.join…), the place a path-traversal finding points at.
func builtStep(t *Taint) *finding.Step {
	for i := len(t.Steps) - 1; i >= 0; i-- {
		if strings.HasPrefix(t.Steps[i].Note, "path built by ") {
			return &t.Steps[i]
		}
	}
	return nil
}

// frameName names the code function a frame runs.
func frameName(fr *frame) string {
	if fr.fn == nil {
		return "<module>"
	}
	if fr.fn.Name != "" {
		return fr.fn.Name
	}
	return "<anonymous>"
}

// checkSinks looks the call up in every language's sink models.
func (in *interp) checkSinks(cc *callCtx) {
	switch {
	case cc.fr.mod.m.Lang.IsJS():
		in.jsSinks(cc)
	case cc.fr.mod.m.Lang == "python":
		in.pySinks(cc)
	case cc.fr.mod.m.Lang == "go":
		in.goSinks(cc)
	}
	in.dynamoSinks(cc)
	in.dataAPISinks(cc)
	in.jwtCall(cc)
}

// dynamoSinks: DynamoDB expressions (FilterExpression, …) or PartiQL
// statements built from input, in any call's parameter object or keywords.
func (in *interp) dynamoSinks(cc *callCtx) {
	check := func(v *Value, fields map[string]*Value, x Expr) {
		for _, k := range []string{"FilterExpression", "KeyConditionExpression", "UpdateExpression", "ConditionExpression", "ProjectionExpression", "Statement"} {
			f, ok := fields[k]
			if !ok || f == nil {
				continue
			}
			if k == "Statement" && !strings.Contains(strings.ToLower(cc.q+cc.name), "statement") && !strings.Contains(cc.q, "ynamo") {
				continue
			}
			var site Expr = cc.c
			if v != nil && v.at != nil && v.at.file == cc.fr.mod.m.Path {
				if n, ok := v.at.prop[k]; ok {
					site = &Lit{Node: n}
				}
			}
			if in.hitAt(cc.fr, site, RuleNoSQL, f, x, "DynamoDB "+k, nil) {
				return
			}
		}
	}
	for i, a := range cc.args {
		if a != nil && a.at != nil && a.fields != nil {
			check(a, a.fields, cc.argX(i))
		}
	}
	if cc.kw != nil {
		check(nil, cc.kw, cc.c)
	}
}

// checkResponse looks at a value handed back as an HTTP response: an
// HTML body built from input is XSS, a Location header from input an open
// redirect. at is where it was handed back (nil: the handler's return).
func (in *interp) checkResponse(fr *frame, v *Value, at Expr) {
	if v == nil || v.fields == nil || fr == nil || fr.mod == nil {
		return
	}
	headers := fieldFold(v, "headers")
	ctype, location := "", (*Value)(nil)
	if headers != nil {
		for k, h := range headers.fields {
			switch strings.ToLower(k) {
			case "content-type":
				if h != nil && h.str != nil {
					ctype = strings.ToLower(*h.str)
				}
			case "location":
				location = h
			}
		}
	}
	sfr, site := in.siteOf(fr, v, at, "body")
	if body := fieldFold(v, "body"); body != nil && strings.Contains(ctype, "html") {
		in.hitAt(sfr, site, RuleXSS, body, site, "an HTML response body", nil)
	}
	if location != nil {
		lfr, lsite := in.siteOf(fr, v, at, "headers")
		in.hitAt(lfr, lsite, RuleRedirect, location, lsite, "the Location header", nil)
	}
}

// siteOf returns where a response's property was written: the object
// literal's property when the response was built as one (maybe in a
// helper of another file), else where it was handed back.
func (in *interp) siteOf(fr *frame, v *Value, at Expr, prop string) (*frame, Expr) {
	if v.at != nil {
		n := v.at.node
		if p, ok := v.at.prop[prop]; ok {
			n = p
		}
		if v.at.file == fr.mod.m.Path {
			return fr, &Lit{Node: n}
		}
		if m := in.e.files[v.at.file]; m != nil {
			return &frame{mod: &modState{m: m}, fn: fr.fn}, &Lit{Node: n}
		}
	}
	if at != nil {
		return fr, at
	}
	if fr.fn != nil {
		return fr, &Lit{Node: Node{Line: fr.fn.Line}}
	}
	return fr, &Lit{}
}

// fieldFold reads a property whatever its case (body, Body).
func fieldFold(v *Value, name string) *Value {
	if f, ok := v.fields[name]; ok {
		return f
	}
	for k, f := range v.fields {
		if strings.EqualFold(k, name) {
			return f
		}
	}
	return nil
}
