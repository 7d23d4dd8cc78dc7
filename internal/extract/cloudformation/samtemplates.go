package cloudformation

// The AWS SAM policy templates clad expands, and the statements each one
// grants. The facts (template names, parameter names, IAM actions and
// resource ARN patterns) come from the AWS SAM Developer Guide, "AWS SAM
// policy templates" → "Policy template list"
// (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html).
// A "${Name}" placeholder in a resource names the template's parameter, as
// the function's Policies entry gives it ({DynamoDBCrudPolicy: {TableName: …}});
// "${AWS::…}" are pseudo parameters. Templates missing here are reported as
// unresolved statements, never guessed.

// samStatement is one statement a policy template expands to (Effect Allow).
type samStatement struct {
	actions   []string
	resources []string
	condition bool
}

// regional builds "arn:${AWS::Partition}:<service>:${AWS::Region}:${AWS::AccountId}:<rest>".
func regional(service, rest string) string {
	return "arn:${AWS::Partition}:" + service + ":${AWS::Region}:${AWS::AccountId}:" + rest
}

func stmt(resources []string, actions ...string) samStatement {
	return samStatement{actions: actions, resources: resources}
}

func res(r ...string) []string { return r }

var (
	anyResource   = res("*")
	ddbTable      = regional("dynamodb", "table/${TableName}")
	ddbTableIndex = res(ddbTable, regional("dynamodb", "table/${TableName}/index/*"))
	s3Bucket      = "arn:${AWS::Partition}:s3:::${BucketName}"
	s3Objects     = "arn:${AWS::Partition}:s3:::${BucketName}/*"
	sqsQueue      = res(regional("sqs", "${QueueName}"))
	kinesisStream = res(regional("kinesis", "stream/${StreamName}"))
	sesIdentity   = res(regional("ses", "identity/${IdentityName}"))
	kmsKey        = res(regional("kms", "key/${KeyId}"))
	firehose      = res(regional("firehose", "deliverystream/${DeliveryStreamName}"))
	ssmDescribe   = stmt(anyResource, "ssm:DescribeParameters")
	ssmGet        = []string{"ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath"}
)

