package forgotten_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cladsec/clad/internal/deployed"
	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/accesstest"
	"github.com/cladsec/clad/internal/detect/access/forgotten"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

func TestRules(t *testing.T) { accesstest.CheckRules(t, forgotten.New()) }

// project is a function map with one function of each kind of manifest.
func project() *model.Project {
	fn := func(name, service, manifest, provider, deployedName string) *model.Function {
		return &model.Function{ID: service + "/" + name, Name: name, Service: service, Provider: provider,
			Manifest: manifest, DeployedName: deployedName}
	}
	return &model.Project{
		Manifests: []model.Manifest{
			{File: "orders/serverless.yml", Kind: "serverless", Stage: "dev"},
			{File: "named/serverless.yml", Kind: "serverless", Stage: "dev"},
			{File: "reports/template.yaml", Kind: "sam"},
			{File: "billing/.serverless/cloudformation-template-update-stack.json", Kind: "serverless-package", Stage: "prod"},
			{File: "todo/host.json", Kind: "azure"},
			{File: "admin/host.json", Kind: "azure"},
		},
		Functions: []*model.Function{
			fn("create", "orders", "orders/serverless.yml", model.AWS, "orders-dev-create"),
			fn("get-item", "orders", "orders/serverless.yml", model.AWS, "orders-dev-get-item"),
			fn("job", "named", "named/serverless.yml", model.AWS, "nightly-job"),
			fn("ReportsFunction", "reports", "reports/template.yaml", model.AWS, ""),
			fn("VeryLongLogicalIdentifierForTheExporterFunction", "reports", "reports/template.yaml", model.AWS, ""),
			fn("Fixed", "reports", "reports/template.yaml", model.AWS, "reports-fixed-name"),
			fn("nightly", "named", "named/serverless.yml", model.AWS, "dev-nightly"), // name: ${sls:stage}-nightly
			fn("unresolved", "orders", "orders/serverless.yml", model.AWS, ""),
			fn("charge", "billing", "billing/.serverless/cloudformation-template-update-stack.json", model.AWS, "billing-prod-charge"),
			fn("createTodo", "todo", "todo/host.json", model.Azure, "createTodo"),
			fn("purge", "admin", "admin/host.json", model.Azure, "purge"),
		},
	}
}

func TestMatching(t *testing.T) {
	for _, c := range []struct {
		name     string
		fn       deployed.Function
		declared bool
	}{
		{"serverless default name", deployed.Function{Provider: model.AWS, Name: "orders-dev-create"}, true},
		{"serverless other stage", deployed.Function{Provider: model.AWS, Name: "orders-prod-create"}, true},
		{"serverless hyphenated key, other stage", deployed.Function{Provider: model.AWS, Name: "orders-qa-get-item"}, true},
		{"serverless explicit name", deployed.Function{Provider: model.AWS, Name: "nightly-job"}, true},
		{"explicit name is the only name", deployed.Function{Provider: model.AWS, Name: "named-dev-job"}, false},
		{"sam generated name", deployed.Function{Provider: model.AWS, Name: "reports-prod-ReportsFunction-1AB2C3D4E5F6"}, true},
		{"sam generated name, shortened id", deployed.Function{Provider: model.AWS, Name: "reports-VeryLongLogicalIdentifierFo-1AB2C3D4E5F6"}, true},
		{"sam FunctionName", deployed.Function{Provider: model.AWS, Name: "reports-fixed-name"}, true},
		{"serverless stage with a hyphen is another key", deployed.Function{Provider: model.AWS, Name: "orders-prod-bulk-create"}, false},
		{"name built from the stage, other stage", deployed.Function{Provider: model.AWS, Name: "prod-nightly"}, true},
		{"unresolved name, default form", deployed.Function{Provider: model.AWS, Name: "orders-prod-unresolved"}, true},
		{"serverless package, other stage", deployed.Function{Provider: model.AWS, Name: "billing-dev-charge"}, true},
		{"serverless package, other function", deployed.Function{Provider: model.AWS, Name: "billing-dev-refund"}, false},
		{"azure, case-insensitive", deployed.Function{Provider: model.Azure, App: "todo-prod", Name: "CreateTodo"}, true},
		{"azure, scanned app", deployed.Function{Provider: model.Azure, App: "todo", Name: "createTodo"}, true},
		{"azure, scanned app, another app's function", deployed.Function{Provider: model.Azure, App: "todo", Name: "purge"}, false},
		{"same service, unknown key", deployed.Function{Provider: model.AWS, Name: "orders-dev-legacyExport"}, false},
		{"key without service", deployed.Function{Provider: model.AWS, Name: "create"}, false},
		{"service and key only", deployed.Function{Provider: model.AWS, Name: "orders-create"}, false},
		{"short id piece is no match", deployed.Function{Provider: model.AWS, Name: "stack-Report-1AB2C3D4E5F6"}, false},
		{"another code base", deployed.Function{Provider: model.AWS, Name: "payments-prod-charge"}, false},
		{"azure unknown", deployed.Function{Provider: model.Azure, App: "todo-prod", Name: "deleteAll"}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := collect(t, project(), c.fn)
			if got := len(fs) == 0; got != c.declared {
				t.Errorf("declared = %v, want %v (%v)", got, c.declared, fs)
			}
		})
	}
}

// A leftover on a runtime past its end of support is high and says so; a
// supported one is medium; without an inventory nothing runs.
func TestSeverityAndMessage(t *testing.T) {
	old := deployed.Function{Provider: model.AWS, Name: "orders-dev-legacy", Runtime: "nodejs12.x", LastModified: "2021-02-03",
		Source: model.Location{File: "inv.json", Line: 7}}
	cur := deployed.Function{Provider: model.AWS, Name: "payments-prod-charge", Runtime: "nodejs22.x", Source: model.Location{File: "inv.json", Line: 12}}
	fs := collect(t, project(), old, cur)
	if len(fs) != 2 {
		t.Fatalf("findings = %v", fs)
	}
	if fs[0].Severity != finding.SeverityHigh || !strings.Contains(fs[0].Message, "stopped receiving patches on 2023-03-31") ||
		!strings.Contains(fs[0].Message, "last modified 2021-02-03") || fs[0].File != "inv.json" || fs[0].Line != 7 {
		t.Errorf("old runtime: %+v", fs[0])
	}
	if fs[1].Severity != finding.SeverityMedium || strings.Contains(fs[1].Message, "patches on") || fs[1].Evidence != "payments-prod-charge" {
		t.Errorf("current runtime: %+v", fs[1])
	}
	if fs := collect(t, project()); len(fs) != 0 {
		t.Errorf("no inventory: %v", fs)
	}
}

func collect(t *testing.T, p *model.Project, fns ...deployed.Function) []finding.Finding {
	t.Helper()
	d := forgotten.New()
	d.Now = func() time.Time { return time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) }
	in := &detect.Input{Project: p, Deployed: fns, NotRun: func(string) {}, Warn: func(model.Problem) {}}
	var out []finding.Finding
	if err := d.Detect(context.Background(), in, func(f finding.Finding) { out = append(out, f) }); err != nil {
		t.Fatal(err)
	}
	return out
}
