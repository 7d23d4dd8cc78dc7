package wildcard

import "github.com/cladsec/clad/internal/finding"

// Rules reported by this detector.
var (
	// ActionRule: wildcard actions.
	ActionRule = finding.Rule{
		ID:       "access/wildcard-action",
		Category: finding.Access,
		Severity: finding.SeverityHigh,
		Title:    "IAM statement grants wildcard actions",
		CWE:      []string{"CWE-250", "CWE-732"},
		Why:      "A wildcard action hands a function every present and future action of a service, deletes and policy changes included.",
		Doc: `An Allow statement whose Action is "*", "service:*" or a partial wildcard gives
the function's role every action the pattern matches. "dynamodb:*" includes
DeleteTable and PutResourcePolicy; "s3:*" includes PutBucketPolicy and
DeleteBucket; "iam:*" lets the function make itself administrator. Whoever
runs code in the function (an injection, a vulnerable library) gets all of
it. clad weighs each pattern by what it matches (known action names, else the
verb before the wildcard: "s3:Get*" only reads and is not reported) and by the
resources it applies to: the same pattern on one table is less than on
every table. A Condition lowers the severity one step. Statements of SAM
policy templates are left to access/broad-sam-policy.`,
		Fix:      "List the actions the function calls (dynamodb:GetItem, dynamodb:PutItem…) on the ARNs of the resources it uses; `clad iam suggest` writes them from the function's code.",
		Bad:      "- Effect: Allow\n  Action: dynamodb:*\n  Resource: '*'",
		Good:     "- Effect: Allow\n  Action: [dynamodb:GetItem, dynamodb:PutItem]\n  Resource: !GetAtt OrdersTable.Arn",
		Exposure: true,
	}
	// ResourceRule: write/delete actions on every resource.
	ResourceRule = finding.Rule{
		ID:       "access/wildcard-resource",
		Category: finding.Access,
		Severity: finding.SeverityMedium,
		Title:    "IAM statement grants write or delete on every resource",
		CWE:      []string{"CWE-732", "CWE-284"},
		Why:      "Resource \"*\" (or table/*, bucket *) turns a narrow action into a power over every resource of that kind in the account.",
		Doc: `An Allow statement with specific actions but Resource "*" (or an ARN whose name
part is a wildcard, such as arn:aws:dynamodb:*:*:table/* or arn:aws:s3:::*)
applies those actions to every resource of the account. dynamodb:DeleteItem
on "*" deletes items of any table; s3:PutObject on "*" overwrites objects of
any bucket; secretsmanager:GetSecretValue on "*" reads every secret.
Write and delete are reported, as are reads of secrets (medium) and of
stored data (low). Actions that do not support resource-level permissions
or are harmless on "*" are not: xray:PutTraceSegments, cloudwatch:PutMetricData,
logs:CreateLogGroup/CreateLogStream/PutLogEvents, the ec2 network-interface
actions of VPC functions, Describe and List calls. A name prefix
(table/orders-*) is accepted as scoped. iam:PassRole has its own rule.`,
		Fix:      "Replace \"*\" with the ARNs of the resources the function uses (!GetAtt Table.Arn, arn:aws:s3:::bucket/*).",
		Bad:      "- Effect: Allow\n  Action: [dynamodb:PutItem, dynamodb:DeleteItem]\n  Resource: '*'",
		Good:     "- Effect: Allow\n  Action: [xray:PutTraceSegments, xray:PutTelemetryRecords]\n  Resource: '*'",
		Exposure: true,
	}
	// NotActionRule: Allow with NotAction or NotResource.
	NotActionRule = finding.Rule{
		ID:       "access/not-action-allow",
		Category: finding.Access,
		Severity: finding.SeverityHigh,
		Title:    "IAM statement allows with NotAction or NotResource",
		CWE:      []string{"CWE-250", "CWE-284"},
		Why:      "Allow with NotAction grants every action except a few, including every action AWS adds later; NotResource grants every resource except a few.",
		Doc: `"Effect: Allow" with "NotAction" is an allow-list turned inside out: the
function may do everything except the listed actions, on every service,
including services and actions that do not exist yet. "NotResource" does the
same for resources. Both are meant for Deny statements; in an Allow they
grant far more than the author wrote down.`,
		Fix:      "Write the Allow with Action and Resource; keep NotAction/NotResource for Deny statements.",
		Bad:      "- Effect: Allow\n  NotAction: iam:*\n  Resource: '*'",
		Good:     "- Effect: Deny\n  NotAction: [s3:GetObject]\n  Resource: arn:aws:s3:::reports/*",
		Exposure: true,
	}
	// PassRoleRule: iam:PassRole on every role.
	PassRoleRule = finding.Rule{
		ID:       "access/passrole-wildcard",
		Category: finding.Access,
		Severity: finding.SeverityHigh,
		Title:    "iam:PassRole on every role",
		CWE:      []string{"CWE-269", "CWE-250"},
		Why:      "PassRole on \"*\" lets the function hand any role of the account, administrator roles included, to a service it controls: privilege escalation.",
		Doc: `iam:PassRole lets a principal give a role to an AWS service (a new Lambda
function, an EC2 instance, a Glue job, a CloudFormation stack). With
Resource "*" (or role/*) a compromised function can create a resource that
runs with the most powerful role in the account and so escalate to it.
Scope PassRole to the one role the function really passes, and add the
iam:PassedToService condition (a Condition lowers the severity).`,
		Fix:      "Limit Resource to the role ARN the function passes and add Condition: {StringEquals: {iam:PassedToService: <service>.amazonaws.com}}.",
		Bad:      "- Effect: Allow\n  Action: iam:PassRole\n  Resource: '*'",
		Good:     "- Effect: Allow\n  Action: iam:PassRole\n  Resource: !GetAtt StepFunctionsRole.Arn\n  Condition:\n    StringEquals: {iam:PassedToService: states.amazonaws.com}",
		Exposure: true,
	}
)