// samPolicyTemplates maps a policy template name to its statements.
var samPolicyTemplates = map[string][]samStatement{
	"AcmGetCertificatePolicy":              {stmt(res("${CertificateArn}"), "acm:GetCertificate")},
	"AMIDescribePolicy":                    {stmt(anyResource, "ec2:DescribeImages")},
	"CloudFormationDescribeStacksPolicy":   {stmt(res(regional("cloudformation", "stack/*")), "cloudformation:DescribeStacks")},
	"CloudWatchDescribeAlarmHistoryPolicy": {stmt(anyResource, "cloudwatch:DescribeAlarmHistory")},
	"CloudWatchPutMetricPolicy":            {stmt(anyResource, "cloudwatch:PutMetricData")},
	"CloudWatchDashboardPolicy": {stmt(anyResource,
		"cloudwatch:GetDashboard", "cloudwatch:ListDashboards", "cloudwatch:PutDashboard", "cloudwatch:ListMetrics")},
	"CodePipelineLambdaExecutionPolicy": {stmt(anyResource,
		"codepipeline:PutJobSuccessResult", "codepipeline:PutJobFailureResult")},
	"ComprehendBasicAccessPolicy": {stmt(anyResource,
		"comprehend:BatchDetectKeyPhrases", "comprehend:DetectDominantLanguage", "comprehend:DetectEntities",
		"comprehend:BatchDetectEntities", "comprehend:DetectKeyPhrases", "comprehend:DetectSentiment",
		"comprehend:BatchDetectDominantLanguage", "comprehend:BatchDetectSentiment")},
	"CostExplorerReadOnlyPolicy": {stmt(anyResource,
		"ce:GetCostAndUsage", "ce:GetDimensionValues", "ce:GetReservationCoverage",
		"ce:GetReservationPurchaseRecommendation", "ce:GetReservationUtilization", "ce:GetTags")},
	"DynamoDBCrudPolicy": {stmt(ddbTableIndex,
		"dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query",
		"dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem", "dynamodb:DescribeTable",
		"dynamodb:ConditionCheckItem")},
	"DynamoDBReadPolicy": {stmt(ddbTableIndex,
		"dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:DescribeTable")},
	"DynamoDBWritePolicy": {stmt(ddbTableIndex,
		"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem")},
	"DynamoDBReconfigurePolicy": {stmt(res(ddbTable), "dynamodb:UpdateTable")},
	"DynamoDBStreamReadPolicy": {
		stmt(res(regional("dynamodb", "table/${TableName}/stream/${StreamName}")),
			"dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"),
		stmt(res(regional("dynamodb", "table/${TableName}/stream/*")), "dynamodb:ListStreams"),
	},
	"DynamoDBBackupFullAccessPolicy": {
		stmt(res(ddbTable), "dynamodb:CreateBackup", "dynamodb:DescribeContinuousBackups"),
		stmt(res(regional("dynamodb", "table/${TableName}/backup/*")),
			"dynamodb:DeleteBackup", "dynamodb:DescribeBackup", "dynamodb:ListBackups"),
	},
	"DynamoDBRestoreFromBackupPolicy": {
		stmt(res(regional("dynamodb", "table/${TableName}/backup/*")), "dynamodb:RestoreTableFromBackup"),
		stmt(res(ddbTable), "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:GetItem",
			"dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchWriteItem"),
	},
	"EC2DescribePolicy":           {stmt(anyResource, "ec2:DescribeRegions", "ec2:DescribeInstances")},
	"EKSDescribePolicy":           {stmt(anyResource, "eks:DescribeCluster", "eks:ListClusters")},
	"ElasticsearchHttpPostPolicy": {stmt(res(regional("es", "domain/${DomainName}/*")), "es:ESHttpPost", "es:ESHttpPut")},
	"EventBridgePutEventsPolicy":  {stmt(res(regional("events", "event-bus/${EventBusName}")), "events:PutEvents")},
	"FilterLogEventsPolicy":       {stmt(res(regional("logs", "log-group:${LogGroupName}:log-stream:*")), "logs:FilterLogEvents")},
	"FirehoseCrudPolicy": {stmt(firehose,
		"firehose:CreateDeliveryStream", "firehose:DeleteDeliveryStream", "firehose:DescribeDeliveryStream",
		"firehose:PutRecord", "firehose:PutRecordBatch", "firehose:UpdateDestination")},
	"FirehoseWritePolicy": {stmt(firehose, "firehose:PutRecord", "firehose:PutRecordBatch")},
	"KinesisCrudPolicy": {stmt(kinesisStream,
		"kinesis:AddTagsToStream", "kinesis:CreateStream", "kinesis:DecreaseStreamRetentionPeriod",
		"kinesis:DeleteStream", "kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
		"kinesis:GetShardIterator", "kinesis:IncreaseStreamRetentionPeriod", "kinesis:ListTagsForStream",
		"kinesis:MergeShards", "kinesis:PutRecord", "kinesis:PutRecords", "kinesis:SplitShard",
		"kinesis:RemoveTagsFromStream")},
	"KinesisStreamReadPolicy": {
		stmt(res(regional("kinesis", "stream/*")), "kinesis:ListStreams", "kinesis:DescribeLimits"),
		stmt(kinesisStream, "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords",
			"kinesis:GetShardIterator"),
	},
	"KMSDecryptPolicy":                     {stmt(kmsKey, "kms:Decrypt")},
	"KMSEncryptPolicy":                     {stmt(kmsKey, "kms:Encrypt")},
	"LambdaInvokePolicy":                   {stmt(res(regional("lambda", "function:${FunctionName}*")), "lambda:InvokeFunction")},
	"MobileAnalyticsWriteOnlyAccessPolicy": {stmt(anyResource, "mobileanalytics:PutEvents")},
	"OrganizationsListAccountsPolicy":      {stmt(anyResource, "organizations:ListAccounts")},
	"PollyFullAccessPolicy": {
		stmt(res(regional("polly", "lexicon/${LexiconName}")), "polly:GetLexicon", "polly:DeleteLexicon"),
		stmt(res(regional("polly", "lexicon/*")),
			"polly:DescribeVoices", "polly:ListLexicons", "polly:PutLexicon", "polly:SynthesizeSpeech"),
	},
	"RekognitionDetectOnlyPolicy": {stmt(anyResource,
		"rekognition:DetectFaces", "rekognition:DetectLabels", "rekognition:DetectModerationLabels",
		"rekognition:DetectText")},
	"RekognitionLabelsPolicy": {stmt(anyResource, "rekognition:DetectLabels", "rekognition:DetectModerationLabels")},
	"Route53ChangeResourceRecordSetsPolicy": {stmt(res("arn:${AWS::Partition}:route53:::hostedzone/${HostedZoneId}"),
		"route53:ChangeResourceRecordSets")},
	"S3CrudPolicy": {stmt(res(s3Bucket, s3Objects),
		"s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:PutObject",
		"s3:PutObjectAcl", "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration", "s3:DeleteObject")},
	"S3FullAccessPolicy": {
		stmt(res(s3Objects),
			"s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl",
			"s3:DeleteObject", "s3:DeleteObjectTagging", "s3:DeleteObjectVersionTagging", "s3:GetObjectTagging",
			"s3:GetObjectVersionTagging", "s3:PutObjectTagging", "s3:PutObjectVersionTagging"),
		stmt(res(s3Bucket),
			"s3:ListBucket", "s3:GetBucketLocation", "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration"),
	},
	"S3ReadPolicy": {stmt(res(s3Bucket, s3Objects),
		"s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:GetLifecycleConfiguration")},
	"S3WritePolicy": {stmt(res(s3Bucket, s3Objects),
		"s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration")},
	"SESBulkTemplatedCrudPolicy": {stmt(sesIdentity,
		"ses:GetIdentityVerificationAttributes", "ses:SendEmail", "ses:SendRawEmail", "ses:SendTemplatedEmail",
		"ses:SendBulkTemplatedEmail", "ses:VerifyEmailIdentity")},
	"SESCrudPolicy": {stmt(sesIdentity,
		"ses:GetIdentityVerificationAttributes", "ses:SendEmail", "ses:SendRawEmail", "ses:VerifyEmailIdentity")},
	"SESEmailTemplateCrudPolicy": {stmt(anyResource,
		"ses:CreateTemplate", "ses:GetTemplate", "ses:ListTemplates", "ses:UpdateTemplate", "ses:DeleteTemplate",
		"ses:TestRenderTemplate")},
	"SESSendBouncePolicy": {stmt(sesIdentity, "ses:SendBounce")},
	"SNSCrudPolicy": {stmt(res(regional("sns", "${TopicName}*")),
		"sns:ListSubscriptionsByTopic", "sns:CreateTopic", "sns:SetTopicAttributes", "sns:Subscribe", "sns:Publish")},
	"SNSPublishMessagePolicy": {stmt(res(regional("sns", "${TopicName}")), "sns:Publish")},
	"SQSPollerPolicy": {stmt(sqsQueue,
		"sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessage",
		"sqs:DeleteMessageBatch", "sqs:GetQueueAttributes", "sqs:ReceiveMessage")},
	"SQSSendMessagePolicy": {stmt(sqsQueue, "sqs:SendMessage*")},
	"SSMParameterReadPolicy": {ssmDescribe,
		stmt(res(regional("ssm", "parameter/${ParameterName}")), ssmGet...)},
	"SSMParameterWithSlashPrefixReadPolicy": {ssmDescribe,
		stmt(res(regional("ssm", "parameter${ParameterName}")), ssmGet...)},
	"StepFunctionsExecutionPolicy":          {stmt(res(regional("states", "stateMachine:${StateMachineName}")), "states:StartExecution")},
	"AWSSecretsManagerGetSecretValuePolicy": {stmt(res("${SecretArn}"), "secretsmanager:GetSecretValue")},
	"AWSSecretsManagerRotationPolicy": {
		{
			actions: []string{"secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue",
				"secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"},
			resources: res(regional("secretsmanager", "secret:*")),
			condition: true, // only secrets whose rotation Lambda is this function
		},
		stmt(anyResource, "secretsmanager:GetRandomPassword"),
	},
	"TextractDetectAnalyzePolicy": {stmt(anyResource,
		"textract:DetectDocumentText", "textract:StartDocumentTextDetection", "textract:StartDocumentAnalysis",
		"textract:AnalyzeDocument")},
	"TextractGetResultPolicy": {stmt(anyResource, "textract:GetDocumentTextDetection", "textract:GetDocumentAnalysis")},
	"TextractPolicy":          {stmt(anyResource, "textract:*")},
	"VPCAccessPolicy": {stmt(anyResource,
		"ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:DescribeNetworkInterfaces",
		"ec2:DetachNetworkInterface")},
	"AthenaQueryPolicy": {
		stmt(anyResource, "athena:ListWorkGroups", "athena:GetExecutionEngine", "athena:GetExecutionEngines",
			"athena:GetNamespace", "athena:GetCatalogs", "athena:GetNamespaces", "athena:GetTables", "athena:GetTable"),
		stmt(res(regional("athena", "workgroup/${WorkGroupName}")),
			"athena:StartQueryExecution", "athena:GetQueryResults", "athena:DeleteNamedQuery", "athena:GetNamedQuery",
			"athena:ListQueryExecutions", "athena:StopQueryExecution", "athena:GetQueryResultsStream",
			"athena:ListNamedQueries", "athena:CreateNamedQuery", "athena:GetQueryExecution",
			"athena:BatchGetNamedQuery", "athena:BatchGetQueryExecution", "athena:GetWorkGroup"),
	},
}
