package managedpolicy

import "github.com/cladsec/clad/internal/finding"

// samTemplate describes a broad SAM policy template. Facts from the AWS
// SAM policy template list
// (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html).
type samTemplate struct {
	severity finding.Severity
	// grants says what it adds beyond the narrower template.
	grants string
	// instead names the narrower templates.
	instead string
}

// broadTemplates are the SAM policy templates clad reports.
var broadTemplates = map[string]samTemplate{
	"S3FullAccessPolicy": {finding.SeverityMedium,
		"read, overwrite and delete every object of the bucket and change object ACLs (PutObjectAcl can make objects public)",
		"S3ReadPolicy or S3WritePolicy"},
	"S3CrudPolicy": {finding.SeverityLow,
		"DeleteObject, PutObjectAcl (public objects) and PutLifecycleConfiguration (a rule can expire every object) on the bucket",
		"S3ReadPolicy or S3WritePolicy"},
	"KinesisCrudPolicy": {finding.SeverityLow,
		"CreateStream, DeleteStream, MergeShards and retention changes on the stream",
		"KinesisStreamReadPolicy"},
	"FirehoseCrudPolicy": {finding.SeverityLow,
		"DeleteDeliveryStream and UpdateDestination (redirecting the data) on the delivery stream",
		"FirehoseWritePolicy"},
	"SNSCrudPolicy": {finding.SeverityLow,
		"CreateTopic, SetTopicAttributes (the topic policy) and Subscribe on every topic whose name starts with the given name",
		"SNSPublishMessagePolicy"},
	"DynamoDBBackupFullAccessPolicy": {finding.SeverityLow,
		"DeleteBackup on the table's backups",
		"a policy with only dynamodb:CreateBackup"},
	"PollyFullAccessPolicy": {finding.SeverityLow,
		"PutLexicon and DeleteLexicon",
		"a policy with only polly:SynthesizeSpeech"},
	"TextractPolicy": {finding.SeverityLow,
		"every Textract action on every resource",
		"TextractDetectAnalyzePolicy and TextractGetResultPolicy"},
	"DynamoDBCrudPolicy": {finding.SeverityInfo,
		"PutItem, UpdateItem, DeleteItem and BatchWriteItem next to the reads",
		"DynamoDBReadPolicy when the function only reads, DynamoDBWritePolicy when it only writes"},
	"SESCrudPolicy": {finding.SeverityInfo,
		"VerifyEmailIdentity next to sending",
		"a policy with only ses:SendEmail"},
	"SESEmailTemplateCrudPolicy": {finding.SeverityInfo,
		"creating, changing and deleting every email template",
		"a policy with only ses:GetTemplate"},
}
