package iam

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// FuzzAnalyze runs the SDK-call analysis, the review and the renderers over
// arbitrary handler code: nothing may panic or loop.
func FuzzAnalyze(f *testing.F) {
	for _, seed := range []string{
		"const AWS = require('aws-sdk'); const c = new AWS.DynamoDB.DocumentClient(); exports.handler = () => c.put({TableName: process.env.T}).promise();",
		"import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3'; export const handler = () => new S3Client({}).send(new PutObjectCommand({Bucket: `a-${x}`}));",
		"import boto3, os\ns3 = boto3.client('s3')\ndef handler(e, c):\n    s3.put_object(Bucket=os.environ['B'], Key='k')\n",
		"package main\nimport \"github.com/aws/aws-sdk-go-v2/service/sqs\"\nfunc main() { _ = &sqs.SendMessageInput{QueueUrl: aws.String(\"u\")} }\n",
		"exports.handler = a => a[b](c)(d)[e]; module.exports = module.exports.x = exports.y = {...z, [k]: v};",
		"def handler(e, c):\n    return getattr(boto3.resource(e)['x'], 'y')(**{'TableName': f'{e}'})\n",
	} {
		for ext := range byte(4) {
			f.Add([]byte(seed), ext)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte, ext byte) {
		name := []string{"handler.js", "handler.ts", "handler.py", "main.go"}[int(ext)%4]
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
		tree, err := walk.Open(context.Background(), dir, walk.Options{})
		if err != nil {
			t.Skip()
		}
		defer tree.Close()
		fn := &model.Function{ID: "f/h", Name: "h", Provider: model.AWS, Handler: "handler.handler", File: name,
			Files: []string{name}, HandlerStatus: model.HandlerResolved, Role: "provider", Manifest: "serverless.yml",
			Statements:  []model.Statement{{Effect: "Allow", Action: []string{"s3:*", "dynamodb:Get*"}, Resource: []string{"*"}, Origin: "provider", Resolved: true}},
			Environment: []model.EnvVar{{Name: "T", Value: "Ref(T)"}, {Name: "B", Value: "b", Resolved: true}}}
		a := New(tree, &model.Project{Functions: []*model.Function{fn}})
		p := a.Suggest(fn)
		a.Review()
		var b bytes.Buffer
		for _, r := range []func(*bytes.Buffer) error{
			func(b *bytes.Buffer) error { return RenderServerless(b, []Policy{p}) },
			func(b *bytes.Buffer) error { return RenderSAM(b, []Policy{p}) },
			func(b *bytes.Buffer) error { return RenderJSON(b, []Policy{p}) },
		} {
			if err := r(&b); err != nil {
				t.Fatal(err)
			}
		}
	})
}
