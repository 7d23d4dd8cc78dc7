// Package dos reports denial-of-service and denial-of-wallet exposure in
// the function map: anonymous functions without a concurrency limit, HTTP
// functions whose timeout outlives API Gateway, and event sources that
// scale a function without bound.
package dos

import (
	"context"
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/fnmap"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Limits that make one invocation expensive.
const (
	restTimeout    = 29   // seconds API Gateway REST/WebSocket waits
	httpAPITimeout = 30   // seconds an HTTP API waits
	costlyTimeout  = 29   // a public function longer than this is expensive
	costlyMemory   = 2048 // MB
	hugeMemory     = 4096 // MB on an anonymous HTTP function
)

// Detector implements detect.Detector.
type Detector struct{}

// New returns the detector.
func New() *Detector { return &Detector{} }

// Name implements detect.Detector.
func (*Detector) Name() string { return "denial-of-wallet" }

// Category implements detect.Detector.
func (*Detector) Category() finding.Category { return finding.Access }

// Rules implements detect.Detector.
func (*Detector) Rules() []finding.Rule {
	return []finding.Rule{ConcurrencyRule, TimeoutRule, FanoutRule}
}

// Detect implements detect.Detector.
func (*Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	for _, g := range fnmap.ByManifest(in.Project.Functions) {
		if err := ctx.Err(); err != nil {
			return err
		}
		if g.Provider == model.Azure {
			azureScale(g, report)
			continue
		}
		if g.Provider != model.AWS {
			continue
		}
		concurrency(g, report)
		for _, fn := range g.Functions {
			if !fn.Disabled {
				timeout(fn, report)
			}
		}
		fanout(g, report)
	}
	return nil
}

// unbounded reports a function with no reserved concurrency that clad can
// see (an unresolved setting is not reported).
func unbounded(fn *model.Function) bool {
	if fn.ReservedConcurrency != nil {
		return false
	}
	for _, u := range fn.Unresolved {
		if strings.Contains(strings.ToLower(u), "reserved") {
			return false
		}
	}
	return true
}

// concurrency reports, once per manifest, the anonymous AWS functions
// without reserved concurrency whose anonymous routes are not throttled by
// API Gateway either.
func concurrency(g fnmap.Group, report func(finding.Finding)) {
	var fns []*model.Function
	var parts []string
	var costlyOnes []string
	for _, fn := range g.Functions {
		if !fnmap.Reachable(fn) || !unbounded(fn) {
			continue
		}
		var public []model.Trigger
		for _, t := range fn.Triggers {
			// Lambda@Edge functions cannot reserve concurrency; a route
			// with an explicit API Gateway rate limit is bounded there.
			if t.Public && t.Type != "cloudFront" && t.Details["throttle"] == "" {
				public = append(public, t)
			}
		}
		if len(public) == 0 {
			continue
		}
		fns = append(fns, fn)
		parts = append(parts, fn.Name+" ("+fnmap.Endpoints(public)+")")
		if costly(fn) {
			costlyOnes = append(costlyOnes, fmt.Sprintf("%s may run %s with %s", fn.Name, seconds(fn.Timeout), megabytes(fn.MemorySize)))
		}
	}
	if len(fns) == 0 {
		return
	}
	f := ConcurrencyRule.New()
	f.File, f.Line = fns[0].Source.File, fns[0].Source.Line
	f.Functions = fnmap.IDs(fns)
	f.Evidence = "reservedConcurrency not set: " + fnmap.ShortNames(fns, 10)
	f.Key = g.Manifest
	subject, obj := "can be invoked anonymously and has", "it"
	if len(fns) > 1 {
		subject, obj = "can be invoked anonymously and have", "them"
	}
	f.Message = fmt.Sprintf("%s %s no reserved concurrency and no API Gateway rate limit: a request flood scales %s up to the account limit, billed per invocation, and starves the account's other functions.",
		strings.Join(parts, ", "), subject, obj)
	if len(costlyOnes) > 0 {
		f.Severity = finding.SeverityMedium
		f.Message += " Each invocation is expensive: " + strings.Join(costlyOnes, "; ") + "."
	}
	report(f)
}

func costly(fn *model.Function) bool {
	return (fn.Timeout != nil && *fn.Timeout > costlyTimeout) || (fn.MemorySize != nil && *fn.MemorySize >= costlyMemory)
}

// timeout reports API Gateway functions whose timeout outlives the
// gateway, and anonymous HTTP functions with a very large memory size.
func timeout(fn *model.Function, report func(finding.Finding)) {
	var gw *model.Trigger
	limit := restTimeout
	for i, t := range fn.Triggers {
		if fnmap.IsAPIGateway(t) {
			gw = &fn.Triggers[i]
			if t.Type == "httpApi" {
				limit = httpAPITimeout
			}
			break
		}
	}
	long := gw != nil && fn.Timeout != nil && *fn.Timeout > limit
	huge := fn.Public && fn.MemorySize != nil && *fn.MemorySize >= hugeMemory && len(fnmap.PublicHTTP(fn, true)) > 0
	if !long && !huge {
		return
	}
	f := TimeoutRule.New()
	f.File, f.Line = fn.Source.File, fn.Source.Line
	f.Functions = []string{fn.ID}
	f.Key = fn.ID
	var parts []string
	if long {
		f.Evidence = fmt.Sprintf("timeout %d", *fn.Timeout)
		parts = append(parts, fmt.Sprintf("%s has a timeout of %d s but API Gateway answers 504 after %d s (%s): the function keeps running and billing after the caller gave up", fn.Name, *fn.Timeout, limit, fnmap.Endpoint(*gw)))
	}
	if huge {
		f.Evidence = strings.TrimPrefix(f.Evidence+fmt.Sprintf(", memorySize %d", *fn.MemorySize), ", ")
		parts = append(parts, fmt.Sprintf("%s is anonymous and sized at %d MB: every request is billed at that size", fn.Name, *fn.MemorySize))
	}
	f.Message = strings.Join(parts, "; ") + "."
	report(f)
}

func seconds(t *int) string {
	if t == nil {
		return "the default timeout"
	}
	return fmt.Sprintf("up to %d s", *t)
}

func megabytes(m *int) string {
	if m == nil {
		return "the default memory"
	}
	return fmt.Sprintf("%d MB", *m)
}
