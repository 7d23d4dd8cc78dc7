// Package monitoring reports AWS functions deployed without the monitoring
// settings an investigation relies on: X-Ray tracing and a declared log
// retention. Both are reported once per manifest, at info, attributed to
// every function missing them.
package monitoring

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/fnmap"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Rules reported by this detector.
var (
	// TracingRule: no active tracing.
	TracingRule = finding.Rule{
		ID:       "access/no-tracing",
		Category: finding.Access,
		Severity: finding.SeverityInfo,
		Title:    "Functions without X-Ray tracing",
		CWE:      []string{"CWE-778"},
		Why:      "Without tracing, a request cannot be followed from the API through the functions and services it touched when an incident is investigated.",
		Doc: `Serverless applications spread one request over many short-lived functions
and managed services; the book's advice is to monitor each function and be
able to follow an attack through them. AWS X-Ray tracing (Serverless
provider.tracing.lambda, SAM Tracing: Active, TracingConfig Mode Active)
records each invocation and the AWS calls it made. clad reports functions
without active tracing once per manifest, at info: it is a monitoring gap,
not a vulnerability. An OpenTelemetry layer or a vendor agent does the same
job; if you use one, ignore this rule in .clad.yaml with that reason.`,
		Fix:  "Serverless: provider.tracing.lambda: true. SAM: Globals.Function.Tracing: Active. CloudFormation: TracingConfig: {Mode: Active}.",
		Bad:  "provider:\n  name: aws",
		Good: "provider:\n  name: aws\n  tracing:\n    lambda: true",
	}
	// RetentionRule: no declared log retention.
	RetentionRule = finding.Rule{
		ID:       "access/no-log-retention",
		Category: finding.Access,
		Severity: finding.SeverityInfo,
		Title:    "Functions without a declared log retention",
		CWE:      []string{"CWE-778"},
		Why:      "Without a retention in the manifest, function logs are kept forever by default (personal data included) or cut by hand where no review sees it.",
		Doc: `CloudWatch Logs keeps a log group's events forever unless a retention is set.
A retention declared in the manifest (Serverless logRetentionInDays, an
AWS::Logs::LogGroup with RetentionInDays for the function in SAM or
CloudFormation) makes the audit trail's lifetime a reviewed decision: long
enough for investigations, short enough that personal data in logs does not
pile up. clad reports functions without one, once per manifest, at info.`,
		Fix:  "Serverless: provider.logRetentionInDays (e.g. 90). SAM/CloudFormation: an AWS::Logs::LogGroup /aws/lambda/<function> with RetentionInDays.",
		Bad:  "provider:\n  name: aws",
		Good: "provider:\n  name: aws\n  logRetentionInDays: 90",
	}
)

// Detector implements detect.Detector.
type Detector struct{}

// New returns the detector.
func New() *Detector { return &Detector{} }

// Name implements detect.Detector.
func (*Detector) Name() string { return "monitoring" }

// Category implements detect.Detector.
func (*Detector) Category() finding.Category { return finding.Access }

// Rules implements detect.Detector.
func (*Detector) Rules() []finding.Rule { return []finding.Rule{TracingRule, RetentionRule} }

// Detect implements detect.Detector.
func (*Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	loc := fnmap.NewLocator(in.Tree)
	for _, g := range fnmap.ByManifest(in.Project.Functions) {
		if err := ctx.Err(); err != nil {
			return err
		}
		if g.Provider != model.AWS {
			continue
		}
		gap(g, loc, TracingRule, untraced, "No active X-Ray tracing for %s.", report)
		gap(g, loc, RetentionRule, noRetention, "No log retention declared for %s: CloudWatch keeps these logs forever.", report)
	}
	return nil
}

func untraced(fn *model.Function) bool {
	return !strings.EqualFold(fn.Tracing, "Active") && !unresolved(fn, "tracing")
}

func noRetention(fn *model.Function) bool {
	return fn.LogRetention == nil && !unresolved(fn, "logRetentionInDays") && !unresolved(fn, "log_retention")
}

func unresolved(fn *model.Function, field string) bool {
	for _, u := range fn.Unresolved {
		if strings.EqualFold(u, field) {
			return true
		}
	}
	return false
}

// gap reports the functions of one manifest that miss a setting.
//
// what is a message format with one %s for the functions.
func gap(g fnmap.Group, loc *fnmap.Locator, r finding.Rule, missing func(*model.Function) bool, what string, report func(finding.Finding)) {
	var fns []*model.Function
	for _, fn := range g.Functions {
		if missing(fn) {
			fns = append(fns, fn)
		}
	}
	if len(fns) == 0 {
		return
	}
	f := r.New()
	f.File, f.Line = settingsLine(g, loc, fns[0])
	f.Functions = fnmap.IDs(fns)
	f.Evidence = fnmap.ShortNames(fns, 10)
	f.Key = g.Manifest
	subject := fmt.Sprintf("%d of the %d functions of %s", len(fns), len(g.Functions), g.Kind())
	if len(fns) == len(g.Functions) {
		subject = "all functions of " + g.Kind()
		if len(fns) == 1 {
			subject = "the function of " + g.Kind()
		}
	}
	f.Message = fmt.Sprintf(what, subject+" ("+fnmap.ShortNames(fns, 10)+")")
	report(f)
}

// settingsLine is where the shared setting belongs: the provider block of
// a serverless.yml, the Globals of a SAM template, else the first function.
func settingsLine(g fnmap.Group, loc *fnmap.Locator, first *model.Function) (string, int) {
	if strings.HasPrefix(path.Base(g.Manifest), "serverless.") {
		if line := loc.KeyLine(g.Manifest, "provider"); line > 0 {
			return g.Manifest, line
		}
	}
	if line := loc.KeyLine(g.Manifest, "Globals"); line > 0 {
		return g.Manifest, line
	}
	return first.Source.File, first.Source.Line
}
