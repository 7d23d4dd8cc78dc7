package cli

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestIAMSuggest(t *testing.T) {
	demo := filepath.Join("..", "..", "examples", "aws-orders")
	code, out, errs := run(t, "iam", "suggest", demo, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Functions []struct {
			Function   string `json:"function"`
			Complete   bool   `json:"complete"`
			Statements []struct {
				Action []string `json:"actions"`
			} `json:"statements"`
		} `json:"functions"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	got := map[string][]string{}
	for _, f := range doc.Functions {
		if !f.Complete {
			t.Errorf("%s: analysis incomplete", f.Function)
		}
		var acts []string
		for _, s := range f.Statements {
			acts = append(acts, s.Action...)
		}
		slices.Sort(acts)
		got[f.Function] = acts
	}
	want := map[string]string{
		"aws-orders/createOrder":    "dynamodb:PutItem,sqs:SendMessage",
		"aws-orders/getOrder":       "dynamodb:GetItem",
		"aws-orders/exportReport":   "dynamodb:Scan,s3:PutObject",
		"aws-orders/processUpload":  "s3:GetObject,s3:PutObject",
		"aws-orders/notifyCustomer": "",
	}
	for fn, acts := range want {
		if strings.Join(got[fn], ",") != acts {
			t.Errorf("%s: actions %v, want %s", fn, got[fn], acts)
		}
	}
	code, out, _ = run(t, "iam", "suggest", demo, "--format", "sam", "--function", "getOrder")
	if code != ExitOK || !strings.Contains(out, "DynamoDBReadPolicy") || strings.Contains(out, "createOrder") {
		t.Errorf("sam/--function: exit %d\n%s", code, out)
	}
	for _, args := range [][]string{{"iam"}, {"iam", "suggest", "--format", "xml", demo}, {"iam", "suggest", demo, "--function", "nope"}} {
		if code, _, _ := run(t, args...); code != ExitError {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
