// Package forgotten reports functions that run in the cloud but that no
// manifest of the scanned code declares, from an inventory of deployed
// functions the user exports (clad scan --deployed): code nobody reviews,
// patches or removes, still holding its role and triggers.
package forgotten

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/cladsec/clad/internal/deployed"
	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/runtimes"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Rule is the documented check.
var Rule = finding.Rule{
	ID:       "access/deployed-not-in-code",
	Category: finding.Access,
	Severity: finding.SeverityMedium,
	Title:    "Deployed function that no manifest declares",
	CWE:      []string{"CWE-1164"},
	Why:      "A function that runs but is in no code base is reviewed, patched and removed by nobody, while it keeps its role, its triggers and its secrets.",
	Doc: `Give clad scan the inventory of what is deployed (--deployed FILE, the JSON
of "aws lambda list-functions" or "az functionapp function list") and it
matches every deployed function to the function map: by the name a manifest
fixes (Serverless name: or <service>-<stage>-<key>, in any stage without a
hyphen when the name is built from the stage; CloudFormation FunctionName),
by the logical id inside the name CloudFormation generates
(<stack>-<LogicalId>-<suffix>), or by the Azure function name (within its
app when the app is one clad scanned under the same name). A deployed
function that matches nothing is reported: medium, high when its runtime
no longer receives patches. Scan every repository that deploys into the
account, or filter the inventory to the functions this code owns (for
example with --query on the AWS CLI); otherwise functions of other code
bases are reported too. Inventories list the function names and
runtimes only: no code or secret is read from them.`,
	Fix:  "Find the owner: bring the function back under a manifest in a repository, or delete it (aws lambda delete-function, or remove the stack or app that created it) together with its role, triggers and log group.",
	Bad:  "{\"Functions\": [{\"FunctionName\": \"orders-old-export\", \"Runtime\": \"nodejs12.x\"}]}   # no manifest declares orders-old-export",
	Good: "{\"Functions\": [{\"FunctionName\": \"orders-prod-create\", \"Runtime\": \"nodejs22.x\"}]}   # serverless.yml: service orders, function create",
}

// Detector implements detect.Detector.
type Detector struct {
	// Now is the clock; time.Now unless a test fixes it.
	Now func() time.Time
}

// New returns the detector.
func New() *Detector { return &Detector{Now: time.Now} }

// Name implements detect.Detector.
func (*Detector) Name() string { return "deployed-inventory" }

// Category implements detect.Detector.
func (*Detector) Category() finding.Category { return finding.Access }

// Rules implements detect.Detector.
func (*Detector) Rules() []finding.Rule { return []finding.Rule{Rule} }

// Detect implements detect.Detector.
func (d *Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	if len(in.Deployed) == 0 {
		return nil
	}
	table, err := runtimes.Default()
	if err != nil {
		return fmt.Errorf("runtime table: %w", err)
	}
	m := newMatcher(in.Project)
	for _, df := range in.Deployed {
		if err := ctx.Err(); err != nil {
			return err
		}
		if m.declared(df) {
			continue
		}
		report(d.finding(df, table))
	}
	return nil
}

func (d *Detector) finding(df deployed.Function, table *runtimes.Table) finding.Finding {
	f := Rule.New()
	f.File, f.Line = df.Source.File, df.Source.Line
	f.Functions = []string{}
	f.Key = df.Provider + "\x00" + df.Label()
	f.Evidence = df.Label()
	where := "AWS Lambda function"
	if df.Provider == model.Azure {
		where = "Azure function"
	}
	var facts []string
	if df.Runtime != "" {
		facts = append(facts, "runtime "+df.Runtime)
	}
	if df.LastModified != "" {
		facts = append(facts, "last modified "+df.LastModified)
	}
	about := ""
	if len(facts) > 0 {
		about = " (" + strings.Join(facts, ", ") + ")"
	}
	f.Message = fmt.Sprintf("%s %s%s is deployed, but no manifest in the scanned code declares it: nobody reviews, patches or removes it, and it keeps its role, triggers and secrets.", where, df.Label(), about)
	if rt, ok := table.Lookup(df.Provider, df.Runtime); ok && !rt.Deprecated.IsZero() && rt.Deprecated.Before(d.Now()) {
		f.Severity = finding.SeverityHigh
		f.Message += fmt.Sprintf(" Its runtime %s stopped receiving patches on %s.", df.Runtime, rt.Deprecated.Format("2006-01-02"))
	}
	return f
}
