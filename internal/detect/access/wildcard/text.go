package wildcard

import (
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/detect/access/iam"
)

// describeCoverage says what a wildcard action grants on resources.
func describeCoverage(action string, c iam.Coverage, resources []string) string {
	switch {
	case c.Everything:
		return fmt.Sprintf("%q (every action of every service)", action)
	case c.ServiceWide && c.Service == "s3" && objectsOnly(resources):
		return fmt.Sprintf("%q (every object action, DeleteObject and PutObjectAcl, which can make objects public, included)", action)
	case c.ServiceWide:
		return fmt.Sprintf("%q (every %s action, %s)", action, c.Service, serviceExamples(c))
	case len(c.Examples) > 0:
		return fmt.Sprintf("%q (matches %s, up to %s)", action, strings.Join(c.Examples, ", "), c.Class)
	}
	return fmt.Sprintf("%q (up to %s)", action, c.Class)
}

// headline names, per service, the actions that show what a service
// wildcard really hands out.
var headline = map[string]string{
	"dynamodb":       "DeleteTable, Scan of every item and PutResourcePolicy included",
	"s3":             "DeleteBucket, PutBucketPolicy and PutObjectAcl included",
	"sqs":            "PurgeQueue, DeleteQueue and SetQueueAttributes included",
	"sns":            "Publish to any subscriber, DeleteTopic and SetTopicAttributes included",
	"lambda":         "UpdateFunctionCode of any function and AddPermission included",
	"secretsmanager": "GetSecretValue, PutSecretValue and DeleteSecret included",
	"ssm":            "GetParameter of every parameter, PutParameter and SendCommand included",
	"kms":            "Decrypt, PutKeyPolicy and ScheduleKeyDeletion included",
	"kinesis":        "DeleteStream and reading every record included",
	"events":         "PutRule and PutTargets (rerouting events) included",
	"states":         "StartExecution and DeleteStateMachine included",
	"logs":           "DeleteLogGroup and PutSubscriptionFilter (copying logs out) included",
	"ses":            "sending mail as any verified identity included",
	"cognito-idp":    "AdminSetUserPassword and AdminDeleteUser included",
	"iam":            "CreateAccessKey, AttachRolePolicy and PassRole: it can make itself administrator",
	"sts":            "AssumeRole of any role that trusts the account",
	"ec2":            "TerminateInstances and AuthorizeSecurityGroupIngress included",
	"rds":            "DeleteDBInstance and sharing snapshots included",
}

// serviceExamples names the dangerous actions a service wildcard includes.
func serviceExamples(c iam.Coverage) string {
	if h, ok := headline[c.Service]; ok {
		return h
	}
	return "deletes and administration included"
}

// objectsOnly reports S3 resources that all name objects (bucket/key),
// where bucket-level actions do not apply.
func objectsOnly(resources []string) bool {
	for _, r := range resources {
		rest, ok := strings.CutPrefix(r, "arn:aws:s3:::")
		if !ok {
			if i := strings.Index(r, ":s3:::"); i >= 0 {
				rest, ok = r[i+len(":s3:::"):], true
			}
		}
		if !ok || !strings.Contains(rest, "/") {
			return false
		}
	}
	return len(resources) > 0
}

// describeResources says what the resources of a statement cover.
func describeResources(res []string, scope iam.Scope) string {
	list := strings.Join(res, ", ")
	switch scope {
	case iam.All:
		return fmt.Sprintf("every resource (%s)", list)
	case iam.Service:
		return fmt.Sprintf("every resource of its kind (%s)", list)
	case iam.Prefix:
		return fmt.Sprintf("every resource whose name starts so (%s)", list)
	}
	return list
}

// powerText says what a specific action on every resource means.
func powerText(action string) string {
	switch iam.Classify(action) {
	case iam.Permissions:
		return "it changes who may access every such resource of the account"
	case iam.Delete:
		return "it deletes data in every such resource of the account"
	case iam.Write:
		return "it writes to every such resource of the account"
	}
	if iam.SecretRead(action) {
		return "it reads every secret or key of the account, not only the function's"
	}
	return "it reads the data of every such resource of the account"
}
