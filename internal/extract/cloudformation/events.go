package cloudformation

import (
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// samEvents turns a SAM function's Events into triggers.
func (t *template) samEvents(f *model.Function, events *cfgtree.Node) {
	if events == nil {
		return
	}
	for _, en := range events.Entries {
		typ := en.Value.Get("Type").Str()
		tr := model.Trigger{Source: t.loc(en.Line)}
		if !t.samEvent(f, &tr, typ, en.Value.Get("Properties")) {
			t.warn(en.Line, "unsupported", fmt.Sprintf("function %s: event type %q is not analysed", f.Name, typ))
			tr.Type = lowerFirst(typ)
		}
		f.Triggers = append(f.Triggers, tr)
	}
}

// pullPolicies are the managed policies SAM adds to the role it generates
// for poll-based event sources.
var pullPolicies = map[string]string{
	"SQS":      "AWSLambdaSQSQueueExecutionRole",
	"Kinesis":  "AWSLambdaKinesisExecutionRole",
	"DynamoDB": "AWSLambdaDynamoDBExecutionRole",
	"MSK":      "AWSLambdaMSKExecutionRole",
}

// samEvent reads one event; false for a type clad does not know.
func (t *template) samEvent(f *model.Function, tr *model.Trigger, typ string, p *cfgtree.Node) bool {
	if name, ok := pullPolicies[typ]; ok && f.Role == originFunction {
		addManaged(f, managedARN(name), originSAM, tr.Source)
	}
	detail := func(key string, n *cfgtree.Node) { setDetail(tr, key, t.detail(n)) }
	switch typ {
	case "Api":
		t.apiEvent(tr, p)
	case "HttpApi":
		t.httpAPIEvent(tr, p)
	case "S3":
		tr.Type = "s3"
		detail("bucket", p.Get("Bucket"))
		detail("event", p.Get("Events"))
		if fl := p.Get("Filter"); fl != nil {
			setDetail(tr, "filter", nodeJSON(fl, 200))
		}
	case "SQS":
		tr.Type = "sqs"
		detail("queue", p.Get("Queue"))
		detail("batchSize", p.Get("BatchSize"))
		detail("maximumConcurrency", p.Path("ScalingConfig", "MaximumConcurrency"))
	case "SNS":
		tr.Type = "sns"
		detail("topic", p.Get("Topic"))
	case "Kinesis", "DynamoDB":
		tr.Type = strings.ToLower(typ)
		detail("stream", p.Get("Stream"))
		detail("startingPosition", p.Get("StartingPosition"))
	case "Schedule", "ScheduleV2":
		t.scheduleEvent(tr, p)
	case "EventBridgeRule", "CloudWatchEvent":
		tr.Type = "eventBridge"
		if pat := p.Get("Pattern"); pat != nil {
			setDetail(tr, "pattern", nodeJSON(pat, 300))
		}
		detail("bus", p.Get("EventBusName"))
	case "CloudWatchLogs":
		tr.Type = "cloudwatchLog"
		detail("logGroup", p.Get("LogGroupName"))
		detail("filter", p.Get("FilterPattern"))
	case "Cognito":
		tr.Type = "cognito"
		detail("pool", p.Get("UserPool"))
		detail("trigger", p.Get("Trigger"))
	case "IoTRule":
		tr.Type = "iot"
		detail("sql", p.Get("Sql"))
	case "MSK", "SelfManagedKafka":
		tr.Type = map[string]string{"MSK": "msk", "SelfManagedKafka": "kafka"}[typ]
		detail("stream", p.Get("Stream"))
		detail("topics", p.Get("Topics"))
	case "MQ":
		tr.Type = "mq"
		detail("broker", p.Get("Broker"))
		detail("queues", p.Get("Queues"))
	default:
		return false
	}
	return true
}

// scheduleEvent reads Schedule and ScheduleV2 events.
func (t *template) scheduleEvent(tr *model.Trigger, p *cfgtree.Node) {
	tr.Type = "schedule"
	expr := p.Get("Schedule")
	if expr == nil {
		expr = p.Get("ScheduleExpression")
	}
	setDetail(tr, "schedule", t.detail(expr))
	setDetail(tr, "timezone", t.detail(p.Get("ScheduleExpressionTimezone")))
	enabled := t.ev.Eval(p.Get("Enabled"))
	state := t.ev.Eval(p.Get("State"))
	if (enabled.Resolved && strings.EqualFold(enabled.Text, "false")) || (state.Resolved && state.Text == "DISABLED") {
		setDetail(tr, "enabled", "false")
	}
}

// detail renders a property for a trigger's details: the logical id of a
// referenced resource, else the value's text, lists comma-separated.
func (t *template) detail(n *cfgtree.Node) string {
	if n == nil {
		return ""
	}
	var parts []string
	for _, v := range t.ev.Eval(n).Flat() {
		parts = append(parts, v.Name())
	}
	return strings.Join(parts, ",")
}

func lowerFirst(s string) string {
	if s == "" {
		return "unknown"
	}
	return strings.ToLower(s[:1]) + s[1:]
}
