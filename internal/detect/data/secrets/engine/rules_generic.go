package engine

import "github.com/cladsec/clad/internal/finding"

func genericRules() []Rule {
	return []Rule{{
		Rule: finding.Rule{
			ID: RuleGeneric, Severity: finding.SeverityHigh, Title: "Hard-coded secret",
			CWE: []string{"CWE-798", "CWE-259"},
			Why: "A password, token or key written as a literal ends up in git, in the deployment package and in the function configuration.",
			Doc: `A literal value is assigned to a name that says it is a secret (password,
passwd, pwd, secret, token, api_key, client_secret, private_key, auth…), in code
(JS/TS/Python/Go/Java/C#), JSON, YAML, .env, ini/properties or XML, or inside a
connection string. The name must end with the secret word (passwordPolicy,
tokenUrl, secretName, keyId are not secrets), and the value must look like one:
not a reference (${ssm:…}, process.env.X, {{resolve:…}}, {{ secrets.X }}),
not a placeholder (<YOUR_KEY>, changeme, xxxx, your-api-key, example),
random enough for tokens and keys, not a plain word for passwords. A UUID
assigned to adminSecret is a secret; a UUID assigned to requestId is not.`,
			Fix:  "Rotate the value at its source (change the password, revoke the token), then read it at run time from a secrets store. " + storeAny + rotateNow,
			Bad:  "DB_PASSWORD: Wint…   # literal in serverless.yml",
			Good: "DB_PASSWORD: ${ssm:/orders/${sls:stage}/db-password}",
		},
		Catch: []Sample{
			smp("serverless.yml", "  environment:\n    DB_PASS·WORD: Wint3r-Sale-2021!\n"),
			smp("adminGateway/index.js", "const ADMIN_TO·KEN = 'tdadm_7c2f91e4b8a35d60f1e9c7a2b4d8e6f0';\n"),
			smp("src/admin.js", "const config = { adminSec·ret: '701beacf-6448-435b-91e8-382264d705b8' };\n"),
			smp("app.py", "API_K·EY = \"KtxqBneMB9R7Dx1h0lTtZg5-jbcu54Tj\"\n"),
			smp("main.go", "var cfg = Config{Pass·word: \"k9#Vm2$qLp7\"}\n"),
			smp(".env", "JWT_SEC·RET=4Be7gVsHfEnYa318kYMGp4bCS_kVGjB4cUpck8og\n"),
			smp("application.properties", "spring.datasource.pass·word=Tr0ub4dor&3x!\n"),
			smp("appsettings.json", `{"ConnectionStrings": {"Db": "Server=tcp:sql.acme.io;Database=orders;User ID=app;Pass·word=Tr0ub4dor&3x!;"}}`+"\n"),
			smp("WEB-INF/web.xml", "<pass·word>k9#Vm2$qLp7</password>\n"),
			smp("src/client.ts", "private readonly apiK·ey: string = 'nEUN8n9fP0U_wRFAN8i8';\n"),
			smp("k8s/config.yaml", "data:\n  app.env: REJfUEFTU1dPUkQ9V2lu·dDNyLVNhbGUtMjAyMSEKREJfVVNFUj1vcmRlcnMK\n"),
		},
		Ignore: []Sample{
			smp("src/trace.js", "const requestId = '701beacf-6448-435b-91e8-382264d705b8';\n"),
			smp("serverless.yml", "    DB_PASSWORD: ${ssm:/orders/db-password}\n"),
			smp("src/auth.js", "const passwordPolicy = 'min-length-12-symbols';\n"),
			smp("src/auth.js", "const token = process.env.API_TOKEN;\n"),
			smp(".env", "DB_PASSWORD=changeme\n"),
			smp(".github/workflows/ci.yml", "      API_KEY: ${{ secrets.API_KEY }}\n"),
			smp("config.yml", "api_key: <YOUR_API_KEY>\n"),
			smp("src/cache.js", "const cacheKey = 'user-profile-cache-v2';\n"),
			smp("template.yaml", "      DbPassword: '{{resolve:secretsmanager:prod/db:SecretString:password}}'\n"),
			smp("app.py", "password = os.environ['DB_PASSWORD']\n"),
			smp(".env", "SECRET_KEY=your-secret-key-here\n"),
			smp("src/form.tsx", `<input type="password" name="password" placeholder="Password" />`+"\n"),
			smp("test/fixtures/users.json", `{"pass·word": "k9#Vm2$qLp7"}`+"\n// fake credentials for the login tests\n"),
			smp("src/settings.py", "SECRET_KEY = 'xxxxxxxxxxxxxxxxxxxxxxxx'\n"),
			smp("src/i18n.js", "const tokenKey = 'auth.token.expired';\nconst messages = { token: 'Your session token expired' };\n"),
			smp("src/hash.js", "const passwordHash = '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy';\n"),
			smp("local.settings.json", `{"Values": {"API_KEY": "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/api-key/)"}}`+"\n"),
		},
	}}
}
