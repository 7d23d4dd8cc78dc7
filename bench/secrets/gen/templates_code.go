package main

import (
	"fmt"
	"strings"
)

func (c *corpus) deployScript() {
	f := c.newFile("scripts/deploy.sh")
	f.add("#!/usr/bin/env bash", "set -euo pipefail", "STAGE=${1:-dev}", "")
	if c.chance(0.5) {
		f.secret("slack-webhook", "SLACK_WEBHOOK="+c.slackWebhook())
	} else {
		f.decoy("env-reference", `SLACK_WEBHOOK="${SLACK_WEBHOOK:?set SLACK_WEBHOOK}"`)
	}
	if c.chance(0.5) {
		f.secret("url-credentials", "git clone "+c.urlWithPassword()+" build/infra")
	} else {
		f.decoy("url-no-password", "git clone https://github.com/acme/infra.git build/infra")
	}
	if c.chance(0.5) {
		f.secret("bearer-token", `curl -fsS -H "Authorization: Bearer `+c.jwt()+`" https://api.example.com/v1/deployments`)
	} else {
		f.decoy("env-reference", `curl -fsS -H "Authorization: Bearer ${DEPLOY_TOKEN}" https://api.example.com/v1/deployments`)
	}
	f.add("npx serverless deploy --stage \"$STAGE\"", `curl -fsS -X POST -d "{\"text\":\"deployed $STAGE\"}" "$SLACK_WEBHOOK"`)
}

func (c *corpus) testFixtures() {
	f := c.newFile(pick(c, "tests/fixtures/credentials.js", "test/fixtures/tokens.js", "__tests__/fixtures/keys.js"))
	f.add("// Fixtures for the client unit tests.", "module.exports = {")
	f.add("  // fake token for tests, not a real credential")
	f.decoy("fixture-marked-fake", "  githubToken: '"+c.githubPAT()+"',")
	f.decoy("fixture-marked-fake", "  stripeKey: '"+c.stripeSecret()+"', // dummy value for tests")
	f.decoy("placeholder", "  password: 'password',")
	f.decoy("fixture-marked-fake", "  slackToken: '"+c.slackBot()+"', // fake")
	f.add("};")
	g := c.newFile(pick(c, "tests/integration/setup.js", "test/e2e/env.js"))
	g.add("// Integration tests run against the staging account.", "process.env.STAGE = 'staging';")
	g.secret("github-token", "process.env.GITHUB_TOKEN = '"+c.githubPAT()+"';")
	g.add("process.env.TABLE_NAME = 'orders-staging';")
}

func (c *corpus) readme() {
	f := c.newFile("README.md")
	f.add("# "+c.dir, "", "Service of the Acme platform.", "", "## Configuration", "", "Copy `.env.example` to `.env` and set:", "", "```sh")
	f.decoy("placeholder", "export STRIPE_SECRET_KEY="+c.placeholder("stripe_secret_key"))
	f.decoy("aws-example-key", "export AWS_ACCESS_KEY_ID="+awsExampleID)
	f.decoy("aws-example-key", "export AWS_SECRET_ACCESS_KEY="+awsExampleSecret)
	f.add("```", "", "Call the API with a token:", "", "```sh")
	f.decoy("documented-example", "curl -H 'Authorization: Bearer "+jwtIOExample+"' https://api.example.com/orders")
	f.add("```", "", "Stripe's documentation uses the test key:", "")
	f.decoy("documented-example", "    stripe.api_key = \""+stripeDocsKey+"\"")
	f.add("", "Slack's example token looks like this:", "")
	f.decoy("documented-example", "    SLACK_BOT_TOKEN="+slackDocsToken)
	f.add("", "## Deploying", "", "Run `scripts/deploy.sh prod` from CI only.")
}

