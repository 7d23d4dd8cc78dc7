package entrypoints

import "strings"

// Entry point styles.
const (
	StyleAWS   = "aws"   // handler(event, context)
	StyleAzure = "azure" // function (context, req) / main(req: func.HttpRequest)
)

// eventNames and contextNames are the parameter names handlers use.
var (
	eventNames = map[string]bool{
		"event": true, "evt": true, "ev": true, "e": true, "_event": true, "_evt": true, "_e": true,
		"events": true, "input": true, "payload": true, "record": true, "records": true, "_": true, "{}": true,
	}
	contextNames = map[string]bool{
		"context": true, "ctx": true, "_context": true, "_ctx": true, "lambda_context": true,
		"lambdacontext": true, "_lambda_context": true, "c": true, "_": true, "__": true,
	}
	callbackNames = map[string]bool{"callback": true, "cb": true, "done": true, "_callback": true, "_cb": true, "next": true}
)

// awsParams reports the (event, context[, callback]) signature; a single
// parameter must be spelled event.
func awsParams(ps []string) bool {
	switch len(ps) {
	case 1:
		p := strings.ToLower(ps[0])
		return p == "event" || p == "evt" || p == "_event"
	case 2, 3:
		if !eventNames[strings.ToLower(ps[0])] || !contextNames[strings.ToLower(ps[1])] {
			return false
		}
		return len(ps) == 2 || callbackNames[strings.ToLower(ps[2])]
	}
	return false
}

// azureParams reports the Azure Functions v3 JavaScript signature:
// (context, ...bindings).
func azureParams(ps []string) bool {
	return len(ps) >= 1 && len(ps) <= 4 && (ps[0] == "context" || ps[0] == "ctx")
}
