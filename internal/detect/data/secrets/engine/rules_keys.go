package engine

import "github.com/cladsec/clad/internal/finding"

// pemBody is a fake key body (random bytes, base64) for samples.
const pemBody = "p2l+/RWaX+/pyidiI2HCHexgX5xoDWjKjLmG7joIgjM/iEqF2NWagZYpfRM7jRYm\n" +
	"TOGGymVigI085j1Nf9m+Yrf3TR4b4D7ITtBKJSKP3wp3pyGqhIeoY+VpD7jnQaM/\n" +
	"gXhfL0/fVubOdSXLbM2mkAq2HnMoEBr9HpQ+e3dY11Zv+ueTMwAvVMq/vl2WvlY/\n" +
	"BEiWkV4xHjNAp8HyZI3hS7/47rEiTr/LVQrLDtx9O53Bk1JLlJzIwHlEuRA9CLTy\n"

const opensshBody = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmVU9V+6GEzbaGLDHa8LM7Pct6NpdlTgXqS/\n" +
	"qVuyIq+2gP4a0/JVVt0xHmDSObFu4Ur8AeEelatNdbx4PoQ7gp7hrPwHvwztCEKA\n" +
	"TydEKQ/oOQMQTvKIXdoqP+D8npKNrxYVYzt0NJC7zBesBPUgSKZj3e+f5WaOLZVG\n"