func (c *corpus) indexHTML() {
	f := c.newFile("public/index.html")
	f.add("<!doctype html>", "<html lang=\"en\">", "<head>", "  <meta charset=\"utf-8\">")
	f.decoy("sri-integrity", `  <script src="https://cdn.example.com/lib/4.2.0/lib.min.js" integrity="`+c.sri()+`" crossorigin="anonymous"></script>`)
	f.decoy("google-client-id", `  <meta name="google-signin-client_id" content="`+c.googleClientID()+`">`)
	f.add("</head>", "<body>")
	f.decoy("data-uri", `  <img alt="logo" src="`+c.dataURI()+`">`)
	f.add("  <script>")
	f.decoy("stripe-publishable", "    const stripe = Stripe('"+c.stripePublishable()+"');")
	f.add("  </script>", "</body>", "</html>")
}

func (c *corpus) terraform() {
	f := c.newFile("terraform/main.tf")
	f.add(`provider "aws" {`, `  region = "eu-west-1"`)
	if c.chance(0.5) {
		first := f.next()
		f.add(`  access_key = "`+c.awsKeyID()+`"`, `  secret_key = "`+c.awsSecret()+`"`) // gitleaks:allow (generator code, not a secret)
		f.label(labelSecret, "aws-key-pair", first, first+1)
	}
	f.add("}", "", `resource "aws_db_instance" "main" {`, `  engine         = "postgres"`, `  instance_class = "db.t3.micro"`, `  username       = "app"`)
	if c.chance(0.5) {
		f.secret("generic-password", `  password       = "`+c.passwd()+`"`)
	} else {
		f.decoy("secret-reference", `  password       = data.aws_secretsmanager_secret_version.db.secret_string`)
	}
	f.add("}", "", `variable "datadog_api_key" {`, `  type      = string`, `  sensitive = true`)
	if c.chance(0.4) {
		f.secret("datadog-key", `  default   = "`+c.datadogKey()+`"`)
	}
	f.add("}")
	f.decoy("secret-reference", `data "aws_secretsmanager_secret_version" "db" { secret_id = "`+c.secretARN()+`" }`)
}

func (c *corpus) goAuth() {
	f := c.newFile("internal/auth/token.go")
	f.add("package auth", "", "import (", "\t\"time\"", "", "\t\"github.com/golang-jwt/jwt/v5\"", ")", "")
	if c.chance(0.5) {
		f.secret("generic-secret", "var signingKey = []byte(\""+c.randomSecret()+"\")")
	} else {
		f.decoy("env-reference", "var signingKey = []byte(os.Getenv(\"JWT_SIGNING_KEY\"))")
	}
	f.decoy("non-secret-setting", "const tokenTTL = 15 * time.Minute")
	f.decoy("non-secret-setting", "const secretHeader = \"X-Webhook-Signature\"")
	f.add("", "// Issue signs a token for subject.", "func Issue(subject string) (string, error) {",
		"\tclaims := jwt.RegisteredClaims{Subject: subject, ExpiresAt: jwt.NewNumericDate(time.Now().Add(tokenTTL))}",
		"\treturn jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(signingKey)", "}")
}

func (c *corpus) springConfig() {
	f := c.newFile("src/main/resources/application.yml")
	f.add("spring:", "  datasource:", "    url: jdbc:postgresql://db.internal:5432/app", "    username: app")
	if c.chance(0.5) {
		f.secret("generic-password", "    password: "+c.passwd())
	} else {
		f.decoy("env-reference", "    password: ${DB_PASSWORD}")
	}
	f.add("jwt:")
	if c.chance(0.5) {
		f.secret("generic-secret", "  secret: "+c.randomSecret())
	} else {
		f.decoy("placeholder", "  secret: "+c.placeholder("jwt_secret"))
	}
	f.decoy("non-secret-setting", "  expiration-seconds: 3600")
	f.add("management:", "  endpoints:", "    web:", "      exposure:", "        include: health,info")
}

