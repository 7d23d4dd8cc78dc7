package taint

import (
	"strings"

	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/source"
)

// Sources: where each trigger puts attacker data in the handler's
// arguments. Every trigger but a timer is untrusted: the function is its
// own perimeter, and a queue message, an S3 object key or a stream record
// is as much attacker data as a query string.

// trigInfo summarises a function's triggers.
type trigInfo struct {
	types []string
	http  bool // an HTTP-like trigger (API Gateway, ALB, URL, Azure HTTP)
	timer bool // only timers: the event is not attacker data
}

var httpTriggers = map[string]bool{"http": true, "httpApi": true, "alb": true, "url": true, "websocket": true, "httpTrigger": true}

var timerTriggers = map[string]bool{"schedule": true, "timerTrigger": true}

func summarizeTriggers(fn *model.Function) trigInfo {
	var t trigInfo
	timers := 0
	for _, tr := range fn.Triggers {
		t.types = append(t.types, tr.Type)
		if httpTriggers[tr.Type] {
			t.http = true
		}
		if timerTriggers[tr.Type] {
			timers++
		}
	}
	t.timer = timers > 0 && timers == len(fn.Triggers)
	return t
}

func src(kind, desc string, notStr, whole bool) *Value {
	return &Value{src: &srcSpec{kind: kind, desc: desc, notStr: notStr, whole: whole}}
}

func obj(fields map[string]*Value) *Value { return &Value{fields: fields} }

// records is an event with a Records list of elements shaped like rec.
func records(rec *Value) *Value {
	return obj(map[string]*Value{"Records": {elem: rec}})
}

// awsEvent models the event of one AWS trigger type (JavaScript and Python
// shapes: they are the same JSON).
func awsEvent(typ string) *Value {
	switch typ {
	case "http", "httpApi", "alb", "url", "websocket":
		return apiGatewayEvent()
	case "s3":
		return records(obj(map[string]*Value{
			"s3": obj(map[string]*Value{
				"object": obj(map[string]*Value{"key": src("s3-key", "S3 object key", false, false)}),
				"bucket": obj(map[string]*Value{"name": nil}),
			}),
		}))
	case "sqs":
		return records(obj(map[string]*Value{
			"body":              src("sqs-body", "SQS message body", false, false),
			"messageAttributes": src("sqs-attributes", "SQS message attributes", true, false),
		}))
	case "sns":
		return records(obj(map[string]*Value{
			"Sns": obj(map[string]*Value{
				"Message":           src("sns-message", "SNS message", false, false),
				"Subject":           src("sns-message", "SNS subject", false, false),
				"MessageAttributes": src("sns-message", "SNS message attributes", true, false),
			}),
		}))
	case "dynamodb":
		img := func(d string) *Value { return src("dynamodb-record", d, true, false) }
		return records(obj(map[string]*Value{
			"dynamodb": obj(map[string]*Value{
				"NewImage": img("DynamoDB stream new image"), "OldImage": img("DynamoDB stream old image"), "Keys": img("DynamoDB stream keys"),
			}),
		}))
	case "kinesis":
		return records(obj(map[string]*Value{
			"kinesis": obj(map[string]*Value{
				"data":         src("kinesis-data", "Kinesis record data", false, false),
				"partitionKey": src("kinesis-data", "Kinesis partition key", false, false),
			}),
		}))
	case "eventBridge", "cloudwatchEvent":
		return obj(map[string]*Value{"detail": src("event-detail", "EventBridge event detail", true, false)})
	case "schedule":
		return nil
	}
	return genericEvent()
}

// genericEvent is a payload of the invoker's choosing. The fields of a
// CloudFormation custom resource request are not: CloudFormation sets the
// protocol fields (where to send the answer, which stack asks), and the
// resource properties are what the template's author wrote.
func genericEvent() *Value {
	v := src("event", "event payload", true, true)
	v.fields = map[string]*Value{}
	for _, k := range []string{"ResponseURL", "StackId", "RequestId", "LogicalResourceId", "RequestType", "ResourceType", "ServiceToken", "PhysicalResourceId",
		"ResourceProperties", "OldResourceProperties"} {
		v.fields[k] = nil
	}
	return v
}

// apiGatewayEvent is the API Gateway / ALB / function URL proxy event.
func apiGatewayEvent() *Value {
	q := src("http-query", "query string parameter", false, false)
	return obj(map[string]*Value{
		"body":                            src("http-body", "request body", false, false),
		"queryStringParameters":           q,
		"multiValueQueryStringParameters": src("http-query", "query string parameter", true, false),
		"rawQueryString":                  q,
		"pathParameters":                  src("http-path", "path parameter", false, false),
		"headers":                         src("http-header", "request header", false, false),
		"multiValueHeaders":               src("http-header", "request header", true, false),
		"cookies":                         src("http-header", "cookie", true, false),
		"path":                            src("http-path", "request path", false, false),
		"rawPath":                         src("http-path", "request path", false, false),
		"requestContext": obj(map[string]*Value{
			"http": obj(map[string]*Value{"path": src("http-path", "request path", false, false)}),
		}),
	})
}

