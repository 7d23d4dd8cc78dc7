package engine

import "github.com/cladsec/clad/internal/finding"

func awsRules() []Rule {
	return []Rule{{
		Rule: finding.Rule{
			ID: RuleAWSAccessKey, Severity: finding.SeverityCritical, Title: "AWS access key in the project",
			Why: "An IAM access key id (with its secret nearby) lets anyone who reads the repository act as that IAM user.",
			Doc: `An AWS access key id (AKIA… for an IAM user, ASIA… for temporary STS
credentials) is in a file. When the 40-character secret access key sits within a
few lines, the pair is a working credential for every API the IAM user may call;
the finding then names both. Functions never need long-term keys: the execution
role hands them short-lived credentials.`,
			Fix:  "Deactivate and delete the key in IAM now and check CloudTrail for its use, then remove it from the code: Lambda functions get credentials from their execution role. If a third party really needs a key, keep it in AWS Secrets Manager with rotation." + rotateNow,
			Bad:  "aws_access_key_id = AKIA…\naws_secret_access_key = wJal…",
			Good: "# no keys: the function's execution role supplies credentials\nconst s3 = new S3Client({});",
		},
		Provider: true,
		Catch: []Sample{
			smp("deploy.sh", "export AWS_ACCESS_KEY_ID=AK·IAC5C6BHOQMAZ6FTV4\n"),
			smp("config/credentials", "[default]\naws_access_key_id = AK·IAHNLNH3QXM2UELUIH\naws_secret_access_key = ytfqY6K1Qjah4dXd3eOa1Zcc/a4CgOFfqRgz7IhY\n"),
			smp("src/s3.js", "const client = new S3({ accessKeyId: 'AK·IAVQIN4XHD4O5VJMQZ', secretAccessKey: 'ePP2lny2pg17+dUM2jNKogorTAuRVpQ09oiVeZWJ' });\n"),
		},
		Ignore: []Sample{
			smp("README.md", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"),
			smp("deploy.sh", "export AWS_ACCESS_KEY_ID=AKIA1234567890ABCDEF\n"),
			smp("iam.json", `{"RoleId": "AROAC5C6BHOQMAZ6FTV4X"}`),
			smp("deploy.sh", "export AWS_ACCESS_KEY_ID=${AWS_KEY}\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleAWSSecretKey, Severity: finding.SeverityCritical, Title: "AWS secret access key in the project",
			Why: "The secret half of an IAM access key signs requests as that user; the key id is easy to find.",
			Doc: `A 40-character AWS secret access key is assigned to a name that says so
(aws_secret_access_key, secretAccessKey, AWS_SECRET_ACCESS_KEY). On its own it is
still the secret part of a credential: the key id is logged in CloudTrail, shown in
error messages and often committed nearby. When the key id is next to it the pair
is reported once, as data/aws-access-key.`,
			Fix:  "Deactivate and delete the access key in IAM, review CloudTrail for its use, and let functions use their execution role instead of keys. " + storeAWS + rotateNow,
			Bad:  "secretAccessKey: 'ePP2…'",
			Good: "// credentials come from the execution role\nconst client = new S3Client({});",
		},
		Provider: true,
		Catch: []Sample{
			smp("config/credentials", "aws_secret_access_key = 9QyucS19AvMp2gUAeSsUfFgUl8oPK+HJN45P/ED7\n"),
			smp("src/s3.js", "const cfg = { secretAccessKey: 'ytfq·Y6K1Qjah4dXd3eOa1Zcc/a4CgOFfqRgz7IhY' };\n"),
			smp(".env", "AWS_SECRET_ACCESS_·KEY=ePP2lny2pg17+dUM2jNKogorTAuRVpQ09oiVeZWJ\n"),
		},
		Ignore: []Sample{
			smp("README.md", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"),
			smp("src/s3.js", "const cfg = { secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY };\n"),
			smp("config/credentials", "aws_secret_access_key = 0ad3995bd6c96fde1797abd723e1f94f401f0624\n"),
		},
	}, {
		Rule: finding.Rule{
			ID: RuleAWSSessionToken, Severity: finding.SeverityHigh, Title: "AWS session token in the project",
			Why: "A session token completes temporary credentials; until it expires it works like an access key.",
			Doc: `An AWS STS session token (the long base64 value that starts FwoGZXIvYXdz or
IQoJb3JpZ2luX2Vj) is in a file, usually pasted from a console session or a CI log.
With the ASIA… key id and secret it grants the role's permissions until it
expires, which can be up to 36 hours.`,
			Fix:  "Revoke the role's active sessions (IAM: Revoke active sessions) and remove the token. Never copy session credentials into files; let tools read them from the SDK credential chain, and keep any long-lived secret a job needs in AWS Secrets Manager." + rotateNow,
			Bad:  "aws_session_token = FwoG…",
			Good: "# credentials come from `aws sso login` or the execution role",
		},
		Provider: true,
		Catch: []Sample{
			smp("config/credentials", "aws_session_token = Fwo·GZXIvYXdzEIAnbq5JpQGRxMsCkAs4hFCJloy/6KMCsOQuaj2q3cfK1n5kGss5eBGKpJgugjKhVfpwoZcxG8LoSRTtOvekRD1Tovkl8BgX7wqSifjPYnQgasrvhkun2uKy4P5gwxyDC1FKtRiEwjF8M9361sKUYD4b+AsqXJiyeShNMHUC4rFhD5vDvnR8Ift7OGdt2GNvtTO8meAxp\n"),
			smp(".env", "AWS_SESSION_TOKEN=IQo·Jb3JpZ2luX2Vj3iLvW5ST//zL5LQRYmmYctWjZ4h2FMmQXsnKQeJabsXJ3GE+bT//WZeXNYi8RrWV3EM/VBTsqg7xwW1zkCDxdhD42m0UG/Z/PKvmMJHGq9IuM9CDVORv9Dj2pKlqv+dQtqpTbr2AQ/8gqf563faZ4/lrYMN+P+MhuRRmXF391/PHA0dwlyQrQomEa0cHr0WUbUpo0yjUtDX8c9/zQHDjYVKhyrkMKMa4vkrWGVGYuf7zcqz+BQmzYu4rrPgblWUQrYIamPykV7+SMteOe7aJlkIoaX8+X5p803lPWb4hZeou\n"),
		},
		Ignore: []Sample{
			smp(".env", "AWS_SESSION_TOKEN=${AWS_SESSION_TOKEN}\n"),
			smp("notes.md", "Session tokens start with FwoGZXIvYXdz and are long.\n"),
		},
	}}
}