func (c *corpus) notifyPy() {
	f := c.newFile("src/notify.py")
	f.add("import json", "import os", "import urllib.request", "")
	for i := 0; i < 2; i++ {
		switch c.r.IntN(9) {
		case 0:
			f.secret("slack-token", "SLACK_TOKEN = \""+c.slackBot()+"\"")
		case 1:
			f.secret("sendgrid-key", "SENDGRID_KEY = \""+c.sendgrid()+"\"")
		case 2:
			f.secret("telegram-token", "TELEGRAM_BOT_TOKEN = \""+c.telegram()+"\"")
		case 3:
			f.secret("discord-webhook", "DISCORD_WEBHOOK = \""+c.discordWebhook()+"\"")
		case 4:
			f.secret("mailchimp-key", "MAILCHIMP_API_KEY = \""+c.mailchimp()+"\"")
		case 5:
			f.secret("twilio-api-key", "twilio_api_key = \""+c.twilioAPIKey()+"\"")
		case 6:
			f.secret("huggingface-token", "HF_TOKEN = \""+c.hfToken()+"\"")
		case 7:
			f.decoy("env-reference", "SLACK_TOKEN = os.environ[\"SLACK_TOKEN\"]")
		default:
			f.decoy("env-reference", "SENDGRID_KEY = os.getenv(\"SENDGRID_KEY\", \"\")")
		}
	}
	f.add("", "", "def post(url, payload):", "    req = urllib.request.Request(url, data=json.dumps(payload).encode(), method=\"POST\")",
		"    with urllib.request.urlopen(req, timeout=5) as resp:", "        return resp.status")
}

func (c *corpus) constantsJS() {
	f := c.newFile("src/constants.js")
	f.add("'use strict';", "")
	f.decoy("hash", "const EMPTY_SHA256 = '"+c.sha256hex()+"';")
	f.decoy("hash", "const BUILD_COMMIT = '"+c.sha1hex()+"';")
	f.decoy("uuid-non-secret", "const DEFAULT_TENANT_ID = '"+c.uuid()+"';")
	f.decoy("non-secret-setting", "const TOKEN_REFRESH_MARGIN_MS = 60000;")
	f.decoy("non-secret-setting", "const SECRET_NAME = 'prod/orders/api-key';")
	f.decoy("non-secret-setting", "const PASSWORD_PATTERN = /^(?=.*[A-Z])(?=.*\\d).{12,}$/;")
	if c.chance(0.5) {
		f.secret("private-infra-token", pick(c, "const DO_TOKEN = '"+c.doToken()+"';", "const VAULT_TOKEN = '"+c.vault()+"';",
			"const SHOPIFY_TOKEN = '"+c.shopify()+"';", "const GITLAB_TOKEN = '"+c.gitlabPAT()+"';", "const AGE_KEY = '"+c.ageKey()+"';",
			"const PYPI_TOKEN = '"+c.pypi()+"';"))
	}
	f.add("", "module.exports = { EMPTY_SHA256, BUILD_COMMIT, DEFAULT_TENANT_ID, TOKEN_REFRESH_MARGIN_MS, SECRET_NAME, PASSWORD_PATTERN };")
}

func (c *corpus) seedSQL() {
	f := c.newFile("db/seed.sql")
	f.add("INSERT INTO users (id, email, password_hash, role) VALUES")
	for i := 0; i < 3; i++ {
		end := ","
		if i == 2 {
			end = ";"
		}
		f.decoy("bcrypt-hash", fmt.Sprintf("  ('%s', 'user%d@example.com', '%s', 'member')%s", c.uuid(), i, c.bcrypt(), end))
	}
	f.add("INSERT INTO api_clients (name, client_id) VALUES")
	f.decoy("uuid-non-secret", "  ('partner', '"+c.uuid()+"');")
}

func (c *corpus) workflow() {
	f := c.newFile(".github/workflows/deploy.yml")
	f.add("name: deploy", "on:", "  push:", "    branches: [main]", "jobs:", "  deploy:", "    runs-on: ubuntu-latest", "    steps:")
	f.decoy("hash", "      - uses: actions/checkout@"+c.sha1hex()+" # v4")
	f.add("      - run: npm ci", "      - run: npx serverless deploy --stage prod", "        env:")
	f.decoy("secret-reference", "          AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}")
	f.decoy("secret-reference", "          STRIPE_KEY: ${{ secrets.STRIPE_KEY }}")
	if c.chance(0.3) {
		f.secret("github-token", "          GH_TOKEN: "+c.githubPAT())
	}
}

