package serverless

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// eventSpec describes an AWS event that is read by copying settings.
type eventSpec struct {
	typ   string   // model trigger type
	short string   // detail the one-value form fills (- sqs: arn)
	keys  []string // settings copied into details
}

// awsEvents are the non-HTTP AWS event sources.
var awsEvents = map[string]eventSpec{
	"s3":                   {typ: "s3", short: "bucket", keys: []string{"bucket", "event", "existing", "forceDeploy"}},
	"sqs":                  {typ: "sqs", short: "arn", keys: []string{"arn", "batchSize", "maximumBatchingWindow", "maximumConcurrency", "functionResponseType", "enabled"}},
	"sns":                  {typ: "sns", short: "topic", keys: []string{"arn", "topicName", "filterPolicyScope"}},
	"stream":               {typ: "stream", short: "arn", keys: []string{"arn", "type", "batchSize", "startingPosition", "enabled"}},
	"schedule":             {typ: "schedule", short: "rate", keys: []string{"rate", "enabled", "name", "method", "timezone"}},
	"eventBridge":          {typ: "eventBridge", keys: []string{"eventBus", "schedule", "enabled", "name"}},
	"cloudwatchEvent":      {typ: "eventBridge", keys: []string{"enabled", "name"}},
	"cloudwatchLog":        {typ: "cloudwatchLog", short: "logGroup", keys: []string{"logGroup", "filter"}},
	"cognitoUserPool":      {typ: "cognito", keys: []string{"pool", "trigger", "existing"}},
	"iot":                  {typ: "iot", keys: []string{"sql", "enabled", "name"}},
	"iotFleetProvisioning": {typ: "iot", keys: []string{"templateName", "provisioningRoleArn", "enabled"}},
	"alexaSkill":           {typ: "alexaSkill", short: "appId", keys: []string{"appId", "enabled"}},
	"alexaSmartHome":       {typ: "alexaSmartHome", short: "appId", keys: []string{"appId", "enabled"}},
	"msk":                  {typ: "msk", keys: []string{"arn", "topic", "batchSize", "startingPosition", "enabled"}},
	"kafka":                {typ: "kafka", keys: []string{"topic", "bootstrapServers", "batchSize", "startingPosition", "enabled"}},
	"activemq":             {typ: "mq", keys: []string{"arn", "queue", "basicAuthArn", "batchSize", "enabled"}},
	"rabbitmq":             {typ: "mq", keys: []string{"arn", "queue", "basicAuthArn", "batchSize", "enabled"}},
	"cloudFront":           {typ: "cloudFront", keys: []string{"eventType", "pathPattern", "origin", "includeBody"}},
}

// awsEvent reads one AWS event.
func (b *builder) awsEvent(kind string, v *cfgtree.Node, d *details) model.Trigger {
	switch kind {
	case "http":
		t := b.httpEvent(v, d)
		b.apiThrottle(v, d)
		return t
	case "httpApi":
		t := b.httpAPIEvent(v, d)
		b.apiThrottle(v, d)
		return t
	case "websocket":
		return b.websocketEvent(v, d)
	case "alb":
		return b.albEvent(v, d)
	}
	spec, known := awsEvents[kind]
	if !known || !isSet(v) {
		return genericEvent(kind, v, d)
	}
	if isShort(v) {
		d.set(spec.short, v)
	} else {
		for _, k := range spec.keys {
			d.set(k, v.Get(k))
		}
	}
	t := model.Trigger{Type: spec.typ}
	b.refineEvent(kind, &t, v, d)
	return t
}

