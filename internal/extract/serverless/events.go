package serverless

import (
	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// details collects the facts of one trigger as strings.
type details struct {
	rd      renderer
	m       map[string]string
	unknown bool // some fact could be anything (see certainty)
}

// set records the text of n under key and returns it.
func (d *details) set(key string, n *cfgtree.Node) string {
	if !isSet(n) {
		return ""
	}
	v, c := d.rd.render(n) // lists read "a, b"
	d.unknown = d.unknown || !c.known()
	d.put(key, v)
	return v
}

// list renders the items of a list.
func (d *details) list(n *cfgtree.Node) []string {
	var out []string
	for _, it := range n.Items {
		v, _ := d.rd.render(it)
		out = append(out, v)
	}
	return out
}

// put records a fact unless it is empty.
func (d *details) put(key, v string) {
	if v != "" {
		d.m[key] = v
	}
}

// isShort reports whether an event uses its one-value form (- sqs: arn)
// rather than a map of settings.
func isShort(v *cfgtree.Node) bool {
	return v != nil && (v.Kind != cfgtree.Map || isIntrinsic(v))
}

// triggers reads the function's events, and its function URL.
func (b *builder) triggers() {
	events := b.def.Get("events")
	if isSet(events) && events.Kind != cfgtree.Seq {
		if b.s.r.isUnresolved(events) {
			b.unresolved("events")
		} else {
			b.s.warn(events, "parse", "events of function %q must be a list; ignored", b.f.Name)
		}
		return
	}
	for _, ev := range events.List() {
		if ev.Kind != cfgtree.Map || len(ev.Entries) == 0 {
			if b.s.r.isUnresolved(ev) {
				b.unresolved("events")
			}
			continue
		}
		if t, ok := b.event(ev); ok {
			b.f.Triggers = append(b.f.Triggers, t)
		}
	}
	if t, ok := b.functionURL(); ok {
		b.f.Triggers = append(b.f.Triggers, t)
	}
	b.summariseAuth()
}

// event reads one entry of events: by provider.
func (b *builder) event(ev *cfgtree.Node) (model.Trigger, bool) {
	d := &details{rd: b.s.rd, m: map[string]string{}}
	kind, v := ev.Entries[0].Key, ev.Entries[0].Value
	var t model.Trigger
	keep := true
	switch b.s.provider {
	case model.Azure:
		t, keep = b.azureEvent(ev, d)
	case model.GCP:
		t = b.gcpEvent(kind, v, d)
	default:
		t = b.awsEvent(kind, v, d)
	}
	if !keep {
		return t, false
	}
	if d.unknown {
		b.unresolved("events")
	}
	if len(d.m) > 0 {
		t.Details = d.m
	}
	t.Source = b.s.r.loc(ev)
	return t, true
}

// authRank orders authentication from weakest (anonymous) to strongest.
var authRank = map[string]int{
	"none": 0, "private": 1, "api-key": 1, "function": 1,
	"custom": 2, "jwt": 3, "cognito": 3, "admin": 4, "iam": 4,
}

// summariseAuth sets the function's Auth to the weakest of its HTTP-like
// triggers and Public when any trigger is anonymous.
func (b *builder) summariseAuth() {
	for _, t := range b.f.Triggers {
		b.f.Public = b.f.Public || t.Public
		if t.Auth == "" {
			continue
		}
		if b.f.Auth == "" || authRank[t.Auth] < authRank[b.f.Auth] {
			b.f.Auth = t.Auth
		}
	}
}

// genericEvent keeps the facts of an event type clad has no rules for.
func genericEvent(kind string, v *cfgtree.Node, d *details) model.Trigger {
	if isShort(v) {
		d.set("value", v)
	} else {
		for _, e := range v.Entries {
			if e.Value != nil && (e.Value.Kind == cfgtree.Scalar || isIntrinsic(e.Value)) {
				d.set(e.Key, e.Value)
			}
		}
	}
	return model.Trigger{Type: kind}
}
