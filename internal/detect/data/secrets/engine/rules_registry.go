package engine

import "github.com/cladsec/clad/internal/finding"

func registryRules() []Rule {
	return []Rule{{
		Rule: finding.Rule{
			ID: RuleNPMToken, Severity: finding.SeverityHigh, Title: "npm access token",
			Why: "An npm token with publish rights lets an attacker ship a malicious version of the company's packages.",
			Doc: `An npm access token (npm_ and 36 characters ending in a CRC-32 checksum,
which clad verifies) is in a file. Automation and publish tokens push new versions
that every dependent project installs.`,
			Fix:  "Revoke the token (npm token revoke, or npmjs.com → Access Tokens), create a granular token with an expiry and the least scope, and keep it in the CI secret store, AWS Secrets Manager or Azure Key Vault; .npmrc should read ${NPM_TOKEN}." + rotateNow,
			Bad:  "//registry.npmjs.org/:_authToken=npm_ioVM…",
			Good: "//registry.npmjs.org/:_authToken=${NPM_TOKEN}",
		},
		Catch: []Sample{
			smp(".npmrc", "//registry.npmjs.org/:_authToken=np·m_ioVMEuUYMjPeFXsRgZzCYTHY2IvGYF1NdtVV\n"),
			smp(".github/workflows/release.yml", "      NODE_AUTH_TOKEN: np·m_0eYF2ExFJgKLDL36awmUDt8QvwTH6I0ukOJP\n"),
		},
		Ignore: []Sample{
			smp(".npmrc", "//registry.npmjs.org/:_authToken=np·m_uj2OkDCJ23VmCwykTp4EilsS2aQnjU0mEW18\n"),
			smp("scripts/env.sh", "echo $npm_config_registry $npm_package_version\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleNPMRCAuth, Severity: finding.SeverityHigh, Title: "Registry credentials in .npmrc",
			Why: "An .npmrc auth token or password gives read (private packages) or publish access to the registry.",
			Doc: `An .npmrc entry holds a literal credential: _authToken=, _auth= (base64
user:password) or _password=. Private registries (GitHub Packages, Artifactory,
CodeArtifact, Azure Artifacts) use these as much as npmjs.org.`,
			Fix:  "Revoke the token or change the password at the registry, and make .npmrc read it from the environment (_authToken=${NPM_TOKEN}) filled by the CI secret store, AWS Secrets Manager or Azure Key Vault; for CodeArtifact, fetch a short-lived token at build time." + rotateNow,
			Bad:  "//npm.pkg.github.com/:_authToken=701beacf-…",
			Good: "//npm.pkg.github.com/:_authToken=${NODE_AUTH_TOKEN}",
		},
		Catch: []Sample{
			smp(".npmrc", "//npm.acme.internal/:_auth·Token=701beacf-6448-435b-91e8-382264d705b8\n"),
			smp(".npmrc", "registry=https://npm.acme.internal/\n_au·th=ZGVwbG95OnFhc3lWU2M2Q1JZZ09wZ1k=\nalways-auth=true\n"),
		},
		Ignore: []Sample{
			smp(".npmrc", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n"),
			smp(".npmrc", "always-auth=true\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RulePyPIToken, Severity: finding.SeverityHigh, Title: "PyPI API token",
			Why: "A PyPI token uploads new releases of the project (or of every project, for account-wide tokens).",
			Doc: `A PyPI API token (pypi-AgEIcHlwaS5vcmc…, a macaroon for pypi.org) is in a file.
Tokens for test.pypi.org are reported with low confidence.`,
			Fix:  "Delete the token on pypi.org (Account settings → API tokens), use trusted publishing from CI instead of tokens, or a project-scoped token kept in the CI secret store, AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "password = pypi-AgEIcHlwaS5vcmco…",
			Good: "# trusted publishing (OIDC): no token",
		},
		Catch: []Sample{
			smp(".pypirc", "[pypi]\nusername = __token__\npassword = pypi-AgEI·cHlwaS5vcmcoS1UFyVlYONgEUsYx1ihEeGY14iiMyD5FN-kvkdgK7FI0b4iiLl3Ezomr0odA_v4-ffDNH\n"),
			smp("Makefile", "\ttwine upload -u __token__ -p pypi-AgEI·cHlwaS5vcmc0qdN7VExMzj83pcgPIrWZHt7OSGqx7KXM1InwJNRHaFa87XwMt1fDRDJnRdzQQWk8Hd_KF dist/*\n"),
		},
		Ignore: []Sample{
			smp(".pypirc", "[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmc\n"),
			smp("README.md", "password = pypi-AgEIcHlwaS5vcmcxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RulePyPIRCPassword, Severity: finding.SeverityHigh, Title: "Password in .pypirc",
			Why:  "A .pypirc password uploads packages to the index it names, often a private one.",
			Doc:  `A .pypirc file holds a literal password for a package index.`,
			Fix:  "Change the password (or revoke the token) at the index, and let twine read it from TWINE_PASSWORD set by the CI secret store, AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "[internal]\nusername = deploy\npassword = Tr0u…",
			Good: "# twine reads TWINE_USERNAME / TWINE_PASSWORD from the CI secret store",
		},
		Catch: []Sample{
			smp(".pypirc", "[internal]\nrepository = https://pypi.acme.internal/\nusername = deploy\npass·word = Tr0ub4dor&3x!\n"),
			smp("home/.pypirc", "[pypi]\nusername = alice\npass·word: k9#Vm2$qLp7\n"),
		},
		Ignore: []Sample{
			smp(".pypirc", "[pypi]\nusername = alice\npassword = %(PYPI_PASSWORD)s\n"),
			smp(".pypirc", "[pypi]\nusername = alice\npassword =\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleNetrcPassword, Severity: finding.SeverityHigh, Title: "Password in .netrc",
			Why:  "A .netrc password is sent automatically by curl, git and ftp clients to the machine it names.",
			Doc:  `A .netrc file holds "machine … login … password …" with a literal password or token.`,
			Fix:  "Change the password or revoke the token at the service, delete the .netrc from the repository, and have CI write it at run time from its secret store, AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "machine git.acme.internal login deploy password KtxqBn…",
			Good: "# written by the CI job from its secret store, never committed",
		},
		Catch: []Sample{
			smp(".netrc", "machine git.acme.internal login deploy pass·word KtxqBneMB9R7Dx1h0lTtZg5-jbcu54Tj\n"),
			smp("ci/_netrc", "machine api.acme.io\n  login ci\n  pass·word 4Be7gVsHfEnYa318kYMGp4bCS_kVGjB4cUpck8og\n"),
		},
		Ignore: []Sample{
			smp(".netrc", "machine git.acme.internal login deploy password ${GIT_TOKEN}\n"),
			smp(".netrc", "machine git.acme.internal login deploy password changeme\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleDockerAuth, Severity: finding.SeverityHigh, Title: "Container registry credentials in a Docker config",
			Why: "A Docker auths entry is base64 user:password: it pulls and pushes images in the registry.",
			Doc: `A Docker client config (config.json, .dockercfg, a .dockerconfigjson secret)
holds an "auth" entry: base64 of user:password for a registry. Whoever has it can
push a poisoned image that functions deployed from containers will run.`,
			Fix:  "Change the password or revoke the token at the registry, use a credential helper (docker-credential-ecr-login, az acr login) instead of stored auths, and keep CI registry credentials in its secret store, AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  `{"auths": {"registry.acme.io": {"auth": "Y2kt…"}}}`,
			Good: `{"credHelpers": {"123456789012.dkr.ecr.eu-west-1.amazonaws.com": "ecr-login"}}`,
		},
		Catch: []Sample{
			smp(".docker/config.json", `{"auths": {"registry.acme.io": {"au·th": "Y2ktYm90OlJaanZDRXpCYkl1ZVprWHVuMUxm"}}}`+"\n"),
			smp("k8s/pull-secret.json", "{\n  \"auths\": {\n    \"ghcr.io\": {\n      \"au·th\": \"ZGVwbG95OnFhc3lWU2M2Q1JZZ09wZ1k=\"\n    }\n  }\n}\n"),
		},
		Ignore: []Sample{
			smp(".docker/config.json", `{"auths": {"registry.acme.io": {"auth": ""}}, "credsStore": "desktop"}`+"\n"),
			smp(".docker/config.json", `{"auths": {"registry.acme.io": {"auth": "dXNlcjo="}}}`+"\n"),
		},
	}}
}
