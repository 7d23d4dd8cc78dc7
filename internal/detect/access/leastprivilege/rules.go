package leastprivilege

import "github.com/cladsec/clad/internal/finding"

// Rules reported by this detector.
var (
	// UnusedRule: grants no function holding them uses.
	UnusedRule = finding.Rule{
		ID:       "access/unused-permission",
		Category: finding.Access,
		Severity: finding.SeverityMedium,
		Title:    "Permission granted that no function's code uses",
		CWE:      []string{"CWE-250"},
		Why:      "A permission the code never needs only helps whoever takes over the function.",
		Doc: `clad reads the code each function reaches (JavaScript/TypeScript with the AWS SDK
v2 or v3, Python with boto3, Go with the AWS SDK), maps every SDK call to the
IAM actions and resources it needs, and compares that with the statements and
managed policies of the function's role. A grant is reported when no function
holding it through that role needs it: for a role shared by several
functions, one of them using an action keeps it. Write, delete and
permissions-management grants are reported at medium, read and list grants at
low. clad stays silent when it cannot see all the code that could use the
grant: handler code outside the scanned tree, calls it cannot follow
(client[method](...), require(variable), boto3.client(variable)), SDK
clients handed to other libraries, and libraries that call AWS themselves
(dynamoose, @middy/ssm, the Powertools parameters utility, PynamoDB...). It
also leaves out what the platform uses rather than the code: CloudWatch Logs,
X-Ray and VPC networking permissions, the queue and stream reads of event
source triggers, and sends to dead-letter queues and invocation destinations
the manifest configures. Only services clad maps (DynamoDB, S3, SQS, SNS,
Lambda, Secrets Manager, SSM, KMS, EventBridge, Step Functions, Kinesis,
Firehose, SES, Cognito user pools, STS, CloudWatch) are judged.`,
		Fix:      "Remove the unused actions from the statement (or the policy from the role); `clad iam suggest` prints the statements each function needs.",
		Bad:      "provider:\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: [dynamodb:GetItem, dynamodb:DeleteItem]   # the code only calls get()\n          Resource: !GetAtt Table.Arn",
		Good:     "provider:\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: [dynamodb:GetItem]\n          Resource: !GetAtt Table.Arn",
		Exposure: true,
	}
	// NarrowableRule: wildcards the code needs only a few actions of.
	NarrowableRule = finding.Rule{
		ID:       "access/wildcard-narrowable",
		Category: finding.Access,
		Severity: finding.SeverityInfo,
		Title:    "Wildcard action can be replaced by the actions the code calls",
		CWE:      []string{"CWE-250"},
		Why:      "The code proves which actions under the wildcard the functions need; the rest can go.",
		Doc: `A statement grants a wildcard (s3:*, dynamodb:Get*, *) and clad has seen every
SDK call of every function holding it: the finding lists the actions under the
wildcard that code needs, which function needs each and the call that needs
it, so the wildcard can be replaced by exactly those. It fires only with code
evidence and complete analysis of the services the wildcard covers. The risk
of the wildcard itself is rated by access/wildcard-action; this finding is the
fix for it, hence info severity (not raised for public functions).`,
		Fix:  "Replace the wildcard with the actions listed in the finding (see `clad iam suggest` for per-function statements).",
		Bad:  "- Effect: Allow\n  Action: s3:*          # the code calls getObject and putObject\n  Resource: arn:aws:s3:::uploads/*",
		Good: "- Effect: Allow\n  Action: [s3:GetObject, s3:PutObject]\n  Resource: arn:aws:s3:::uploads/*",
	}
	// MissingRule: calls the role does not allow.
	MissingRule = finding.Rule{
		ID:       "access/missing-permission",
		Category: finding.Access,
		Severity: finding.SeverityHigh,
		Title:    "Function calls an AWS action its role does not allow",
		CWE:      []string{"CWE-280"},
		Why:      "The call fails with AccessDenied at run time, or the function relies on permissions granted somewhere clad cannot see.",
		Doc: `The function's code makes an SDK call whose IAM action (on the resource the
call names, when clad can resolve it) no statement or managed policy of its
role allows, or that a Deny statement refuses. Either the feature is broken
in production, or the permission comes from outside the manifest (a role
managed elsewhere, a policy attached by hand), which then escapes review.
High when nothing clad sees could allow it; medium when only unresolved
statements or unknown managed policies might, or when the role allows the
action on other resources only (a Query on an index when only the table is
granted, ListBucket granted on objects instead of the bucket). Functions whose
role is defined outside the manifest are not checked.`,
		Fix:  "Grant the action on the resource the call uses (see `clad iam suggest`), or remove the call.",
		Bad:  "# code: await ddb.send(new PutCommand({ TableName: process.env.TABLE, Item }))\n- Effect: Allow\n  Action: [dynamodb:GetItem]\n  Resource: !GetAtt Table.Arn",
		Good: "- Effect: Allow\n  Action: [dynamodb:GetItem, dynamodb:PutItem]\n  Resource: !GetAtt Table.Arn",
	}
)
