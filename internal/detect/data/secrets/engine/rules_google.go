package engine

import "github.com/cladsec/clad/internal/finding"

const gcpKeyBody = `MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC3p2l+/RWaX+/pyidiI2HCHexgX5xoDWjKjLmG7joIgjM/iEqF2NWagZYpfRM7jRYmTOGGymVigI085j1Nf9m+Yrf3TR4b4D7ITtBKJSKP3wp3pyGqhIeoY+VpD7jnQaM/gXhfL0/fVubOdSXLbM2mkAq2HnMoEBr9HpQ+e3dY11Zv+ueTMwAvVMq/vl2WvlY/BEiWkV4xHjNAp8HyZI3hS7`

func googleRules() []Rule {
	return []Rule{{
		Rule: finding.Rule{
			ID: RuleGoogleAPIKey, Severity: finding.SeverityHigh, Title: "Google API key",
			Why: "An unrestricted Google API key is billed to the project for every API it enables (Maps, Gemini, Translate…).",
			Doc: `A Google Cloud API key (AIza followed by 35 characters) is in a file. Keys
shipped to browsers (Firebase web config, Maps JavaScript) must be restricted by
HTTP referrer and API; keys in server code should not be API keys at all but a
service identity.`,
			Fix:  "Restrict the key (APIs and HTTP referrers/IPs) or delete it and create a new one in Google Cloud Console → APIs & Services → Credentials; server-side, keep it in GCP Secret Manager, AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "GOOGLE_API_KEY=AIzaY2Ps…",
			Good: "GOOGLE_API_KEY: ${ssm:/maps/api-key}   # restricted key",
		},
		Provider: true,
		Catch: []Sample{
			smp(".env", "GOOGLE_API_KEY=AI·zaY2Pseh093Fj9fOptqCWCsuZrJZaVLaPeAU5\n"),
			smp("src/maps.js", "const url = `https://maps.googleapis.com/maps/api/geocode/json?key=AI·zamoHH5F_grANC_aBcnwDDOOAZvw6d3eK3pxF&address=${a}`;\n"),
		},
		Ignore: []Sample{
			smp(".env", "GOOGLE_API_KEY=AIzaY2Pseh093Fj9fOptqCWCsuZrJZaVLaPeAU\n"),
			smp("README.md", "GOOGLE_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleGCPServiceAccount, Severity: finding.SeverityCritical, Title: "Google Cloud service account key file",
			Why: "A service account key file signs in as that identity from anywhere, with every role it holds.",
			Doc: `A Google Cloud service account JSON key ("type": "service_account" with a
"private_key") is in the project. Unlike user credentials it has no second factor
and, by default, no expiry.`,
			Fix:  "Delete the key in IAM & Admin → Service accounts → Keys and check the audit logs; use workload identity federation (from AWS or Azure) or the attached service account instead of key files. If a key is unavoidable, keep it in GCP Secret Manager, AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\nMIIE…"}`,
			Good: "# workload identity federation: no key file\ngcloud iam workload-identity-pools create-cred-config …",
		},
		Provider: true,
		Catch: []Sample{
			smp("gcp-key.json", "{\n  \"type\": \"service_account\",\n  \"project_id\": \"acme-prod\",\n  \"private_key_id\": \"c08927cae578485090fb254c2a992a5b\",\n  \"private_key\": \"-----BEGIN PRIV·ATE KEY-----\\n"+gcpKeyBody+"\\n-----END PRIVATE KEY-----\\n\",\n  \"client_email\": \"orders@acme-prod.iam.gserviceaccount.com\"\n}\n"),
			smp("src/gcp.js", "const creds = {\"type\":\"service_account\",\"private_key\":\"-----BEGIN PRIV·ATE KEY-----\\n"+gcpKeyBody+"\\n-----END PRIVATE KEY-----\\n\"};\n"),
		},
		Ignore: []Sample{
			smp("gcp-key.json", "{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n\"}\n"),
			smp("adc.json", "{\"type\": \"authorized_user\", \"client_id\": \"x.apps.googleusercontent.com\"}\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleGoogleOAuth, Severity: finding.SeverityHigh, Title: "Google OAuth client secret",
			Why:  "With the client secret an attacker can impersonate the app in OAuth flows and exchange stolen codes for tokens.",
			Doc:  `A Google OAuth 2.0 client secret (GOCSPX-…) is in a file.`,
			Fix:  "Reset the secret in Google Cloud Console → APIs & Services → Credentials → the OAuth client, and keep it in GCP Secret Manager, AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "GOOGLE_CLIENT_SECRET=GOCSPX-khJA…",
			Good: "GOOGLE_CLIENT_SECRET: ${ssm:/auth/google-client-secret}",
		},
		Catch: []Sample{
			smp(".env", "GOOGLE_CLIENT_SECRET=GOC·SPX-khJA5uFyeUhwksU8dSaNrFWv5SRc\n"),
			smp("src/auth.ts", "const oauth = new OAuth2Client(id, 'GOC·SPX-lfFhhqCmzhp59yZk4d6_GlThw-Zq', redirect);\n"),
		},
		Ignore: []Sample{
			smp(".env", "GOOGLE_CLIENT_SECRET=GOCSPX-short\n"),
			smp("README.md", "GOOGLE_CLIENT_SECRET=GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleFirebaseKey, Severity: finding.SeverityHigh, Title: "Firebase Cloud Messaging server key",
			Why: "The legacy FCM server key sends push notifications to every user of the app.",
			Doc: `A legacy Firebase Cloud Messaging server key (AAAA…:APA91b…) is in a file.
Whoever holds it can push arbitrary notifications, phishing included, to every
installed app.`,
			Fix:  "Delete the legacy server key in the Firebase console (Project settings → Cloud Messaging) and move to the FCM HTTP v1 API with a service identity; keep any credential in GCP Secret Manager, AWS Secrets Manager or Azure Key Vault." + rotateNow,
			Bad:  "FCM_SERVER_KEY=AAAAyC85…:APA91b…",
			Good: "# FCM HTTP v1 with the function's service identity",
		},
		Catch: []Sample{
			smp(".env", "FCM_SERVER_KEY=AAAAyC85Nn7:APA·91bJf30xIOdZh-NRwhUTv3L-Smo927U2aT1yVPMm5nYtffRcvy0Dxo5pCJFz2B30M8KVM-w8MDaD3vSS1Mmn7qOiqh1yudML66YbgqaD7XBPgUbqr2RbwXOq43IedbtWe27WH77hB\n"),
			smp("src/push.js", "headers: { Authorization: 'key=AAAAlyqz_9P:APA·91bNldsWhXK64VtGHZA2PQLUD_W1nW4kGeJ_ky88BV8_luteLKWMFmkkBTDijysfSa5Jhl7LiECB7lavfWXTKTiVQ47qsxG72VnY6wGD4tylc_Y3oLOr0GlsP5S-KXv5Zzjhe3p1g' }\n"),
		},
		Ignore: []Sample{
			smp(".env", "FCM_SERVER_KEY=AAAA·yC85Nn7:APA91bshort\n"),
			smp("README.md", "FCM_SERVER_KEY=AAAA...:APA91b...\n"),
		},
	}}
}
