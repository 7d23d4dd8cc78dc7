package iam

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/extract/list"
	"github.com/cladsec/clad/internal/scan"
)

// scanPolicies scans dir and suggests a policy for every AWS function.
func scanPolicies(t *testing.T, dir string) []Policy {
	t.Helper()
	res, err := scan.Run(context.Background(), scan.Options{Target: dir, Extractors: list.All()})
	if err != nil {
		t.Fatalf("scan %s: %v", dir, err)
	}
	t.Cleanup(func() { res.Close() })
	return SuggestAll(res.Tree, res.Project)
}

// TestRenderGolden renders the suggestions for the AWS demo (Serverless
// Framework) and a SAM fixture in the three formats.
func TestRenderGolden(t *testing.T) {
	for _, tc := range []struct{ name, dir string }{
		{"aws-orders", filepath.Join("..", "..", "examples", "aws-orders")},
		{"sam-app", filepath.Join("testdata", "sam-app")},
	} {
		policies := scanPolicies(t, tc.dir)
		for _, r := range []struct {
			ext    string
			render func(*bytes.Buffer, []Policy) error
		}{
			{"serverless.yml", func(b *bytes.Buffer, p []Policy) error { return RenderServerless(b, p) }},
			{"sam.yaml", func(b *bytes.Buffer, p []Policy) error { return RenderSAM(b, p) }},
			{"json", func(b *bytes.Buffer, p []Policy) error { return RenderJSON(b, p) }},
		} {
			t.Run(tc.name+"/"+r.ext, func(t *testing.T) {
				var b bytes.Buffer
				if err := r.render(&b, policies); err != nil {
					t.Fatal(err)
				}
				checkParses(t, r.ext, b.Bytes())
				checkGolden(t, filepath.Join("testdata", "render", tc.name+"."+r.ext), b.String())
			})
		}
	}
}

// checkParses makes sure the output is valid YAML or JSON.
func checkParses(t *testing.T, ext string, out []byte) {
	t.Helper()
	if ext == "json" {
		var v any
		if err := json.Unmarshal(out, &v); err != nil {
			t.Errorf("invalid JSON: %v", err)
		}
		return
	}
	for i, doc := range bytes.Split(out, []byte("\n---\n")) {
		if _, err := cfgtree.Parse(doc); err != nil {
			t.Errorf("document %d is not valid YAML: %v", i, err)
		}
	}
}

// TestDemoPolicy checks the policy `clad iam suggest` writes for the AWS
// demo, action by action: what each handler's code calls (EXPECTED.md,
// "What each handler reaches") on the resources the manifest defines.
func TestDemoPolicy(t *testing.T) {
	policies := scanPolicies(t, filepath.Join("..", "..", "examples", "aws-orders"))
	const (
		table   = "${OrdersTable.Arn}"
		queue   = "${NotifyQueue.Arn}"
		objects = "arn:aws:s3:::${UploadsBucket}/*"
	)
	want := map[string]map[string][]string{
		// src/orders.js:71 db.putOrder → src/lib/db.js:9 client.put;
		// src/orders.js:72 queue.publishOrderCreated → src/lib/queue.js:14 sqs.sendMessage.
		"aws-orders/createOrder": {"dynamodb:PutItem": {table}, "sqs:SendMessage": {queue}},
		// src/orders.js:85 db.getOrder → src/lib/db.js:18 client.get.
		"aws-orders/getOrder": {"dynamodb:GetItem": {table}},
		// src/report.js:28 db.listOrdersSince → src/lib/db.js:29 client.scan;
		// src/report.js:34 s3.putObject to UPLOADS_BUCKET.
		"aws-orders/exportReport": {"dynamodb:Scan": {table}, "s3:PutObject": {objects}},
		// src/upload.js:16 s3.getObject and :47 s3.putObject on the bucket
		// of the S3 event (the function's trigger: orders-uploads-dev).
		"aws-orders/processUpload": {"s3:GetObject": {objects}, "s3:PutObject": {objects}},
		// src/notify.js calls no AWS API (its queue trigger is the framework's).
		"aws-orders/notifyCustomer": {},
	}
	got := map[string]map[string][]string{}
	for _, p := range policies {
		if !p.Complete {
			t.Errorf("%s: analysis incomplete: %v", p.Function, p.Gaps)
		}
		m := map[string][]string{}
		for _, st := range p.Statements {
			if st.Effect != "Allow" {
				t.Errorf("%s: statement effect %q", p.Function, st.Effect)
			}
			for _, a := range st.Actions {
				m[a] = append(m[a], st.Resources...)
			}
		}
		got[p.Function] = m
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("demo policy (-want +got):\n%s", diff)
	}
}

func TestRenderFormat(t *testing.T) {
	var b bytes.Buffer
	for _, f := range Formats {
		b.Reset()
		if err := Render(&b, f, nil); err != nil || b.Len() == 0 {
			t.Errorf("Render(%s) = %v, %d bytes", f, err, b.Len())
		}
	}
	if err := Render(&b, "terraform", nil); err == nil {
		t.Error("unknown format accepted")
	}
}
