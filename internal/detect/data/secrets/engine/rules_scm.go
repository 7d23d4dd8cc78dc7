package engine

import "github.com/cladsec/clad/internal/finding"

func sourceHostRules() []Rule {
	return []Rule{{
		Rule: finding.Rule{
			ID: RuleGitHubToken, Severity: finding.SeverityHigh, Title: "GitHub personal access or OAuth token",
			Why: "A GitHub token acts as its user: it can read private code, push, and often change workflows and secrets.",
			Doc: `A classic personal access token (ghp_) or OAuth access token (gho_) is in a
file. GitHub tokens end with a CRC-32 checksum of their random part; clad checks it,
so a string that only looks like a token (a wrong checksum, a made-up example) is
not reported as one.`,
			Fix:  "Revoke the token (GitHub → Settings → Developer settings, or the organisation's token audit), create a fine-grained token with the least scope and an expiry if one is still needed, and keep it in the CI secret store or " + "AWS Secrets Manager / Azure Key Vault." + rotateNow,
			Bad:  "GITHUB_TOKEN=ghp_M0Xv…",
			Good: "env:\n  GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}",
		},
		Catch: []Sample{
			smp(".env", "GITHUB_TOKEN=gh·p_M0XvqZjxTW3xvboSRt5Mh3dAwVtRMf3LeZiJ\n"),
			smp("scripts/release.js", "const octokit = new Octokit({ auth: 'gh·o_6TCvY4dhKMlRdZQ9QsTXUuSnH6av1I3Dn03R' });\n"),
			smp("ci.yml", "git clone https://x-access-token:gh·p_lhbmuaptt0Azn0DNRUQxA71p2Td8VK0CM5Qe@github.com/acme/app.git\n"),
		},
		Ignore: []Sample{
			smp(".env", "GITHUB_TOKEN=gh·p_qxryo1nIj7BRd03Q2ybv097SHzxgQA05M1VZ\n"),
			smp(".env", "GITHUB_TOKEN=gh·o_UDqN9Nifp28uwCDydesokF5NSAllsN0OiN9G\n"),
			smp("README.md", "export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
			smp("docs/api.md", "curl -H 'Authorization: token gho_16C7e42F292c6912E7710c838347Ae178B4a' https://api.github.com/user\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleGitHubAppToken, Severity: finding.SeverityHigh, Title: "GitHub App token",
			Why: "A GitHub App installation, user-to-server or refresh token acts with the app's permissions on every repository it is installed on.",
			Doc: `A GitHub App token (ghs_ installation token, ghu_ user-to-server token, ghr_
refresh token) is in a file. Installation tokens expire after an hour, but refresh
tokens live for months and mint new user tokens. The CRC-32 checksum at the end of
the token is verified.`,
			Fix:  "Revoke the token (or regenerate the app's client secret and private key if they leaked too), and mint installation tokens at run time from the app's private key kept in AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "token: ghs_DVbp…",
			Good: "const token = await app.getInstallationAccessToken({ installationId });",
		},
		Catch: []Sample{
			smp("src/bot.js", "const installationToken = 'gh·s_DVbpag1xYKiuMw7TpHD8BHbNdZU0NY2rL9KI';\n"),
			smp("config.yml", "refresh_token: gh·r_7z9KwRkNr4aE28uz5eRTpPWzUB4q602FpxcE\n"),
			smp("notes.txt", "gh·u_dV40J599dTCZWZYvRSZeyx4Ag8Ssax47FSZ0\n"),
		},
		Ignore: []Sample{
			smp("src/bot.js", "const installationToken = 'gh·s_ycZOkN8gaW18vjsgJ0Wu8FxTwXqxni0ZneDr';\n"),
			smp("config.yml", "refresh_token: gh·r_1aSJARa7717tzNlIrTtfkbSh2\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleGitHubFineGrained, Severity: finding.SeverityHigh, Title: "GitHub fine-grained personal access token",
			Why: "A fine-grained token still grants whatever repository and organisation permissions it was given.",
			Doc: `A fine-grained personal access token (github_pat_ followed by 22 and 59
characters) is in a file. Its scope is limited to chosen repositories, but within
them it can read code and, depending on its permissions, write contents, workflows
or secrets.`,
			Fix:  "Delete the token in GitHub → Settings → Developer settings → Fine-grained tokens and create a new one with an expiry, kept in the CI secret store, AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "GH_PAT=github_pat_CIb2…",
			Good: "GH_PAT: ${{ secrets.GH_PAT }}",
		},
		Catch: []Sample{
			smp(".env", "GH_PAT=github·_pat_CIb20W0tvi1jsmCaDAoZuS_EyDvvWq03mSM9B8zhIPT2QFhQOjWmjriYGsu72rikBd0YG5KE7X5ozhONva\n"),
			smp("deploy.py", "headers = {'Authorization': 'Bearer github·_pat_1lZp814HtFbtfeeHv0fG2x_PVD8AfOTovYGkYSrIiBSed1S3wlj46Fuq3sXRo5QhgYrZJd6F58LKideRua'}\n"),
		},
		Ignore: []Sample{
			smp(".env", "GH_PAT=github_pat_11ABCDEFG\n"),
			smp("README.md", "GH_PAT=github_pat_XXXXXXXXXXXXXXXXXXXXXX_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleGitLabToken, Severity: finding.SeverityHigh, Title: "GitLab token",
			Why: "A GitLab personal, deploy, runner or trigger token gives access to projects, registries or CI.",
			Doc: `A GitLab token with its type prefix (glpat- personal access token, gldt- deploy
token, glrt- runner token, glptt- pipeline trigger, glft- feed token, gloas- OAuth
secret…) is in a file. Personal access tokens can carry api scope: full read and
write access to everything the user can see.`,
			Fix:  "Revoke the token in GitLab (user or project settings → Access tokens, or the runner/deploy token page), issue a new one with an expiry and the least scope, and keep it in the CI/CD variables (masked, protected), AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "GITLAB_TOKEN=glpat-Pq_N…",
			Good: "GITLAB_TOKEN: $CI_JOB_TOKEN",
		},
		Catch: []Sample{
			smp(".env", "GITLAB_TOKEN=gl·pat-Pq_N9RtlnnudSkpmKog0\n"),
			smp(".gitlab-ci.yml", "  script: docker login -u deploy -p gl·dt-ctPVnaawqrczLJWImKMG registry.gitlab.com\n"),
		},
		Ignore: []Sample{
			smp(".env", "GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx\n"),
			smp(".env", "GITLAB_TOKEN=glpat-1234\n"),
		},
	}}
}
