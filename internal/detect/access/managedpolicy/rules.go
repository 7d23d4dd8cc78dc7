package managedpolicy

import "github.com/cladsec/clad/internal/finding"

// Rules reported by this detector.
var (
	// AdminRule: broad AWS managed policies.
	AdminRule = finding.Rule{
		ID:       "access/admin-managed-policy",
		Category: finding.Access,
		Severity: finding.SeverityHigh,
		Title:    "Function role has an administrator or full-access managed policy",
		CWE:      []string{"CWE-250", "CWE-269"},
		Why:      "AWS managed policies such as AdministratorAccess or AmazonS3FullAccess grant every action of a service (or of the account) on every resource.",
		Doc: `AWS managed policies are written for people and broad roles, not for one
function: AdministratorAccess is the whole account, IAMFullAccess lets the
function make itself administrator, PowerUserAccess is everything but IAM,
AmazonS3FullAccess every bucket, AmazonDynamoDBFullAccess every table,
AWSLambda_FullAccess lets it rewrite any function's code and so borrow that
function's role. clad keeps a table of these policies with what each
means and a severity: critical for administrator-equivalent policies, high
for full access to a data or compute service, medium for messaging and
monitoring services and for ReadOnlyAccess (every object and item of the
account). The service-role policies Lambda needs (AWSLambdaBasicExecutionRole,
AWSLambdaVPCAccessExecutionRole, the SQS/Kinesis/DynamoDB execution roles)
are not reported.`,
		Fix:      "Remove the managed policy and grant the actions the function calls on its own resources (an inline policy, a SAM policy template, iamRoleStatements).",
		Bad:      "provider:\n  iam:\n    role:\n      managedPolicies:\n        - arn:aws:iam::aws:policy/AdministratorAccess",
		Good:     "provider:\n  iam:\n    role:\n      managedPolicies:\n        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
		Exposure: true,
	}
	// SAMRule: broad SAM policy templates.
	SAMRule = finding.Rule{
		ID:       "access/broad-sam-policy",
		Category: finding.Access,
		Severity: finding.SeverityMedium,
		Title:    "SAM policy template grants more than a narrower template would",
		CWE:      []string{"CWE-250"},
		Why:      "Full-access and CRUD SAM policy templates grant delete and ACL actions a function that only reads or only writes does not need.",
		Doc: `SAM policy templates are scoped to one resource, which is good, but some of
them grant every kind of access to it. S3FullAccessPolicy adds DeleteObject
and PutObjectAcl (making objects public) on the bucket; S3CrudPolicy adds
DeleteObject, PutObjectAcl and PutLifecycleConfiguration (which can expire
every object); KinesisCrudPolicy and FirehoseCrudPolicy can delete or
redirect the stream; SNSCrudPolicy can change topic attributes;
DynamoDBCrudPolicy deletes items. clad reports full-access templates at
medium and CRUD templates at low or info, because from the template alone it
cannot know whether the function writes. The code analysis behind
clad iam suggest will compare the template with the SDK calls the function
makes and sharpen this (a CRUD template on a function that only reads).`,
		Fix:      "Use the narrower template that matches what the function does: S3ReadPolicy/S3WritePolicy, DynamoDBReadPolicy/DynamoDBWritePolicy, KinesisStreamReadPolicy, SNSPublishMessagePolicy.",
		Bad:      "Policies:\n  - S3FullAccessPolicy:\n      BucketName: !Ref Uploads",
		Good:     "Policies:\n  - S3ReadPolicy:\n      BucketName: !Ref Uploads",
		Exposure: true,
	}
)