// eventFor joins the events of a function's triggers; a function with no
// trigger is invoked by other code with a payload of its choosing.
func (in *interp) eventFor() *Value {
	if len(in.trig.types) == 0 {
		return genericEvent()
	}
	var ev *Value
	for _, t := range in.trig.types {
		ev = join(ev, awsEvent(t))
	}
	return ev
}

// --- Azure ---

func azureHTTPRequest() *Value {
	return obj(map[string]*Value{
		"query":       src("http-query", "query string parameter", false, false),
		"params":      src("http-path", "route parameter", false, false),
		"body":        src("http-body", "request body", true, true),
		"rawBody":     src("http-body", "request body", false, false),
		"headers":     src("http-header", "request header", false, false),
		"url":         src("http-path", "request URL", false, false),
		"originalUrl": src("http-path", "request URL", false, false),
		"get":         {ret: src("http-header", "request header", false, false)},
	})
}

// azureTrigger is the value an Azure trigger binds (the second argument of
// a v3 Node function, context.bindings.<name>).
func azureTrigger(typ string) *Value {
	switch typ {
	case "httpTrigger":
		return azureHTTPRequest()
	case "timerTrigger":
		return nil
	case "queueTrigger", "serviceBusTrigger":
		return src("queue-message", "queue message", true, true)
	case "blobTrigger":
		return src("blob-content", "blob content", true, false)
	}
	return src("event", strings.TrimSuffix(typ, "Trigger")+" event", true, true)
}

// azureContext models the v3 Node context object.
func (in *interp) azureContext(trig *Value) *Value {
	meta := src("trigger-metadata", "route parameter or trigger metadata", false, false)
	bindings := &Value{elem: trig}
	if in.trig.timer || trig == nil {
		meta, bindings = nil, nil
	}
	var req *Value
	if in.trig.http {
		req = trig
	}
	return &Value{flags: fAzureCtx, fields: map[string]*Value{
		"bindings": bindings, "bindingData": {elem: meta}, "req": req,
		"log": symVal("@azure/functions.context.log"), "done": symVal("@azure/functions.context.done"),
	}}
}

func (in *interp) azureTriggerValue() *Value {
	var v *Value
	for _, t := range in.trig.types {
		v = join(v, azureTrigger(t))
	}
	if len(in.trig.types) == 0 {
		v = genericEvent()
	}
	return v
}

// --- Python Azure ---

func pyAzureParam(typ string, trig *Value) *Value {
	switch {
	case strings.Contains(typ, "HttpRequest"):
		body := src("http-body", "request body", true, true)
		return obj(map[string]*Value{
			"params":       src("http-query", "query string parameter", false, false),
			"route_params": src("http-path", "route parameter", false, false),
			"headers":      src("http-header", "request header", false, false),
			"form":         src("http-body", "form field", false, false),
			"files":        src("http-body", "uploaded file", true, false),
			"url":          src("http-path", "request URL", false, false),
			"get_json":     {ret: body},
			"get_body":     {ret: src("http-body", "request body", false, false)},
		})
	case strings.Contains(typ, "QueueMessage"), strings.Contains(typ, "ServiceBusMessage"):
		return obj(map[string]*Value{
			"get_body": {ret: src("queue-message", "queue message", false, false)},
			"get_json": {ret: src("queue-message", "queue message", true, true)},
		})
	case strings.Contains(typ, "InputStream"):
		return obj(map[string]*Value{
			"read": {ret: src("blob-content", "blob content", false, false)},
			"name": src("blob-name", "blob name", false, false),
			"uri":  src("blob-name", "blob URI", false, false),
		})
	case strings.Contains(typ, "TimerRequest"), strings.Contains(typ, "Context"), strings.Contains(typ, "Out["):
		return nil
	case strings.Contains(typ, "EventGridEvent"), strings.Contains(typ, "EventHubEvent"):
		return obj(map[string]*Value{
			"get_json": {ret: src("event", "event data", true, true)},
			"get_body": {ret: src("event", "event data", false, false)},
		})
	}
	return trig
}

// --- entry ---

