package main

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// templates returns every file template; a project uses a random subset.
func templates() []func(*corpus) {
	return []func(*corpus){
		(*corpus).dotenv, (*corpus).dotenvExample, (*corpus).defaultJSON, (*corpus).configTS, (*corpus).githubClient,
		(*corpus).djangoSettings, (*corpus).serverlessYML, (*corpus).dockerCompose, (*corpus).npmrc, (*corpus).k8sSecret,
		(*corpus).k8sDeployment, (*corpus).keyFiles, (*corpus).gcpServiceAccount, (*corpus).deployScript, (*corpus).testFixtures,
		(*corpus).readme, (*corpus).indexHTML, (*corpus).terraform, (*corpus).goAuth, (*corpus).springConfig,
		(*corpus).notifyPy, (*corpus).encryptedVars, (*corpus).constantsJS, (*corpus).seedSQL, (*corpus).workflow,
		(*corpus).localSettings, (*corpus).awsCredentials, (*corpus).lookalikeConfig, (*corpus).connectionStrings,
	}
}

// envSecret is a KEY=value line of a random secret kind, labelled.
func (c *corpus) envSecret(f *file, quote string) {
	q := func(s string) string { return quote + s + quote }
	switch c.r.IntN(16) {
	case 0:
		first := f.next()
		f.add("AWS_ACCESS_KEY_ID="+q(c.awsKeyID()), "AWS_SECRET_ACCESS_KEY="+q(c.awsSecret()))
		f.label(labelSecret, "aws-key-pair", first, first+1)
	case 1:
		f.secret("stripe-secret-key", "STRIPE_SECRET_KEY="+q(c.stripeSecret()))
	case 2:
		f.secret("github-token", pick(c, "GITHUB_TOKEN=", "GH_TOKEN=", "RELEASE_TOKEN=")+q(c.githubPAT()))
	case 3:
		f.secret("database-url", "DATABASE_URL="+q(c.dbURL()))
	case 4:
		f.secret("generic-password", pick(c, "DB_PASSWORD=", "POSTGRES_PASSWORD=", "ADMIN_PASSWORD=", "SMTP_PASSWORD=")+q(c.passwd()))
	case 5:
		f.secret("generic-secret", pick(c, "JWT_SECRET=", "SESSION_SECRET=", "APP_SECRET=", "ENCRYPTION_KEY=", "WEBHOOK_SECRET=")+q(c.randomSecret()))
	case 6:
		f.secret("slack-token", "SLACK_BOT_TOKEN="+q(c.slackBot()))
	case 7:
		f.secret("slack-webhook", "SLACK_WEBHOOK_URL="+q(c.slackWebhook()))
	case 8:
		f.secret("sendgrid-key", "SENDGRID_API_KEY="+q(c.sendgrid()))
	case 9:
		first := f.next()
		f.add("TWILIO_ACCOUNT_SID="+q(c.twilioSID()), "TWILIO_AUTH_TOKEN="+q(c.str(32, hexCS)))
		f.label(labelSecret, "twilio-credentials", first, first+1)
	case 10:
		f.secret("openai-key", "OPENAI_API_KEY="+q(c.openai()))
	case 11:
		f.secret("datadog-key", "DD_API_KEY="+q(c.datadogKey()))
	case 12:
		f.secret("mailgun-key", "MAILGUN_API_KEY="+q(c.mailgun()))
	case 13:
		f.secret("azure-storage", "AZURE_STORAGE_CONNECTION_STRING="+q(c.azureConn()))
	case 14:
		f.secret("anthropic-key", "ANTHROPIC_API_KEY="+q(c.anthropic())) // gitleaks:allow (generator code, not a secret)
	default:
		f.secret("uuid-secret", pick(c, "HEROKU_API_KEY=", "ADMIN_SECRET=", "API_SECRET=")+q(c.uuid()))
	}
}

