package azure

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// Azure trigger types, as the binding extensions spell them.
const (
	typeHTTP = "httpTrigger"
)

// triggerDetails lists, per trigger type, the binding properties kept as
// Trigger.Details. The map key is the lower-case type; the first element of
// each list is the canonical type name.
var triggerDetails = map[string][]string{
	"httptrigger":                  {typeHTTP},
	"timertrigger":                 {"timerTrigger", "schedule", "runOnStartup", "useMonitor"},
	"queuetrigger":                 {"queueTrigger", "queueName", "connection"},
	"blobtrigger":                  {"blobTrigger", "path", "connection", "source"},
	"cosmosdbtrigger":              {"cosmosDBTrigger", "databaseName", "containerName", "collectionName", "connection", "connectionStringSetting"},
	"servicebustrigger":            {"serviceBusTrigger", "queueName", "topicName", "subscriptionName", "connection"},
	"eventhubtrigger":              {"eventHubTrigger", "eventHubName", "path", "consumerGroup", "connection"},
	"eventgridtrigger":             {"eventGridTrigger"},
	"signalrtrigger":               {"signalRTrigger", "hubName", "category", "event", "connectionStringSetting"},
	"kafkatrigger":                 {"kafkaTrigger", "brokerList", "topic", "consumerGroup", "authenticationMode", "protocol"},
	"rabbitmqtrigger":              {"rabbitMQTrigger", "queueName", "hostName", "connectionStringSetting"},
	"daprbindingtrigger":           {"daprBindingTrigger", "bindingName"},
	"daprserviceinvocationtrigger": {"daprServiceInvocationTrigger", "methodName"},
	"daprtopictrigger":             {"daprTopicTrigger", "pubSubName", "topic"},
	"orchestrationtrigger":         {"orchestrationTrigger", "orchestration"},
	"activitytrigger":              {"activityTrigger", "activity"},
	"entitytrigger":                {"entityTrigger", "entityName"},
	"sqltrigger":                   {"sqlTrigger", "tableName", "connectionStringSetting"},
	"mysqltrigger":                 {"mysqlTrigger", "tableName", "connectionStringSetting"},
	"redispubsubtrigger":           {"redisPubSubTrigger", "channel", "connection"},
	"redislisttrigger":             {"redisListTrigger", "key", "connection"},
	"redisstreamtrigger":           {"redisStreamTrigger", "key", "connection"},
	"webpubsubtrigger":             {"webPubSubTrigger", "hub", "eventName", "eventType"},
}

// genericDetails are kept for trigger types clad does not know.
var genericDetails = []string{"connection"}

// triggers turns the function's trigger bindings into Triggers. Input and
// output bindings (queue, blob, table, http out …) are not triggers.
func (a *app) triggers(bindings *cfgtree.Node, fnName, file string) []model.Trigger {
	out := []model.Trigger{}
	for _, b := range bindings.List() {
		if b.Kind != cfgtree.Map || !isTrigger(b) {
			continue
		}
		t := model.Trigger{Details: map[string]string{}, Source: model.Location{File: file, Line: b.Line}}
		typ := strings.TrimSpace(b.GetFold("type").Str())
		spec, known := triggerDetails[strings.ToLower(typ)]
		switch {
		case !known:
			t.Type = typ
			copyDetails(t.Details, b, genericDetails)
		case spec[0] == typeHTTP:
			t.Type = typeHTTP
			a.httpDetails(&t, b, fnName)
		default:
			t.Type = spec[0]
			copyDetails(t.Details, b, spec[1:])
		}
		if len(t.Details) == 0 {
			t.Details = nil
		}
		out = append(out, t)
	}
	return out
}

// isTrigger reports a binding of a *Trigger type whose direction is "in"
// (or not given, which the host would reject but clad still maps).
func isTrigger(b *cfgtree.Node) bool {
	typ := strings.ToLower(strings.TrimSpace(b.GetFold("type").Str()))
	dir := strings.ToLower(strings.TrimSpace(b.GetFold("direction").Str()))
	return len(typ) > len("trigger") && strings.HasSuffix(typ, "trigger") && (dir == "in" || dir == "")
}

// httpDetails records methods, the full route and the auth level.
func (a *app) httpDetails(t *model.Trigger, b *cfgtree.Node, fnName string) {
	var methods []string
	for _, m := range b.GetFold("methods").Strings() {
		if m = strings.ToLower(strings.TrimSpace(m)); m != "" {
			methods = append(methods, m)
		}
	}
	if len(methods) > 0 {
		t.Details["methods"] = strings.Join(methods, ",")
	}
	t.Details["route"] = fullRoute(a.host.routePrefix, b.GetFold("route").Str(), fnName)
	level := strings.ToLower(strings.TrimSpace(b.GetFold("authLevel").Str()))
	if level == "" {
		level = "function"
	}
	t.Details["authLevel"] = level
	t.Auth, t.Public = authOf(level)
}

// fullRoute is the URL path of an HTTP function: "/<prefix>/<route>", the
// route defaulting to the function's name.
func fullRoute(prefix, route, fnName string) string {
	route = strings.Trim(strings.TrimSpace(route), "/")
	if route == "" {
		route = fnName
	}
	if prefix = strings.Trim(prefix, "/"); prefix != "" {
		route = prefix + "/" + route
	}
	return "/" + route
}

// authOf maps an authLevel to Function.Auth and whether anonymous callers
// may invoke the function. Levels clad does not know (System, User) count as
// function-key protected.
func authOf(level string) (auth string, public bool) {
	switch strings.ToLower(strings.TrimSpace(level)) {
	case "anonymous":
		return "none", true
	case "admin":
		return "admin", false
	}
	return "function", false
}

// weakestAuth returns the weakest auth of the HTTP triggers, "" without any.
func weakestAuth(ts []model.Trigger) string {
	rank := map[string]int{"none": 0, "function": 1, "admin": 2}
	best := ""
	for _, t := range ts {
		if t.Type != typeHTTP {
			continue
		}
		if best == "" || rank[t.Auth] < rank[best] {
			best = t.Auth
		}
	}
	return best
}

// copyDetails copies the scalar binding properties named in keys.
func copyDetails(dst map[string]string, b *cfgtree.Node, keys []string) {
	for _, k := range keys {
		if v := strings.TrimSpace(b.GetFold(k).Str()); v != "" {
			dst[k] = v
		}
	}
}
