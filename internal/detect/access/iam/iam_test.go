package iam

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/model"
)

func TestClassify(t *testing.T) {
	cases := map[string]Class{
		"dynamodb:GetItem":              Read,
		"dynamodb:Query":                Read,
		"dynamodb:BatchGetItem":         Read,
		"dynamodb:PutItem":              Write,
		"dynamodb:BatchWriteItem":       Write,
		"dynamodb:DeleteItem":           Delete,
		"dynamodb:DeleteTable":          Delete,
		"dynamodb:PutResourcePolicy":    Permissions,
		"s3:GetObject":                  Read,
		"s3:ListBucket":                 Read,
		"s3:PutObject":                  Write,
		"s3:PutObjectAcl":               Permissions,
		"s3:PutBucketPolicy":            Permissions,
		"s3:DeleteBucketPolicy":         Permissions,
		"s3:PutBucketPublicAccessBlock": Permissions,
		"s3:DeleteObject":               Delete,
		"sqs:SendMessage":               Write,
		"sqs:ReceiveMessage":            Read,
		"sqs:PurgeQueue":                Delete,
		"sns:Publish":                   Write,
		"lambda:InvokeFunction":         Write,
		"lambda:AddPermission":          Permissions,
		"lambda:UpdateFunctionCode":     Write,
		"kms:Decrypt":                   Read,
		"kms:PutKeyPolicy":              Permissions,
		"kms:CreateGrant":               Permissions,
		"iam:PassRole":                  Permissions,
		"iam:GetRole":                   Read,
		"iam:CreateUser":                Permissions,
		"sts:AssumeRole":                Permissions,
		"sts:GetCallerIdentity":         Read,
		"secretsmanager:GetSecretValue": Read,
		"states:StartExecution":         Write,
		"logs:CreateLogGroup":           Write,
		"xray:PutTraceSegments":         Write,
		"ec2:DescribeInstances":         Read,
		"Getaway:Thing":                 Write,
		"svc:Getaway":                   Write,
		"*":                             Permissions,
		"nonsense":                      Write,
	}
	for action, want := range cases {
		if got := Classify(action); got != want {
			t.Errorf("Classify(%q) = %v, want %v", action, got, want)
		}
	}
}

func TestCover(t *testing.T) {
	cases := []struct {
		action  string
		class   Class
		svcWide bool
		every   bool
		known   bool
	}{
		{"*", Permissions, false, true, true},
		{"*:*", Permissions, true, true, true},
		{"dynamodb:*", Permissions, true, false, true},
		{"s3:*", Permissions, true, false, true},
		{"xray:*", Delete, true, false, false},
		{"iam:*", Permissions, true, false, true},
		{"s3:Get*", Read, false, false, true},
		{"s3:List*", Read, false, false, true},
		{"s3:Put*", Permissions, false, false, true},
		{"s3:Delete*", Permissions, false, false, true},
		{"s3:DeleteObject*", Delete, false, false, true},
		{"dynamodb:*Item", Delete, false, false, true},
		{"dynamodb:Get*", Read, false, false, true},
		{"dynamodb:Describe*", Read, false, false, true},
		{"sqs:SendMessage*", Write, false, false, true},
		{"ec2:Describe*", Read, false, false, false},
		{"rekognition:Detect*", Read, false, false, false},
		{"foo:*Thing", Delete, false, false, false},
		{"foo:Put*", Write, false, false, false},
		{"iam:Pass*", Permissions, false, false, true},
		{"dynamodb:NoSuch*", None, false, false, true},
	}
	for _, c := range cases {
		got := Cover(c.action)
		if got.Class != c.class || got.ServiceWide != c.svcWide || got.Everything != c.every || got.Known != c.known {
			t.Errorf("Cover(%q) = %+v, want class %v serviceWide %v everything %v known %v",
				c.action, got, c.class, c.svcWide, c.every, c.known)
		}
	}
	if ex := Cover("dynamodb:*Item").Examples; len(ex) != 3 || ex[0] != "dynamodb:DeleteItem" {
		t.Errorf("Cover(dynamodb:*Item).Examples = %v, want the delete first", ex)
	}
}

