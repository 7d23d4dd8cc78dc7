package scan

import (
	"archive/zip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	depslist "github.com/cladsec/clad/internal/deps/list"
	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/extract/list"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func writeZip(t *testing.T, p string, files map[string]string) {
	t.Helper()
	fh, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(fh)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[n]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	fh.Close()
}

func run(t *testing.T, target string, ds ...detect.Detector) *Result {
	t.Helper()
	res, err := Run(context.Background(), Options{Target: target, Extractors: list.All(), Detectors: ds})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Close() })
	return res
}

func ids(p *model.Project) []string {
	var out []string
	for _, f := range p.Functions {
		out = append(out, f.ID)
	}
	return out
}

const service = `service: shop
provider:
  name: aws
  runtime: nodejs20.x
  iam:
    role:
      statements:
        - Effect: Allow
          Action: dynamodb:GetItem
          Resource: "*"
functions:
  api:
    handler: src/api.handler
    events:
      - httpApi: GET /items
  worker:
    handler: src/worker.run
    events:
      - sqs: arn:aws:sqs:eu-west-1:123456789012:jobs
`

// TestMonorepoAndHostileFilesTogether: one scan over several services and
// broken or hostile files reports every good function and a problem for
// every bad file, and never stops early.
func TestMonorepoAndHostileFilesTogether(t *testing.T) {
	bomb := "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nservice: bomb\nfunctions: {x: {handler: a.b}}\n"
	dir := writeTree(t, map[string]string{
		"services/shop/serverless.yml":   service,
		"services/shop/src/api.js":       "exports.handler = async () => ({})\n",
		"services/shop/src/worker.js":    "exports.run = async () => {}\n",
		"services/broken/serverless.yml": "service: broken\nfunctions:\n  a: [\n",
		"services/bomb/serverless.yml":   bomb,
		"services/binary/serverless.yml": "service: x\x00\x01\x02",
		"services/latin1/serverless.yml": "service: caf\xe9\n",
		"sam/template.yaml":              "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.main\n      CodeUri: fn/\n",
		"sam/fn/app.py":                  "def main(event, context):\n    return {}\n",
		"sam/broken.template.json":       `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {`,
		"app/host.json":                  `{"version": "2.0"}`,
		"app/hello/function.json":        `{"bindings": [{"type": "httpTrigger", "direction": "in", "authLevel": "anonymous", "name": "req"}]}`,
		"app/hello/index.js":             "module.exports = async function (context, req) {}\n",
		"app/bad/function.json":          `{"bindings": [`,
		"serverless.ts":                  "export default {}",
	})
	res := run(t, dir)
	want := []string{"app/hello", "sam/Fn", "shop/api", "shop/worker"}
	if d := cmp.Diff(want, ids(res.Project)); d != "" {
		t.Errorf("functions (-want +got):\n%s", d)
	}
	failed := map[string]string{}
	for _, p := range res.Problems {
		if p.Level == model.LevelError {
			failed[p.File] = p.Message
		}
	}
	for _, f := range []string{"services/broken/serverless.yml", "services/bomb/serverless.yml", "services/binary/serverless.yml",
		"services/latin1/serverless.yml", "sam/broken.template.json", "app/bad/function.json", "serverless.ts"} {
		if _, ok := failed[f]; !ok {
			t.Errorf("no error reported for %s; problems: %+v", f, res.Problems)
		}
	}
	if m := failed["services/bomb/serverless.yml"]; !strings.Contains(m, "too large") {
		t.Errorf("alias bomb message = %q", m)
	}
	if m := failed["services/latin1/serverless.yml"]; !strings.Contains(m, "UTF-8") {
		t.Errorf("invalid UTF-8 message = %q", m)
	}
	api := res.Project.Functions[2]
	if api.HandlerLine != 1 || api.File != "services/shop/src/api.js" || !api.Public || api.Auth != "none" {
		t.Errorf("shop/api = %+v", api)
	}
	if d := cmp.Diff([]string{"shop/worker"}, api.RoleSharedWith); d != "" {
		t.Errorf("role sharing: %s", d)
	}
}

func TestDeploymentPackageZip(t *testing.T) {
	dir := t.TempDir()
	zp := filepath.Join(dir, "resize.zip")
	writeZip(t, zp, map[string]string{
		"index.js":                    "exports.handler = async (event) => event\n",
		"node_modules/sharp/index.js": "module.exports = {}\n",
		"../escape.js":                "x",
	})
	res := run(t, zp)
	if len(res.Project.Functions) != 1 {
		t.Fatalf("functions = %+v", res.Project.Functions)
	}
	fn := res.Project.Functions[0]
	if fn.ID != "package/resize" || fn.File != "index.js" || fn.HandlerLine != 1 || fn.Runtime != "nodejs" {
		t.Errorf("inferred function = %+v", fn)
	}
	if len(res.Project.Manifests) != 1 || res.Project.Manifests[0].Kind != "deployment-package" {
		t.Errorf("manifests = %+v", res.Project.Manifests)
	}
	var zipSlip bool
	for _, p := range res.Problems {
		zipSlip = zipSlip || strings.Contains(p.Message, "zip-slip")
	}
	if !zipSlip {
		t.Errorf("zip-slip entry not reported: %+v", res.Problems)
	}
}