// envDecoy is a KEY=value line that holds no secret, labelled.
func (c *corpus) envDecoy(f *file) {
	switch c.r.IntN(10) {
	case 0:
		name := pick(c, "STRIPE_SECRET_KEY", "API_KEY", "DB_PASSWORD", "GITHUB_TOKEN")
		f.decoy("placeholder", name+"="+c.placeholder(name))
	case 1:
		f.decoy("uuid-non-secret", pick(c, "REQUEST_ID=", "TENANT_ID=", "CORRELATION_ID=", "DEPLOYMENT_ID=")+c.uuid())
	case 2:
		f.decoy("secret-reference", pick(c, "DB_PASSWORD_SECRET_ARN=", "STRIPE_KEY_ARN=")+c.secretARN())
	case 3:
		f.decoy("non-secret-setting", pick(c, "TOKEN_TTL_SECONDS=3600", "PASSWORD_MIN_LENGTH=12", "SECRET_ROTATION_DAYS=30", "AUTH_MODE=oauth2", "API_KEY_HEADER=X-Api-Key")) // gitleaks:allow (generator code, not a secret)
	case 4:
		f.decoy("hash", pick(c, "BUILD_SHA=", "GIT_COMMIT=")+c.sha1hex())
	case 5:
		f.decoy("aws-example-key", "AWS_ACCESS_KEY_ID="+awsExampleID)
	case 6:
		f.decoy("stripe-publishable", "STRIPE_PUBLISHABLE_KEY="+c.stripePublishable())
	case 7:
		f.decoy("local-url", "REDIS_URL=redis://localhost:6379/0")
	case 8:
		f.decoy("env-reference", pick(c, "DATABASE_URL=${DATABASE_URL}", "API_TOKEN=$API_TOKEN", "SECRET_KEY=${SECRET_KEY:?missing}"))
	default:
		f.decoy("checksum", "ASSET_CHECKSUM=sha256:"+c.sha256hex())
	}
}

func (c *corpus) dotenv() {
	f := c.newFile(pick(c, ".env", ".env.production", "deploy/.env"))
	f.add("# runtime settings", "NODE_ENV=production", "PORT="+fmt.Sprint(3000+c.r.IntN(100)), "LOG_LEVEL=info")
	for i := 0; i < 2+c.r.IntN(3); i++ {
		if c.chance(0.5) {
			c.envSecret(f, "")
		} else {
			c.envDecoy(f)
		}
	}
	f.add("FEATURE_FLAGS=checkout,search", "AWS_REGION=eu-west-1")
}

func (c *corpus) dotenvExample() {
	f := c.newFile(".env.example")
	f.add("# copy to .env and fill in", "NODE_ENV=development")
	for _, name := range []string{"STRIPE_SECRET_KEY", "GITHUB_TOKEN", "DB_PASSWORD", "JWT_SECRET", "SENDGRID_API_KEY"} {
		f.decoy("placeholder", name+"="+c.placeholder(name))
	}
	f.decoy("aws-example-key", "AWS_SECRET_ACCESS_KEY="+awsExampleSecret)
}

func (c *corpus) defaultJSON() {
	f := c.newFile("config/" + pick(c, "default.json", "production.json", "settings.json"))
	f.add("{", `  "server": { "port": 8080, "host": "0.0.0.0", "requestTimeoutMs": 5000 },`, `  "database": {`)
	if c.chance(0.5) {
		f.secret("database-url", `    "url": "`+c.dbURL()+`",`)
	} else {
		f.decoy("placeholder", `    "url": "postgres://user:`+c.placeholder("db_password")+`@localhost:5432/app",`)
	}
	f.add(`    "pool": { "min": 2, "max": 10 }`, `  },`, `  "payments": {`)
	if c.chance(0.6) {
		f.secret("stripe-secret-key", `    "secretKey": "`+c.stripeSecret()+`",`)
	} else {
		f.decoy("placeholder", `    "secretKey": "`+c.placeholder("stripe_key")+`",`)
	}
	f.decoy("stripe-publishable", `    "publishableKey": "`+c.stripePublishable()+`",`)
	f.add(`    "currency": "eur"`, `  },`, `  "auth": {`)
	if c.chance(0.5) {
		f.secret("generic-secret", `    "clientSecret": "`+c.randomSecret()+`",`)
	} else {
		f.decoy("non-secret-setting", `    "tokenType": "Bearer",`)
	}
	f.decoy("uuid-non-secret", `    "clientId": "`+c.uuid()+`",`)
	f.add(`    "issuer": "https://auth.example.com/"`, `  },`)
	f.decoy("hash", `  "buildCommit": "`+c.sha1hex()+`",`)
	f.add(`  "features": { "search": true, "recommendations": false }`, "}")
}

