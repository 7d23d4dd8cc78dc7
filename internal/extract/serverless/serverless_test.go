package serverless

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden is what a fixture directory yields, as stored in testdata/golden.
type golden struct {
	Functions []*model.Function `json:"functions"`
	Manifests []model.Manifest  `json:"manifests"`
	Problems  []model.Problem   `json:"problems"`
	// Errors are the errors Extract returned (the scan records them).
	Errors []string `json:"errors,omitempty"`
}

// variants run a fixture again with deploy-time inputs; the golden file is
// named fixture@variant.
var variants = map[string]struct {
	fixture string
	vars    extract.Vars
}{
	"v3-service@prod": {"v3-service", extract.Vars{
		Stage:  "prod",
		Region: "eu-central-1",
		Env:    map[string]string{"LOG_LEVEL": "warn", "API_KEY": "from-env"},
	}},
}

func TestGolden(t *testing.T) {
	dirs, err := os.ReadDir(filepath.Join("testdata", "fixtures"))
	if err != nil {
		t.Fatal(err)
	}
	runs := map[string]string{}
	for _, d := range dirs {
		if d.IsDir() {
			runs[d.Name()] = d.Name()
		}
	}
	for name, v := range variants {
		runs[name] = v.fixture
	}
	for name, fixture := range runs {
		t.Run(name, func(t *testing.T) {
			got := runFixture(t, filepath.Join("testdata", "fixtures", fixture), variants[name].vars)
			compareGolden(t, filepath.Join("testdata", "golden", name+".json"), got)
		})
	}
}

// runFixture extracts every manifest of a fixture tree.
func runFixture(t *testing.T, dir string, vars extract.Vars) golden {
	t.Helper()
	ctx := context.Background()
	tree, err := walk.Open(ctx, dir, walk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	e := New()
	var res extract.Result
	var errs []string
	for _, f := range tree.Files {
		if !e.FileRequired(f.Path) {
			continue
		}
		if err := e.Extract(ctx, &extract.Input{Tree: tree, File: f, Vars: vars}, &res); err != nil {
			errs = append(errs, err.Error())
		}
	}
	return golden{Functions: res.Functions, Manifests: res.Manifests, Problems: res.Problems, Errors: errs}
}

func compareGolden(t *testing.T, path string, got golden) {
	t.Helper()
	data, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, '\n')
	if *update {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(want, data) {
		t.Errorf("%s differs (-want +got):\n%s", path, cmp.Diff(string(want), string(data)))
	}
}

func TestFileRequired(t *testing.T) {
	cases := map[string]bool{
		"serverless.yml":                    true,
		"services/api/serverless.yaml":      true,
		"serverless.json":                   true,
		"serverless.ts":                     true,
		"app/serverless.mjs":                true,
		"deploy.zip!/serverless.yml":        true,
		"node_modules/x/serverless.yml":     false,
		"app/node_modules/x/serverless.yml": false,
		"serverless.yml.bak":                false,
		"my-serverless.yml":                 false,
		"serverless-compose.yml":            false,
	}
	e := New()
	for p, want := range cases {
		if got := e.FileRequired(p); got != want {
			t.Errorf("FileRequired(%q) = %v, want %v", p, got, want)
		}
	}
	if e.Name() != "serverless" {
		t.Errorf("Name() = %q", e.Name())
	}
}

// TestExtractErrorsCarryLines checks that parse errors name the line.
func TestExtractErrorsCarryLines(t *testing.T) {
	got := runFixture(t, filepath.Join("testdata", "fixtures", "broken-yaml"), extract.Vars{})
	if len(got.Errors) != 1 || !strings.Contains(got.Errors[0], "line ") {
		t.Errorf("errors = %q, want one naming the line", got.Errors)
	}
}

// TestExtractHonoursCancel stops between functions when the scan is cancelled.
func TestExtractHonoursCancel(t *testing.T) {
	tree, err := walk.Open(context.Background(), filepath.Join("testdata", "fixtures", "v3-events"), walk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, _ := tree.Lookup("serverless.yml")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var res extract.Result
	if err := New().Extract(ctx, &extract.Input{Tree: tree, File: f}, &res); err == nil {
		t.Error("Extract on a cancelled context succeeded")
	}
}

func FuzzExtract(f *testing.F) {
	seeds := []string{
		"service: a\nfunctions:\n  f:\n    handler: h.f\n    events:\n      - http: GET /\n",
		"service: a\ncustom: {x: '${self:custom.y}', y: '${self:custom.x}'}\nprovider: {environment: {A: '${self:custom.x}'}}",
		"functions: [{a: {handler: x.y, url: true, role: !GetAtt R.Arn}}]\nresources: {Resources: {R: {Type: AWS::IAM::Role}}}",
		"provider: {name: azure}\nfunctions: {f: {handler: a.b, events: [{http: true, authLevel: anonymous}]}}",
		"service: ${file(../x.yml)}\nprovider: ${opt:stage, ${self:service}}",
		"functions: {f: {handler: h.f, events: [{sqs: {Fn::GetAtt: []}}, {stream: !Sub '${'}]}}",
		"provider: {httpApi: {authorizers: {a: {functionName: g, identitySource: [1, {x: y}]}}}}\nfunctions: {f: {events: [{http: {authorizer: {name: g, type: request, identitySource: [a]}}}, {websocket: {route: $connect, authorizer: [g]}}]}, g: {}}",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	e := New()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "serverless.yml")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		tree, err := walk.Open(context.Background(), dir, walk.Options{})
		if err != nil {
			t.Fatal(err)
		}
		file, ok := tree.Lookup("serverless.yml")
		if !ok {
			t.Fatal("manifest not walked")
		}
		var res extract.Result
		_ = e.Extract(context.Background(), &extract.Input{Tree: tree, File: file}, &res)
		for _, fn := range res.Functions {
			if fn.HandlerStatus == "" || fn.Provider == "" || fn.Triggers == nil {
				t.Fatalf("incomplete function %+v", fn)
			}
		}
	})
}
