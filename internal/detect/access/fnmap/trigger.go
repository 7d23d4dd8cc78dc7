package fnmap

import (
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// HTTP trigger types: API Gateway REST, HTTP and WebSocket APIs, load
// balancers, function URLs and Azure HTTP triggers.
var httpTypes = map[string]bool{
	"http": true, "httpApi": true, "websocket": true, "alb": true, "url": true, "httpTrigger": true,
}

// APIGatewayTypes are the trigger types served through API Gateway.
var apiGatewayTypes = map[string]bool{"http": true, "httpApi": true, "websocket": true}

// IsHTTP reports an HTTP-like trigger.
func IsHTTP(t model.Trigger) bool { return httpTypes[t.Type] }

// IsAPIGateway reports a trigger served through API Gateway.
func IsAPIGateway(t model.Trigger) bool { return apiGatewayTypes[t.Type] }

// Detail returns the first non-empty detail among keys (extractors spell
// some keys differently: batchSize, batch_size).
func Detail(t model.Trigger, keys ...string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(t.Details[k]); v != "" {
			return v
		}
	}
	return ""
}

// Endpoint names an HTTP trigger for a message: "POST /orders",
// "GET,POST /api/share/{shareId}", "websocket $connect", "function URL".
func Endpoint(t model.Trigger) string {
	switch t.Type {
	case "url":
		return "function URL"
	case "websocket":
		if r := Detail(t, "route"); r != "" {
			return "websocket " + r
		}
		return "websocket route"
	case "permission":
		return "resource policy for " + orDefault(Detail(t, "principal"), "a principal")
	}
	method := strings.ToUpper(Detail(t, "method", "methods"))
	p := Detail(t, "path", "route")
	if p != "" && !strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "$") && p != "*" {
		p = "/" + p
	}
	switch {
	case method != "" && p != "":
		return method + " " + p
	case p != "":
		return "ANY " + p
	case method != "":
		return method + " (" + t.Type + ")"
	}
	return t.Type + " endpoint"
}

// Endpoints names several triggers, comma-separated.
func Endpoints(ts []model.Trigger) string {
	var out []string
	for _, t := range ts {
		if e := Endpoint(t); !containsStr(out, e) {
			out = append(out, e)
		}
	}
	return strings.Join(out, ", ")
}

// PublicHTTP returns the function's HTTP triggers anonymous callers can
// reach. Function URLs are included only when urls is true.
func PublicHTTP(fn *model.Function, urls bool) []model.Trigger {
	var out []model.Trigger
	for _, t := range fn.Triggers {
		if !t.Public || !IsHTTP(t) || (t.Type == "url" && !urls) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// Reachable reports a function anonymous callers can invoke: public and
// not deployed switched off.
func Reachable(fn *model.Function) bool { return fn.Public && !fn.Disabled }

// OnDemand reports a function someone can call at will: it has an HTTP
// trigger or a resource policy, or no trigger at all (invoked directly).
func OnDemand(fn *model.Function) bool {
	if len(fn.Triggers) == 0 {
		return true
	}
	for _, t := range fn.Triggers {
		if IsHTTP(t) || t.Type == "permission" {
			return true
		}
	}
	return false
}

// Enabled reports a trigger that is not switched off (enabled: false).
func Enabled(t model.Trigger) bool { return !strings.EqualFold(Detail(t, "enabled"), "false") }

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func containsStr(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
