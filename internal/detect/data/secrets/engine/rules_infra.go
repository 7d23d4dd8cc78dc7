package engine

import "github.com/cladsec/clad/internal/finding"

func infraRules() []Rule {
	return []Rule{{
		Rule: finding.Rule{
			ID: RuleHerokuKey, Severity: finding.SeverityHigh, Title: "Heroku API key",
			Why:  "A Heroku API key controls every app of the account: config vars (more secrets), deploys, add-ons.",
			Doc:  `A Heroku API key (HRKU-…, or a UUID assigned to a Heroku name) is in a file.`,
			Fix:  "Regenerate the key (heroku authorizations:revoke, or Account settings → API Key → Regenerate) and keep it in the CI secret store, AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "HEROKU_API_KEY=701beacf-…",
			Good: "HEROKU_API_KEY: ${{ secrets.HEROKU_API_KEY }}",
		},
		Catch: []Sample{
			smp(".env", "HEROKU_API_·KEY=7f3d472f-5eb6-4b75-9e34-b5df243cf317\n"),
			smp("deploy.sh", "export HEROKU_API_KEY=HR·KU-AAtTdTlQdnDpG7fxpKQFqGPNQDUUBcrXodoMTrUh-xB45Al02uOEBeHAoGSZ\n"),
		},
		Ignore: []Sample{
			smp(".env", "HEROKU_APP_NAME=orders-prod\n"),
			smp("deploy.sh", "export HEROKU_API_KEY=$(heroku auth:token)\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleVaultToken, Severity: finding.SeverityHigh, Title: "HashiCorp Vault token",
			Why:  "A Vault token reads every secret its policies allow: one leak unlocks many.",
			Doc:  `A HashiCorp Vault service token (hvs.), batch token (hvb.) or legacy token (s.…) assigned to a Vault name is in a file.`,
			Fix:  "Revoke the token (vault token revoke) and have functions log in with the AWS IAM or Azure auth method at run time instead of a static token; if a static token is unavoidable, keep it in AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "VAULT_TOKEN=hvs.h05b…",
			Good: "vault login -method=aws role=orders",
		},
		Catch: []Sample{
			smp(".env", "VAULT_TOKEN=hv·s.h05b7Okj9l0bsS45JbueX_bEaSmaUyp6haHpmE6TCE5xC_FcuSfVZshdEIofCyOrCrt-tTASsRdWTR8CqaLW1xjNmD\n"),
			smp("config.yml", "vault_to·ken: s.K394ReUPieUm6F2lJRlv8EbH\n"),
		},
		Ignore: []Sample{
			smp(".env", "VAULT_ADDR=https://vault.acme.internal:8200\n"),
			smp(".env", "VAULT_TOKEN=hvs.short\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleDigitalOcean, Severity: finding.SeverityHigh, Title: "DigitalOcean token",
			Why:  "A DigitalOcean token creates and destroys droplets, databases and functions on the account.",
			Doc:  `A DigitalOcean personal access token (dop_v1_), OAuth token (doo_v1_) or refresh token (dor_v1_) is in a file.`,
			Fix:  "Delete the token in the DigitalOcean control panel (API → Tokens), create a scoped one with an expiry, and keep it in the CI secret store, AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "DO_TOKEN=dop_v1_f8a5…",
			Good: "DO_TOKEN: ${{ secrets.DO_TOKEN }}",
		},
		Catch: []Sample{
			smp(".env", "DO_TOKEN=dop_·v1_f8a5892fc57f880e255e8e20ecf8a4f09d0285c8b974c55ab2eb25f106033639\n"),
			smp("deploy.py", "client = Client(token=\"dop_·v1_f8a5892fc57f880e255e8e20ecf8a4f09d0285c8b974c55ab2eb25f106033638\")\n"),
		},
		Ignore: []Sample{
			smp(".env", "DO_TOKEN=dop_v1_short\n"),
			smp(".env", "DO_TOKEN=dop_v1_${TOKEN}\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RulePlanetScale, Severity: finding.SeverityHigh, Title: "PlanetScale token or password",
			Why:  "A PlanetScale service token or database password reads and writes the production database.",
			Doc:  `A PlanetScale service token (pscale_tkn_), database password (pscale_pw_) or OAuth token (pscale_oauth_) is in a file.`,
			Fix:  "Delete the password or service token in the PlanetScale dashboard, create a new one, and keep it in AWS Secrets Manager / SSM Parameter Store or Azure Key Vault." + rotateNow,
			Bad:  "DATABASE_PASSWORD=pscale_pw_HIfd…",
			Good: "DATABASE_PASSWORD: ${ssm:/db/planetscale-password}",
		},
		Catch: []Sample{
			smp(".env", "PLANETSCALE_SERVICE_TOKEN=pscale_·tkn_iCwb5XisxHIDaEhvWJsLI5Wzl7XMJwsWW4ZhGnm_X9c\n"),
			smp("src/db.ts", "const conn = connect({ host, username, password: 'pscale_·pw_HIfd1l0RQObgz-VA9Z2GmeKC5W4H60NN_lxCyZhxRHA' });\n"),
		},
		Ignore: []Sample{
			smp(".env", "DATABASE_PASSWORD=pscale_pw_short\n"),
			smp("README.md", "DATABASE_PASSWORD=pscale_pw_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleTerraformToken, Severity: finding.SeverityHigh, Title: "Terraform Cloud / Enterprise API token",
			Why:  "A Terraform Cloud token reads state (full of secrets) and applies infrastructure changes.",
			Doc:  `A Terraform Cloud or Enterprise API token (<14 chars>.atlasv1.<…>) is in a file, often .terraformrc or credentials.tfrc.json.`,
			Fix:  "Revoke the token in Terraform Cloud (User or Team settings → Tokens) and use dynamic provider credentials, or a token kept in the CI secret store, AWS Secrets Manager or Azure Key Vault, instead of a committed one." + rotateNow,
			Bad:  `credentials "app.terraform.io" { token = "qvoF64Xu….atlasv1.…" }`,
			Good: "TF_TOKEN_app_terraform_io: ${{ secrets.TF_TOKEN }}",
		},
		Catch: []Sample{
			smp(".terraformrc", "credentials \"app.terraform.io\" {\n  token = \"qvoF64XuSwRKFg.atlas·v1.f1hHXpHpDIVwLVyPV-o4svb-ecz9aghNtLlA8Z9QBaEPBxxWSzgOx_BxRhnspV4r2FA\"\n}\n"),
			smp("credentials.tfrc.json", `{"credentials": {"app.terraform.io": {"token": "qvoF64XuSwRKFh.atlas·v1.f1hHXpHpDIVwLVyPV-o4svb-ecz9aghNtLlA8Z9QBaEPBxxWSzgOx_BxRhnspV4r2FB"}}}`+"\n"),
		},
		Ignore: []Sample{
			smp(".terraformrc", "credentials \"app.terraform.io\" {\n  token = \"x.atlasv1.short\"\n}\n"),
			smp("notes.md", "tokens look like XXXXXXXXXXXXXX.atlasv1.XXXX\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RulePulumiToken, Severity: finding.SeverityHigh, Title: "Pulumi access token",
			Why:  "A Pulumi access token reads stack state and configuration secrets and runs updates.",
			Doc:  `A Pulumi Cloud access token (pul- and 40 hex characters) is in a file.`,
			Fix:  "Delete the token in Pulumi Cloud (Settings → Access Tokens), use OIDC from CI, or keep a token in the CI secret store, AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "PULUMI_ACCESS_TOKEN=pul-9e02…",
			Good: "PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_ACCESS_TOKEN }}",
		},
		Catch: []Sample{
			smp(".env", "PULUMI_ACCESS_TOKEN=pu·l-9e02049fb045decf71ad9a825ada20f7c715a532\n"),
			smp("ci.sh", "pulumi login --token pu·l-9e02049fb045decf71ad9a825ada20f7c715a533\n"),
		},
		Ignore: []Sample{
			smp(".env", "PULUMI_ACCESS_TOKEN=pul-123\n"),
			smp("styles.css", ".pul-left { float: left }\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleOktaToken, Severity: finding.SeverityHigh, Title: "Okta API token",
			Why:  "An Okta API token acts with its admin's privileges over users, groups and applications.",
			Doc:  `An Okta API token (00 and 40 characters) assigned to an Okta name is in a file.`,
			Fix:  "Revoke the token in the Okta admin console (Security → API → Tokens) and use OAuth 2.0 service apps with scoped access instead of SSWS tokens; keep credentials in AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "OKTA_API_TOKEN=00c8_4Dp…",
			Good: "OKTA_API_TOKEN: ${ssm:/idp/okta-token}",
		},
		Catch: []Sample{
			smp(".env", "OKTA_API_TO·KEN=00c8_4DpdZDr3MMT9362mwmfaC2sNl8ZZh4Ul41Evt\n"),
			smp("config.yml", "okta:\n  okta_api_to·ken: 00c8_4DpdZDr3MMT9362mwmfaC2sNl8ZZh4Ul41Evu\n"),
		},
		Ignore: []Sample{
			smp(".env", "OKTA_ORG_URL=https://acme.okta.com\n"),
			smp(".env", "OKTA_API_TOKEN=00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleAtlassianToken, Severity: finding.SeverityMedium, Title: "Atlassian API token",
			Why:  "An Atlassian API token reads and edits every Jira issue and Confluence page its user can.",
			Doc:  `An Atlassian API token (ATATT3…, or a 24-character token assigned to a Jira/Confluence name) is in a file.`,
			Fix:  "Revoke the token at id.atlassian.com (Security → API tokens) and keep the new one in AWS Secrets Manager / SSM Parameter Store or Azure Key Vault." + rotateNow,
			Bad:  "JIRA_API_TOKEN=eCgT…",
			Good: "JIRA_API_TOKEN: ${ssm:/tools/jira-token}",
		},
		Catch: []Sample{
			smp(".env", "JIRA_API_TO·KEN=eCgTE0oPMZPdUfryYZ4Wg1kk\n"),
			smp("src/jira.js", "const token = 'AT·ATT3vfiC5qvbDUxdpZYVlYbB5IXxquus9jYXqY_PYkSn-wkndOZ=SQ3GQ8IjiFffhiUE9TtBxufRyYFE1DkEkcebg4YPEKT905bFzu0=onFC6rAZg7KDDfRWN-gunnbjmwbwM4cO6wCXzecx2KE0WmD4f323_m6Cm-rGkSTwz9cXQVh3ysmSvc=dJaoWTM';\n"),
		},
		Ignore: []Sample{
			smp(".env", "JIRA_BASE_URL=https://acme.atlassian.net\n"),
			smp(".env", "JIRA_API_TOKEN=${{ secrets.JIRA_API_TOKEN }}\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleMapboxToken, Severity: finding.SeverityMedium, Title: "Mapbox secret access token",
			Why:  "A Mapbox secret token (sk.) has scopes beyond map display: uploads, styles, token management.",
			Doc:  `A Mapbox secret access token (sk.eyJ…) is in a file. Public tokens (pk.) are meant for browsers and are ignored.`,
			Fix:  "Delete the token in the Mapbox account (Tokens) and keep secret tokens server-side in AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "MAPBOX_TOKEN=sk.eyJ1Ijog…",
			Good: "MAPBOX_TOKEN: ${ssm:/maps/mapbox-secret-token}",
		},
		Catch: []Sample{
			smp(".env", "MAPBOX_DOWNLOADS_TOKEN=s·k.eyJ1IjogImFjbWUiLCAiYSI6ICJja241ZncxYmk0eHlrcWFyNzA5cW44In0.1gQgCZyDofWhQwakXKYckV\n"),
			smp("src/upload.js", "const mbx = mapbox({ accessToken: 's·k.eyJ1IjogImFjbWUiLCAiYSI6ICJja241ZncxYmk0eHlrcWFyNzA5cW44In0.1gQgCZyDofWhQwakXKYckW' });\n"),
		},
		Ignore: []Sample{
			smp("src/map.js", "mapboxgl.accessToken = 'pk.eyJ1IjogImFjbWUiLCAiYSI6ICJja241ZncxYmk0eHlrcWFyNzA5cW44In0.1gQgCZyDofWhQwakXKYckV';\n"),
			smp(".env", "MAPBOX_TOKEN=sk.eyJshort\n"),
		},
	}}
}
