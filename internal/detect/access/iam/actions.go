package iam

import "strings"

// knownActions lists IAM action names of the services serverless functions
// use most, so a pattern like "dynamodb:*Item" or "s3:Put*" can be weighed
// by what it really matches. The lists are facts from the AWS Service
// Authorization Reference ("Actions, resources, and condition keys for …",
// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html);
// they need not be complete: a pattern on a service missing here is weighed
// by its verb.
var knownActions = map[string][]string{
	"dynamodb": {
		"BatchGetItem", "BatchWriteItem", "ConditionCheckItem", "CreateBackup", "CreateGlobalTable",
		"CreateTable", "CreateTableReplica", "DeleteBackup", "DeleteItem", "DeleteResourcePolicy",
		"DeleteTable", "DeleteTableReplica", "DescribeBackup", "DescribeContinuousBackups",
		"DescribeStream", "DescribeTable", "DescribeTimeToLive", "ExportTableToPointInTime",
		"GetItem", "GetRecords", "GetResourcePolicy", "GetShardIterator", "ImportTable",
		"ListBackups", "ListStreams", "ListTables", "ListTagsOfResource", "PartiQLDelete",
		"PartiQLInsert", "PartiQLSelect", "PartiQLUpdate", "PutItem", "PutResourcePolicy", "Query",
		"RestoreTableFromBackup", "RestoreTableToPointInTime", "Scan", "TagResource", "UntagResource",
		"UpdateContinuousBackups", "UpdateItem", "UpdateTable", "UpdateTimeToLive",
	},
	"s3": {
		"AbortMultipartUpload", "BypassGovernanceRetention", "CreateBucket", "DeleteBucket",
		"DeleteBucketPolicy", "DeleteBucketWebsite", "DeleteObject", "DeleteObjectTagging",
		"DeleteObjectVersion", "GetBucketAcl", "GetBucketCORS", "GetBucketLocation", "GetBucketPolicy",
		"GetBucketPublicAccessBlock", "GetBucketVersioning", "GetEncryptionConfiguration",
		"GetLifecycleConfiguration", "GetObject", "GetObjectAcl", "GetObjectAttributes",
		"GetObjectTagging", "GetObjectVersion", "ListAllMyBuckets", "ListBucket", "ListBucketVersions",
		"ListMultipartUploadParts", "PutBucketAcl", "PutBucketCORS", "PutBucketNotification",
		"PutBucketOwnershipControls", "PutBucketPolicy", "PutBucketPublicAccessBlock",
		"PutBucketVersioning", "PutBucketWebsite", "PutEncryptionConfiguration",
		"PutLifecycleConfiguration", "PutObject", "PutObjectAcl", "PutObjectLegalHold",
		"PutObjectRetention", "PutObjectTagging", "ReplicateObject", "RestoreObject",
	},
	"sqs": {
		"AddPermission", "ChangeMessageVisibility", "CreateQueue", "DeleteMessage", "DeleteQueue",
		"GetQueueAttributes", "GetQueueUrl", "ListQueues", "ListQueueTags", "PurgeQueue",
		"ReceiveMessage", "RemovePermission", "SendMessage", "SetQueueAttributes", "TagQueue",
	},
	"sns": {
		"AddPermission", "ConfirmSubscription", "CreateTopic", "DeleteTopic", "GetTopicAttributes",
		"ListSubscriptions", "ListSubscriptionsByTopic", "ListTopics", "Publish", "RemovePermission",
		"SetTopicAttributes", "Subscribe", "Unsubscribe",
	},
	"lambda": {
		"AddPermission", "CreateAlias", "CreateEventSourceMapping", "CreateFunction",
		"CreateFunctionUrlConfig", "DeleteAlias", "DeleteEventSourceMapping", "DeleteFunction",
		"DeleteFunctionUrlConfig", "GetFunction", "GetFunctionConfiguration", "GetPolicy",
		"InvokeAsync", "InvokeFunction", "InvokeFunctionUrl", "ListFunctions", "ListVersionsByFunction",
		"PublishLayerVersion", "PublishVersion", "PutFunctionConcurrency", "RemovePermission",
		"UpdateAlias", "UpdateFunctionCode", "UpdateFunctionConfiguration", "UpdateFunctionUrlConfig",
	},
	"secretsmanager": {
		"BatchGetSecretValue", "CancelRotateSecret", "CreateSecret", "DeleteResourcePolicy",
		"DeleteSecret", "DescribeSecret", "GetRandomPassword", "GetResourcePolicy", "GetSecretValue",
		"ListSecrets", "ListSecretVersionIds", "PutResourcePolicy", "PutSecretValue", "RestoreSecret",
		"RotateSecret", "TagResource", "UntagResource", "UpdateSecret", "UpdateSecretVersionStage",
	},
	"ssm": {
		"DeleteParameter", "DeleteParameters", "DescribeParameters", "GetParameter",
		"GetParameterHistory", "GetParameters", "GetParametersByPath", "PutParameter",
		"SendCommand", "StartSession",
	},
	"kms": {
		"CreateGrant", "CreateKey", "Decrypt", "DescribeKey", "DisableKey", "Encrypt",
		"GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "GetKeyPolicy", "ListGrants",
		"ListKeys", "PutKeyPolicy", "ReEncryptFrom", "ReEncryptTo", "RetireGrant", "RevokeGrant",
		"ScheduleKeyDeletion", "Sign", "Verify",
	},
	"kinesis": {
		"CreateStream", "DeleteStream", "DescribeStream", "DescribeStreamSummary", "GetRecords",
		"GetShardIterator", "ListShards", "ListStreams", "MergeShards", "PutRecord", "PutRecords",
		"SplitShard", "SubscribeToShard",
	},
	"events": {
		"DeleteRule", "DescribeRule", "DisableRule", "EnableRule", "ListRules", "ListTargetsByRule",
		"PutEvents", "PutPermission", "PutRule", "PutTargets", "RemovePermission", "RemoveTargets",
	},
	"states": {
		"CreateStateMachine", "DeleteStateMachine", "DescribeExecution", "DescribeStateMachine",
		"GetExecutionHistory", "ListExecutions", "ListStateMachines", "SendTaskFailure",
		"SendTaskHeartbeat", "SendTaskSuccess", "StartExecution", "StartSyncExecution",
		"StopExecution", "UpdateStateMachine",
	},
	"logs": {
		"CreateLogGroup", "CreateLogStream", "DeleteLogGroup", "DeleteLogStream",
		"DeleteResourcePolicy", "DeleteRetentionPolicy", "DescribeLogGroups", "DescribeLogStreams",
		"FilterLogEvents", "GetLogEvents", "PutLogEvents", "PutResourcePolicy", "PutRetentionPolicy",
		"PutSubscriptionFilter", "StartQuery",
	},
	"ses": {
		"CreateTemplate", "DeleteIdentity", "DeleteTemplate", "GetTemplate", "ListIdentities",
		"SendBounce", "SendEmail", "SendRawEmail", "SendTemplatedEmail", "VerifyEmailIdentity",
	},
	"cognito-idp": {
		"AdminCreateUser", "AdminDeleteUser", "AdminDisableUser", "AdminGetUser",
		"AdminInitiateAuth", "AdminSetUserPassword", "AdminUpdateUserAttributes", "DeleteUser",
		"DeleteUserPool", "DescribeUserPool", "ListUsers", "UpdateUserPool",
	},
	"iam": {
		"AddUserToGroup", "AttachRolePolicy", "AttachUserPolicy", "CreateAccessKey", "CreatePolicy",
		"CreatePolicyVersion", "CreateRole", "CreateUser", "DeleteRole", "DeleteRolePolicy",
		"DeleteUser", "GetPolicy", "GetRole", "GetUser", "ListRoles", "ListUsers", "PassRole",
		"PutRolePolicy", "PutUserPolicy", "UpdateAssumeRolePolicy", "UpdateLoginProfile",
	},
	"sts": {"AssumeRole", "AssumeRoleWithWebIdentity", "GetCallerIdentity", "GetSessionToken"},
}

// actionIndex maps a lower-case service to its action names.
var actionIndex = func() map[string][]string {
	m := make(map[string][]string, len(knownActions))
	for svc, names := range knownActions {
		m[strings.ToLower(svc)] = names
	}
	return m
}()
