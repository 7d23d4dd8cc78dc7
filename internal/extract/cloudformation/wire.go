package cloudformation

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// wire recovers triggers that resources other than the function declare:
// the only source of triggers for plain AWS::Lambda::Function resources,
// as in the templates `serverless package` writes.
func (t *template) wire() {
	if len(t.fns) == 0 || t.res == nil {
		return
	}
	for _, en := range t.res.Entries {
		if en.Value == nil || en.Value.Kind != cfgtree.Map {
			continue
		}
		p := en.Value.Get("Properties")
		if wf := wirers[en.Value.Get("Type").Str()]; wf != nil && p != nil {
			wf(t, en, p)
		}
	}
	t.samAuthorizers()
	t.addRoutePermissions()
}

// wirers read the resources that can invoke a function, by type.
var wirers = map[string]func(*template, cfgtree.Entry, *cfgtree.Node){
	"AWS::Lambda::Permission":                  (*template).wirePermission,
	"AWS::Lambda::EventSourceMapping":          (*template).wireEventSourceMapping,
	"AWS::Lambda::Url":                         (*template).wireURL,
	"AWS::ApiGateway::Method":                  (*template).wireRestMethod,
	"AWS::ApiGatewayV2::Route":                 (*template).wireRoute,
	"AWS::ApiGatewayV2::Api":                   (*template).wireQuickAPI,
	"AWS::ApiGateway::Authorizer":              (*template).wireRestAuthorizer,
	"AWS::ApiGatewayV2::Authorizer":            (*template).wireV2Authorizer,
	"AWS::Events::Rule":                        (*template).wireRule,
	"AWS::Scheduler::Schedule":                 (*template).wireSchedule,
	"AWS::S3::Bucket":                          (*template).wireBucket,
	"AWS::SNS::Subscription":                   (*template).wireSubscription,
	"AWS::SNS::Topic":                          (*template).wireTopic,
	"AWS::Logs::SubscriptionFilter":            (*template).wireLogFilter,
	"AWS::Cognito::UserPool":                   (*template).wireUserPool,
	"AWS::IoT::TopicRule":                      (*template).wireTopicRule,
	"AWS::ElasticLoadBalancingV2::TargetGroup": (*template).wireTargetGroup,
}

// target returns the logical id of the function of this template a value
// designates: a Ref or GetAtt of it or of one of its aliases or versions,
// or its literal name or ARN.
func (t *template) target(v Value) string { return t.targetDepth(v, 0) }

func (t *template) targetDepth(v Value, depth int) string {
	for _, id := range append([]string{v.Ref}, v.Refs...) {
		if _, ok := t.fns[id]; ok {
			return id
		}
		switch t.typeOf(id) {
		case "AWS::Lambda::Alias", "AWS::Lambda::Version":
			if depth < 2 {
				if fn := t.targetDepth(t.ev.Eval(t.props(id).Get("FunctionName")), depth+1); fn != "" {
					return fn
				}
			}
		}
	}
	if !v.Resolved || v.Text == "" {
		return ""
	}
	name := v.Text
	if i := strings.LastIndex(name, ":function:"); i >= 0 {
		// "…:function:name", "…:function:name:alias", and the
		// "…/functions/arn:…:function:name/invocations" of integration URIs
		name = name[i+len(":function:"):]
		if j := strings.IndexAny(name, ":/"); j >= 0 {
			name = name[:j]
		}
	}
	if t.names == nil {
		t.names = map[string]string{}
		for _, id := range t.order {
			if fn := t.ev.Eval(t.props(id).Get("FunctionName")); fn.Resolved && fn.Text != "" {
				t.names[fn.Text] = id
			}
		}
	}
	return t.names[name]
}

// addTrigger appends a trigger to the function the value designates.
func (t *template) addTrigger(fn Value, tr model.Trigger) {
	if id := t.target(fn); id != "" {
		f := t.fns[id]
		f.Triggers = append(f.Triggers, tr)
	}
}

