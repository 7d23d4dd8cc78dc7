package report

import "github.com/cladsec/clad/internal/model"

// Secrets planted in the sample report; no output may contain them whole.
const (
	plantedPassword = "hunter2-correct-horse"
	plantedAWSKey   = "AKIAIOSFODNN7EXAMPLE"
)

// intp returns a pointer to n.
func intp(n int) *int { return &n }

// sampleReport is a representative scan: three functions (AWS and Azure)
// with triggers, statements and environment (secrets included), findings
// of every severity (a traced code finding, a library finding, a
// multi-function finding, a project-wide one, one inside a zip), and
// problems.
func sampleReport() *Report {
	return &Report{
		SchemaVersion: SchemaVersion,
		Tool:          Tool{Name: "clad", Version: "0.1.0"},
		Project: Project{
			Root:      "./examples/shop",
			Functions: []*model.Function{renderFunction(), thumbsFunction(), nightlyFunction()},
			Manifests: []model.Manifest{
				{File: "serverless.yml", Kind: "serverless", Service: "shop", Functions: 2},
				{File: "billing/nightly/function.json", Kind: "azure", Functions: 1},
			},
		},
		Findings: sampleFindings(),
		Summary: Summary{
			Functions: 3, Manifests: 2, FilesScanned: 42, FilesFailed: 1, Findings: 6,
			BySeverity: map[string]int{"critical": 1, "high": 2, "medium": 1, "low": 1, "info": 1},
			ByCategory: map[string]int{"code": 1, "library": 1, "access": 2, "data": 2},
			Suppressed: 1,
			Categories: []string{"code", "library", "access", "data"},
			NotRun:     []string{"library: no advisory data for PyPI"},
			FailOn:     "high",
			Failed:     true,
		},
		Errors: []model.Problem{
			{File: "dist/app.zip!/vendor/big.bin", Level: model.LevelWarning, Kind: "limit", Stage: "walk", Message: "file larger than 10 MiB, skipped"},
			{File: "legacy/serverless.yml", Line: 3, Level: model.LevelError, Kind: "parse", Stage: "serverless", Message: "yaml: mapping values are not allowed in this context"},
		},
		Rules: sampleRules(),
	}
}

// renderFunction is public, resolved, with secrets in its environment.
func renderFunction() *model.Function {
	return &model.Function{
		ID: "shop/render", Name: "render", Service: "shop", Provider: model.AWS, Runtime: "nodejs20.x",
		Handler: "src/render.handler", File: "src/render.js", HandlerLine: 12,
		HandlerStatus: model.HandlerResolved, CodeDir: ".",
		Source: model.Location{File: "serverless.yml", Line: 20, EndLine: 31},
		Triggers: []model.Trigger{{
			Type: "http", Details: map[string]string{"method": "get", "path": "/render"},
			Auth: "none", Public: true, Source: model.Location{File: "serverless.yml", Line: 24},
		}},
		Auth: "none", Public: true,
		Role: "provider", RoleSharedWith: []string{"shop/thumbs"},
		Statements: []model.Statement{{
			Effect: "Allow", Action: []string{"s3:*"}, Resource: []string{"*"},
			Origin: "provider", Source: model.Location{File: "serverless.yml", Line: 9}, Resolved: true,
		}},
		Environment: []model.EnvVar{
			{Name: "STAGE", Value: "dev", Resolved: true, Origin: "provider", Source: model.Location{File: "serverless.yml", Line: 14}},
			{Name: "TABLE", Value: "orders", Resolved: true, Origin: "provider", Source: model.Location{File: "serverless.yml", Line: 15}},
			{Name: "DB_PASSWORD", Value: plantedPassword, Resolved: true, Origin: "function", Source: model.Location{File: "serverless.yml", Line: 28}},
			{Name: "ANALYTICS_ID", Value: plantedAWSKey, Resolved: true, Origin: "function", Source: model.Location{File: "serverless.yml", Line: 29}},
			{Name: "SIGNING_KEY", Value: "${ssm:/shop/signing-key}", Resolved: false, Origin: "function", Source: model.Location{File: "serverless.yml", Line: 30}},
		},
		Timeout: intp(6), MemorySize: intp(1024),
		Package: &model.Package{Individually: true, Patterns: []string{"!node_modules/aws-sdk/**"}},
	}
}

// thumbsFunction has queue and bucket triggers and missing code; its
// lists are nil on purpose (Normalize must write []).
func thumbsFunction() *model.Function {
	return &model.Function{
		ID: "shop/thumbs", Name: "thumbs", Service: "shop", Provider: model.AWS, Runtime: "python3.12",
		Handler: "thumbs.main", HandlerStatus: model.HandlerMissing, CodeDir: ".",
		Source: model.Location{File: "serverless.yml", Line: 33},
		Triggers: []model.Trigger{
			{Type: "s3", Details: map[string]string{"bucket": "uploads", "event": "s3:ObjectCreated:*"}, Source: model.Location{File: "serverless.yml", Line: 37}},
			{Type: "sqs", Details: map[string]string{"arn": "arn:aws:sqs:eu-west-1:123456789012:orders"}, Source: model.Location{File: "serverless.yml", Line: 40}},
		},
		Role: "provider", RoleSharedWith: []string{"shop/render"},
		Unresolved: []string{"environment"},
	}
}

// nightlyFunction is an Azure timer function packaged in a zip.
func nightlyFunction() *model.Function {
	return &model.Function{
		ID: "billing/nightly", Name: "nightly", Service: "billing", Provider: model.Azure, Runtime: "node",
		Handler: "index.js", File: "dist/billing.zip!/nightly/index.js", HandlerLine: 1,
		HandlerStatus: model.HandlerResolved, CodeDir: "dist/billing.zip!/nightly",
		Source: model.Location{File: "billing/nightly/function.json", Line: 2},
		Triggers: []model.Trigger{{
			Type: "timerTrigger", Details: map[string]string{"schedule": "0 */5 * * * *"},
			Source: model.Location{File: "billing/nightly/function.json", Line: 4},
		}},
		Statements: []model.Statement{},
		Environment: []model.EnvVar{
			{Name: "AzureWebJobsStorage", Value: "DefaultEndpointsProtocol=https;AccountName=billing;AccountKey=bXlzZWNyZXRrZXk=", Resolved: true, Origin: "local.settings", Source: model.Location{File: "billing/local.settings.json", Line: 4}},
			{Name: "FUNCTIONS_WORKER_RUNTIME", Value: "node", Resolved: true, Origin: "local.settings", Source: model.Location{File: "billing/local.settings.json", Line: 5}},
		},
	}
}