func TestResourceScope(t *testing.T) {
	cases := map[string]Scope{
		"*":                                           All,
		"arn:aws:*:*:*:*":                             All,
		"arn:aws:dynamodb:*:*:table/*":                Service,
		"arn:aws:dynamodb:eu-west-1:1:table/*":        Service,
		"arn:aws:dynamodb:*:*:*":                      Service,
		"arn:aws:dynamodb:*:*:table/orders":           Specific,
		"arn:aws:dynamodb:*:*:table/orders/index/*":   Specific,
		"arn:aws:dynamodb:us-east-1:*:table/legacy-*": Prefix,
		"arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}":             Specific,
		"arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/Ref(OrdersTable)/index/*": Specific,
		"arn:aws:s3:::*":                               Service,
		"arn:aws:s3:::*/*":                             Service,
		"arn:aws:s3:::orders-uploads-dev":              Specific,
		"arn:aws:s3:::orders-uploads-dev/*":            Specific,
		"arn:aws:s3:::orders-*":                        Prefix,
		"arn:aws:s3:::Ref(DataBucket)/*":               Specific,
		"${UploadBucket.Arn}/*":                        Specific,
		"${cf:billing-${sls:stage}.QueueArn}":          Specific,
		"arn:aws:sqs:*:*:*":                            Service,
		"arn:aws:sqs:eu-west-1:1:jobs":                 Specific,
		"arn:aws:sqs:eu-west-1:1:*-dlq":                Service,
		"arn:aws:lambda:*:*:function:*":                Service,
		"arn:aws:lambda:eu-west-1:1:function:api-*":    Prefix,
		"arn:aws:lambda:eu-west-1:1:function:api:prod": Specific,
		"arn:aws:iam::*:role/*":                        Service,
		"arn:aws:iam::123456789012:role/app-worker":    Specific,
		"arn:aws:logs:*:*:*":                           Service,
		"arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/orders-dev*:*": Specific,
		"arn:aws:secretsmanager:eu-west-1:1:secret:*":                                       Service,
		"arn:aws:secretsmanager:eu-west-1:1:secret:db-??????":                               Prefix,
		"GetAtt(OrdersTable.Arn)":                                                           Specific,
		"arn:aws:ssm:eu-west-1:1:parameter/app/*":                                           Specific,
		"arn:broken": Specific,
	}
	for r, want := range cases {
		if got := ResourceScope(r); got != want {
			t.Errorf("ResourceScope(%q) = %v, want %v", r, got, want)
		}
	}
}

func TestFineOnAnyResource(t *testing.T) {
	for _, a := range []string{"xray:PutTraceSegments", "cloudwatch:PutMetricData", "logs:CreateLogGroup", "ec2:DescribeNetworkInterfaces", "ec2:CreateNetworkInterface"} {
		if !FineOnAnyResource(a) {
			t.Errorf("%s should be fine on *", a)
		}
	}
	for _, a := range []string{"s3:PutObject", "dynamodb:GetItem", "ec2:TerminateInstances", "logs:DeleteLogGroup", "cloudwatch:DeleteAlarms"} {
		if FineOnAnyResource(a) {
			t.Errorf("%s should not be fine on *", a)
		}
	}
}

func TestLookupManaged(t *testing.T) {
	cases := map[string]string{
		"arn:aws:iam::aws:policy/AdministratorAccess":                      "AdministratorAccess",
		"arn:aws-cn:iam::aws:policy/AmazonS3FullAccess":                    "AmazonS3FullAccess",
		"arn:${AWS::Partition}:iam::aws:policy/AWSLambda_FullAccess":       "",
		"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole": "",
		"arn:aws:iam::123456789012:policy/AdministratorAccess":             "",
		"PowerUserAccess": "PowerUserAccess",
	}
	for arn, want := range cases {
		m, ok := LookupManaged(arn)
		if (want != "") != ok || m.Name != want {
			t.Errorf("LookupManaged(%q) = %q, %v; want %q", arn, m.Name, ok, want)
		}
	}
}

func TestGroupStatements(t *testing.T) {
	shared := model.Statement{Effect: "Allow", Action: []string{"s3:*"}, Resource: []string{"*"}, Origin: "provider",
		Source: model.Location{File: "serverless.yml", Line: 10}, Resolved: true}
	own := model.Statement{Effect: "Allow", Action: []string{"sqs:SendMessage"}, Resource: []string{"*"}, Origin: "function",
		Source: model.Location{File: "serverless.yml", Line: 5}, Resolved: true}
	fns := []*model.Function{
		{ID: "svc/b", Statements: []model.Statement{shared}},
		{ID: "svc/a", Statements: []model.Statement{shared, own}},
	}
	got := GroupStatements(fns, Allows)
	want := []Shared{{Statement: own, Functions: []string{"svc/a"}}, {Statement: shared, Functions: []string{"svc/a", "svc/b"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("GroupStatements (-want +got):\n%s", diff)
	}
}

func TestFunctionPower(t *testing.T) {
	fn := &model.Function{
		Statements: []model.Statement{
			{Effect: "Allow", Action: []string{"xray:PutTraceSegments"}, Resource: []string{"*"}, Resolved: true},
			{Effect: "Allow", Action: []string{"dynamodb:GetItem"}, Resource: []string{"*"}, Resolved: true},
			{Effect: "Allow", Action: []string{"s3:*"}, Resource: []string{"*"}, Resolved: false},
			{Effect: "Deny", Action: []string{"*"}, Resource: []string{"*"}, Resolved: true},
		},
	}
	if p := FunctionPower(fn); p.Class != Read || p.Writes() {
		t.Errorf("read-only function: %+v", p)
	}
	fn.ManagedPolicies = []model.Policy{{ARN: "arn:aws:iam::aws:policy/AmazonS3FullAccess"}}
	if p := FunctionPower(fn); p.Class != Permissions || p.Grants[0] != "AmazonS3FullAccess" {
		t.Errorf("with S3 full access: %+v", p)
	}
}

func FuzzResourceScope(f *testing.F) {
	for _, s := range []string{"*", "arn:aws:s3:::b/*", "arn:aws:dynamodb:${AWS::Region}:x:table/${T}", "arn:::::", "${${${"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, r string) {
		_ = ResourceScope(r)
		_ = Cover(r)
		_ = Classify(r)
	})
}
