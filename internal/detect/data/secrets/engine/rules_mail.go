package engine

import "github.com/cladsec/clad/internal/finding"

func mailRules() []Rule {
	return []Rule{{
		Rule: finding.Rule{
			ID: RuleSendGridKey, Severity: finding.SeverityHigh, Title: "SendGrid API key",
			Why:  "A SendGrid key sends mail as the company's verified domain: phishing that passes SPF and DKIM.",
			Doc:  `A SendGrid API key (SG.<id>.<secret>) is in a file.`,
			Fix:  "Delete the key in SendGrid (Settings → API Keys), create one restricted to Mail Send, and keep it in AWS Secrets Manager / SSM Parameter Store or Azure Key Vault." + rotateNow,
			Bad:  "SENDGRID_API_KEY=SG.1aKf…",
			Good: "SENDGRID_API_KEY: ${ssm:/mail/sendgrid-key}",
		},
		Catch: []Sample{
			smp(".env", "SENDGRID_API_KEY=S·G.1aKfux6fX1L3dd4u2dDGqt.1NvVeIWmQmcVFzbjcoP95wL0rKA53zmg7srxirfu19A\n"),
			smp("src/mail.js", "sgMail.setApiKey('S·G.c_kKd2Lq1D595WXjjOt6v3.rzKE4RNo88yLVvlwEpgnR74KLO10yZ2ChVIHNaQzlMK');\n"),
		},
		Ignore: []Sample{
			smp("src/mail.js", "const msg = sgMail.send(msg.SG.x);\n"),
			smp("README.md", "SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleTwilio, Severity: finding.SeverityHigh, Title: "Twilio auth token or API key",
			Why: "A Twilio auth token sends SMS and places calls billed to the account, and reads message logs.",
			Doc: `A Twilio auth token or API key secret (32 hexadecimal characters) is assigned
to a Twilio name or sits next to a Twilio account. The account SID (AC…) alone is
an identifier, not a secret.`,
			Fix:  "Rotate the auth token in the Twilio console (Account → API keys & tokens) or delete the API key, and keep the new one in AWS Secrets Manager / SSM Parameter Store or Azure Key Vault." + rotateNow,
			Bad:  "TWILIO_AUTH_TOKEN=b364…",
			Good: "TWILIO_AUTH_TOKEN: ${ssm:/sms/twilio-auth-token}",
		},
		Catch: []Sample{
			smp(".env", "TWILIO_AUTH_TO·KEN=b364573692435359de37f11e9577d7d5\n"),
			smp("src/sms.js", "const twilio = require('twilio');\nconst client = twilio(sid, undefined, {\n  authTo·ken: 'abfdcb64f3f0468e068a29301ffdb801',\n});\n"),
		},
		Ignore: []Sample{
			smp(".env", "TWILIO_AUTH_TOKEN=your_auth_token\n"),
			smp(".env", "TWILIO_ACCOUNT_SID=AC678332777c027aaddbfe258b6736c838\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleMailgunKey, Severity: finding.SeverityHigh, Title: "Mailgun API key",
			Why:  "A Mailgun private API key sends mail from the company's domains and reads the event logs.",
			Doc:  `A Mailgun private API key (key-<32 hex>, or the newer <32 hex>-<8 hex>-<8 hex> assigned to a Mailgun name) is in a file.`,
			Fix:  "Regenerate the key in Mailgun (Settings → API Security), and keep it in AWS Secrets Manager / SSM Parameter Store or Azure Key Vault." + rotateNow,
			Bad:  "MAILGUN_API_KEY=key-acdc…",
			Good: "MAILGUN_API_KEY: ${ssm:/mail/mailgun-key}",
		},
		Catch: []Sample{
			smp(".env", "MAILGUN_API_KEY=ke·y-acdc4bbe92537f2f26ff29c1026be55a\n"),
			smp("config.yml", "mailgun_api_·key: 1787effb2121c506bac842f5fa229d4f-62a0290c-9d174e37\n"),
		},
		Ignore: []Sample{
			smp("styles.css", ".api-key-acdc4bbe92537f2f26ff29c1026be55a { color: red }\n"),
			smp(".env", "MAILGUN_API_KEY=key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleMailchimpKey, Severity: finding.SeverityMedium, Title: "Mailchimp API key",
			Why:  "A Mailchimp key exports the audience (names, e-mail addresses) and sends campaigns.",
			Doc:  `A Mailchimp API key (32 hexadecimal characters and a -usNN data centre suffix) is in a file.`,
			Fix:  "Revoke the key in Mailchimp (Profile → Extras → API keys), create a new one, and keep it in AWS Secrets Manager / SSM Parameter Store or Azure Key Vault." + rotateNow,
			Bad:  "MAILCHIMP_KEY=c964…-us14",
			Good: "MAILCHIMP_KEY: ${ssm:/mail/mailchimp-key}",
		},
		Catch: []Sample{
			smp(".env", "MAILCHIMP_KEY=c964131b5250f067b74c68bd1ee27518-u·s14\n"),
			smp("src/list.py", "client.set_config({\"api_key\": \"e4bd6e1e465a7829ebc325bd99413187-u·s6\", \"server\": \"us6\"})\n"),
		},
		Ignore: []Sample{
			smp("i18n.js", "const locale = 'en-us';\n"),
			smp(".env", "MAILCHIMP_KEY=c964·131b5250f067b74c68bd1ee2751-us14\n"),
		},
	}}
}
