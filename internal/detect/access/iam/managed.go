package iam

import (
	"strings"

	"github.com/cladsec/clad/internal/finding"
)

// Managed describes an AWS managed policy that grants far more than a
// function needs. Facts from the AWS Managed Policy Reference
// (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html).
type Managed struct {
	Name     string
	Class    Class
	Severity finding.Severity
	// Meaning says what the policy lets the function do.
	Meaning string
}

// broadManaged are the managed policies clad reports, by lower-case name.
var broadManaged = func() map[string]Managed {
	out := map[string]Managed{}
	for _, m := range []Managed{
		{"AdministratorAccess", Permissions, finding.SeverityCritical, "every action on every resource of the account: the function is an administrator"},
		{"IAMFullAccess", Permissions, finding.SeverityCritical, "every IAM action: the function can create users, keys and roles and make itself administrator"},
		{"PowerUserAccess", Permissions, finding.SeverityHigh, "every action except IAM and Organizations management: all data and infrastructure of the account"},
		{"AWSLambda_FullAccess", Permissions, finding.SeverityHigh, "every Lambda action: it can replace the code of any function and so act with any function's role"},
		{"AWSLambdaFullAccess", Permissions, finding.SeverityHigh, "every Lambda action (deprecated policy): it can replace the code of any function"},
		{"AmazonS3FullAccess", Permissions, finding.SeverityHigh, "every S3 action on every bucket: read, overwrite and delete all objects, change bucket policies"},
		{"AmazonDynamoDBFullAccess", Permissions, finding.SeverityHigh, "every DynamoDB action on every table: read, change and delete all items and tables"},
		{"SecretsManagerReadWrite", Permissions, finding.SeverityHigh, "read and write access to every secret in Secrets Manager"},
		{"AmazonSSMFullAccess", Permissions, finding.SeverityHigh, "every Systems Manager action: every parameter, and commands on managed instances"},
		{"AmazonEC2FullAccess", Permissions, finding.SeverityHigh, "every EC2 action: start, stop and delete instances, open security groups"},
		{"AmazonRDSFullAccess", Permissions, finding.SeverityHigh, "every RDS action: snapshot, share and delete databases"},
		{"AWSCloudFormationFullAccess", Permissions, finding.SeverityHigh, "every CloudFormation action: whole stacks created and deleted"},
		{"AmazonAPIGatewayAdministrator", Permissions, finding.SeverityHigh, "the right to change or delete every API, authorizers included"},
		{"AmazonCognitoPowerUser", Permissions, finding.SeverityHigh, "every Cognito action: create, change and delete users and user pools"},
		{"AWSKeyManagementServicePowerUser", Permissions, finding.SeverityHigh, "the right to create keys and change key policies in KMS"},
		{"AmazonSQSFullAccess", Permissions, finding.SeverityMedium, "every SQS action on every queue: read, purge and delete queues, change their policies"},
		{"AmazonSNSFullAccess", Permissions, finding.SeverityMedium, "every SNS action on every topic: publish anywhere, subscribe, change topic policies"},
		{"AmazonKinesisFullAccess", Permissions, finding.SeverityMedium, "every Kinesis action on every stream"},
		{"AWSStepFunctionsFullAccess", Permissions, finding.SeverityMedium, "every Step Functions action on every state machine"},
		{"AmazonEventBridgeFullAccess", Permissions, finding.SeverityMedium, "every EventBridge action: reroute any event to any target"},
		{"CloudWatchFullAccess", Permissions, finding.SeverityMedium, "every CloudWatch action, including deleting alarms and logs"},
		{"CloudWatchLogsFullAccess", Permissions, finding.SeverityMedium, "every CloudWatch Logs action: read and delete every log group"},
		{"AmazonSESFullAccess", Permissions, finding.SeverityMedium, "every SES action: mail sent as any verified identity"},
		{"ReadOnlyAccess", Read, finding.SeverityMedium, "read access to every resource of the account, S3 objects and DynamoDB items included"},
		{"AmazonS3ReadOnlyAccess", Read, finding.SeverityLow, "read access to every object of every bucket"},
		{"AmazonDynamoDBReadOnlyAccess", Read, finding.SeverityLow, "read access to every item of every table"},
	} {
		out[strings.ToLower(m.Name)] = m
	}
	return out
}()

// LookupManaged returns the entry of an AWS managed policy ARN
// ("arn:aws:iam::aws:policy/AdministratorAccess", any partition, any
// path) or bare name.
func LookupManaged(arn string) (Managed, bool) {
	a := strings.TrimSpace(arn)
	if strings.HasPrefix(a, "arn:") {
		parts := strings.SplitN(a, ":", 6)
		if len(parts) < 6 || parts[4] != "aws" || !strings.HasPrefix(parts[5], "policy/") {
			return Managed{}, false // customer managed: its content is unknown here
		}
		a = parts[5]
	}
	if i := strings.LastIndex(a, "/"); i >= 0 {
		a = a[i+1:]
	}
	m, ok := broadManaged[strings.ToLower(a)]
	return m, ok
}