// filler writes modules without secrets, for volume: handlers, helpers
// and a minified bundle with a source map.
func (c *corpus) filler() {
	for i := 0; i < 8+c.r.IntN(8); i++ {
		if c.chance(0.7) {
			c.jsModule(i)
		} else {
			c.pyModule(i)
		}
	}
	c.bundle()
}

var verbs = []string{"load", "save", "parse", "format", "compute", "merge", "filter", "render", "validate", "normalize", "fetch", "resolve"}
var nouns = []string{"order", "invoice", "customer", "item", "report", "event", "record", "page", "price", "address", "cart", "shipment"}

func (c *corpus) ident() string {
	n := pick(c, nouns...)
	return pick(c, verbs...) + strings.ToUpper(n[:1]) + n[1:]
}

func (c *corpus) jsModule(i int) {
	f := c.newFile(fmt.Sprintf("src/lib/%s_%d.js", pick(c, nouns...), i))
	f.add("'use strict';", "", "const assert = require('assert');", "")
	for j := 0; j < 10+c.r.IntN(15); j++ {
		name := c.ident()
		f.add(fmt.Sprintf("function %s%d(input, options = {}) {", name, j),
			"  assert(input, 'input is required');",
			fmt.Sprintf("  const limit = options.limit ?? %d;", 10+c.r.IntN(90)),
			"  const out = [];",
			"  for (const entry of [].concat(input).slice(0, limit)) {",
			fmt.Sprintf("    if (entry && entry.%s !== undefined) out.push({ ...entry, rank: out.length + %d });", pick(c, nouns...), c.r.IntN(5)),
			"  }",
			fmt.Sprintf("  return options.sort ? out.sort((a, b) => a.rank - b.rank) : out; // %s", c.ident()),
			"}", "")
	}
	f.add("module.exports = {};")
}

func (c *corpus) pyModule(i int) {
	f := c.newFile(fmt.Sprintf("src/%s_%d.py", pick(c, nouns...), i))
	f.add("from dataclasses import dataclass", "from typing import Iterable", "")
	for j := 0; j < 8+c.r.IntN(12); j++ {
		name := strings.ToLower(pick(c, verbs...) + "_" + pick(c, nouns...))
		f.add("", fmt.Sprintf("def %s_%d(items: Iterable[dict], limit: int = %d) -> list:", name, j, 10+c.r.IntN(90)),
			fmt.Sprintf("    \"\"\"%s the items, at most limit of them.\"\"\"", strings.ToUpper(name[:1])+name[1:]),
			"    out = []",
			"    for item in items:",
			fmt.Sprintf("        if item.get(%q) is not None:", pick(c, nouns...)),
			"            out.append(item)",
			"        if len(out) >= limit:",
			"            break",
			"    return out")
	}
}

// bundle is minified code and its source map: long lines, hashes and
// base64 VLQ mappings, nothing secret.
func (c *corpus) bundle() {
	f := c.newFile("dist/main." + c.str(8, hexCS) + ".js")
	var b strings.Builder
	for k := 0; k < 600; k++ {
		fmt.Fprintf(&b, "function %s%s(e,t){var n=e[%q]||t;return n&&n.%s?n.%s(%d):void 0}", c.str(1, lowerCS), c.str(3, alnum),
			pick(c, nouns...), pick(c, verbs...), pick(c, verbs...), c.r.IntN(1000))
		if k%50 == 49 {
			b.WriteString(fmt.Sprintf(";var chunk_%s=%q;\n", c.str(4, lowerCS), "chunk-"+c.str(20, hexCS)))
		}
	}
	f.add(strings.TrimSuffix(b.String(), "\n"))
	m := c.newFile("dist/main.js.map")
	var seg []string
	for k := 0; k < 3000; k++ {
		seg = append(seg, c.str(4+c.r.IntN(3), alnum+"+/"))
	}
	m.add(`{"version":3,"file":"main.js","sources":["src/index.js"],"names":[],"mappings":"` + strings.Join(seg, ",") + `"}`)
}

