package cloudformation

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// wireRule reads an AWS::Events::Rule targeting the function: a schedule
// or an event pattern.
func (t *template) wireRule(en cfgtree.Entry, p *cfgtree.Node) {
	for _, target := range p.Get("Targets").List() {
		tr := model.Trigger{Type: "eventBridge", Source: t.loc(en.Line)}
		if expr := p.Get("ScheduleExpression"); expr != nil {
			tr.Type = "schedule"
			setDetail(&tr, "schedule", t.detail(expr))
		}
		if pat := p.Get("EventPattern"); pat != nil {
			setDetail(&tr, "pattern", nodeJSON(pat, 300))
		}
		setDetail(&tr, "bus", t.detail(p.Get("EventBusName")))
		setDetail(&tr, "rule", en.Key)
		if state := t.ev.Eval(p.Get("State")); state.Resolved && state.Text == "DISABLED" {
			setDetail(&tr, "enabled", "false")
		}
		t.addTrigger(t.ev.Eval(target.Get("Arn")), tr)
	}
}

// wireSchedule reads an EventBridge Scheduler schedule targeting the function.
func (t *template) wireSchedule(en cfgtree.Entry, p *cfgtree.Node) {
	tr := model.Trigger{Type: "schedule", Source: t.loc(en.Line)}
	setDetail(&tr, "schedule", t.detail(p.Get("ScheduleExpression")))
	setDetail(&tr, "timezone", t.detail(p.Get("ScheduleExpressionTimezone")))
	if state := t.ev.Eval(p.Get("State")); state.Resolved && state.Text == "DISABLED" {
		setDetail(&tr, "enabled", "false")
	}
	t.addTrigger(t.ev.Eval(p.Path("Target", "Arn")), tr)
}

// wireBucket reads S3 notifications to the function.
func (t *template) wireBucket(en cfgtree.Entry, p *cfgtree.Node) {
	for _, lc := range p.Path("NotificationConfiguration", "LambdaConfigurations").List() {
		tr := model.Trigger{Type: "s3", Source: t.loc(lc.Line)}
		setDetail(&tr, "bucket", en.Key)
		setDetail(&tr, "event", t.detail(lc.Get("Event")))
		if fl := lc.Get("Filter"); fl != nil {
			setDetail(&tr, "filter", nodeJSON(fl, 200))
		}
		t.addTrigger(t.ev.Eval(lc.Get("Function")), tr)
	}
}

// wireSubscription reads an SNS subscription of protocol lambda.
func (t *template) wireSubscription(en cfgtree.Entry, p *cfgtree.Node) {
	if !strings.EqualFold(t.ev.Eval(p.Get("Protocol")).Text, "lambda") {
		return
	}
	tr := model.Trigger{Type: "sns", Source: t.loc(en.Line)}
	setDetail(&tr, "topic", t.detail(p.Get("TopicArn")))
	t.addTrigger(t.ev.Eval(p.Get("Endpoint")), tr)
}

// wireTopic reads the inline subscriptions of an SNS topic.
func (t *template) wireTopic(en cfgtree.Entry, p *cfgtree.Node) {
	for _, s := range p.Get("Subscription").List() {
		if !strings.EqualFold(t.ev.Eval(s.Get("Protocol")).Text, "lambda") {
			continue
		}
		tr := model.Trigger{Type: "sns", Source: t.loc(s.Line)}
		setDetail(&tr, "topic", en.Key)
		t.addTrigger(t.ev.Eval(s.Get("Endpoint")), tr)
	}
}

// wireLogFilter reads a CloudWatch Logs subscription filter to the function.
func (t *template) wireLogFilter(en cfgtree.Entry, p *cfgtree.Node) {
	tr := model.Trigger{Type: "cloudwatchLog", Source: t.loc(en.Line)}
	setDetail(&tr, "logGroup", t.detail(p.Get("LogGroupName")))
	setDetail(&tr, "filter", t.detail(p.Get("FilterPattern")))
	t.addTrigger(t.ev.Eval(p.Get("DestinationArn")), tr)
}

// wireUserPool reads the Lambda triggers of a Cognito user pool.
func (t *template) wireUserPool(en cfgtree.Entry, p *cfgtree.Node) {
	cfg := p.Get("LambdaConfig")
	if cfg == nil || cfg.Kind != cfgtree.Map {
		return
	}
	for _, c := range cfg.Entries {
		fn := c.Value
		if isPlain(fn, cfgtree.Map) {
			fn = fn.Get("LambdaArn") // CustomSMSSender, CustomEmailSender
		}
		tr := model.Trigger{Type: "cognito", Source: t.loc(c.Line)}
		setDetail(&tr, "pool", en.Key)
		setDetail(&tr, "trigger", c.Key)
		t.addTrigger(t.ev.Eval(fn), tr)
	}
}

// wireTopicRule reads IoT topic rules invoking the function.
func (t *template) wireTopicRule(en cfgtree.Entry, p *cfgtree.Node) {
	payload := p.Get("TopicRulePayload")
	for _, a := range payload.Get("Actions").List() {
		lambda := a.Get("Lambda")
		if lambda == nil {
			continue
		}
		tr := model.Trigger{Type: "iot", Source: t.loc(a.Line)}
		setDetail(&tr, "rule", en.Key)
		setDetail(&tr, "sql", t.detail(payload.Get("Sql")))
		t.addTrigger(t.ev.Eval(lambda.Get("FunctionArn")), tr)
	}
}
