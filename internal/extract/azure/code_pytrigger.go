package azure

import (
	"strings"

	"github.com/cladsec/clad/internal/source"
)

// The trigger decorators of the Python v2 model, read as the binding
// function.json would declare.

// pyTriggerMethods maps the trigger decorators whose binding type is not
// the camel-cased method name.
var pyTriggerMethods = map[string]string{
	"route":                     typeHTTP,
	"schedule":                  "timerTrigger",
	"service_bus_queue_trigger": "serviceBusTrigger",
	"service_bus_topic_trigger": "serviceBusTrigger",
	"event_hub_message_trigger": "eventHubTrigger",
	"cosmos_db_trigger_v3":      "cosmosDBTrigger",
	"warm_up_trigger":           "warmupTrigger",
}

// pyTriggerType returns the binding type of a trigger decorator, "" for
// other decorators.
func pyTriggerType(d *source.AzureCall) string {
	if t, ok := pyTriggerMethods[d.Method]; ok {
		return t
	}
	if d.Method == "generic_trigger" {
		if t := pyArg(d.Args, "type", -1).Str(); t != "" {
			return canonicalTrigger(t)
		}
		return "genericTrigger"
	}
	base, ok := strings.CutSuffix(d.Method, "_trigger")
	if !ok || base == "" {
		return ""
	}
	return canonicalTrigger(camel(base) + "Trigger")
}

// pyTrigger reads a trigger decorator's arguments into a codeTrigger.
func pyTrigger(d *source.AzureCall, defaultAuth, file string) codeTrigger {
	c := codeTrigger{typ: pyTriggerType(d), props: map[string]string{}, defaultAuth: defaultAuth, loc: loc(file, d.Line)}
	for k, v := range d.Args.Fields {
		if s := pyScalar(v); s != "" {
			c.props[camel(k)] = s
		}
	}
	if d.Method == "route" {
		if r := pyArg(d.Args, "route", 0).Str(); r != "" {
			c.props["route"] = r
		}
		if lv := pyAuthLevel(d.Args.Field("auth_level")); lv != "" {
			c.props["authLevel"] = lv
		} else {
			delete(c.props, "authLevel")
		}
		if m := d.Args.Field("methods"); m.Kind == source.AzureList || m.Kind == source.AzureString || m.Kind == source.AzureName {
			c.methods = m.Strings()
		}
	}
	return c
}

// pyScalar renders a literal argument; an enum member keeps its last part.
func pyScalar(v source.AzureValue) string {
	if v.Kind == source.AzureName {
		return lastName(v.Text)
	}
	return v.Str()
}

// pyAuthLevel reads an auth level argument (func.AuthLevel.ANONYMOUS or
// "anonymous"), "" when absent or not literal.
func pyAuthLevel(v source.AzureValue) string {
	switch v.Kind {
	case source.AzureName:
		if strings.Contains(v.Text, "AuthLevel.") {
			return strings.ToLower(lastName(v.Text))
		}
	case source.AzureString:
		return strings.ToLower(v.Text)
	}
	return ""
}

// camel turns snake_case into camelCase ("queue_name" → "queueName").
func camel(s string) string {
	parts := strings.Split(s, "_")
	var b strings.Builder
	for i, p := range parts {
		if p == "" {
			continue
		}
		if i > 0 && b.Len() > 0 {
			p = strings.ToUpper(p[:1]) + p[1:]
		}
		b.WriteString(p)
	}
	return b.String()
}

// lastName returns the last part of a dotted name.
func lastName(dotted string) string {
	if i := strings.LastIndex(dotted, "."); i >= 0 {
		return dotted[i+1:]
	}
	return dotted
}