func (c *corpus) configTS() {
	f := c.newFile("src/config." + pick(c, "ts", "js"))
	f.add("// Service configuration", "export const config = {", "  region: process.env.AWS_REGION ?? 'eu-west-1',",
		"  tableName: process.env.TABLE_NAME ?? 'orders',")
	if c.chance(0.6) {
		f.secret("google-api-key", "  mapsApiKey: '"+c.googleAPIKey()+"',")
	} else {
		f.decoy("env-reference", "  mapsApiKey: process.env.MAPS_API_KEY,")
	}
	if c.chance(0.5) {
		f.secret("generic-secret", "  "+pick(c, "apiSecret", "signingSecret", "webhookSecret")+": '"+c.randomSecret()+"',")
	} else {
		f.decoy("placeholder", "  apiSecret: '"+c.placeholder("api_secret")+"',")
	}
	if c.chance(0.3) {
		f.secret("uuid-secret", "  adminSecret: '"+c.uuid()+"',")
	} else {
		f.decoy("uuid-non-secret", "  requestId: '"+c.uuid()+"',")
	}
	f.decoy("non-secret-setting", "  passwordField: 'password',")
	f.decoy("non-secret-setting", "  tokenHeader: 'x-auth-token',")
	f.add("  retries: 3,", "  timeoutMs: 2500,", "};", "", "export default config;")
}

func (c *corpus) githubClient() {
	f := c.newFile("src/clients/github.js")
	f.add("'use strict';", "const { Octokit } = require('@octokit/rest');", "")
	switch c.r.IntN(3) {
	case 0:
		f.secret("github-token", "const octokit = new Octokit({ auth: '"+c.githubPAT()+"' });")
	case 1:
		f.secret("github-fine-grained", "const octokit = new Octokit({ auth: '"+c.githubFine()+"' });")
	default:
		f.secret("github-app-token", "const octokit = new Octokit({ auth: '"+c.githubApp()+"' });")
	}
	f.decoy("github-bad-checksum", "const SAMPLE_FORMAT = '"+c.badChecksumPAT()+"'; // shape of a token, checksum does not match")
	f.add("", "async function latestRelease(owner, repo) {", "  const { data } = await octokit.repos.getLatestRelease({ owner, repo });",
		"  return data.tag_name;", "}", "", "module.exports = { latestRelease };")
}

func (c *corpus) djangoSettings() {
	f := c.newFile("app/settings.py")
	f.add("import os", "from pathlib import Path", "", "BASE_DIR = Path(__file__).resolve().parent.parent", "DEBUG = False",
		"ALLOWED_HOSTS = ['api.example.com']")
	if c.chance(0.6) {
		f.secret("generic-secret", "SECRET_KEY = '"+c.str(50, alnum+"!@#%^&*(-_=+)")+"'")
	} else {
		f.decoy("env-reference", "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']")
	}
	f.add("", "DATABASES = {", "    'default': {", "        'ENGINE': 'django.db.backends.postgresql',", "        'NAME': 'app',",
		"        'USER': 'app',")
	if c.chance(0.5) {
		f.secret("generic-password", "        'PASSWORD': '"+c.passwd()+"',")
	} else {
		f.decoy("env-reference", "        'PASSWORD': os.environ.get('DB_PASSWORD', ''),")
	}
	f.add("        'HOST': 'db.internal',", "        'PORT': 5432,", "    }", "}", "")
	f.decoy("non-secret-setting", "AUTH_PASSWORD_VALIDATORS = [{'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator'}]")
	if c.chance(0.4) {
		first := f.next()
		f.add("AWS_ACCESS_KEY_ID = '"+c.awsKeyID()+"'", "AWS_SECRET_ACCESS_KEY = '"+c.awsSecret()+"'")
		f.label(labelSecret, "aws-key-pair", first, first+1)
	}
	f.add("AWS_STORAGE_BUCKET_NAME = 'acme-media'", "CSRF_COOKIE_SECURE = True")
}

