package serverless

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// azureEvent reads an event of the serverless-azure-functions plugin:
//
//   - http: true
//     methods: [GET]
//     authLevel: anonymous      (or under x-azure-settings:)
//
// Output bindings (direction: out) are not triggers and are skipped.
func (b *builder) azureEvent(ev *cfgtree.Node, d *details) (model.Trigger, bool) {
	kind := ev.Entries[0].Key
	settings := azureSettings(ev)
	if strings.EqualFold(settings.Get("direction").Str(), "out") {
		return model.Trigger{}, false
	}
	typ := kind
	if !strings.HasSuffix(typ, "Trigger") {
		typ += "Trigger"
	}
	t := model.Trigger{Type: typ}
	if v := ev.Entries[0].Value; v != nil && v.Kind == cfgtree.Scalar {
		if _, isBool := v.Bool(); !isBool {
			d.set(kind, v) // - queue: myqueue
		}
	}
	for _, e := range settings.Entries {
		d.set(e.Key, e.Value)
	}
	if kind == "http" || kind == "httpTrigger" {
		t.Auth = azureAuth(settings.Get("authLevel").Str())
		t.Public = t.Auth == authNone
	}
	return t, true
}

// azureSettings gathers an event's settings: the keys beside the event name,
// the event's own map, and x-azure-settings.
func azureSettings(ev *cfgtree.Node) *cfgtree.Node {
	out := &cfgtree.Node{Kind: cfgtree.Map}
	add := func(m *cfgtree.Node) {
		if m == nil || m.Kind != cfgtree.Map {
			return
		}
		for _, e := range m.Entries {
			switch {
			case e.Key == "x-azure-settings":
				continue
			case e.Value != nil && (e.Value.Kind == cfgtree.Scalar || e.Value.Kind == cfgtree.Seq):
				out.Set(e.Key, e.Value)
			}
		}
	}
	add(ev.Entries[0].Value)
	rest := &cfgtree.Node{Kind: cfgtree.Map, Entries: ev.Entries[1:]}
	add(rest)
	add(ev.Get("x-azure-settings"))
	add(ev.Entries[0].Value.Get("x-azure-settings"))
	return out
}

// azureAuth maps an HTTP trigger's authLevel; Azure's default is function.
func azureAuth(level string) string {
	switch strings.ToLower(level) {
	case "anonymous":
		return authNone
	case "admin":
		return "admin"
	}
	return "function"
}

// gcpEvent reads an event of the serverless-google-cloudfunctions plugin.
// HTTP functions are private to IAM-authorised callers unless made public
// outside the manifest, so they count as iam.
func (b *builder) gcpEvent(kind string, v *cfgtree.Node, d *details) model.Trigger {
	switch kind {
	case "http":
		d.set("path", v)
		return model.Trigger{Type: "http", Auth: authIAM}
	case "event":
		typ := d.set("eventType", v.Get("eventType"))
		d.set("resource", v.Get("resource"))
		return model.Trigger{Type: gcpEventType(typ)}
	}
	return genericEvent(kind, v, d)
}

// gcpEventType names a background trigger by its event type
// ("providers/cloud.pubsub/eventTypes/topic.publish" → pubsub).
func gcpEventType(eventType string) string {
	for _, k := range []string{"pubsub", "storage", "firestore", "firebase"} {
		if strings.Contains(eventType, k) {
			return k
		}
	}
	return "event"
}
