package cloudformation

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/walk"
)

func TestFileRequired(t *testing.T) {
	cases := []struct {
		path string
		want bool
	}{
		{"template.yaml", true},
		{"infra/template.yml", true},
		{"stack.json", true},
		{"network.template", true},
		{"cdk.out/App.template.json", true},
		{".serverless/cloudformation-template-update-stack.json", true},
		{"dist/pkg.zip!/template.yaml", true},
		{"TEMPLATE.YAML", true},
		{"serverless.yml", false},
		{"serverless.yaml", false},
		{"serverless.json", false},
		{"package.json", false},
		{"src/package-lock.json", false},
		{"tsconfig.json", false},
		{"tsconfig.build.json", false},
		{"pnpm-lock.yaml", false},
		{"composer.lock", false},
		{"deps.lock.json", false},
		{"HttpTrigger/function.json", false},
		{"host.json", false},
		{"local.settings.json", false},
		{"node_modules/x/template.yaml", false},
		{"a/node_modules/b/stack.json", false},
		{".github/workflows/deploy.yml", false},
		{"sub/.github/dependabot.yml", false},
		{"docker-compose.yml", false},
		{"samconfig.toml", false},
		{"samconfig.yaml", false},
		{"handler.js", false},
		{"README.md", false},
		{"template", false},
	}
	x := New()
	for _, c := range cases {
		if got := x.FileRequired(c.path); got != c.want {
			t.Errorf("FileRequired(%q) = %v, want %v", c.path, got, c.want)
		}
	}
	if x.Name() != "cloudformation" {
		t.Errorf("Name() = %q", x.Name())
	}
}

func TestIsTemplate(t *testing.T) {
	cases := []struct {
		name, src string
		want      bool
	}{
		{"version only", "AWSTemplateFormatVersion: '2010-09-09'\n", true},
		{"sam transform", "Transform: AWS::Serverless-2016-10-31\n", true},
		{"transform list", "Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n", true},
		{"aws resources", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n", true},
		{"custom resources only", "Resources:\n  Q:\n    Type: Custom::Thing\n", false},
		{"resources list", "Resources: [a, b]\n", false},
		{"other transform", "Transform: AWS::Include\n", false},
		{"scalar", "just text\n", false},
		{"list", "- AWS::Lambda::Function\n", false},
		{"empty", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := isTemplate(mustParse(t, c.src)); got != c.want {
				t.Errorf("isTemplate = %v, want %v", got, c.want)
			}
		})
	}
}

// TestExtractContent checks which contents are templates, which are
// someone else's config (ignored) and which are broken templates (errors).
func TestExtractContent(t *testing.T) {
	cases := []struct {
		name, path, src string
		functions       int
		manifests       int
		wantErr         string
	}{
		{"sam template", "app/template.yaml", "Transform: AWS::Serverless-2016-10-31\nResources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: {Handler: a.b, Runtime: nodejs20.x}\n", 1, 1, ""},
		{"template without functions", "net.yaml", "Resources:\n  V:\n    Type: AWS::EC2::VPC\n", 0, 1, ""},
		{"app config", "config.yaml", "database:\n  host: localhost\n", 0, 0, ""},
		{"broken app config", "config.yaml", "a: [b\n", 0, 0, ""},
		{"broken config mentioning AWS", "notes.yml", "see: AWS::Lambda [\n", 0, 0, ""},
		{"broken named template", "template.yaml", "a: [b\n", 0, 0, "parse template template.yaml: line"},
		{"broken .template", "x.template", "{\"Resources\": {\"F\": {\"Type\": AWS::SQS::Queue, \n", 0, 0, "parse template x.template"},
		{"broken config .template", "nginx.conf.template", "server { listen 80; \n", 0, 0, ""},
		{"broken named template without AWS text", "db.template", "a: [b\n", 0, 0, ""},
		{"broken .cfn.yaml mentioning AWS", "net.cfn.yaml", "x: [AWS::EC2\n", 0, 0, "parse template net.cfn.yaml"},
		{"broken with version", "stack.yml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: [\n", 0, 0, "parse template stack.yml"},
		{"broken with resource type", "stack.json", "{\"Resources\": {\"F\": {\"Type\": \"AWS::Lambda::Function\",\n", 0, 0, "parse template stack.json"},
		{"invalid utf-8 template", "template.yaml", "AWSTemplateFormatVersion: \xff\n", 0, 0, "UTF-8"},
		{"binary template", "template.json", "AWSTemplateFormatVersion\x00\x01", 0, 0, "binary"},
		{"binary other", "blob.json", "\x00\x01AWS::", 0, 0, ""},
		{"json array", "data.json", "[\"AWS::Lambda\"]", 0, 0, ""},
		{"resources not a map", "r.yaml", "Resources:\n  - Type: AWS::SQS::Queue\n", 0, 0, ""},
		{"function with null properties", "template.yaml", "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n", 1, 1, ""},
		{"resource not a map", "template.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  F: x\n  G: [1]\n", 0, 1, ""},
	}
	tree := emptyTree(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out extract.Result
			err := New().extractData(&extract.Input{Tree: tree, File: walk.File{Path: c.path}}, []byte(c.src), &out)
			switch {
			case c.wantErr == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
				t.Fatalf("err = %v, want it to contain %q", err, c.wantErr)
			}
			if len(out.Functions) != c.functions || len(out.Manifests) != c.manifests {
				t.Errorf("got %d functions, %d manifests; want %d, %d", len(out.Functions), len(out.Manifests), c.functions, c.manifests)
			}
		})
	}
}

func TestExtractCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	tree := emptyTree(t)
	err := New().Extract(ctx, &extract.Input{Tree: tree, File: tree.Files[0]}, &extract.Result{})
	if err == nil {
		t.Error("Extract ignored a cancelled context")
	}
}

// emptyTree is a walked directory with one source file.
func emptyTree(t testing.TB) *walk.Tree {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.js"), []byte("exports.handler = () => 1;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tree, err := walk.Open(context.Background(), dir, walk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func TestServerlessKey(t *testing.T) {
	cases := map[string]string{
		"HelloLambdaFunction":             "hello",
		"HelloDashworldLambdaFunction":    "hello-world",
		"DoUnderscorethingLambdaFunction": "do_thing",
		"CreateOrderLambdaFunction":       "createOrder",
		"LambdaFunction":                  "",
		"MyFunction":                      "",
	}
	for id, want := range cases {
		if got := serverlessKey(id); got != want {
			t.Errorf("serverlessKey(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestStackName(t *testing.T) {
	cases := []struct {
		file string
		sls  bool
		want string
	}{
		{"template.yaml", false, "template"},
		{"orders/template.yaml", false, "orders"},
		{"infra/stacks/net.template.json", false, "stacks"},
		{"App.template.json", false, "App"},
		{"svc/.serverless/cloudformation-template-update-stack.json", true, "svc"},
		{".serverless/cloudformation-template-update-stack.json", true, ".serverless"},
		{"cloudformation-template-update-stack.json", true, "cloudformation-template-update-stack"},
		{"dist/app.zip!/template.yaml", false, "app"},
	}
	for _, c := range cases {
		if got := stackName(c.file, c.sls); got != c.want {
			t.Errorf("stackName(%q) = %q, want %q", c.file, got, c.want)
		}
	}
}