// entry analyses the handler: resolves the exported symbol and calls it
// with the trigger's arguments.
func (in *interp) entry(m *Module, symbol string) {
	ms := in.loadModule(in.fn.File, in.fn.CodeDir)
	if ms == nil {
		return
	}
	fr := &frame{mod: ms, s: newScope(ms.scope)}
	if m.Lang == source.Go {
		in.goEntry(fr)
		return
	}
	var h *Value
	if azureCodeDefined(in.fn) {
		h = in.codeHandler(ms, m, symbol)
	} else {
		h = in.exported(ms, m, symbol)
	}
	if h == nil {
		return
	}
	if len(h.routes) > 0 {
		in.runRoutes(fr, h.routes)
		return
	}
	if h.fn == nil {
		return
	}
	args := in.entryArgs(m, h.fn.f)
	// The handler's return value is the response (API Gateway, ALB, URL,
	// an Azure $return binding).
	in.checkResponse(fr, in.invokeEntry(fr, h.fn, args), nil)
}

// invokeEntry runs the handler closure as the top of the analysis.
func (in *interp) invokeEntry(fr *frame, cl *closure, args []*Value) *Value {
	nfr := &frame{mod: cl.mod, s: newScope(cl.env), fn: cl.f, this: cl.this, entry: true}
	in.bindParams(nfr, cl.f, cl.this, args, nil)
	in.stack = append(in.stack, cl.f)
	in.exec(nfr, cl.f.stmts())
	in.stack = in.stack[:0]
	return nfr.ret
}

// exported resolves a handler symbol in a module.
func (in *interp) exported(ms *modState, m *Module, symbol string) *Value {
	ex := ms.exports
	if ex == nil {
		return nil
	}
	if m.Lang == source.Python {
		return ex.fields[symbol]
	}
	if symbol == "default" || symbol == "" {
		if d := ex.fields["default"]; d != nil {
			return d
		}
		return ex
	}
	v := ex
	for _, part := range strings.Split(symbol, ".") {
		if v == nil {
			return nil
		}
		next, ok := v.fields[part]
		if !ok {
			next = anyExport(v)
		}
		v = next
	}
	return v
}

// entryArgs builds the handler's arguments for its provider and language.
func (in *interp) entryArgs(m *Module, f *Func) []*Value {
	fn := in.fn
	var ev *Value
	if !in.trig.timer {
		ev = in.eventFor()
	}
	if m.Lang == source.Python {
		if fn.Provider == model.Azure {
			trig := in.azureTriggerValue()
			if in.trig.timer {
				trig = nil
			}
			var args []*Value
			first := true
			for _, p := range f.Params {
				v := pyAzureParam(p.Type, nil)
				if p.Type == "" {
					if id, ok := p.Pat.(*PIdent); ok && id.Name != "context" && first {
						v = pyAzureUntyped(trig)
						first = false
					}
				}
				args = append(args, v)
			}
			return args
		}
		return []*Value{ev, nil}
	}
	if fn.Provider == model.Azure && azureCodeDefined(fn) {
		return in.v4Args()
	}
	if fn.Provider == model.Azure {
		trig := in.azureTriggerValue()
		if in.trig.timer {
			trig = nil
		}
		return []*Value{in.azureContext(trig), trig}
	}
	ctx := &Value{sym: "@lambda.context", fields: map[string]*Value{
		"succeed": {flags: fCallback}, "done": {flags: fCallback},
	}}
	return []*Value{ev, ctx, {flags: fCallback}}
}

// pyAzureUntyped is the trigger parameter of a Python function without a
// type annotation.
func pyAzureUntyped(trig *Value) *Value {
	if trig == nil {
		return nil
	}
	if trig.fields["query"] != nil { // HTTP
		return pyAzureParam("HttpRequest", nil)
	}
	return pyAzureParam("QueueMessage", nil)
}

// runRoutes analyses the handlers registered on an Express-like app.
func (in *interp) runRoutes(fr *frame, routes []*closure) {
	for i, r := range routes {
		if i >= 64 || in.busy() {
			return
		}
		in.invokeEntry(fr, r, []*Value{expressRequest(), expressResponse(), nil})
		in.stack = in.stack[:0]
	}
}

func expressRequest() *Value {
	return obj(map[string]*Value{
		"query":         src("http-query", "query string parameter", true, false),
		"body":          src("http-body", "request body", true, true),
		"params":        src("http-path", "route parameter", false, false),
		"headers":       src("http-header", "request header", false, false),
		"cookies":       src("http-header", "cookie", false, false),
		"signedCookies": src("http-header", "cookie", false, false),
		"path":          src("http-path", "request path", false, false),
		"url":           src("http-path", "request URL", false, false),
		"originalUrl":   src("http-path", "request URL", false, false),
		"hostname":      src("http-header", "Host header", false, false),
		"get":           {ret: src("http-header", "request header", false, false)},
		"header":        {ret: src("http-header", "request header", false, false)},
		"param":         {ret: src("http-query", "request parameter", true, false)},
	})
}

func expressResponse() *Value {
	return &Value{flags: fExpressRes, sym: "@express.response"}
}
