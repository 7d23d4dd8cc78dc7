package engine

import "github.com/cladsec/clad/internal/finding"

func urlRules() []Rule {
	return []Rule{{
		Rule: finding.Rule{
			ID: RuleDatabaseURL, Severity: finding.SeverityHigh, Title: "Database URL with a password",
			Why: "A connection URL with user:password@ opens the database to anyone who can reach it and read the repository.",
			Doc: `A database or message-broker URL (postgres://, mysql://, mongodb+srv://,
redis://, amqp://, jdbc:…) carries a literal password. Placeholders, references
(${DB_PASSWORD}) and default passwords are ignored; URLs to localhost or a
docker-compose service are reported with low confidence.`,
			Fix:  "Change the database user's password, and build the URL at run time from a secret in AWS Secrets Manager (with rotation: RDS and DocumentDB rotate natively) or Azure Key Vault; better, use IAM database authentication or a managed identity." + rotateNow,
			Bad:  "DATABASE_URL: postgres://orders:Pq…@db.prod.internal:5432/orders",
			Good: "DATABASE_URL: ${ssm:/orders/database-url}",
		},
		Catch: []Sample{
			smp("serverless.yml", "    DATABASE_URL: postgres://orders:Kx8·vT2mQp9wLz@db.prod.internal:5432/orders\n"),
			smp("src/db.js", "mongoose.connect('mongodb+srv://app:Qw9·rT3yU7iOp1@cluster0.ab1cd.mongodb.net/shop');\n"),
			smp("docker-compose.yml", "  REDIS_URL: redis://:Zr4·nB8vX2cM6@cache:6379/0\n"),
		},
		Ignore: []Sample{
			smp("docker-compose.yml", "  DATABASE_URL: postgres://postgres:postgres@localhost:5432/test\n"),
			smp("serverless.yml", "    DATABASE_URL: postgres://orders:${env:DB_PASSWORD}@db.prod.internal:5432/orders\n"),
			smp("README.md", "DATABASE_URL=mysql://user:password@host:3306/db\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleURLCredentials, Severity: finding.SeverityHigh, Title: "Credentials in a URL",
			CWE: []string{"CWE-798", "CWE-522"},
			Why: "user:password@ (or a token) in an HTTP, Git or FTP URL is sent to the server and logged by proxies and tools.",
			Doc: `An http(s), git, ftp, ssh or other URL carries credentials in its user part: a
literal password, or a token used as the user name (https://<token>@host,
<token>:x-oauth-basic@). Error-reporting DSNs, which carry a public key by
design, are ignored.`,
			Fix:  "Change the password or revoke the token, and pass credentials in an Authorization header built at run time from AWS Secrets Manager / SSM Parameter Store or Azure Key Vault, or use a credential helper for git." + rotateNow,
			Bad:  "git clone https://deploy:Vb7…@git.acme.internal/app.git",
			Good: "git -c credential.helper='!f() { echo password=$GIT_TOKEN; }; f' clone https://deploy@git.acme.internal/app.git",
		},
		Catch: []Sample{
			smp("scripts/mirror.sh", "git clone https://deploy:Vb7·nQ2xLp9Wk@git.acme.internal/app.git\n"),
			smp("src/fetch.js", "const feed = 'https://KuD0KQzJLrW4·gdPnBZpRnV4r@feeds.acme.io/orders.json';\n"),
		},
		Ignore: []Sample{
			smp("src/sentry.js", "Sentry.init({ dsn: 'https://c08927cae578485090fb254c2a992a5b@o12345.ingest.sentry.io/67890' });\n"),
			smp("README.md", "git clone https://user:password@example.com/repo.git\n"),
			smp("package.json", `{"repository": "git+https://github.com/acme/app.git"}`+"\n"),
		},
	}}
}