// TestServerlessPackageDir scans the .serverless/ folder `serverless package`
// writes: the template gives the functions, the artifact zip their code.
func TestServerlessPackageDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), ".serverless")
	os.MkdirAll(dir, 0o755)
	tmpl := `{"AWSTemplateFormatVersion": "2010-09-09",
 "Resources": {
  "ServerlessDeploymentBucket": {"Type": "AWS::S3::Bucket"},
  "HelloLambdaFunction": {"Type": "AWS::Lambda::Function", "Properties": {
    "Code": {"S3Bucket": {"Ref": "ServerlessDeploymentBucket"}, "S3Key": "serverless/greeter/dev/1700000000000-2023-11-14T22:13:20.000Z/greeter.zip"},
    "Handler": "handler.hello", "Runtime": "nodejs20.x", "FunctionName": "greeter-dev-hello",
    "Role": {"Fn::GetAtt": ["IamRoleLambdaExecution", "Arn"]}}},
  "IamRoleLambdaExecution": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["s3:*"], "Resource": "*"}]}}]}}
 }}`
	os.WriteFile(filepath.Join(dir, "cloudformation-template-update-stack.json"), []byte(tmpl), 0o644)
	writeZip(t, filepath.Join(dir, "greeter.zip"), map[string]string{"handler.js": "\n\nmodule.exports.hello = async () => 'hi'\n"})
	res := run(t, dir)
	if len(res.Project.Functions) != 1 {
		t.Fatalf("functions = %+v, problems %+v", res.Project.Functions, res.Problems)
	}
	fn := res.Project.Functions[0]
	if fn.ID != "greeter/hello" || fn.File != "greeter.zip!/handler.js" || fn.HandlerLine != 3 {
		t.Errorf("function = %s file=%s line=%d", fn.ID, fn.File, fn.HandlerLine)
	}
	if len(fn.Statements) != 1 || fn.Statements[0].Action[0] != "s3:*" {
		t.Errorf("statements = %+v", fn.Statements)
	}
	if len(res.Project.Manifests) != 1 || res.Project.Manifests[0].Kind != "serverless-package" {
		t.Errorf("manifests = %+v (the artifact must not also count as a bare package)", res.Project.Manifests)
	}
}

// fakeDetector reports what it is told, and can panic.
type fakeDetector struct {
	cat      finding.Category
	rules    []finding.Rule
	findings []finding.Finding
	panics   bool
}

func (d *fakeDetector) Name() string               { return "fake-" + string(d.cat) }
func (d *fakeDetector) Category() finding.Category { return d.cat }
func (d *fakeDetector) Rules() []finding.Rule      { return d.rules }
func (d *fakeDetector) Detect(_ context.Context, _ *detect.Input, report func(finding.Finding)) error {
	if d.panics {
		panic("boom")
	}
	for _, f := range d.findings {
		report(f)
	}
	return nil
}