// refineEvent adds what the plain settings do not say directly.
func (b *builder) refineEvent(kind string, t *model.Trigger, v *cfgtree.Node, d *details) {
	switch kind {
	case "s3":
		d.put("rules", s3Rules(v.Get("rules"), d))
		if d.m["event"] == "" {
			d.put("event", "s3:ObjectCreated:*")
		}
	case "sqs":
		d.put("queue", resourceName(d.m["arn"]))
	case "sns":
		snsTopic(d)
	case "stream":
		t.Type = b.streamType(d)
	case "eventBridge":
		d.put("pattern", patternSummary(v.Get("pattern"), d))
	case "cloudwatchEvent":
		d.put("pattern", patternSummary(v.Get("event"), d))
	case "activemq", "rabbitmq":
		d.put("broker", kind)
	case "cloudFront":
		// Lambda@Edge runs on requests to an internet-facing distribution.
		t.Auth, t.Public = "none", true
	}
}

// s3Rules renders [{prefix: a/}, {suffix: .jpg}] as "prefix=a/, suffix=.jpg".
func s3Rules(rules *cfgtree.Node, d *details) string {
	var parts []string
	for _, r := range rules.List() {
		for _, e := range r.Entries {
			v, c := d.rd.render(e.Value)
			d.unknown = d.unknown || !c.known()
			parts = append(parts, e.Key+"="+v)
		}
	}
	return strings.Join(parts, ", ")
}

// snsTopic sorts the one-value form (a topic name or an ARN) into topic
// and arn.
func snsTopic(d *details) {
	if name := d.m["topicName"]; name != "" {
		delete(d.m, "topicName")
		d.m["topic"] = name
	}
	if t := d.m["topic"]; strings.HasPrefix(t, "arn:") || strings.HasPrefix(t, "GetAtt(") || strings.HasPrefix(t, "Ref(") {
		delete(d.m, "topic")
		if d.m["arn"] == "" {
			d.m["arn"] = t
		}
	}
	if d.m["topic"] == "" {
		d.put("topic", resourceName(d.m["arn"]))
	}
}

// streamType tells a DynamoDB stream from a Kinesis stream by the type
// setting, the ARN, or the resource the ARN points to.
func (b *builder) streamType(d *details) string {
	arn := d.m["arn"]
	switch typ := strings.ToLower(d.m["type"]); {
	case typ == "dynamodb" || typ == "kinesis":
		return typ
	case strings.Contains(arn, ":dynamodb:") || strings.HasSuffix(arn, ".StreamArn)"):
		return "dynamodb"
	case strings.Contains(arn, ":kinesis:"):
		return "kinesis"
	}
	switch b.s.res.Path(resourceName(arn), "Type").Str() {
	case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable":
		return "dynamodb"
	case "AWS::Kinesis::Stream":
		return "kinesis"
	}
	return "stream"
}

// resourceName returns the last part of an ARN, or the logical id of
// GetAtt(X.Attr) / Ref(X).
func resourceName(arn string) string {
	for _, p := range []string{"GetAtt(", "Ref("} {
		if strings.HasPrefix(arn, p) && strings.HasSuffix(arn, ")") {
			id, _, _ := strings.Cut(arn[len(p):len(arn)-1], ".")
			return id
		}
	}
	if !strings.HasPrefix(arn, "arn:") {
		return ""
	}
	i := strings.LastIndexAny(arn, ":/")
	return arn[i+1:]
}

// patternSummary renders an EventBridge pattern as
// "source=aws.ec2; detail-type=EC2 Instance State-change Notification".
func patternSummary(p *cfgtree.Node, d *details) string {
	if !isSet(p) {
		return ""
	}
	if p.Kind != cfgtree.Map || isIntrinsic(p) {
		v, c := d.rd.render(p)
		d.unknown = d.unknown || !c.known()
		return v
	}
	var parts []string
	for _, e := range p.Entries {
		v, c := d.rd.render(e.Value)
		if e.Value != nil && e.Value.Kind == cfgtree.Seq {
			v = strings.Join(d.list(e.Value), "|")
		}
		d.unknown = d.unknown || !c.known()
		parts = append(parts, e.Key+"="+v)
	}
	return strings.Join(parts, "; ")
}