// lookalikeConfig is a settings module full of values that look like
// secrets by name or by shape and are not.
func (c *corpus) lookalikeConfig() {
	f := c.newFile(pick(c, "src/settings.js", "lib/runtime-config.js"))
	f.add("'use strict';", "", "module.exports = {")
	f.decoy("secret-reference", "  kmsKeyArn: 'arn:aws:kms:eu-west-1:"+c.str(12, digitCS)+":key/"+c.uuid()+"',")
	f.decoy("non-secret-setting", "  secretVersionStage: 'AWSCURRENT',")
	f.decoy("non-secret-setting", "  tokenEndpoint: 'https://login.example.com/oauth2/v2.0/token',")
	f.decoy("hash", "  etag: '\""+c.str(32, hexCS)+"\"',")
	f.decoy("non-secret-setting", "  cacheKeyPrefix: 'orders:v2:',")
	f.decoy("uuid-non-secret", "  apiKeyId: '"+c.uuid()+"',")
	f.decoy("public-key", "  vapidPublicKey: 'B"+c.str(86, b64url)+"',")
	f.decoy("aws-resource-id", "  distributionId: 'E"+c.str(13, upper+digitCS)+"',")
	f.decoy("aws-resource-id", "  hostedZoneId: 'Z"+c.str(20, upper+digitCS)+"',")
	f.decoy("non-secret-setting", "  stripeWebhookEndpointId: 'we_"+c.str(24, alnum)+"',")
	f.decoy("bcrypt-hash", "  defaultAdminPasswordHash: '$argon2id$v=19$m=65536,t=3,p=4$"+c.str(22, b64std)+"$"+c.str(43, b64std)+"',")
	f.decoy("env-reference", "  sessionSecret: process.env.SESSION_SECRET || require('crypto').randomBytes(32).toString('hex'),")
	f.decoy("non-secret-setting", "  passwordResetTokenBytes: 32,")
	f.decoy("hash", "  gitHead: '"+c.sha1hex()+"',")
	f.decoy("non-secret-setting", "  authorizationHeader: 'Authorization',")
	f.decoy("empty-value", "  apiKey: '',")
	f.add("};")
}

// connectionStrings holds credentials in forms other than URLs and
// prefixed tokens.
func (c *corpus) connectionStrings() {
	f := c.newFile(pick(c, "src/db.py", "app/database.py"))
	f.add("import psycopg2", "import pymssql", "", "")
	switch c.r.IntN(4) {
	case 0:
		f.secret("python-kwarg-password", `conn = psycopg2.connect(host="db.internal", dbname="app", user="app", password="`+c.passwd()+`")`)
	case 1:
		f.secret("ado-connection-string", `MSSQL = "Server=tcp:acme-`+c.str(6, lowerCS)+`.database.windows.net,1433;Database=app;User ID=app;Password=`+c.passwd()+`;Encrypt=true"`)
	case 2:
		f.secret("jdbc-password", `JDBC_URL = "jdbc:mysql://db.internal:3306/shop?user=app&password=`+c.str(18, alnum)+`"`)
	default:
		f.secret("basic-auth-header", `HEADERS = {"Authorization": "Basic `+b64(pick(c, "deploy", "admin", "svc")+":"+c.str(18, alnum))+`"}`) // gitleaks:allow (generator code, not a secret)
	}
	if c.chance(0.5) {
		f.secret("aws-session-token", `AWS_SESSION_TOKEN = "`+"IQoJb3JpZ2luX2Vj"+c.str(300, b64std)+`"`)
	} else {
		f.decoy("env-reference", `AWS_SESSION_TOKEN = os.environ.get("AWS_SESSION_TOKEN")`)
	}
	f.decoy("empty-value", `PASSWORD = ""`)
	f.decoy("non-secret-setting", `PASSWORD_SALT_ROUNDS = 12`)
	f.add("", "", "def connect():", "    return psycopg2.connect(dsn=DSN)")
}
