// Package exposure reports how functions can be invoked without
// authentication: anonymous HTTP endpoints, function URLs with AuthType
// NONE, Lambda resource policies open to any principal, and CORS settings
// that let any web site send credentialed requests.
package exposure

import (
	"context"
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/fnmap"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Detector implements detect.Detector.
type Detector struct{}

// New returns the detector.
func New() *Detector { return &Detector{} }

// Name implements detect.Detector.
func (*Detector) Name() string { return "exposure" }

// Category implements detect.Detector.
func (*Detector) Category() finding.Category { return finding.Access }

// Rules implements detect.Detector.
func (*Detector) Rules() []finding.Rule {
	return []finding.Rule{PublicHTTPRule, FunctionURLRule, PermissionRule, CORSRule}
}

// Detect implements detect.Detector.
func (*Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	loc := fnmap.NewLocator(in.Tree)
	for _, fn := range in.Project.Functions {
		if err := ctx.Err(); err != nil {
			return err
		}
		if fn.Disabled {
			continue
		}
		publicHTTP(fn, loc, report)
		functionURL(fn, report)
		permissions(fn, loc, report)
		cors(fn, report)
	}
	azureCORS(in.Project.Functions, loc, report)
	return nil
}

// publicHTTP reports a function's anonymous HTTP endpoints, once.
func publicHTTP(fn *model.Function, loc *fnmap.Locator, report func(finding.Finding)) {
	ts := fnmap.PublicHTTP(fn, false)
	if len(ts) == 0 {
		return
	}
	st := stakesOf(fn)
	f := PublicHTTPRule.New()
	f.Severity = st.severity(finding.SeverityInfo)
	f.File, f.Line = triggerLine(ts[0], loc)
	f.Functions = []string{fn.ID}
	f.Evidence = fnmap.Endpoint(ts[0]) + ": " + missingAuth(ts[0])
	f.Key = fn.ID
	f.Message = fmt.Sprintf("%s answers %s to anyone: %s.%s", fn.Name, fnmap.Endpoints(ts), missingAuth(ts[0]), st.text())
	if st.text() == "" {
		f.Message += " Nothing in its configuration gives it write access or credentials; noted so the exposure is a conscious choice."
	}
	report(f)
}

// triggerLine is where a trigger is declared; for an Azure binding, the
// authLevel line when there is one.
func triggerLine(t model.Trigger, loc *fnmap.Locator) (string, int) {
	if t.Type == "httpTrigger" {
		if line := loc.BindingKeyLine(t.Source.File, t.Source.Line, "authLevel"); line > 0 {
			return t.Source.File, line
		}
	}
	return t.Source.File, t.Source.Line
}

// functionURL reports a function URL with AuthType NONE.
func functionURL(fn *model.Function, report func(finding.Finding)) {
	for _, t := range fn.Triggers {
		if t.Type != "url" || !t.Public {
			continue
		}
		st := stakesOf(fn)
		f := FunctionURLRule.New()
		f.Severity = st.severity(finding.SeverityLow)
		f.File, f.Line = t.Source.File, t.Source.Line
		f.Functions = []string{fn.ID}
		f.Evidence = "function URL AuthType NONE"
		f.Key = fn.ID
		f.Message = fmt.Sprintf("The function URL of %s has AuthType NONE: anyone who learns the URL can invoke it, with no throttling, request validation or WAF in front.%s", fn.Name, st.text())
		report(f)
		return
	}
}

// permissions reports resource policy statements open to any principal,
// and service principals without a source condition.
func permissions(fn *model.Function, loc *fnmap.Locator, report func(finding.Finding)) {
	hasURL := false
	for _, t := range fn.Triggers {
		hasURL = hasURL || t.Type == "url"
	}
	for _, t := range fn.Triggers {
		if t.Type != "permission" {
			continue
		}
		principal := fnmap.Detail(t, "principal")
		f := PermissionRule.New()
		f.File, f.Line = t.Source.File, t.Source.Line
		f.Functions = []string{fn.ID}
		f.Evidence = fmt.Sprintf("Principal %s, Action %s", principal, orNone(fnmap.Detail(t, "action")))
		f.Key = fn.ID + "|" + principal + "|" + fnmap.Detail(t, "action")
		switch {
		case t.Public && (strings.EqualFold(fnmap.Detail(t, "functionUrlAuthType"), "NONE") || viaFunctionURL(t, loc)) && hasURL:
			continue // the permission of a public function URL: access/function-url-no-auth
		case t.Public:
			f.Message = fmt.Sprintf("A Lambda permission lets principal %q invoke %s with no SourceArn, SourceAccount or PrincipalOrgID: any AWS account can call it directly.", principal, fn.Name)
		case strings.HasSuffix(principal, ".amazonaws.com") && fnmap.Detail(t, "sourceArn", "sourceAccount") == "":
			f.Severity = finding.SeverityLow
			f.Message = fmt.Sprintf("A Lambda permission lets the service %s invoke %s without SourceArn or SourceAccount: a resource of that service in any account can trigger it (confused deputy).", principal, fn.Name)
		default:
			continue
		}
		report(f)
	}
}

// viaFunctionURL reports a permission limited to calls through the
// function URL (InvokedViaFunctionUrl: true, the lambda:InvokeFunction
// statement a public function URL needs next to lambda:InvokeFunctionUrl):
// it does not let anyone invoke the function directly.
func viaFunctionURL(t model.Trigger, loc *fnmap.Locator) bool {
	if v := fnmap.Detail(t, "invokedViaFunctionUrl"); v != "" {
		return strings.EqualFold(v, "true")
	}
	block := loc.BlockAt(t.Source.File, t.Source.Line)
	b, ok := block.Path("Properties", "InvokedViaFunctionUrl").Bool()
	return ok && b
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
