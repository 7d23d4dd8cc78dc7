package engine

import "github.com/cladsec/clad/internal/finding"

func observabilityRules() []Rule {
	return []Rule{{
		Rule: finding.Rule{
			ID: RuleDatadogKey, Severity: finding.SeverityMedium, Title: "Datadog API or application key",
			Why: "A Datadog application key reads every dashboard, log and trace; an API key submits data billed to the account.",
			Doc: `A Datadog API key (32 hex characters) or application key (40 hex characters)
is assigned to a Datadog name (DD_API_KEY, DD_APP_KEY, datadog_api_key…). The
serverless plugin and the Lambda extension read DD_API_KEY from the function's
environment, so it often lands in serverless.yml.`,
			Fix:  "Revoke the key in Datadog (Organization settings → API/Application keys), and give the extension DD_API_KEY_SECRET_ARN pointing at AWS Secrets Manager (or a Key Vault reference on Azure) instead of the literal." + rotateNow,
			Bad:  "DD_API_KEY: 604e…",
			Good: "DD_API_KEY_SECRET_ARN: arn:aws:secretsmanager:eu-west-1:123456789012:secret:dd-api-key",
		},
		Catch: []Sample{
			smp("serverless.yml", "custom:\n  datadog:\n    api·Key: 604e8ef1b12a80bf8843075b7d1fb63c\n"),
			smp(".env", "DD_APP_·KEY=96f2facd5ab3b46f9dda914c001dab552cf3c4b2\n"),
		},
		Ignore: []Sample{
			smp(".env", "DD_API_KEY=<your-datadog-api-key>\n"),
			smp(".env", "DD_SITE=datadoghq.eu\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleNewRelicKey, Severity: finding.SeverityMedium, Title: "New Relic key",
			Why: "A New Relic user key (NRAK) queries and changes the account through NerdGraph; license keys send data billed to it.",
			Doc: `A New Relic key is in a file: a user API key (NRAK-), an Insights insert key
(NRII-), an ingest license key (…NRAL), or a 40-character key assigned to a New
Relic name.`,
			Fix:  "Delete or rotate the key in New Relic (API keys UI), and give the Lambda extension NEW_RELIC_LICENSE_KEY from AWS Secrets Manager (or an Azure Key Vault reference) instead of a literal." + rotateNow,
			Bad:  "NEW_RELIC_API_KEY=NRAK-00AU…",
			Good: "NEW_RELIC_LICENSE_KEY: ${ssm:/obs/newrelic-license}",
		},
		Catch: []Sample{
			smp(".env", "NEW_RELIC_API_KEY=NR·AK-00AUCGVU8CRHBTJG6857RJ6630T\n"),
			smp("newrelic.js", "exports.config = { license_key: 'e7f2baf78d26c9730b2662a81f9ee872172dN·RAL' };\n"),
		},
		Ignore: []Sample{
			smp(".env", "NEW_RELIC_API_KEY=NRAK-SHORT\n"),
			smp(".env", "NEW_RELIC_APP_NAME=orders\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleSentryToken, Severity: finding.SeverityMedium, Title: "Sentry auth token",
			Why: "A Sentry auth token uploads releases and source maps and reads every event, with its request data.",
			Doc: `A Sentry organisation auth token (sntrys_) or user auth token (sntryu_) is in a
file. DSNs are public by design and are not reported.`,
			Fix:  "Revoke the token in Sentry (Settings → Auth Tokens) and keep the new one in the CI secret store, AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "SENTRY_AUTH_TOKEN=sntryu_4ee5…",
			Good: "SENTRY_AUTH_TOKEN: ${{ secrets.SENTRY_AUTH_TOKEN }}",
		},
		Catch: []Sample{
			smp(".env", "SENTRY_AUTH_TOKEN=sntr·yu_4ee52fc57c7ba7a02e895204fe4dc076fba735951a942bed6734becc88608b14\n"),
			smp(".sentryclirc", "[auth]\ntoken=sntr·ys_eyJpYXQiOjE3MTgwMDAwMDAsInVybCI6Imh0dHBzOi8vc2VudHJ5LmlvIiwib3JnIjoiYWNtZSJ9_TBurdaRj8Hkvfw2xMzCGkZ8KEHJlG9YxTNTWttqJqwM\n"),
		},
		Ignore: []Sample{
			smp("src/sentry.js", "Sentry.init({ dsn: 'https://c08927cae578485090fb254c2a992a5b@o12345.ingest.sentry.io/67890' });\n"),
			smp(".env", "SENTRY_AUTH_TOKEN=sntryu_abc\n"),
		},
	}}
}

func aiRules() []Rule {
	return []Rule{{
		Rule: finding.Rule{
			ID: RuleOpenAIKey, Severity: finding.SeverityHigh, Title: "OpenAI API key",
			Why: "An OpenAI key runs paid model calls on the account and reads its files, assistants and fine-tunes.",
			Doc: `An OpenAI API key (sk-proj-, sk-svcacct-, sk-admin-, or a legacy sk- key with
the T3BlbkFJ marker) is in a file. Leaked keys are found and drained within hours.`,
			Fix:  "Revoke the key on platform.openai.com (API keys), create a project key with limits, and keep it in AWS Secrets Manager / SSM Parameter Store or Azure Key Vault, read at run time." + rotateNow,
			Bad:  "OPENAI_API_KEY=sk-proj-H2ZM…",
			Good: "OPENAI_API_KEY: ${ssm:/ai/openai-key}",
		},
		Catch: []Sample{
			smp(".env", "OPENAI_API_KEY=sk-pr·oj-H2ZMmv26R5z0bbMoqwMSCLTleaEELGMx8769UnFWMGAGtFhIkLcwSc4Bbb97ETYxWltz10nlNjQRfXpd2RJ2QJ2RqCg0F6Km2bz2V9KW53hpGYg15JSQkOZt\n"),
			smp("src/ai.py", "openai.api_key = \"sk-qOzEQCynQOD3sJRqqS9NT3Blb·kFJj2Z0Ap2Av1Qs9Wi9dezm\"\n"),
		},
		Ignore: []Sample{
			smp(".env", "OPENAI_API_KEY=sk-proj-short\n"),
			smp("README.md", "OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleAnthropicKey, Severity: finding.SeverityHigh, Title: "Anthropic API key",
			Why:  "An Anthropic key runs paid model calls billed to the organisation.",
			Doc:  `An Anthropic API or admin key (sk-ant-api03-…, sk-ant-admin01-…) is in a file.`,
			Fix:  "Disable the key in the Anthropic Console (API keys), create a new one, and keep it in AWS Secrets Manager / SSM Parameter Store or Azure Key Vault." + rotateNow,
			Bad:  "ANTHROPIC_API_KEY=sk-ant-api03-mZBz…",
			Good: "ANTHROPIC_API_KEY: ${ssm:/ai/anthropic-key}",
		},
		Catch: []Sample{
			smp(".env", "ANTHROPIC_API_KEY=sk-a·nt-api03-mZBzj5lFZJCIDiJJKMp0BJWY9Qq3hFAv0KWfnm2uLDv7p1g9Ml9acqK_B78Tw7REGrhXSPB2Y3L72JwXMpD7P89FxJtvKAA\n"),
			smp("src/ai.ts", "const client = new Anthropic({ apiKey: 'sk-a·nt-api03-mZBzj5lFZJCIDiJJKMp0BJWY9Qq3hFAv0KWfnm2uLDv7p1g9Ml9acqK_B78Tw7REGrhXSPB2Y3L72JwXMpD7P89FxJtvKAB' });\n"),
		},
		Ignore: []Sample{
			smp(".env", "ANTHROPIC_API_KEY=sk-ant-api03-xxxxx\n"),
			smp("README.md", "ANTHROPIC_API_KEY=sk-ant-...\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleHuggingFace, Severity: finding.SeverityMedium, Title: "Hugging Face access token",
			Why:  "A Hugging Face write token pushes models and datasets under the organisation's name; read tokens open private repos.",
			Doc:  `A Hugging Face user access token (hf_ and 34 letters) is in a file.`,
			Fix:  "Invalidate the token on huggingface.co (Settings → Access Tokens), create a fine-grained one, and keep it in AWS Secrets Manager / SSM Parameter Store or Azure Key Vault." + rotateNow,
			Bad:  "HF_TOKEN=hf_rwbS…",
			Good: "HF_TOKEN: ${ssm:/ml/hf-token}",
		},
		Catch: []Sample{
			smp(".env", "HF_TOKEN=h·f_rwbSffaiIqGyciYkYFTpofBbcHCfBQNkyE\n"),
			smp("src/model.py", "login(token=\"h·f_SSPNasTgzCasaQhONZxMRqOTdGwqJDDklL\")\n"),
		},
		Ignore: []Sample{
			smp(".env", "HF_TOKEN=hf_short\n"),
			smp("README.md", "HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
		},
	}}
}
