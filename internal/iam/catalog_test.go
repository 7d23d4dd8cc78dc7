package iam

import (
	"strings"
	"testing"
)

// TestCatalog keeps the mapping table consistent: parsed definitions,
// known services for every SDK name, document-client aliases that exist.
func TestCatalog(t *testing.T) {
	if len(serviceDefs) < 15 {
		t.Fatalf("only %d services in the table", len(serviceDefs))
	}
	for _, want := range []string{"dynamodb", "s3", "sqs", "sns", "lambda", "secretsmanager", "ssm", "kms",
		"events", "stepfunctions", "kinesis", "ses", "sesv2", "cognito-idp"} {
		if services.byKey[want] == nil {
			t.Errorf("service %s missing", want)
		}
	}
	ddb := services.byKey["dynamodb"]
	for alias, op := range docClientOps {
		if ddb.op(op) == nil {
			t.Errorf("document client %s maps to %s, which the table lacks", alias, op)
		}
	}
	for _, s := range services.byKey {
		for _, o := range s.ops {
			for _, a := range o.actions {
				if a.level == LevelUnknown || strings.Contains(a.name, ":") {
					t.Errorf("%s %s: bad action %+v", s.key, o.name, a)
				}
			}
		}
	}
}

func TestOperationFacts(t *testing.T) {
	for _, tc := range []struct {
		svc, op string
		want    []string
	}{
		{"s3", "HeadObject", []string{"GetObject@object"}},
		{"s3", "ListObjectsV2", []string{"ListBucket@bucket"}},
		{"s3", "CopyObject", []string{"GetObject@source", "PutObject@object"}},
		{"s3", "Upload", []string{"PutObject@object", "AbortMultipartUpload@object"}},
		{"dynamodb", "TransactWriteItems", []string{"PutItem@tables", "UpdateItem@tables", "DeleteItem@tables", "ConditionCheckItem@tables"}},
		{"dynamodb", "BatchWriteItem", []string{"BatchWriteItem@tables"}},
		{"lambda", "Invoke", []string{"InvokeFunction@function"}},
		{"sesv2", "SendEmail", []string{"SendEmail@identity"}},
		{"sqs", "SendMessageBatch", []string{"SendMessage@queue"}},
		{"stepfunctions", "StartSyncExecution", []string{"StartSyncExecution@statemachine"}},
	} {
		o := services.byKey[tc.svc].op(tc.op)
		if o == nil {
			t.Errorf("%s.%s missing", tc.svc, tc.op)
			continue
		}
		var got []string
		for _, a := range o.actions {
			got = append(got, a.name+"@"+a.role)
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s.%s = %v, want %v", tc.svc, tc.op, got, tc.want)
		}
	}
	if o := services.byKey["cognito-idp"].op("InitiateAuth"); o == nil || !o.noAuth {
		t.Error("cognito InitiateAuth should need no IAM permission")
	}
}

func TestPascal(t *testing.T) {
	for in, want := range map[string]string{
		"getObject": "GetObject", "get_object": "GetObject", "list_objects_v2": "ListObjectsV2",
		"listObjectsV2": "ListObjectsV2", "admin_get_user": "AdminGetUser", "re_encrypt": "ReEncrypt", "": "",
	} {
		if got := pascal(in); got != want {
			t.Errorf("pascal(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLevels(t *testing.T) {
	for _, tc := range []struct {
		prefix, name string
		want         Level
	}{
		{"s3", "GetObject", LevelRead}, {"s3", "PutBucketPolicy", LevelPermissions}, {"dynamodb", "DeleteTable", LevelWrite},
		{"s3", "ListBucket", LevelList}, {"rekognition", "DetectLabels", LevelRead}, {"iam", "PassRole", LevelPermissions},
		{"foo", "TagThing", LevelTagging}, {"foo", "RunThing", LevelWrite},
	} {
		if got := actionLevel(tc.prefix, tc.name); got != tc.want {
			t.Errorf("level %s:%s = %v, want %v", tc.prefix, tc.name, got, tc.want)
		}
	}
}
