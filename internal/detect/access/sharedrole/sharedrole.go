// Package sharedrole reports an execution role shared by several functions
// that grants write, delete or permission-management actions: every
// function inherits the power of the most demanding one, so a flaw in the
// weakest function reaches everything the role may touch.
package sharedrole

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/fnmap"
	"github.com/cladsec/clad/internal/detect/access/iam"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Rule is the documented check.
var Rule = finding.Rule{
	ID:       "access/shared-role-write",
	Category: finding.Access,
	Severity: finding.SeverityMedium,
	Title:    "Role with write access shared by several functions",
	CWE:      []string{"CWE-250", "CWE-653"},
	Why:      "Functions sharing one role all hold the union of what any of them needs; a flaw in one of them can use the others' write and delete rights.",
	Doc: `The Serverless Framework gives every function of a service the one role built
from provider.iam.role.statements (iamRoleStatements in v1/v2); CloudFormation
and SAM templates often point several functions at one AWS::IAM::Role. Each
function then holds every permission any of them needs. The book's advice is
to treat every function as its own perimeter: a queue consumer that only
sends mail should not be able to delete the orders table because the
checkout function shares its role. clad reports the role once, names every
function that inherits it and lists the write, delete and permission
management grants. It cannot yet tell which function uses which grant; the
code analysis of clad iam suggest will sharpen this.`,
	Fix:      "Give each function its own role with only the actions it calls: the serverless-iam-roles-per-function plugin (iamRoleStatements per function), or one Role/Policies per SAM function.",
	Bad:      "provider:\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: dynamodb:*\n          Resource: '*'\nfunctions:\n  checkout: …\n  sendMail: …",
	Good:     "plugins: [serverless-iam-roles-per-function]\nfunctions:\n  checkout:\n    iamRoleStatements:\n      - Effect: Allow\n        Action: dynamodb:PutItem\n        Resource: !GetAtt Orders.Arn\n  sendMail:\n    iamRoleStatements: []",
	Exposure: true,
}

// Detector implements detect.Detector.
type Detector struct{}

// New returns the detector.
func New() *Detector { return &Detector{} }

// Name implements detect.Detector.
func (*Detector) Name() string { return "shared-role" }

// Category implements detect.Detector.
func (*Detector) Category() finding.Category { return finding.Access }

// Rules implements detect.Detector.
func (*Detector) Rules() []finding.Rule { return []finding.Rule{Rule} }

// Detect implements detect.Detector.
func (*Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	loc := fnmap.NewLocator(in.Tree)
	for _, g := range sharedGroups(in.Project.Functions) {
		if err := ctx.Err(); err != nil {
			return err
		}
		if f, ok := weigh(g, in.Project.Functions, loc); ok {
			report(f)
		}
	}
	return nil
}

// sharedGroups returns the sets of functions that share a role, each once.
func sharedGroups(fns []*model.Function) [][]*model.Function {
	byID := map[string]*model.Function{}
	for _, fn := range fns {
		byID[fn.ID] = fn
	}
	seen := map[string]bool{}
	var out [][]*model.Function
	for _, fn := range fns {
		if fn.Role == "" || len(fn.RoleSharedWith) == 0 {
			continue
		}
		ids := append([]string{fn.ID}, fn.RoleSharedWith...)
		sort.Strings(ids)
		k := strings.Join(ids, ",")
		if seen[k] {
			continue
		}
		seen[k] = true
		var g []*model.Function
		for _, id := range ids {
			if m := byID[id]; m != nil {
				g = append(g, m)
			}
		}
		if len(g) > 1 {
			out = append(out, g)
		}
	}
	return out
}

// roleLevel keeps the resolved Allow statements that belong to the role,
// not to one function.
func roleLevel(st model.Statement) bool {
	return iam.Allows(st) && st.Origin != "function" && !strings.HasPrefix(st.Origin, "sam")
}

// weigh builds the finding for one shared role, if it grants write access.
func weigh(g []*model.Function, all []*model.Function, loc *fnmap.Locator) (finding.Finding, bool) {
	var grants []string
	broad := false
	first := model.Location{}
	for _, sh := range iam.GroupStatements(g, roleLevel) {
		var acts []string
		for _, a := range sh.Statement.Action {
			if !iam.IsWildcard(a) && iam.FineOnAnyResource(a) {
				continue
			}
			c := iam.Cover(a)
			if c.Class < iam.Write {
				continue
			}
			broad = broad || c.Class >= iam.Delete || iam.Broadest(sh.Statement.Resource) >= iam.Service
			acts = append(acts, a)
		}
		if len(acts) == 0 {
			continue
		}
		grants = append(grants, strings.Join(acts, ", ")+" on "+strings.Join(sh.Statement.Resource, ", "))
		if first.File == "" {
			first = sh.Statement.Source
		}
	}
	for _, p := range g[0].ManagedPolicies {
		if m, ok := iam.LookupManaged(p.ARN); ok && m.Class >= iam.Write {
			grants, broad = append(grants, m.Name), true
			if first.File == "" {
				first = p.Source
			}
		}
	}
	if len(grants) == 0 {
		return finding.Finding{}, false
	}
	fn := g[0]
	f := Rule.New()
	if !broad {
		f.Severity = finding.SeverityLow
	}
	f.File, f.Line = roleLocation(fn, loc, first)
	f.Functions = fnmap.IDs(g)
	f.Evidence = strings.Join(grants, "; ")
	f.Key = fn.Manifest + "|" + fn.Role
	f.Message = message(fn, g, all, grants)
	return f, true
}

func message(fn *model.Function, g, all []*model.Function, grants []string) string {
	role := "Role " + fn.Role
	if fn.Role == "provider" {
		role = "The provider role of service " + fn.Service
	}
	msg := fmt.Sprintf("%s is shared by %s and grants %s. Each of them inherits all of it, whatever it needs itself",
		role, fnmap.Holders(fnmap.IDs(g), all), strings.Join(grants, "; "))
	if pub := fnmap.AnyPublic(fnmap.IDs(g), all); len(pub) > 0 {
		via := "it"
		if len(pub) > 1 {
			via = "any of them"
		}
		msg += fmt.Sprintf("; %s can be invoked anonymously, so code run through %s holds the whole role", strings.Join(pub, ", "), via)
	}
	return msg + "."
}

// roleLocation is where the role is declared: provider.iam.role (or the
// v1/v2 iamRoleStatements, provider.role), the role resource, else the
// first statement or the function.
func roleLocation(fn *model.Function, loc *fnmap.Locator, first model.Location) (string, int) {
	var paths [][]string
	if fn.Role == "provider" {
		paths = [][]string{{"provider", "iam", "role"}, {"provider", "iamRoleStatements"}, {"provider", "iamManagedPolicies"}}
	} else {
		paths = [][]string{{"resources", "Resources", fn.Role}, {"Resources", fn.Role}, {"provider", "iam", "role"}, {"provider", "role"}}
	}
	for _, p := range paths {
		if line := loc.KeyLine(fn.Manifest, p...); line > 0 {
			return fn.Manifest, line
		}
	}
	if first.File != "" && first.Line > 0 {
		return first.File, first.Line
	}
	return fn.Source.File, fn.Source.Line
}
