package iam

import (
	"testing"

	"github.com/cladsec/clad/internal/model"
)

func TestGlob(t *testing.T) {
	for _, tc := range []struct {
		p, s string
		want bool
	}{
		{"*", "s3:GetObject", true}, {"s3:*", "s3:GetObject", true}, {"s3:Get*", "s3:GetObject", true},
		{"s3:Get*", "s3:PutObject", false}, {"S3:getobject", "s3:GetObject", true}, {"s3:?etObject", "s3:GetObject", true},
		{"dynamodb:*Item", "dynamodb:PutItem", true}, {"dynamodb:*Item", "dynamodb:Query", false},
		{"s3:*Object*", "s3:GetObjectTagging", true},
	} {
		if got := actionMatch(tc.p, tc.s); got != tc.want {
			t.Errorf("actionMatch(%q, %q) = %v", tc.p, tc.s, got)
		}
	}
}

func TestNormResource(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"GetAtt(Table.Arn)", "${Table.Arn}", true},
		{"arn:aws:s3:::Ref(Bucket)/*", "arn:aws:s3:::${Bucket}/*", true},
		{"arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/Ref(T)", "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${T}", true},
		{"Join(/, GetAtt(T.Arn),index)", "", false},
		{"${ssm:/x/y}", "", false},
		{"ImportValue(Shared)", "", false},
		{"*", "*", true},
	} {
		got, ok := normResource(tc.in)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("normResource(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestResourceMatch(t *testing.T) {
	table := "arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders"
	for _, tc := range []struct {
		pattern, need string
		known         bool
		want          tri
	}{
		{"*", table, true, triYes},
		{"arn:aws:dynamodb:*:*:table/orders", table, true, triYes},
		{"arn:aws:dynamodb:eu-west-1:123:table/orders", table, true, triMaybe},
		{"arn:aws:dynamodb:eu-west-1:123:table/users", table, true, triNo},
		{"arn:aws:s3:::b/*", table, true, triNo},
		{"${Orders.Arn}", "${Orders.Arn}", true, triYes},
		{"${Orders.Arn}", table, true, triMaybe},
		{"arn:aws:dynamodb:*:*:table/orders", table + "/index/byDate", true, triNo},
		{"arn:aws:dynamodb:*:*:table/orders", "*", false, triMaybe},
		{"arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*", true, triNo},
	} {
		if got := resourceMatch(tc.pattern, tc.need, tc.known); got != tc.want {
			t.Errorf("resourceMatch(%q, %q) = %v, want %v", tc.pattern, tc.need, got, tc.want)
		}
	}
}

func TestMissingVerdict(t *testing.T) {
	need := &Need{Action: "dynamodb:PutItem", Resource: "${Orders.Arn}", ResourceKnown: true}
	allow := func(actions []string, res ...string) grantStmt {
		return normStatement(model.Statement{Effect: "Allow", Action: actions, Resource: res, Resolved: true})
	}
	for _, tc := range []struct {
		name    string
		grants  []grantStmt
		missing bool
		certain bool
	}{
		{"allowed", []grantStmt{allow([]string{"dynamodb:*"}, "*")}, false, false},
		{"other action", []grantStmt{allow([]string{"dynamodb:GetItem"}, "*")}, true, true},
		{"none at all", nil, true, true},
		{"other table", []grantStmt{allow([]string{"dynamodb:PutItem"}, "arn:aws:s3:::x")}, true, false},
		{"denied", []grantStmt{allow([]string{"*"}, "*"),
			normStatement(model.Statement{Effect: "Deny", Action: []string{"dynamodb:Put*"}, Resource: []string{"*"}})}, true, true},
		{"conditional deny", []grantStmt{allow([]string{"*"}, "*"),
			normStatement(model.Statement{Effect: "Deny", Action: []string{"dynamodb:Put*"}, Resource: []string{"*"}, Condition: true})}, false, false},
		{"not action", []grantStmt{normStatement(model.Statement{Effect: "Allow", NotAction: []string{"iam:*"}, Resource: []string{"*"}})}, false, false},
		{"not action excludes", []grantStmt{normStatement(model.Statement{Effect: "Allow", NotAction: []string{"dynamodb:*"}, Resource: []string{"*"}})}, true, true},
		{"unresolved action", []grantStmt{normStatement(model.Statement{Effect: "Allow", Action: []string{"Ref(Actions)"}, Resource: []string{"*"}})}, true, false},
		{"unknown managed", []grantStmt{func() grantStmt { g, _, _ := managedStatement(model.Policy{ARN: "arn:aws:iam::1:policy/x"}); return g }()}, true, false},
		{"known managed", []grantStmt{func() grantStmt {
			g, _, _ := managedStatement(model.Policy{ARN: "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"})
			return g
		}()}, false, false},
		{"read-only managed", []grantStmt{func() grantStmt {
			g, _, _ := managedStatement(model.Policy{ARN: "arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess"})
			return g
		}()}, true, true},
	} {
		m, missing := missingVerdict(tc.grants, need)
		if missing != tc.missing || (missing && m.Certain != tc.certain) {
			t.Errorf("%s: missing=%v certain=%v (%s), want %v/%v", tc.name, missing, m.Certain, m.Reason, tc.missing, tc.certain)
		}
	}
}

func TestQueueARN(t *testing.T) {
	for in, want := range map[string]string{
		"https://sqs.eu-west-1.amazonaws.com/123456789012/jobs":   "arn:aws:sqs:eu-west-1:123456789012:jobs",
		"https://eu-west-1.queue.amazonaws.com/123456789012/jobs": "arn:aws:sqs:eu-west-1:123456789012:jobs",
		"jobs": "arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:jobs",
	} {
		if got := queueARN(in); got != want {
			t.Errorf("queueARN(%q) = %q, want %q", in, got, want)
		}
	}
}