func keyRules() []Rule {
	return []Rule{{
		Rule: finding.Rule{
			ID: RulePrivateKey, Severity: finding.SeverityHigh, Title: "Private key in the project",
			CWE: []string{"CWE-321", "CWE-798"},
			Why: "A private key (TLS, SSH, signing, PGP) in the repository lets anyone decrypt, sign or log in as its owner.",
			Doc: `A PEM private key block (RSA, EC, DSA, OpenSSH, PKCS#8, PGP, or a PuTTY key
file) with a key body is in a file. A header with "…" or no body is documentation
and is ignored, as are public keys and certificates. Passphrase-protected keys are
reported with medium confidence: the passphrase is often weak or sits nearby.`,
			Fix:  "Treat the key as compromised: revoke the certificate or remove the public key from wherever it is trusted (authorized_keys, deploy keys, JWKS, key servers), generate a new pair, and keep the private key in AWS Secrets Manager, Azure Key Vault (as a key or certificate, ideally non-exportable) or KMS." + rotateNow,
			Bad:  "-----BEGIN RSA PRIVATE KEY-----\nMIIEow… (body)",
			Good: "# key in Secrets Manager, loaded at run time\nconst key = await secrets.getSecretValue({ SecretId: 'jwt-signing-key' });",
		},
		Catch: []Sample{
			smp("certs/server.key", "-----BEGIN RSA PRIV·ATE KEY-----\n"+pemBody+"-----END RSA PRIVATE KEY-----\n"),
			smp("deploy/id_ed25519", "-----BEGIN OPENSSH PRIV·ATE KEY-----\n"+opensshBody+"-----END OPENSSH PRIVATE KEY-----\n"),
			smp("src/sign.js", "const key = \"-----BEGIN PRIV·ATE KEY-----\\n"+pemBody[:64]+"\\n"+pemBody[65:129]+"\\n-----END PRIVATE KEY-----\\n\";\n"),
			smp("config.yml", "signing_key: |\n  -----BEGIN EC PRIV·ATE KEY-----\n  Proc-Type: 4,ENCRYPTED\n  DEK-Info: AES-128-CBC,0AD3995BD6C96FDE\n\n  "+pemBody[:64]+"\n  "+pemBody[65:129]+"\n  -----END EC PRIVATE KEY-----\n"),
		},
		Ignore: []Sample{
			smp("README.md", "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n"),
			smp("certs/server.pub", "-----BEGIN PUBLIC KEY-----\n"+pemBody+"-----END PUBLIC KEY-----\n"),
			smp("certs/ca.pem", "-----BEGIN CERTIFICATE-----\n"+pemBody+"-----END CERTIFICATE-----\n"),
			smp("src/pem.js", "if (text.startsWith('-----BEGIN RSA PRIVATE KEY-----')) { return parse(text); }\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleJWT, Severity: finding.SeverityMedium, Title: "JSON Web Token in the project",
			CWE: []string{"CWE-798", "CWE-522"},
			Why: "A signed JWT is a bearer credential: until it expires, whoever holds it is the subject it names.",
			Doc: `A signed JSON Web Token is in a file: three base64url parts whose header
decodes to JSON with a signing algorithm and whose payload decodes to a JSON
object of claims. Long-lived service tokens (no exp, or years ahead) and
service-role keys (Supabase service_role) are the dangerous ones. Unsigned
tokens (alg none), the jwt.io example and Supabase "anon" keys, which are public
by design, are ignored.`,
			Fix:  "Revoke the token (or rotate the signing key so it no longer verifies) and issue short-lived tokens at run time; keep service tokens and signing keys in AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "SUPABASE_SERVICE_KEY=eyJhbGciOiJSUzI1NiIs…",
			Good: "SUPABASE_SERVICE_KEY: ${ssm:/app/supabase-service-key}",
		},
		Catch: []Sample{
			smp(".env", "API_JWT=e·yJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtb3JkZXJzIiwiaXNzIjoib3JkZXJzLWFwaSIsImlhdCI6MTcxODAwMDAwMCwiZXhwIjoxOTE4MDAwMDAwfQ.xi_8tXzq3pfif9sqM0Hc94uLGQ3xc3GprI6eOW4lhoD\n"),
			smp("src/db.js", "const supabase = createClient(url, 'e·yJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJyb2xlIjoic2VydmljZV9yb2xlIiwiaXNzIjoic3VwYWJhc2UifQ.VqMRoUjJ45HlpVxrtqtDC5oQ-r_ggGTPxa86ncrRBfNMlpTKHRrtKgEMV6lOBma6Lf1JlPnCU3HRl-4MbYl6Vw');\n"),
		},
		Ignore: []Sample{
			smp("src/db.js", "const anon = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiIsImlzcyI6InN1cGFiYXNlIn0.kg8J_04UtorjSPfLbnWmrgU5Jtu6PQCtH346i4QjUBl';\n"),
			smp("test.http", "Authorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.\n"),
			smp("docs/auth.md", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c\n"),
			smp("src/x.js", "const header = 'eyJhbGciOiJIUzI1NiJ9.notatoken';\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleAgeKey, Severity: finding.SeverityHigh, Title: "age encryption secret key",
			CWE: []string{"CWE-321", "CWE-798"},
			Why: "The age identity decrypts every file (often SOPS-encrypted secrets) encrypted to its public key.",
			Doc: `An age secret key (AGE-SECRET-KEY-1…) is in a file. Projects use age with SOPS
to keep encrypted secrets in git; committing the identity next to them undoes
the encryption.`,
			Fix:  "Generate a new identity, re-encrypt every file to the new recipient (sops updatekeys), rotate the secrets those files held, and keep the identity in AWS Secrets Manager, Azure Key Vault or a KMS-backed SOPS setup." + rotateNow,
			Bad:  "AGE-SECRET-KEY-1DG8DCME…",
			Good: "# SOPS with AWS KMS or Azure Key Vault: no identity file in the repo",
		},
		Catch: []Sample{
			smp("keys.txt", "# created: 2024-06-01\nAGE-SECRET·-KEY-1DG8DCME33J90RZKQFRM7X38055XNHDD8Q8KTTGHWY7TRPJ585QFSZSNZNL\n"),
			smp(".env", "SOPS_AGE_KEY=AGE-SECRET·-KEY-1DG8DCME33J90RZKQFRM7X38055XNHDD8Q8KTTGHWY7TRPJ585QFSZSNZNX\n"),
		},
		Ignore: []Sample{
			smp(".sops.yaml", "creation_rules:\n  - age: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\n"),
			smp("keys.txt", "AGE-SECRET-KEY-1SHORT\n"),
		},
	}}
}
