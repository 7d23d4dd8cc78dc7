package dos

import (
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/detect/access/fnmap"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// pushSources invoke a function once per event without a shard bound.
var pushSources = map[string]string{"s3": "S3 notifications", "sns": "SNS messages", "sqs": "SQS messages"}

// fanout reports, once per service, the functions an event flood scales
// without bound.
func fanout(g fnmap.Group, report func(finding.Finding)) {
	var first *model.Trigger
	var ids, parts []string
	for _, fn := range g.Functions {
		if fn.Disabled || !unbounded(fn) {
			continue
		}
		var srcs []string
		for i, t := range fn.Triggers {
			what, push := pushSources[t.Type]
			if !push || !fnmap.Enabled(t) || fnmap.Detail(t, "maximumConcurrency", "maximum_concurrency") != "" {
				continue
			}
			if first == nil {
				first = &fn.Triggers[i]
			}
			if b := fnmap.Detail(t, "batchSize", "batch_size"); b != "" {
				what += " (batch size " + b + ")"
			}
			srcs = append(srcs, what)
		}
		if len(srcs) > 0 {
			ids = append(ids, fn.ID)
			parts = append(parts, fn.Name+" from "+strings.Join(srcs, ", "))
		}
	}
	if first == nil {
		return
	}
	f := FanoutRule.New()
	f.File, f.Line = first.Source.File, first.Source.Line
	f.Functions = ids
	f.Evidence = strings.Join(parts, "; ")
	f.Key = g.Manifest
	f.Message = fmt.Sprintf("In %s, %s: nothing bounds how many copies run at once (no reserved concurrency, no SQS maximumConcurrency), so whoever can upload or publish controls the load and the bill.",
		g.Kind(), strings.Join(parts, "; "))
	report(f)
}

// azureScale notes, once per Azure app with anonymous functions, that the
// scale-out limit is set outside the repository.
func azureScale(g fnmap.Group, report func(finding.Finding)) {
	var public []*model.Function
	for _, fn := range g.Functions {
		if fnmap.Reachable(fn) {
			public = append(public, fn)
		}
	}
	if len(public) == 0 {
		return
	}
	f := ConcurrencyRule.New()
	f.Severity = finding.SeverityInfo
	f.File, f.Line = g.Manifest, 1
	f.Functions = fnmap.IDs(public)
	f.Evidence = "no scale-out limit in host.json"
	f.Key = g.Manifest
	f.Message = fmt.Sprintf("%s has anonymous functions (%s). Its scale-out limit (functionAppScaleLimit, or the maximum instance count on Flex Consumption) is set on the Azure resource, not in host.json, so clad cannot see it: make sure it is set.",
		capitalize(g.Kind()), fnmap.ShortNames(public, 6))
	report(f)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
