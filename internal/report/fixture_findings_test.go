package report

import "github.com/cladsec/clad/internal/finding"

// sampleFindings covers every severity and the optional parts of a finding.
func sampleFindings() []finding.Finding {
	return []finding.Finding{
		{
			Rule: "code-eval-injection", Category: finding.Code, Severity: finding.SeverityCritical,
			Title:   "Request data reaches eval()",
			Message: "The query parameter tpl flows into eval(), so any caller can run code in the function.",
			File:    "src/render.js", Line: 14, EndLine: 15,
			Functions: []string{"shop/render"},
			Evidence:  "eval(event.queryStringParameters.tpl)",
			Fix:       "Do not evaluate request data; render templates with a sandboxed engine.",
			CWE:       []string{"CWE-95"}, Fingerprint: "a1b2c3d4e5f60718",
			Trace: []finding.Step{
				{File: "src/render.js", Line: 12, Note: "event.queryStringParameters.tpl (source)"},
				{File: "src/render.js", Line: 13, Note: "assigned to tpl"},
				{File: "src/render.js", Line: 14, Note: "eval(tpl) (sink)"},
			},
		},
		{
			Rule: "library-vulnerable", Category: finding.Library, Severity: finding.SeverityHigh,
			Title:   "lodash 4.17.15 has a known vulnerability (command injection via template)",
			Message: "lodash@4.17.15 is packaged with shop/render and shop/thumbs and is affected by GHSA-35jh-r3h4-6jhm.",
			File:    "package-lock.json", Line: 120,
			Functions: []string{"shop/render", "shop/thumbs"},
			Fix:       "Upgrade lodash to 4.17.21 or later.",
			CWE:       []string{"CWE-77", "CWE-94"}, Fingerprint: "0f1e2d3c4b5a6978",
			Vulnerability: &finding.Vulnerability{
				ID: "GHSA-35jh-r3h4-6jhm", Aliases: []string{"CVE-2021-23337"}, Ecosystem: "npm",
				Package: "lodash", Version: "4.17.15", Fixed: "4.17.21",
				Paths: [][]string{{"shop", "lodash"}, {"shop", "async-utils", "lodash"}},
			},
		},
		{
			Rule: "access-wildcard-action", Category: finding.Access, Severity: finding.SeverityHigh,
			Title:   "Role allows every S3 action on every resource",
			Message: "The provider role grants s3:* on * to 2 functions, one of them public.",
			File:    "serverless.yml", Line: 9, EndLine: 12,
			Functions: []string{"shop/thumbs", "shop/render"},
			Evidence:  "Action: s3:*  Resource: '*'",
			Fix:       "List the actions each function needs, on the buckets it uses.",
			CWE:       []string{"CWE-732"}, Fingerprint: "1122334455667788",
		},
		{
			Rule: "data-secret-in-env", Category: finding.Data, Severity: finding.SeverityMedium,
			Title:   "Password in environment | stored as `plain text`",
			Message: "DB_PASSWORD holds a literal password that ends up in the deployed configuration.",
			File:    "serverless.yml", Line: 28,
			Functions: []string{"shop/render"},
			Evidence:  "DB_PASSWORD: hunt…(21 chars)",
			Fix:       "Read the password at run time from a secret store (SSM SecureString, Secrets Manager).",
			CWE:       []string{"CWE-798"}, Fingerprint: "99aabbccddeeff00",
		},
		{
			Rule: "data-env-file-committed", Category: finding.Data, Severity: finding.SeverityLow,
			Title:       "A .env file is part of the project",
			Message:     ".env files are easily packaged and committed by mistake.",
			File:        ".env",
			Fix:         "Remove .env from the repository and the package; add it to .gitignore.",
			Fingerprint: "5566778899001122",
		},
		{
			Rule: "access-no-concurrency-limit", Category: finding.Access, Severity: finding.SeverityInfo,
			Title:   "No reserved concurrency",
			Message: "billing/nightly can scale without bound.",
			File:    "dist/billing.zip!/nightly/index.js", Line: 1,
			Functions:   []string{"billing/nightly"},
			Fingerprint: "abcdefabcdef0123",
		},
	}
}

// sampleRules documents every rule except data-env-file-committed (the
// SARIF writer must synthesise that one).
func sampleRules() []finding.Rule {
	return []finding.Rule{
		{
			ID: "code-eval-injection", Category: finding.Code, Severity: finding.SeverityCritical,
			Title: "Request data reaches eval()", CWE: []string{"CWE-95"},
			Why: "Code built from request data runs with the function's permissions.",
			Doc: "eval, Function and vm.runInThisContext execute strings as code.",
			Fix: "Do not evaluate request data.", Bad: "eval(event.body)", Good: "JSON.parse(event.body)",
		},
		{
			ID: "library-vulnerable", Category: finding.Library, Severity: finding.SeverityHigh,
			Title: "Packaged dependency with a known vulnerability",
			Why:   "A vulnerable library shipped with a function is reachable by its triggers.",
			Fix:   "Upgrade to a fixed version.",
		},
		{
			ID: "access-wildcard-action", Category: finding.Access, Severity: finding.SeverityHigh,
			Title: "IAM statement with a wildcard action", CWE: []string{"CWE-732"},
			Why: "A wildcard grants actions the function never needs.",
			Fix: "List the actions the function needs.",
		},
		{
			ID: "data-secret-in-env", Category: finding.Data, Severity: finding.SeverityMedium,
			Title: "Secret in environment variables", CWE: []string{"CWE-798"},
			Why: "Environment variables are visible to anyone who can read the function configuration.",
			Fix: "Use a secret store.",
		},
		{
			ID: "access-no-concurrency-limit", Category: finding.Access, Severity: finding.SeverityInfo,
			Title: "No reserved concurrency",
			Why:   "An unbounded function can exhaust the account's concurrency or run up costs.",
			Fix:   "Set reserved concurrency.",
		},
	}
}
