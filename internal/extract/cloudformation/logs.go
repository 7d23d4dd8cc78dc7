package cloudformation

import (
	"strconv"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
)

// logRetention finds the retention of the function's log group: an
// AWS::Logs::LogGroup named "/aws/lambda/<function>" (by reference or by
// name), or the one LoggingConfig.LogGroup names.
func (t *template) logRetention(id string, props *cfgtree.Node) *int {
	fnName := t.ev.Eval(props.Get("FunctionName"))
	custom := t.ev.Eval(props.Path("LoggingConfig", "LogGroup"))
	for _, en := range t.resourcesOfType("AWS::Logs::LogGroup") {
		p := en.Value.Get("Properties")
		name := t.ev.Eval(p.Get("LogGroupName"))
		lambdaGroup := strings.HasPrefix(name.Text, "/aws/lambda/")
		match := (custom.Ref != "" && custom.Ref == en.Key) ||
			(custom.Resolved && custom.Text != "" && name.Resolved && name.Text == custom.Text) ||
			(lambdaGroup && contains(name.Refs, id)) ||
			(lambdaGroup && fnName.Resolved && fnName.Text != "" && name.Resolved && name.Text == "/aws/lambda/"+fnName.Text)
		if !match {
			continue
		}
		days := t.ev.Eval(p.Get("RetentionInDays"))
		if d, err := strconv.Atoi(strings.TrimSpace(days.Text)); days.Resolved && err == nil {
			return &d
		}
	}
	return nil
}