func (c *corpus) serverlessYML() {
	f := c.newFile("serverless.yml")
	f.add("service: "+strings.SplitN(c.dir, "-", 2)[0]+"-svc", "frameworkVersion: '3'", "", "provider:", "  name: aws", "  runtime: nodejs20.x",
		"  region: ${opt:region, 'eu-west-1'}", "  environment:", "    TABLE_NAME: ${self:service}-${sls:stage}")
	for i := 0; i < 2+c.r.IntN(2); i++ {
		switch c.r.IntN(5) {
		case 0:
			f.secret("stripe-secret-key", "    STRIPE_KEY: "+c.stripeSecret())
		case 1:
			f.secret("generic-password", "    DB_PASSWORD: '"+c.passwd()+"'")
		case 2:
			f.decoy("secret-reference", "    DB_PASSWORD: ${ssm:/"+c.dir+"/db-password}")
		case 3:
			f.decoy("secret-reference", "    STRIPE_KEY: '{{resolve:secretsmanager:prod/stripe:SecretString:key}}'")
		default:
			f.secret("sendgrid-key", "    SENDGRID_API_KEY: "+c.sendgrid())
		}
	}
	f.add("", "functions:", "  createOrder:", "    handler: src/handler.create", "    events:", "      - httpApi:", "          path: /orders",
		"          method: post")
}

func (c *corpus) dockerCompose() {
	f := c.newFile("docker-compose.yml")
	f.add("services:", "  db:")
	f.decoy("image-digest", "    image: postgres@sha256:"+c.sha256hex())
	f.add("    environment:", "      POSTGRES_USER: app")
	if c.chance(0.5) {
		f.secret("generic-password", "      POSTGRES_PASSWORD: "+c.passwd())
	} else {
		f.decoy("env-reference", "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}")
	}
	f.add("    ports:", "      - '5432:5432'", "  api:", "    build: .", "    environment:")
	if c.chance(0.5) {
		f.secret("database-url", "      DATABASE_URL: "+c.dbURL())
	} else {
		f.decoy("local-url", "      DATABASE_URL: postgres://app:${POSTGRES_PASSWORD}@db:5432/app")
	}
	f.add("    depends_on: [db]")
}

func (c *corpus) npmrc() {
	f := c.newFile(".npmrc")
	f.add("registry=https://registry.npmjs.org/", "save-exact=true")
	if c.chance(0.7) {
		f.secret("npm-token", "//registry.npmjs.org/:_authToken="+c.npmToken())
	} else {
		f.decoy("env-reference", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}")
	}
}

func (c *corpus) k8sSecret() {
	f := c.newFile("k8s/secret.yaml")
	b64 := base64.StdEncoding.EncodeToString
	f.add("apiVersion: v1", "kind: Secret", "metadata:", "  name: app-secrets", "type: Opaque", "data:")
	f.secret("base64-github-token", "  GITHUB_TOKEN: "+b64([]byte(c.githubPAT())))
	if c.chance(0.5) {
		f.secret("base64-database-url", "  DATABASE_URL: "+b64([]byte(c.dbURL())))
	}
	f.decoy("base64-non-secret", "  LOG_LEVEL: "+b64([]byte("info")))
	f.decoy("base64-non-secret", "  FEATURES: "+b64([]byte(`{"search":true,"checkout":"v2","regions":["eu-west-1","us-east-1"]}`)))
}

func (c *corpus) k8sDeployment() {
	f := c.newFile("k8s/deployment.yaml")
	f.add("apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: api", "spec:", "  replicas: 3", "  template:", "    spec:",
		"      containers:", "        - name: api")
	f.decoy("image-digest", "          image: registry.example.com/api@sha256:"+c.sha256hex())
	f.add("          env:", "            - name: DB_PASSWORD", "              valueFrom:", "                secretKeyRef:",
		"                  name: app-secrets")
	f.decoy("secret-reference", "                  key: password")
	f.add("            - name: API_TOKEN", "              valueFrom:", "                secretKeyRef: { name: app-secrets, key: api-token }")
}

