package iam

import (
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// AWS managed policies serverless roles commonly attach, with the actions
// they allow (on every resource). The facts come from the AWS Managed
// Policy Reference Guide (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/),
// reduced to the services this package maps; the policies that also grant
// other services keep their wildcard on the services listed here. A policy
// missing from the table is unknown: it may allow anything.
type managedDef struct {
	actions    []string
	notActions []string
	// platform marks the execution-role policies the frameworks attach for
	// logs, tracing, VPC networking and event sources.
	platform bool
}

var logsActions = []string{"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"}

var managedPolicies = map[string]managedDef{
	"AdministratorAccess": {actions: []string{"*"}},
	"PowerUserAccess":     {notActions: []string{"iam:*", "organizations:*", "account:*"}},
	"AmazonDynamoDBFullAccess": {actions: []string{"dynamodb:*", "cloudwatch:*", "sns:*", "lambda:*",
		"kms:DescribeKey", "kms:ListAliases"}},
	"AmazonDynamoDBReadOnlyAccess": {actions: []string{"dynamodb:BatchGet*", "dynamodb:Describe*", "dynamodb:Get*",
		"dynamodb:List*", "dynamodb:Query", "dynamodb:Scan", "dynamodb:PartiQLSelect", "cloudwatch:Describe*",
		"cloudwatch:Get*", "cloudwatch:List*", "sns:ListSubscriptionsByTopic", "sns:ListTopics",
		"lambda:ListFunctions", "lambda:ListEventSourceMappings", "lambda:GetFunctionConfiguration"}},
	"AmazonS3FullAccess":              {actions: []string{"s3:*", "s3-object-lambda:*"}},
	"AmazonS3ReadOnlyAccess":          {actions: []string{"s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"}},
	"AmazonSQSFullAccess":             {actions: []string{"sqs:*"}},
	"AmazonSQSReadOnlyAccess":         {actions: []string{"sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ListDeadLetterSourceQueues", "sqs:ListQueues", "sqs:ListQueueTags", "sqs:ListMessageMoveTasks"}},
	"AmazonSNSFullAccess":             {actions: []string{"sns:*"}},
	"AmazonSNSReadOnlyAccess":         {actions: []string{"sns:GetTopicAttributes", "sns:List*", "sns:CheckIfPhoneNumberIsOptedOut", "sns:GetEndpointAttributes", "sns:GetPlatformApplicationAttributes", "sns:GetSMSAttributes", "sns:GetSubscriptionAttributes"}},
	"AWSLambda_FullAccess":            {actions: []string{"lambda:*", "states:DescribeStateMachine", "states:ListStateMachines", "kms:ListAliases", "sqs:ListQueues", "sns:ListTopics", "sns:ListSubscriptions", "sns:ListSubscriptionsByTopic", "dynamodb:DescribeStream", "dynamodb:DescribeTable", "dynamodb:ListStreams", "dynamodb:ListTables", "kinesis:DescribeStream", "kinesis:ListStreams", "events:*", "cloudwatch:*", "s3:ListAllMyBuckets", "s3:ListBucket"}},
	"AWSLambdaRole":                   {actions: []string{"lambda:InvokeFunction"}},
	"AWSStepFunctionsFullAccess":      {actions: []string{"states:*"}},
	"AmazonKinesisFullAccess":         {actions: []string{"kinesis:*"}},
	"AmazonKinesisReadOnlyAccess":     {actions: []string{"kinesis:Get*", "kinesis:List*", "kinesis:Describe*"}},
	"AmazonKinesisFirehoseFullAccess": {actions: []string{"firehose:*"}},
	"AmazonSESFullAccess":             {actions: []string{"ses:*"}},
	"AmazonSESReadOnlyAccess":         {actions: []string{"ses:Get*", "ses:List*", "ses:Describe*"}},
	"AmazonEventBridgeFullAccess":     {actions: []string{"events:*"}},
	"AmazonSSMFullAccess":             {actions: []string{"ssm:*", "cloudwatch:PutMetricData"}},
	"AmazonSSMReadOnlyAccess":         {actions: []string{"ssm:Describe*", "ssm:Get*", "ssm:List*"}},
	"SecretsManagerReadWrite": {actions: []string{"secretsmanager:*", "kms:DescribeKey", "kms:ListAliases",
		"kms:ListKeys", "lambda:ListFunctions", "cloudformation:*", "tag:GetResources", "rds:Describe*"}},
	"AmazonCognitoPowerUser":           {actions: []string{"cognito-idp:*", "cognito-identity:*", "cognito-sync:*"}},
	"AmazonCognitoReadOnly":            {actions: []string{"cognito-idp:Describe*", "cognito-idp:List*", "cognito-idp:AdminGetUser", "cognito-idp:AdminList*", "cognito-identity:Describe*", "cognito-identity:List*"}},
	"CloudWatchFullAccess":             {actions: []string{"cloudwatch:*", "logs:*", "sns:*", "events:*"}},
	"AWSKeyManagementServicePowerUser": {actions: []string{"kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"}},
	"IAMFullAccess":                    {actions: []string{"iam:*", "organizations:DescribeAccount", "organizations:DescribeOrganization", "organizations:ListAccounts"}},
	// Execution-role policies.
	"AWSLambdaBasicExecutionRole":     {actions: logsActions, platform: true},
	"AWSLambdaVPCAccessExecutionRole": {actions: append([]string{"ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"}, logsActions...), platform: true},
	"AWSLambdaSQSQueueExecutionRole":  {actions: append([]string{"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"}, logsActions...), platform: true},
	"AWSLambdaKinesisExecutionRole":   {actions: append([]string{"kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards", "kinesis:ListStreams", "kinesis:SubscribeToShard"}, logsActions...), platform: true},
	"AWSLambdaDynamoDBExecutionRole":  {actions: append([]string{"dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"}, logsActions...), platform: true},
	"AWSLambdaMSKExecutionRole":       {actions: []string{"kafka:*", "ec2:*"}, platform: true},
	"AWSXrayWriteOnlyAccess":          {actions: []string{"xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"}, platform: true},
	"AWSXRayDaemonWriteAccess":        {actions: []string{"xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"}, platform: true},
	"AWSLambdaENIManagementAccess":    {actions: []string{"ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"}, platform: true},
}

// managedName returns the policy name of an AWS managed policy ARN
// ("arn:aws:iam::aws:policy/service-role/X" → X), or "".
func managedName(arn string) string {
	const prefix = "arn:aws:iam::aws:policy/"
	if !strings.HasPrefix(arn, prefix) {
		return ""
	}
	rest := strings.TrimPrefix(arn, prefix)
	return rest[strings.LastIndex(rest, "/")+1:]
}

// managedStatement turns an attached managed policy into a statement; ok
// is false for a policy clad does not know (customer managed, unresolved).
func managedStatement(p model.Policy) (grantStmt, managedDef, bool) {
	def, ok := managedPolicies[managedName(p.ARN)]
	if !ok {
		return grantStmt{allow: true, actionUnknown: true, resourceUnknown: true, managed: true,
			label: "managed policy " + p.ARN, src: model.Statement{Origin: p.Origin, Source: p.Source}}, def, false
	}
	st := model.Statement{Effect: "Allow", Action: def.actions, NotAction: def.notActions, Resource: []string{"*"},
		Origin: p.Origin, Source: p.Source, Resolved: true}
	g := normStatement(st)
	g.managed = true
	g.label = "managed policy " + managedName(p.ARN)
	return g, def, true
}
