package iam

import (
	"regexp"
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// Resources as ARN patterns. A pattern is written in CloudFormation Fn::Sub
// syntax: ${AWS::Region} and ${AWS::AccountId} for the stack's region and
// account, ${Logical} for a Ref and ${Logical.Attr} for a GetAtt of a
// resource the manifest defines. "*" is any resource.

const (
	regionAccount = "${AWS::Region}:${AWS::AccountId}"
	anyResource   = "*"
)

// bindKind says what a string found in code turned out to be for one
// function.
type bindKind int

const (
	bindUnknown bindKind = iota
	bindLiteral          // a literal value
	bindPattern          // a literal with unknown pieces ("orders-*")
	bindRef              // a CloudFormation Ref or GetAtt
)

// bound is an expr bound to a function's environment.
type bound struct {
	kind bindKind
	text string // literal or pattern
	id   string // logical id (bindRef)
	attr string // GetAtt attribute ("" for Ref)
	note string // why the value is unknown
}

var (
	refRe    = regexp.MustCompile(`^Ref\(([A-Za-z0-9]+)\)$`)
	getAttRe = regexp.MustCompile(`^GetAtt\(([A-Za-z0-9]+)\.([A-Za-z0-9.]+)\)$`)
)

// parseRef reads the model's "Ref(X)" / "GetAtt(X.Attr)" texts.
func parseRef(s string) (id, attr string, ok bool) {
	if m := refRe.FindStringSubmatch(s); m != nil {
		return m[1], "", true
	}
	if m := getAttRe.FindStringSubmatch(s); m != nil {
		return m[1], m[2], true
	}
	return "", "", false
}

// bindAlts binds the alternatives of a parameter: the non-fallback ones
// that resolve, else the fallbacks.
func bindAlts(fn *model.Function, a alts) []bound {
	var main, fb []bound
	for _, e := range a {
		for _, b := range bindExpr(fn, e) {
			if e.fallback {
				fb = append(fb, b)
			} else {
				main = append(main, b)
			}
		}
	}
	var known []bound
	for _, b := range main {
		if b.kind != bindUnknown {
			known = append(known, b)
		}
	}
	switch {
	case len(known) > 0 && len(known) == len(main):
		return dedupBound(known)
	case len(fb) > 0 && len(known) == 0:
		return dedupBound(fb)
	case len(main) > 0:
		return dedupBound(main)
	}
	return []bound{{kind: bindUnknown, note: "not found in the request"}}
}

func dedupBound(in []bound) []bound {
	seen := map[bound]bool{}
	var out []bound
	for _, b := range in {
		if !seen[b] {
			seen[b] = true
			out = append(out, b)
		}
	}
	return out
}

// bindExpr binds one expr: environment variables take the function's
// values, the S3 event bucket the function's S3 trigger buckets.
func bindExpr(fn *model.Function, e expr) []bound {
	if len(e.parts) == 1 {
		if b, ok := bindWhole(fn, e.parts[0]); ok {
			return b
		}
	}
	var text strings.Builder
	lits, unknowns := 0, 0
	note := ""
	for _, p := range e.parts {
		v, ok, why := partText(fn, p)
		if !ok {
			unknowns++
			text.WriteString("*")
			if note == "" {
				note = why
			}
			continue
		}
		lits += len(v)
		text.WriteString(v)
	}
	switch {
	case unknowns == 0:
		return []bound{{kind: bindLiteral, text: text.String()}}
	case lits >= 3:
		return []bound{{kind: bindPattern, text: collapseStars(text.String()), note: note}}
	}
	return []bound{{kind: bindUnknown, note: note}}
}

// bindWhole handles a value that is one environment variable holding a
// reference, or the S3 event bucket.
func bindWhole(fn *model.Function, p part) ([]bound, bool) {
	switch p.kind {
	case partEnv:
		ev := envVar(fn, p.text)
		if ev == nil || ev.Resolved {
			return nil, false
		}
		if id, attr, ok := parseRef(ev.Value); ok {
			return []bound{{kind: bindRef, id: id, attr: attr}}, true
		}
		return []bound{{kind: bindUnknown, note: "environment variable " + p.text + " is " + ev.Value}}, true
	case partS3Event:
		var out []bound
		for _, tr := range fn.Triggers {
			if tr.Type != "s3" || tr.Details["bucket"] == "" {
				continue
			}
			b := tr.Details["bucket"]
			if id, attr, ok := parseRef(b); ok {
				out = append(out, bound{kind: bindRef, id: id, attr: attr})
			} else if !strings.ContainsAny(b, "${}()") {
				out = append(out, bound{kind: bindLiteral, text: b})
			}
		}
		if len(out) == 0 {
			return []bound{{kind: bindUnknown, note: "the bucket comes from the S3 event and the function has no S3 trigger clad can read"}}, true
		}
		return out, true
	}
	return nil, false
}

// partText returns the literal text of a part for fn.
func partText(fn *model.Function, p part) (string, bool, string) {
	switch p.kind {
	case partLit:
		return p.text, true, ""
	case partEnv:
		ev := envVar(fn, p.text)
		switch {
		case ev == nil:
			return "", false, "environment variable " + p.text + " is not set on the function"
		case !ev.Resolved:
			return "", false, "environment variable " + p.text + " is " + ev.Value
		}
		return ev.Value, true, ""
	case partS3Event:
		return "", false, "the bucket comes from the S3 event"
	}
	return "", false, "computed at run time"
}

func envVar(fn *model.Function, name string) *model.EnvVar {
	for i := range fn.Environment {
		if fn.Environment[i].Name == name {
			return &fn.Environment[i]
		}
	}
	return nil
}

func collapseStars(s string) string {
	for strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "*")
	}
	return s
}