func TestDetectorsExposureDedupeCategoriesAndPanics(t *testing.T) {
	dir := writeTree(t, map[string]string{"serverless.yml": service, "src/api.js": "", "src/worker.js": ""})
	exposed := finding.Rule{ID: "code/x", Category: finding.Code, Severity: finding.SeverityHigh, Exposure: true}
	plain := finding.Rule{ID: "code/y", Category: finding.Code, Severity: finding.SeverityMedium}
	code := &fakeDetector{cat: finding.Code, rules: []finding.Rule{exposed, plain}, findings: []finding.Finding{
		{Rule: "code/x", Severity: finding.SeverityHigh, File: "src/api.js", Functions: []string{"shop/api"}, Key: "a"},
		{Rule: "code/x", Severity: finding.SeverityHigh, File: "src/worker.js", Functions: []string{"shop/worker"}, Key: "b"},
		{Rule: "code/y", Severity: finding.SeverityMedium, File: "src/api.js", Functions: []string{"shop/api"}, Key: "c"},
		{Rule: "code/y", Severity: finding.SeverityMedium, File: "src/api.js", Functions: []string{"shop/api"}, Key: "c"}, // duplicate
	}}
	data := &fakeDetector{cat: finding.Data, findings: []finding.Finding{{Rule: "data/z", Severity: finding.SeverityLow, File: "x"}}}
	boom := &fakeDetector{cat: finding.Access, panics: true}
	res, err := Run(context.Background(), Options{Target: dir, Extractors: list.All(), Detectors: []detect.Detector{code, data, boom},
		Categories: []finding.Category{finding.Code, finding.Access}})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	got := map[string]finding.Severity{}
	for _, f := range res.Findings {
		got[f.Rule+" "+f.File+" "+strings.Join(f.Functions, ",")] = f.Severity
		if f.Fingerprint == "" {
			t.Errorf("finding without fingerprint: %+v", f)
		}
	}
	want := map[string]finding.Severity{
		"code/x src/api.js shop/api":       finding.SeverityCritical, // raised: shop/api is public
		"code/x src/worker.js shop/worker": finding.SeverityHigh,
		"code/y src/api.js shop/api":       finding.SeverityMedium, // not an exposure rule
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("findings (-want +got):\n%s", d)
	}
	var panicked bool
	for _, p := range res.Problems {
		panicked = panicked || (p.Stage == "fake-access" && strings.Contains(p.Message, "boom"))
	}
	if !panicked {
		t.Errorf("detector panic not turned into a problem: %+v", res.Problems)
	}
	if d := cmp.Diff([]finding.Category{finding.Code, finding.Access}, res.Categories); d != "" {
		t.Error(d)
	}
}

// panicky is an extractor that panics on one file.
type panicky struct{}

func (panicky) Name() string                                                   { return "panicky" }
func (panicky) FileRequired(p string) bool                                     { return strings.HasSuffix(p, ".boom") }
func (panicky) Extract(context.Context, *extract.Input, *extract.Result) error { panic("kaboom") }

func TestExtractorPanicIsAProblem(t *testing.T) {
	dir := writeTree(t, map[string]string{"a.boom": "x", "serverless.yml": service, "src/api.js": "", "src/worker.js": ""})
	res, err := Run(context.Background(), Options{Target: dir, Extractors: append(list.All(), panicky{})})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	if len(res.Project.Functions) != 2 {
		t.Errorf("functions = %v", ids(res.Project))
	}
	var found bool
	for _, p := range res.Problems {
		found = found || (p.File == "a.boom" && p.Level == model.LevelError && strings.Contains(p.Message, "kaboom"))
	}
	if !found {
		t.Errorf("problems = %+v", res.Problems)
	}
}

func TestDuplicateIDsAreQualified(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"a/serverless.yml": "service: same\nprovider: {name: aws, runtime: nodejs20.x}\nfunctions: {fn: {handler: h.x}}\n",
		"b/serverless.yml": "service: same\nprovider: {name: aws, runtime: nodejs20.x}\nfunctions: {fn: {handler: h.x}}\n",
		"a/h.js":           "", "b/h.js": "",
	})
	res := run(t, dir)
	want := []string{"same/fn@a/serverless.yml", "same/fn@b/serverless.yml"}
	if d := cmp.Diff(want, ids(res.Project)); d != "" {
		t.Error(d)
	}
}

func TestMissingTarget(t *testing.T) {
	_, err := Run(context.Background(), Options{Target: filepath.Join(t.TempDir(), "nope")})
	if err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v", err)
	}
}

func TestDependencyFilesAreParsed(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"serverless.yml": service, "src/api.js": "", "src/worker.js": "",
		"package-lock.json": `{"name": "shop", "lockfileVersion": 3, "packages": {
  "": {"name": "shop", "dependencies": {"left-pad": "^1.3.0"}},
  "node_modules/left-pad": {"version": "1.3.0", "license": "WTFPL"}}}`,
		"tools/requirements.txt":   "requests==\n",
		"broken/package-lock.json": `{"lockfileVersion": 3, "packages": {`,
	})
	res, err := Run(context.Background(), Options{Target: dir, Extractors: list.All(), Parsers: depslist.All()})
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	var files []string
	for _, lf := range res.Lockfiles {
		files = append(files, lf.File)
	}
	if d := cmp.Diff([]string{"package-lock.json", "tools/requirements.txt"}, files); d != "" {
		t.Fatalf("lockfiles (-want +got):\n%s", d)
	}
	lf := res.Lockfiles[0]
	if len(lf.Packages) != 1 || lf.Packages[0].Name != "left-pad" || lf.Packages[0].Version != "1.3.0" {
		t.Errorf("packages = %+v", lf.Packages)
	}
	var broken bool
	for _, p := range res.Problems {
		broken = broken || (p.File == "broken/package-lock.json" && p.Level == model.LevelError)
	}
	if !broken {
		t.Errorf("broken lockfile not reported: %+v", res.Problems)
	}
}