func (c *corpus) keyFiles() {
	kind, key := c.privateKeyPEM()
	name := map[string]string{"openssh-private-key": "deploy/id_ed25519"}[kind] // gitleaks:allow (generator code, not a secret)
	if name == "" {
		name = pick(c, "certs/server.key", "keys/signing.pem", "config/jwt-private.pem")
	}
	f := c.newFile(name)
	f.secret(kind, key)
	g := c.newFile(pick(c, "certs/server.crt", "certs/ca.pem"))
	g.decoy("certificate", c.certificatePEM())
	h := c.newFile(pick(c, "keys/jwt-public.pem", "config/public.pem"))
	h.decoy("public-key", c.publicKeyPEM())
	a := c.newFile("deploy/authorized_keys")
	a.decoy("ssh-public-key", c.sshPublicKey())
}

func (c *corpus) gcpServiceAccount() {
	f := c.newFile(pick(c, "credentials/gcp-service-account.json", "config/firebase-admin.json"))
	f.add("{", `  "type": "service_account",`, `  "project_id": "acme-`+c.str(6, lowerCS)+`",`)
	f.add(`  "private_key_id": "` + c.sha1hex() + `",`)
	f.secret("gcp-service-account", `  "private_key": "`+c.gcpPrivateKeyJSON()+`",`)
	f.add(`  "client_email": "deployer@acme.iam.gserviceaccount.com",`, `  "client_id": "`+c.str(21, digitCS)+`",`,
		`  "auth_uri": "https://accounts.google.com/o/oauth2/auth",`, `  "token_uri": "https://oauth2.googleapis.com/token"`, "}")
}

func (c *corpus) awsCredentials() {
	f := c.newFile(pick(c, "deploy/aws-credentials", ".aws/credentials"))
	f.add("[default]")
	first := f.next()
	f.add("aws_access_key_id = "+c.awsKeyID(), "aws_secret_access_key = "+c.awsSecret())
	f.label(labelSecret, "aws-key-pair", first, first+1)
	f.add("region = eu-west-1", "", "[docs-example]")
	first = f.next()
	f.add("aws_access_key_id = "+awsExampleID, "aws_secret_access_key = "+awsExampleSecret)
	f.label(labelDecoy, "aws-example-key", first, first+1)
}

func (c *corpus) localSettings() {
	f := c.newFile("functions/local.settings.json")
	f.add("{", `  "IsEncrypted": false,`, `  "Values": {`, `    "FUNCTIONS_WORKER_RUNTIME": "node",`)
	if c.chance(0.6) {
		f.secret("azure-storage", `    "AzureWebJobsStorage": "`+c.azureConn()+`",`)
	} else {
		f.decoy("local-emulator", `    "AzureWebJobsStorage": "UseDevelopmentStorage=true",`)
	}
	if c.chance(0.5) {
		f.secret("azure-ad-secret", `    "AZURE_CLIENT_SECRET": "`+c.azureADSecret()+`",`)
	}
	f.decoy("uuid-non-secret", `    "AZURE_TENANT_ID": "`+c.uuid()+`",`)
	f.add(`    "QUEUE_NAME": "orders"`, "  }", "}")
}

func (c *corpus) encryptedVars() {
	f := c.newFile("infra/secrets.enc.yaml")
	f.add("db:")
	f.decoy("sops-encrypted", "    password: "+c.sops())
	f.decoy("sops-encrypted", "    api_token: "+c.sops())
	f.add("sops:", "    version: 3.8.1")
	g := c.newFile("infra/ansible/group_vars/all/vault.yml")
	body := []string{"$ANSIBLE_VAULT;1.1;AES256"}
	for i := 0; i < 5; i++ {
		body = append(body, c.str(80, hexCS))
	}
	g.decoy("ansible-vault", strings.Join(body, "\n"))
}