// resolved is one resource an action needs, for one function.
type resolved struct {
	arn   string
	known bool
	note  string
}

// roleFamily maps a resource role to the manifest resource family whose
// names it takes.
var roleFamily = map[string]string{
	"table": "table", "index": "table", "tables": "table", "stream": "table",
	"bucket": "bucket", "object": "bucket", "source": "bucket",
	"queue": "queue", "topic": "topic", "newtopic": "topic", "function": "function",
	"secret": "secret", "newsecret": "secret", "secrets": "secret", "parameter": "parameter", "path": "parameter",
	"bus": "bus", "rule": "", "statemachine": "statemachine", "delivery": "delivery",
}

// resourcesFor binds the resources of one action of a call.
func (a *Analyzer) resourcesFor(fn *model.Function, c *rawCall, role string) []resolved {
	if role == "*" || c.svc == nil {
		return []resolved{{arn: anyResource, known: role == "*"}}
	}
	var name string
	var vals alts
	for _, p := range c.svc.params[role] {
		if v, ok := c.params[p]; ok && len(v) > 0 {
			name, vals = p, v
			break
		}
	}
	if vals == nil {
		return defaultResource(c, role)
	}
	idx := a.index(fn.Manifest)
	var out []resolved
	for _, b := range bindAlts(fn, vals) {
		for _, arn := range arnsFor(c, role, name, b, idx) {
			out = append(out, resolved{arn: arn, known: arn != anyResource, note: b.note})
		}
	}
	if len(out) == 0 {
		return []resolved{{arn: anyResource}}
	}
	return out
}

// defaultResource is the resource of a request that names none.
func defaultResource(c *rawCall, role string) []resolved {
	if c.svc.key == "events" && role == "bus" {
		return []resolved{{arn: "arn:aws:events:" + regionAccount + ":event-bus/default", known: true}}
	}
	param := strings.Join(c.svc.params[role], "/")
	return []resolved{{arn: anyResource, note: "the request's " + param + " could not be read"}}
}
