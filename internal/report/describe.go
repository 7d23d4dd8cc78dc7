package report

import (
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// httpLike lists the trigger types described as "<type> METHOD path".
var httpLike = map[string]bool{
	"http": true, "httpApi": true, "websocket": true, "alb": true,
	"url": true, "httpTrigger": true,
}

// primaryKeys are the trigger details that name what fires a non-HTTP
// trigger, most telling first; describeTrigger shows the first present.
var primaryKeys = []string{
	"queue", "queueName", "topic", "topicName", "stream", "table", "bucket",
	"name", "eventHub", "eventHubName", "pool", "pattern", "rule", "principal",
	"path", "arn",
}

// describeTrigger renders a trigger compactly: "http GET /render (public)",
// "s3 uploads/ObjectCreated:*", "sqs orders", "timer 0 */5 * * * *".
func describeTrigger(t model.Trigger) string {
	d := t.Details
	label := t.Type
	var parts []string
	switch {
	case httpLike[t.Type]:
		if t.Type == "httpTrigger" {
			label = "http"
		}
		parts = []string{strings.ToUpper(first(d, "method", "methods")), first(d, "path", "route")}
	case t.Type == "s3" || t.Type == "blobTrigger":
		parts = []string{bucketEvent(first(d, "bucket", "path"), first(d, "event"))}
	case t.Type == "timerTrigger" || t.Type == "schedule":
		if t.Type == "timerTrigger" {
			label = "timer"
		}
		parts = []string{first(d, "schedule", "rate", "cron")}
	default:
		parts = []string{shortARN(first(d, primaryKeys...))}
	}
	s := strings.Join(append([]string{label}, nonEmpty(parts)...), " ")
	if m := triggerMarker(t); m != "" {
		s += " (" + m + ")"
	}
	return s
}

// bucketEvent joins an S3 bucket and event without the "s3:" prefix.
func bucketEvent(bucket, event string) string {
	event = strings.TrimPrefix(event, "s3:")
	if bucket == "" || event == "" {
		return bucket + event
	}
	return bucket + "/" + event
}

// triggerMarker says who may fire an HTTP-like or permission trigger.
func triggerMarker(t model.Trigger) string {
	switch {
	case t.Public:
		return "public"
	case t.Auth != "":
		return "auth " + t.Auth
	}
	return ""
}

// first returns the first non-empty detail among keys.
func first(d map[string]string, keys ...string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(d[k]); v != "" {
			return v
		}
	}
	return ""
}

// shortARN reduces an ARN to its resource part without a stream suffix:
// "arn:aws:sqs:eu-west-1:123456789012:orders" → "orders". Other values are
// returned as they are.
func shortARN(v string) string {
	if !strings.HasPrefix(v, "arn:") {
		return v
	}
	parts := strings.SplitN(v, ":", 6)
	if len(parts) < 6 || parts[5] == "" {
		return v
	}
	res, _, _ := strings.Cut(parts[5], "/stream/")
	return res
}

// nonEmpty drops empty strings.
func nonEmpty(ss []string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// accessMarker summarises who may invoke a function: "PUBLIC", "auth iam"
// or "" when it has no HTTP-like trigger.
func accessMarker(fn *model.Function) string {
	switch {
	case fn.Public:
		return "PUBLIC"
	case fn.Auth != "":
		return "auth " + fn.Auth
	}
	return ""
}

// handlerTarget says where a function's handler code is: "src/a.js:12",
// "code missing", "unresolved" or "external code".
func handlerTarget(fn *model.Function) string {
	switch fn.HandlerStatus {
	case model.HandlerResolved:
		if fn.File == "" {
			return "resolved"
		}
		return location(fn.File, fn.HandlerLine)
	case model.HandlerMissing:
		return "code missing"
	case model.HandlerUnresolved:
		return "unresolved"
	case model.HandlerExternal:
		return "external code"
	}
	return "not resolved"
}

// roleText names the role and how many other functions share it.
func roleText(fn *model.Function) string {
	if fn.Role == "" {
		return ""
	}
	if n := len(fn.RoleSharedWith); n > 0 {
		return fmt.Sprintf("%s (shared with %d)", fn.Role, n)
	}
	return fn.Role
}

// location renders file:line, file alone when line is 0, and "-" for no
// file (a project-wide finding).
func location(file string, line int) string {
	switch {
	case file == "":
		return "-"
	case line > 0:
		return fmt.Sprintf("%s:%d", file, line)
	}
	return file
}
