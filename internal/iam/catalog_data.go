package iam

// serviceDefs maps AWS SDK operations to the IAM actions they need and the
// resource each action is evaluated against, for the services serverless
// applications call most.
//
// The facts come from the AWS Service Authorization Reference ("Actions,
// resources, and condition keys for AWS services",
// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html):
// action names, their access level and their resource types. Where an API
// operation is authorised by a differently named action, the service's own
// guide is the source: Amazon S3 "Required permissions for Amazon S3 API
// operations" (HeadObject and SelectObjectContent need s3:GetObject;
// ListObjects/ListObjectsV2 and HeadBucket need s3:ListBucket on the bucket;
// CopyObject needs s3:GetObject on the source and s3:PutObject on the
// target; multipart uploads need s3:PutObject, plus s3:AbortMultipartUpload
// to clean up), Amazon DynamoDB "Using IAM policy conditions for fine-grained
// access control" and "DynamoDB API permissions reference"
// (TransactWriteItems and TransactGetItems are authorised per item action:
// PutItem, UpdateItem, DeleteItem, ConditionCheckItem, GetItem; BatchWriteItem
// needs dynamodb:BatchWriteItem on every table it writes; PartiQL statements
// need dynamodb:PartiQLSelect/Insert/Update/Delete), Amazon SQS (the *Batch
// operations use the action of the single operation), Amazon SNS
// (PublishBatch uses sns:Publish), AWS Lambda (InvokeWithResponseStream uses
// lambda:InvokeFunction), Amazon SES API v2 (SendEmail uses ses:SendEmail),
// Amazon Cognito user pools (the token-authorised user APIs such as
// InitiateAuth, SignUp and GetUser need no IAM permission) and AWS STS
// (GetCallerIdentity needs none).
//
// Resource roles name the resource an action is evaluated against; params
// lists, per role, the request parameters that hold it, and arnFor builds
// the ARN pattern.
var serviceDefs = []serviceDef{
	{
		key: "dynamodb", prefix: "dynamodb",
		v2: []string{"DynamoDB"}, v3: []v3Pkg{{"dynamodb", "DynamoDB"}}, boto3: []string{"dynamodb"}, goPkgs: []string{"dynamodb"},
		params: map[string][]string{
			"table":  {"TableName", "TableArn"},
			"index":  {"TableName"},
			"tables": {"TableName", "RequestItems"},
			"stream": {"TableName"},
		},
		ops: []string{
			"GetItem=GetItem@table:r", "PutItem=PutItem@table:w", "UpdateItem=UpdateItem@table:w",
			"DeleteItem=DeleteItem@table:w", "Query=Query@index:r", "Scan=Scan@index:r",
			"BatchGetItem=BatchGetItem@tables:r", "BatchWriteItem=BatchWriteItem@tables:w",
			"TransactGetItems=GetItem@tables:r",
			"TransactWriteItems=PutItem@tables:w,UpdateItem@tables:w,DeleteItem@tables:w,ConditionCheckItem@tables:r",
			"ExecuteStatement=PartiQLSelect@tables:r,PartiQLInsert@tables:w,PartiQLUpdate@tables:w,PartiQLDelete@tables:w",
			"BatchExecuteStatement=PartiQLSelect@tables:r,PartiQLInsert@tables:w,PartiQLUpdate@tables:w,PartiQLDelete@tables:w",
			"ExecuteTransaction=PartiQLSelect@tables:r,PartiQLInsert@tables:w,PartiQLUpdate@tables:w,PartiQLDelete@tables:w",
			"DescribeTable=DescribeTable@table:r", "ListTables=ListTables@*:l", "CreateTable=CreateTable@table:w",
			"DeleteTable=DeleteTable@table:w", "UpdateTable=UpdateTable@table:w",
			"DescribeTimeToLive=DescribeTimeToLive@table:r", "UpdateTimeToLive=UpdateTimeToLive@table:w",
			"CreateBackup=CreateBackup@table:w", "DescribeContinuousBackups=DescribeContinuousBackups@table:r",
			"TagResource=TagResource@table:t", "UntagResource=UntagResource@table:t",
			"ListTagsOfResource=ListTagsOfResource@table:r",
		},
		extra: []string{"ConditionCheckItem:r", "DeleteBackup:w", "RestoreTableFromBackup:w",
			"RestoreTableToPointInTime:w", "UpdateContinuousBackups:w", "ExportTableToPointInTime:w",
			"PutResourcePolicy:p", "DeleteResourcePolicy:p", "GetResourcePolicy:r", "DescribeStream:r",
			"GetRecords:r", "GetShardIterator:r", "ListStreams:r", "CreateGlobalTable:w", "UpdateGlobalTable:w",
			"DescribeLimits:r", "ListBackups:l", "DescribeBackup:r", "PartiQLSelect:r", "PartiQLInsert:w",
			"PartiQLUpdate:w", "PartiQLDelete:w"},
	},
	{
		key: "dynamodbstreams", prefix: "dynamodb",
		v2: []string{"DynamoDBStreams"}, v3: []v3Pkg{{"dynamodb-streams", "DynamoDBStreams"}}, boto3: []string{"dynamodbstreams"}, goPkgs: []string{"dynamodbstreams"},
		params: map[string][]string{"streamarn": {"StreamArn"}},
		ops: []string{"DescribeStream=DescribeStream@streamarn:r", "GetRecords=GetRecords@*:r",
			"GetShardIterator=GetShardIterator@streamarn:r", "ListStreams=ListStreams@*:r"},
	},
	{
		key: "s3", prefix: "s3",
		v2: []string{"S3"}, v3: []v3Pkg{{"s3", "S3"}}, boto3: []string{"s3"}, goPkgs: []string{"s3"},
		params: map[string][]string{
			"bucket": {"Bucket"},
			"object": {"Bucket"},
			"source": {"CopySource"},
		},
		ops: []string{
			"GetObject=GetObject@object:r", "PutObject=PutObject@object:w", "DeleteObject=DeleteObject@object:w",
			"DeleteObjects=DeleteObject@object:w", "HeadObject=GetObject@object:r",
			"CopyObject=GetObject@source:r,PutObject@object:w",
			"ListObjects=ListBucket@bucket:l", "ListObjectsV2=ListBucket@bucket:l", "HeadBucket=ListBucket@bucket:l",
			"ListObjectVersions=ListBucketVersions@bucket:l", "ListBuckets=ListAllMyBuckets@*:l",
			"GetObjectTagging=GetObjectTagging@object:r", "PutObjectTagging=PutObjectTagging@object:t",
			"DeleteObjectTagging=DeleteObjectTagging@object:t",
			"GetObjectAcl=GetObjectAcl@object:r", "PutObjectAcl=PutObjectAcl@object:p",
			"CreateMultipartUpload=PutObject@object:w", "UploadPart=PutObject@object:w",
			"CompleteMultipartUpload=PutObject@object:w", "UploadPartCopy=GetObject@source:r,PutObject@object:w",
			"AbortMultipartUpload=AbortMultipartUpload@object:w",
			"ListMultipartUploads=ListBucketMultipartUploads@bucket:l", "ListParts=ListMultipartUploadParts@object:l",
			"SelectObjectContent=GetObject@object:r", "RestoreObject=RestoreObject@object:w",
			"GetBucketLocation=GetBucketLocation@bucket:r", "CreateBucket=CreateBucket@bucket:w",
			"DeleteBucket=DeleteBucket@bucket:w", "GetBucketPolicy=GetBucketPolicy@bucket:r",
			"PutBucketPolicy=PutBucketPolicy@bucket:p", "DeleteBucketPolicy=DeleteBucketPolicy@bucket:p",
			"PutBucketAcl=PutBucketAcl@bucket:p", "GetBucketAcl=GetBucketAcl@bucket:r",
			"PutBucketCors=PutBucketCORS@bucket:w", "GetBucketCors=GetBucketCORS@bucket:r",
			"PutPublicAccessBlock=PutBucketPublicAccessBlock@bucket:p",
			"PutBucketNotificationConfiguration=PutBucketNotification@bucket:w",
			"PutBucketVersioning=PutBucketVersioning@bucket:w", "PutBucketTagging=PutBucketTagging@bucket:t",
			// Managed transfers: the SDKs' upload helpers (v2 s3.upload, v3
			// lib-storage Upload, boto3 upload_file) use single or multipart
			// uploads; download helpers use GetObject (with ranges).
			"Upload=PutObject@object:w,~AbortMultipartUpload@object:w",
			"Download=GetObject@object:r",
			"Copy=GetObject@source:r,PutObject@object:w",
		},
		extra: []string{"DeleteObjectVersion:w", "GetObjectVersion:r", "PutLifecycleConfiguration:w",
			"GetLifecycleConfiguration:r", "PutEncryptionConfiguration:w", "PutBucketWebsite:w",
			"PutBucketOwnershipControls:w", "PutAccountPublicAccessBlock:p", "PutBucketLogging:w",
			"PutReplicationConfiguration:w", "ReplicateObject:w", "PutObjectRetention:w", "PutObjectLegalHold:w",
			"BypassGovernanceRetention:p", "DeleteBucketWebsite:w", "PutObjectVersionAcl:p",
			"GetObjectAttributes:r", "ListAllMyBuckets:l", "ListBucket:l", "ListBucketVersions:l",
			"ListBucketMultipartUploads:l", "ListMultipartUploadParts:l", "GetBucketTagging:r",
			"PutBucketRequestPayment:w", "PutInventoryConfiguration:w", "PutAnalyticsConfiguration:w"},
	},
	{
		key: "sqs", prefix: "sqs",
		v2: []string{"SQS"}, v3: []v3Pkg{{"sqs", "SQS"}}, boto3: []string{"sqs"}, goPkgs: []string{"sqs"},
		params: map[string][]string{"queue": {"QueueUrl", "QueueName"}},
		ops: []string{
			"SendMessage=SendMessage@queue:w", "SendMessageBatch=SendMessage@queue:w",
			"ReceiveMessage=ReceiveMessage@queue:r", "DeleteMessage=DeleteMessage@queue:w",
			"DeleteMessageBatch=DeleteMessage@queue:w", "ChangeMessageVisibility=ChangeMessageVisibility@queue:w",
			"ChangeMessageVisibilityBatch=ChangeMessageVisibility@queue:w", "GetQueueUrl=GetQueueUrl@queue:r",
			"GetQueueAttributes=GetQueueAttributes@queue:r", "SetQueueAttributes=SetQueueAttributes@queue:w",
			"PurgeQueue=PurgeQueue@queue:w", "CreateQueue=CreateQueue@queue:w", "DeleteQueue=DeleteQueue@queue:w",
			"ListQueues=ListQueues@*:l", "TagQueue=TagQueue@queue:t", "UntagQueue=UntagQueue@queue:t",
			"AddPermission=AddPermission@queue:p", "RemovePermission=RemovePermission@queue:p",
			"ListDeadLetterSourceQueues=ListDeadLetterSourceQueues@queue:l",
			"StartMessageMoveTask=StartMessageMoveTask@queue:w",
		},
		extra: []string{"ListQueueTags:r"},
	},
	{
		key: "sns", prefix: "sns",
		v2: []string{"SNS"}, v3: []v3Pkg{{"sns", "SNS"}}, boto3: []string{"sns"}, goPkgs: []string{"sns"},
		params: map[string][]string{"topic": {"TopicArn", "TargetArn"}, "newtopic": {"Name"}},
		ops: []string{
			"Publish=Publish@topic:w", "PublishBatch=Publish@topic:w", "Subscribe=Subscribe@topic:w",
			"Unsubscribe=Unsubscribe@*:w", "CreateTopic=CreateTopic@newtopic:w", "DeleteTopic=DeleteTopic@topic:w",
			"ListTopics=ListTopics@*:l", "ListSubscriptions=ListSubscriptions@*:l",
			"ListSubscriptionsByTopic=ListSubscriptionsByTopic@topic:l",
			"GetTopicAttributes=GetTopicAttributes@topic:r", "SetTopicAttributes=SetTopicAttributes@topic:w",
			"AddPermission=AddPermission@topic:p", "RemovePermission=RemovePermission@topic:p",
			"CreatePlatformEndpoint=CreatePlatformEndpoint@*:w", "SetSMSAttributes=SetSMSAttributes@*:w",
			"GetSMSAttributes=GetSMSAttributes@*:r", "CheckIfPhoneNumberIsOptedOut=CheckIfPhoneNumberIsOptedOut@*:r",
			"ConfirmSubscription=ConfirmSubscription@topic:w", "TagResource=TagResource@topic:t",
		},
		extra: []string{"SetSubscriptionAttributes:w", "GetSubscriptionAttributes:r", "DeleteEndpoint:w"},
	},
	{
		key: "lambda", prefix: "lambda",
		v2: []string{"Lambda"}, v3: []v3Pkg{{"lambda", "Lambda"}}, boto3: []string{"lambda"}, goPkgs: []string{"lambda"},
		params: map[string][]string{"function": {"FunctionName"}},
		ops: []string{
			"Invoke=InvokeFunction@function:w", "InvokeWithResponseStream=InvokeFunction@function:w",
			"InvokeAsync=InvokeAsync@function:w", "GetFunction=GetFunction@function:r",
			"GetFunctionConfiguration=GetFunctionConfiguration@function:r", "ListFunctions=ListFunctions@*:l",
			"UpdateFunctionCode=UpdateFunctionCode@function:w",
			"UpdateFunctionConfiguration=UpdateFunctionConfiguration@function:w",
			"CreateFunction=CreateFunction@function:w", "DeleteFunction=DeleteFunction@function:w",
			"PublishVersion=PublishVersion@function:w", "AddPermission=AddPermission@function:p",
			"RemovePermission=RemovePermission@function:p", "PutFunctionConcurrency=PutFunctionConcurrency@function:w",
			"GetAccountSettings=GetAccountSettings@*:r", "CreateEventSourceMapping=CreateEventSourceMapping@*:w",
			"ListEventSourceMappings=ListEventSourceMappings@*:l", "TagResource=TagResource@function:t",
			"CreateFunctionUrlConfig=CreateFunctionUrlConfig@function:w",
		},
		extra: []string{"InvokeFunctionUrl:w", "UpdateAlias:w", "CreateAlias:w", "DeleteEventSourceMapping:w",
			"UpdateEventSourceMapping:w", "PublishLayerVersion:w", "AddLayerVersionPermission:p",
			"GetPolicy:r", "EnableReplication:w"},
	},
	{
		key: "secretsmanager", prefix: "secretsmanager",
		v2: []string{"SecretsManager"}, v3: []v3Pkg{{"secrets-manager", "SecretsManager"}}, boto3: []string{"secretsmanager"}, goPkgs: []string{"secretsmanager"},
		params: map[string][]string{"secret": {"SecretId"}, "newsecret": {"Name"}, "secrets": {"SecretIdList"}},
		ops: []string{
			"GetSecretValue=GetSecretValue@secret:r", "DescribeSecret=DescribeSecret@secret:r",
			"PutSecretValue=PutSecretValue@secret:w", "UpdateSecret=UpdateSecret@secret:w",
			"CreateSecret=CreateSecret@newsecret:w", "DeleteSecret=DeleteSecret@secret:w",
			"RotateSecret=RotateSecret@secret:w", "RestoreSecret=RestoreSecret@secret:w",
			"ListSecrets=ListSecrets@*:l", "GetRandomPassword=GetRandomPassword@*:r",
			"BatchGetSecretValue=BatchGetSecretValue@*:r,GetSecretValue@secrets:r",
			"UpdateSecretVersionStage=UpdateSecretVersionStage@secret:w",
			"PutResourcePolicy=PutResourcePolicy@secret:p", "DeleteResourcePolicy=DeleteResourcePolicy@secret:p",
			"GetResourcePolicy=GetResourcePolicy@secret:r", "TagResource=TagResource@secret:t",
		},
		extra: []string{"ListSecretVersionIds:r", "CancelRotateSecret:w", "ReplicateSecretToRegions:w"},
	},
	{
		key: "ssm", prefix: "ssm",
		v2: []string{"SSM"}, v3: []v3Pkg{{"ssm", "SSM"}}, boto3: []string{"ssm"}, goPkgs: []string{"ssm"},
		params: map[string][]string{"parameter": {"Name", "Names"}, "path": {"Path"}},
		ops: []string{
			"GetParameter=GetParameter@parameter:r", "GetParameters=GetParameters@parameter:r",
			"GetParametersByPath=GetParametersByPath@path:r", "PutParameter=PutParameter@parameter:w",
			"DeleteParameter=DeleteParameter@parameter:w", "DeleteParameters=DeleteParameters@parameter:w",
			"DescribeParameters=DescribeParameters@*:l", "GetParameterHistory=GetParameterHistory@parameter:r",
			"LabelParameterVersion=LabelParameterVersion@parameter:w",
			"AddTagsToResource=AddTagsToResource@parameter:t", "SendCommand=SendCommand@*:w",
			"StartSession=StartSession@*:w", "GetDocument=GetDocument@*:r",
		},
		extra: []string{"PutDocument:w", "CreateDocument:w", "StartAutomationExecution:w", "UpdateDocument:w"},
	},
	{
		key: "kms", prefix: "kms",
		v2: []string{"KMS"}, v3: []v3Pkg{{"kms", "KMS"}}, boto3: []string{"kms"}, goPkgs: []string{"kms"},
		params: map[string][]string{"key": {"KeyId", "SourceKeyId"}},
		ops: []string{
			"Decrypt=Decrypt@key:w", "Encrypt=Encrypt@key:w", "GenerateDataKey=GenerateDataKey@key:w",
			"GenerateDataKeyWithoutPlaintext=GenerateDataKeyWithoutPlaintext@key:w",
			"GenerateDataKeyPair=GenerateDataKeyPair@key:w", "ReEncrypt=ReEncryptFrom@key:w,ReEncryptTo@key:w",
			"Sign=Sign@key:w", "Verify=Verify@key:w", "GenerateMac=GenerateMac@key:w", "VerifyMac=VerifyMac@key:w",
			"DescribeKey=DescribeKey@key:r", "GetPublicKey=GetPublicKey@key:r", "ListKeys=ListKeys@*:l",
			"ListAliases=ListAliases@*:l", "CreateKey=CreateKey@*:w", "ScheduleKeyDeletion=ScheduleKeyDeletion@key:w",
			"DisableKey=DisableKey@key:w", "PutKeyPolicy=PutKeyPolicy@key:p", "CreateGrant=CreateGrant@key:p",
			"RetireGrant=RetireGrant@key:p", "RevokeGrant=RevokeGrant@key:p", "GenerateRandom=GenerateRandom@*:w",
		},
		extra: []string{"EnableKey:w", "CancelKeyDeletion:w", "CreateAlias:w", "DeleteAlias:w", "UpdateAlias:w",
			"GetKeyPolicy:r", "EnableKeyRotation:w", "DisableKeyRotation:w", "ImportKeyMaterial:w"},
	},
	{
		key: "events", prefix: "events",
		v2: []string{"EventBridge", "CloudWatchEvents"}, v3: []v3Pkg{{"eventbridge", "EventBridge"}, {"cloudwatch-events", "CloudWatchEvents"}},
		boto3: []string{"events"}, goPkgs: []string{"eventbridge", "cloudwatchevents"},
		params: map[string][]string{"bus": {"EventBusName"}, "rule": {"Name", "Rule"}},
		ops: []string{
			"PutEvents=PutEvents@bus:w", "PutRule=PutRule@rule:w", "PutTargets=PutTargets@rule:w",
			"DeleteRule=DeleteRule@rule:w", "RemoveTargets=RemoveTargets@rule:w", "DescribeRule=DescribeRule@rule:r",
			"ListRules=ListRules@*:l", "EnableRule=EnableRule@rule:w", "DisableRule=DisableRule@rule:w",
			"PutPermission=PutPermission@*:p", "ListEventBuses=ListEventBuses@*:l", "CreateEventBus=CreateEventBus@*:w",
		},
		extra: []string{"DeleteEventBus:w", "RemovePermission:p", "CreateArchive:w", "StartReplay:w"},
	},
	{
		key: "stepfunctions", prefix: "states",
		v2: []string{"StepFunctions"}, v3: []v3Pkg{{"sfn", "SFN"}}, boto3: []string{"stepfunctions"}, goPkgs: []string{"sfn"},
		params: map[string][]string{"statemachine": {"stateMachineArn"}, "execution": {"executionArn"}},
		ops: []string{
			"StartExecution=StartExecution@statemachine:w", "StartSyncExecution=StartSyncExecution@statemachine:w",
			"StopExecution=StopExecution@execution:w", "DescribeExecution=DescribeExecution@execution:r",
			"GetExecutionHistory=GetExecutionHistory@execution:r", "ListExecutions=ListExecutions@statemachine:l",
			"DescribeStateMachine=DescribeStateMachine@statemachine:r", "ListStateMachines=ListStateMachines@*:l",
			"SendTaskSuccess=SendTaskSuccess@*:w", "SendTaskFailure=SendTaskFailure@*:w",
			"SendTaskHeartbeat=SendTaskHeartbeat@*:w", "CreateStateMachine=CreateStateMachine@*:w",
			"DeleteStateMachine=DeleteStateMachine@statemachine:w", "UpdateStateMachine=UpdateStateMachine@statemachine:w",
		},
		extra: []string{"TagResource:t", "RedriveExecution:w"},
	},
	{
		key: "kinesis", prefix: "kinesis",
		v2: []string{"Kinesis"}, v3: []v3Pkg{{"kinesis", "Kinesis"}}, boto3: []string{"kinesis"}, goPkgs: []string{"kinesis"},
		params: map[string][]string{"stream": {"StreamName", "StreamARN"}},
		ops: []string{
			"PutRecord=PutRecord@stream:w", "PutRecords=PutRecords@stream:w", "GetRecords=GetRecords@stream:r",
			"GetShardIterator=GetShardIterator@stream:r", "DescribeStream=DescribeStream@stream:r",
			"DescribeStreamSummary=DescribeStreamSummary@stream:r", "ListShards=ListShards@stream:l",
			"ListStreams=ListStreams@*:l", "CreateStream=CreateStream@stream:w", "DeleteStream=DeleteStream@stream:w",
			"RegisterStreamConsumer=RegisterStreamConsumer@stream:w", "AddTagsToStream=AddTagsToStream@stream:t",
			"MergeShards=MergeShards@stream:w", "SplitShard=SplitShard@stream:w",
		},
		extra: []string{"SubscribeToShard:r", "DescribeStreamConsumer:r", "IncreaseStreamRetentionPeriod:w",
			"DecreaseStreamRetentionPeriod:w", "PutResourcePolicy:p", "DeleteResourcePolicy:p"},
	},
	{
		key: "firehose", prefix: "firehose",
		v2: []string{"Firehose"}, v3: []v3Pkg{{"firehose", "Firehose"}}, boto3: []string{"firehose"}, goPkgs: []string{"firehose"},
		params: map[string][]string{"delivery": {"DeliveryStreamName"}},
		ops: []string{
			"PutRecord=PutRecord@delivery:w", "PutRecordBatch=PutRecordBatch@delivery:w",
			"DescribeDeliveryStream=DescribeDeliveryStream@delivery:r", "ListDeliveryStreams=ListDeliveryStreams@*:l",
			"CreateDeliveryStream=CreateDeliveryStream@delivery:w", "DeleteDeliveryStream=DeleteDeliveryStream@delivery:w",
			"UpdateDestination=UpdateDestination@delivery:w",
		},
	},
	{
		key: "ses", prefix: "ses",
		v2: []string{"SES"}, v3: []v3Pkg{{"ses", "SES"}}, boto3: []string{"ses"}, goPkgs: []string{"ses"},
		params: map[string][]string{"identity": {"SourceArn"}},
		ops: []string{
			"SendEmail=SendEmail@identity:w", "SendRawEmail=SendRawEmail@identity:w",
			"SendTemplatedEmail=SendTemplatedEmail@identity:w", "SendBulkTemplatedEmail=SendBulkTemplatedEmail@identity:w",
			"SendBounce=SendBounce@identity:w", "VerifyEmailIdentity=VerifyEmailIdentity@*:w",
			"GetSendQuota=GetSendQuota@*:r", "ListIdentities=ListIdentities@*:l", "CreateTemplate=CreateTemplate@*:w",
			"DeleteTemplate=DeleteTemplate@*:w", "GetTemplate=GetTemplate@*:r",
			"GetIdentityVerificationAttributes=GetIdentityVerificationAttributes@*:r",
		},
		extra: []string{"DeleteIdentity:w", "VerifyDomainIdentity:w", "PutIdentityPolicy:p", "DeleteIdentityPolicy:p",
			"SendBulkEmail:w"},
	},
	{
		key: "sesv2", prefix: "ses",
		v2: []string{"SESV2"}, v3: []v3Pkg{{"sesv2", "SESv2"}}, boto3: []string{"sesv2"}, goPkgs: []string{"sesv2"},
		params: map[string][]string{"identity": {"FromEmailAddressIdentityArn"}},
		ops: []string{
			"SendEmail=SendEmail@identity:w", "SendBulkEmail=SendBulkEmail@identity:w",
			"CreateEmailIdentity=CreateEmailIdentity@*:w", "GetEmailIdentity=GetEmailIdentity@*:r",
			"ListEmailIdentities=ListEmailIdentities@*:l", "GetAccount=GetAccount@*:r",
			"CreateContact=CreateContact@*:w", "PutSuppressedDestination=PutSuppressedDestination@*:w",
		},
	},
	{
		key: "cognito-idp", prefix: "cognito-idp",
		v2: []string{"CognitoIdentityServiceProvider"}, v3: []v3Pkg{{"cognito-identity-provider", "CognitoIdentityProvider"}},
		boto3: []string{"cognito-idp"}, goPkgs: []string{"cognitoidentityprovider"},
		params: map[string][]string{"userpool": {"UserPoolId"}},
		ops: []string{
			"AdminGetUser=AdminGetUser@userpool:r", "AdminCreateUser=AdminCreateUser@userpool:w",
			"AdminDeleteUser=AdminDeleteUser@userpool:w", "AdminUpdateUserAttributes=AdminUpdateUserAttributes@userpool:w",
			"AdminDeleteUserAttributes=AdminDeleteUserAttributes@userpool:w",
			"AdminSetUserPassword=AdminSetUserPassword@userpool:w", "AdminAddUserToGroup=AdminAddUserToGroup@userpool:w",
			"AdminRemoveUserFromGroup=AdminRemoveUserFromGroup@userpool:w",
			"AdminInitiateAuth=AdminInitiateAuth@userpool:w", "AdminRespondToAuthChallenge=AdminRespondToAuthChallenge@userpool:w",
			"AdminConfirmSignUp=AdminConfirmSignUp@userpool:w", "AdminDisableUser=AdminDisableUser@userpool:w",
			"AdminEnableUser=AdminEnableUser@userpool:w", "AdminListGroupsForUser=AdminListGroupsForUser@userpool:l",
			"AdminResetUserPassword=AdminResetUserPassword@userpool:w",
			"AdminUserGlobalSignOut=AdminUserGlobalSignOut@userpool:w", "ListUsers=ListUsers@userpool:l",
			"ListUsersInGroup=ListUsersInGroup@userpool:l", "ListGroups=ListGroups@userpool:l",
			"DescribeUserPool=DescribeUserPool@userpool:r", "DescribeUserPoolClient=DescribeUserPoolClient@userpool:r",
			"CreateGroup=CreateGroup@userpool:w", "DeleteGroup=DeleteGroup@userpool:w", "ListUserPools=ListUserPools@*:l",
			"InitiateAuth=-", "RespondToAuthChallenge=-", "SignUp=-", "ConfirmSignUp=-", "ForgotPassword=-",
			"ConfirmForgotPassword=-", "GetUser=-", "GlobalSignOut=-", "ChangePassword=-", "ResendConfirmationCode=-",
			"UpdateUserAttributes=-", "DeleteUser=-", "VerifyUserAttribute=-", "GetUserAttributeVerificationCode=-",
			"AssociateSoftwareToken=-", "VerifySoftwareToken=-", "SetUserMFAPreference=-", "RevokeToken=-",
		},
		extra: []string{"CreateUserPool:w", "DeleteUserPool:w", "UpdateUserPool:w", "CreateUserPoolClient:w",
			"UpdateUserPoolClient:w", "AdminSetUserMFAPreference:w", "AdminLinkProviderForUser:w"},
	},
	{
		key: "sts", prefix: "sts",
		v2: []string{"STS"}, v3: []v3Pkg{{"sts", "STS"}}, boto3: []string{"sts"}, goPkgs: []string{"sts"},
		params: map[string][]string{"role": {"RoleArn"}},
		ops: []string{"AssumeRole=AssumeRole@role:w", "GetCallerIdentity=-", "AssumeRoleWithWebIdentity=-",
			"AssumeRoleWithSAML=-", "GetSessionToken=GetSessionToken@*:r", "GetFederationToken=GetFederationToken@*:r"},
		extra: []string{"TagSession:t", "SetSourceIdentity:w"},
	},
	{
		key: "cloudwatch", prefix: "cloudwatch",
		v2: []string{"CloudWatch"}, v3: []v3Pkg{{"cloudwatch", "CloudWatch"}}, boto3: []string{"cloudwatch"}, goPkgs: []string{"cloudwatch"},
		params: map[string][]string{},
		ops: []string{"PutMetricData=PutMetricData@*:w", "GetMetricData=GetMetricData@*:r",
			"GetMetricStatistics=GetMetricStatistics@*:r", "ListMetrics=ListMetrics@*:l",
			"PutMetricAlarm=PutMetricAlarm@*:w", "DescribeAlarms=DescribeAlarms@*:r",
			"DeleteAlarms=DeleteAlarms@*:w", "SetAlarmState=SetAlarmState@*:w"},
	},
}

// docClientOps maps the DynamoDB document-client method and command names
// (SDK v2 DocumentClient, v3 lib-dynamodb) to the API operation they call.
var docClientOps = map[string]string{
	"get": "GetItem", "put": "PutItem", "update": "UpdateItem", "delete": "DeleteItem",
	"query": "Query", "scan": "Scan", "batchget": "BatchGetItem", "batchwrite": "BatchWriteItem",
	"transactget": "TransactGetItems", "transactwrite": "TransactWriteItems",
	"executestatement": "ExecuteStatement", "batchexecutestatement": "BatchExecuteStatement",
	"executetransaction": "ExecuteTransaction",
}
