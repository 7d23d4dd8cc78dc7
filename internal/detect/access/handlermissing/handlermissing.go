// Package handlermissing reports functions whose manifest names code that is
// not in the project: a deploy that fails, or worse, a function whose real
// code lives somewhere nobody reviews ("forgotten functions" in the book).
package handlermissing

import (
	"context"
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/entrypoints"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Rule is the documented check.
var Rule = finding.Rule{
	ID:       "access/handler-missing",
	Category: finding.Access,
	Severity: finding.SeverityMedium,
	Title:    "Function handler code is missing",
	CWE:      []string{"CWE-1164"},
	Why:      "The manifest deploys a function whose code is not in the project, so nobody reviews what actually runs.",
	Doc: `A function declared in serverless.yml, a SAM/CloudFormation template or an Azure
function.json points at a handler file that does not exist in the scanned tree.
Either the deployment fails, or the code that ships comes from somewhere else (a
stale build, a hand-uploaded zip) and escapes review. The book calls these
forgotten functions: deployed, invokable, and owned by no one.`,
	Fix:  "Point the handler at the file that holds the code, or remove the function from the manifest if it is no longer used.",
	Bad:  "functions:\n  report:\n    handler: src/report.handler   # src/report.js does not exist",
	Good: "functions:\n  report:\n    handler: src/report.handler   # src/report.js exports handler",
}

// Detector implements detect.Detector.
type Detector struct{}

// New returns the detector.
func New() *Detector { return &Detector{} }

// Name implements detect.Detector.
func (*Detector) Name() string { return "handler-missing" }

// Category implements detect.Detector.
func (*Detector) Category() finding.Category { return finding.Access }

// Rules implements detect.Detector.
func (*Detector) Rules() []finding.Rule { return []finding.Rule{Rule} }

// Detect implements detect.Detector.
func (*Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	var idx *entrypoints.Index
	for _, fn := range in.Project.Functions {
		if fn.HandlerStatus != model.HandlerMissing {
			continue
		}
		if idx == nil && in.Tree != nil {
			x, err := entrypoints.Scan(ctx, in.Tree, nil)
			if err != nil {
				return fmt.Errorf("handler-missing: %w", err)
			}
			idx = x
		}
		f := Rule.New()
		f.File, f.Line = fn.Source.File, fn.Source.Line
		f.Functions = []string{fn.ID}
		f.Evidence = fn.Handler
		f.Key = fn.ID
		where := fn.CodeDir
		if where == "" || where == "." {
			where = "the project root"
		}
		f.Message = fmt.Sprintf("Function %s declares handler %q (runtime %s), but no matching source file exists under %s.",
			fn.ID, fn.Handler, orUnknown(fn.Runtime), where)
		if strings.TrimSpace(fn.Handler) == "" {
			f.Message = fmt.Sprintf("Function %s declares no handler (and no image), so the deployment has no code to run; check the indentation of its handler key.", fn.ID)
		}
		if e, ok := entrypoints.Suggest(idx, fn); ok {
			f.Message += fmt.Sprintf(" %s:%d exports %s: if that is the code, point the handler at it (access/orphan-handler does not report it separately).", e.File, e.Line, exportText(e))
		}
		report(f)
	}
	return nil
}

// exportText names an entry point's export and signature.
func exportText(e entrypoints.Entry) string {
	if e.Symbol == "default" {
		return "function " + e.Params
	}
	return e.Symbol + e.Params
}

func orUnknown(s string) string {
	if strings.TrimSpace(s) == "" {
		return "unknown"
	}
	return s
}
