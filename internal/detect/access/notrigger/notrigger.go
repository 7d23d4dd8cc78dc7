// Package notrigger reports functions deployed without any trigger: they
// run only when something invokes them directly, or they are left over
// from code nobody calls any more ("forgotten functions"). One finding per
// manifest keeps a project with several such helpers quiet.
package notrigger

import (
	"context"
	"fmt"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/fnmap"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Rule is the documented check.
var Rule = finding.Rule{
	ID:       "access/function-without-trigger",
	Category: finding.Access,
	Severity: finding.SeverityInfo,
	Title:    "Function deployed without a trigger",
	CWE:      []string{"CWE-1164"},
	Why:      "A function with no event source is either invoked directly by something the manifest does not show, or forgotten: deployed, holding a role, and reviewed by nobody.",
	Doc: `A function declared with no events (Serverless), no Events (SAM), no resource
wiring it to a source (CloudFormation) or no trigger binding (Azure) still
deploys, keeps its role and its environment, and can be invoked with
lambda:Invoke by anyone allowed to. Often that is intended: a worker started
by Step Functions or by another function. Sometimes it is a leftover whose
code and permissions nobody maintains. clad lists these functions once per
manifest so the owners can say which is which. A function that another
function's code invokes (an SDK Lambda Invoke naming it, see
access/gateway-trusted-callee) or that the manifest wires as an authorizer
or a Step Functions state has a caller and is not listed. Only AWS and
Azure functions are weighed: other platforms the Serverless Framework
deploys to (Twilio, Spotinst, Kubeless, Knative…) serve a function over HTTP
without any event declared.`,
	Fix:  "Remove functions nothing calls; for functions invoked directly, document the caller (a comment, a Step Functions definition in the same repository) and scope their role.",
	Bad:  "functions:\n  oldExport:\n    handler: src/old-export.handler",
	Good: "functions:\n  export:\n    handler: src/export.handler\n    events:\n      - schedule: rate(1 day)",
}

// Detector implements detect.Detector.
type Detector struct{}

// New returns the detector.
func New() *Detector { return &Detector{} }

// Name implements detect.Detector.
func (*Detector) Name() string { return "no-trigger" }

// Category implements detect.Detector.
func (*Detector) Category() finding.Category { return finding.Access }

// Rules implements detect.Detector.
func (*Detector) Rules() []finding.Rule { return []finding.Rule{Rule} }

// Detect implements detect.Detector.
func (*Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	loc := fnmap.NewLocator(in.Tree)
	inv := &invoked{in: in}
	defer inv.close()
	for _, g := range fnmap.ByManifest(in.Project.Functions) {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !knownEvents[g.Provider] {
			continue
		}
		var idle []*model.Function
		for _, fn := range g.Functions {
			if len(fn.Triggers) == 0 && !unresolvedEvents(fn) && !referenced(fn, loc) && !inv.byCode(fn) {
				idle = append(idle, fn)
			}
		}
		if len(idle) == 0 {
			continue
		}
		f := Rule.New()
		f.File, f.Line = idle[0].Source.File, idle[0].Source.Line
		f.Functions = fnmap.IDs(idle)
		f.Evidence = fnmap.ShortNames(idle, 0)
		f.Key = g.Manifest
		f.Message = fmt.Sprintf("%s in %s: %s. %s",
			countText(len(idle)), g.Kind(), fnmap.ShortNames(idle, 10), consequence(g.Provider, len(idle)))
		report(f)
	}
	return nil
}

// knownEvents are the providers whose event model clad reads fully. On
// others (Twilio, Spotinst, Kubeless, Knative…) a function without events
// is still served over HTTP by the platform, so "no trigger" means nothing.
var knownEvents = map[string]bool{model.AWS: true, model.Azure: true}

// unresolvedEvents reports a function whose events clad could not read:
// it may well have triggers.
func unresolvedEvents(fn *model.Function) bool {
	for _, u := range fn.Unresolved {
		if u == "events" {
			return true
		}
	}
	return false
}

// consequence says what a missing trigger means on the platform.
func consequence(provider string, n int) string {
	if provider == model.Azure {
		return "The Functions host needs a trigger binding to load a function: this is dead code in the package or a broken function.json."
	}
	if n == 1 {
		return "It runs only when invoked directly (another function, Step Functions, the SDK or console), or is left over; say which, and remove it if nothing calls it."
	}
	return "They run only when invoked directly (another function, Step Functions, the SDK or console), or are left over; say which, and remove the ones nothing calls."
}

func countText(n int) string {
	if n == 1 {
		return "1 function has no trigger"
	}
	return fmt.Sprintf("%d functions have no trigger", n)
}