// wirePermission reads a resource policy statement that lets a principal
// invoke the function; "*" without SourceArn/SourceAccount is public.
func (t *template) wirePermission(en cfgtree.Entry, p *cfgtree.Node) {
	principal := t.ev.Eval(p.Get("Principal"))
	tr := model.Trigger{Type: "permission", Source: t.loc(en.Line)}
	setDetail(&tr, "principal", principal.Text)
	setDetail(&tr, "action", t.detail(p.Get("Action")))
	setDetail(&tr, "sourceArn", t.detail(p.Get("SourceArn")))
	setDetail(&tr, "sourceAccount", t.detail(p.Get("SourceAccount")))
	setDetail(&tr, "functionUrlAuthType", t.detail(p.Get("FunctionUrlAuthType")))
	setDetail(&tr, "invokedViaFunctionUrl", t.detail(p.Get("InvokedViaFunctionUrl")))
	// InvokedViaFunctionUrl limits lambda:InvokeFunction to calls through
	// the function URL, whose own AuthType decides who may call (the url
	// trigger); the permission alone lets nobody invoke directly.
	viaURL := boolProp(t.ev, p.Get("InvokedViaFunctionUrl"))
	tr.Public = principal.Resolved && principal.Text == "*" && p.Get("SourceArn") == nil &&
		p.Get("SourceAccount") == nil && p.Get("PrincipalOrgID") == nil && !viaURL
	fn := t.ev.Eval(p.Get("FunctionName"))
	if route, ok := t.permissionRoute(tr, t.ev.Eval(p.Get("SourceArn"))); ok {
		if id := t.target(fn); id != "" {
			t.routePerms = append(t.routePerms, routePermission{fn: id, tr: route})
		}
		return
	}
	t.addTrigger(fn, tr)
}

// esmSources maps the resource type an event source mapping reads from to
// the trigger type and detail key.
var esmSources = map[string][2]string{
	"AWS::SQS::Queue":            {"sqs", "queue"},
	"AWS::Kinesis::Stream":       {"kinesis", "stream"},
	"AWS::DynamoDB::Table":       {"dynamodb", "stream"},
	"AWS::MSK::Cluster":          {"msk", "stream"},
	"AWS::AmazonMQ::Broker":      {"mq", "broker"},
	"AWS::DocDB::DBCluster":      {"documentdb", "cluster"},
	"AWS::DynamoDB::GlobalTable": {"dynamodb", "stream"},
}

// esmARNs maps the service part of an event source ARN the same way.
var esmARNs = map[string][2]string{
	"sqs": {"sqs", "queue"}, "kinesis": {"kinesis", "stream"}, "dynamodb": {"dynamodb", "stream"},
	"kafka": {"msk", "stream"}, "mq": {"mq", "broker"}, "rds": {"documentdb", "cluster"},
}

// wireEventSourceMapping reads a poller: SQS, Kinesis, DynamoDB streams, MSK, MQ, Kafka.
func (t *template) wireEventSourceMapping(en cfgtree.Entry, p *cfgtree.Node) {
	tr := model.Trigger{Source: t.loc(en.Line)}
	src := t.ev.Eval(p.Get("EventSourceArn"))
	kind, ok := esmSources[t.typeOf(src.Ref)]
	if parts := strings.SplitN(src.Text, ":", 4); !ok && len(parts) == 4 && parts[0] == "arn" {
		kind, ok = esmARNs[parts[2]]
	}
	switch {
	case p.Get("SelfManagedEventSource") != nil:
		kind = [2]string{"kafka", "stream"}
		setDetail(&tr, "stream", nodeJSON(p.Path("SelfManagedEventSource", "Endpoints"), 200))
	case !ok:
		kind = [2]string{"eventSourceMapping", "source"}
	}
	tr.Type = kind[0]
	setDetail(&tr, kind[1], src.Name())
	setDetail(&tr, "topics", t.detail(p.Get("Topics")))
	setDetail(&tr, "queues", t.detail(p.Get("Queues")))
	setDetail(&tr, "batchSize", t.detail(p.Get("BatchSize")))
	setDetail(&tr, "maximumConcurrency", t.detail(p.Path("ScalingConfig", "MaximumConcurrency")))
	setDetail(&tr, "startingPosition", t.detail(p.Get("StartingPosition")))
	if enabled := t.ev.Eval(p.Get("Enabled")); enabled.Resolved && strings.EqualFold(enabled.Text, "false") {
		setDetail(&tr, "enabled", "false")
	}
	t.addTrigger(t.ev.Eval(p.Get("FunctionName")), tr)
}

// wireURL reads an AWS::Lambda::Url.
func (t *template) wireURL(en cfgtree.Entry, p *cfgtree.Node) {
	tr := urlTrigger(t.ev.Eval(p.Get("AuthType")), t.loc(en.Line))
	t.corsConfig(&tr, p.Get("Cors"))
	t.addTrigger(t.ev.Eval(p.Get("TargetFunctionArn")), tr)
}
