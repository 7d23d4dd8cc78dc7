package cloudformation

import (
	"archive/zip"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fileError is an error Extract returned for one file.
type fileError struct {
	File  string `json:"file"`
	Error string `json:"error"`
}

// scanResult is what the golden files hold: the Result, plus the errors.
type scanResult struct {
	Functions []*model.Function `json:"functions"`
	Manifests []model.Manifest  `json:"manifests"`
	Problems  []model.Problem   `json:"problems"`
	Errors    []fileError       `json:"errors"`
}

// scan runs the extractor over every file of a tree it requires.
func scan(t *testing.T, root string, opts walk.Options, vars extract.Vars) scanResult {
	t.Helper()
	ctx := context.Background()
	tree, err := walk.Open(ctx, root, opts)
	if err != nil {
		t.Fatal(err)
	}
	x := New()
	var res extract.Result
	var out scanResult
	for _, f := range tree.Files {
		if !x.FileRequired(f.Path) {
			continue
		}
		if err := x.Extract(ctx, &extract.Input{Tree: tree, File: f, Vars: vars}, &res); err != nil {
			out.Errors = append(out.Errors, fileError{File: f.Path, Error: err.Error()})
		}
	}
	out.Functions, out.Manifests, out.Problems = res.Functions, res.Manifests, res.Problems
	return out
}

// checkGolden compares got with testdata/golden/<name>.json.
func checkGolden(t *testing.T, name string, got scanResult) {
	t.Helper()
	data, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, '\n')
	p := filepath.Join("testdata", "golden", name+".json")
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(data)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", p, diff)
	}
}

func TestGolden(t *testing.T) {
	prod := extract.Vars{
		Region: "eu-west-1",
		Params: map[string]string{
			"Stage": "prod", "ImageTag": "v42",
			"ExternalRoleArn": "arn:aws:iam::123456789012:role/app-prod",
		},
	}
	cases := []struct {
		name, dir string
		vars      extract.Vars
	}{
		{"sam-app", "sam-app", extract.Vars{}},
		{"cfn-json", "cfn-json", extract.Vars{}},
		{"cfn-wiring", "cfn-wiring", extract.Vars{}},
		{"params", "params", extract.Vars{}},
		{"params-prod", "params", prod},
		{"missing-code", "missing-code", extract.Vars{}},
		{"broken", "broken", extract.Vars{}},
		{"ignored", "ignored", extract.Vars{}},
		{"access-facts", "access-facts", extract.Vars{}},
		{"sam-authorizers", "sam-authorizers", extract.Vars{}},
		{"cfn-routes", "cfn-routes", extract.Vars{}},
		{"code-paths", "code-paths", extract.Vars{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := scan(t, filepath.Join("testdata", "fixtures", c.dir), walk.Options{}, c.vars)
			checkGolden(t, c.name, got)
		})
	}
}

// TestServerlessPackage scans what `serverless package` leaves in
// .serverless/: the template and the zip it uploads, whose handlers are
// resolved inside the zip.
func TestServerlessPackage(t *testing.T) {
	dir := t.TempDir()
	sls := filepath.Join(dir, ".serverless")
	if err := os.MkdirAll(sls, 0o755); err != nil {
		t.Fatal(err)
	}
	tmpl, err := os.ReadFile(filepath.Join("testdata", "serverless-package", "cloudformation-template-update-stack.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sls, "cloudformation-template-update-stack.json"), tmpl, 0o644); err != nil {
		t.Fatal(err)
	}
	writeZip(t, filepath.Join(sls, "orders.zip"), map[string]string{
		"handler.js":    "exports.create = async () => ({ statusCode: 201 });\n",
		"src/worker.js": "exports.handle = async () => {};\n",
	})

	t.Run("root", func(t *testing.T) {
		got := scan(t, sls, walk.Options{}, extract.Vars{})
		checkGolden(t, "serverless-package", got)
		f := byName(t, got, "createOrder")
		if f.File != "orders.zip!/handler.js" || f.HandlerStatus != model.HandlerResolved {
			t.Errorf("createOrder handler = %q (%s), want it resolved inside the zip", f.File, f.HandlerStatus)
		}
	})
	t.Run("parent", func(t *testing.T) {
		got := scan(t, dir, walk.Options{NoDefaultSkips: true}, extract.Vars{})
		checkGolden(t, "serverless-package-parent", got)
	})
}

func writeZip(t *testing.T, p string, files map[string]string) {
	t.Helper()
	fh, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(fh)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
}

func byName(t *testing.T, r scanResult, name string) *model.Function {
	t.Helper()
	for _, f := range r.Functions {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("no function %q among %d", name, len(r.Functions))
	return nil
}

// TestKeyFacts spells out, per fixture, the facts the goldens exist to
// protect, so a golden rewritten by mistake cannot hide a regression.
func TestKeyFacts(t *testing.T) {
	fixture := func(dir string) scanResult {
		return scan(t, filepath.Join("testdata", "fixtures", dir), walk.Options{}, extract.Vars{})
	}
	sam := fixture("sam-app")
	cfn := fixture("cfn-json")
	wiring := fixture("cfn-wiring")
	missing := fixture("missing-code")
	type fact struct {
		name string
		got  any
		want any
	}
	origins := func(f *model.Function) []string {
		var out []string
		for _, s := range f.Statements {
			out = append(out, s.Origin)
		}
		return out
	}
	facts := []fact{
		{"default cognito authorizer", byName(t, sam, "ListOrders").Auth, "cognito"},
		{"Auth NONE opts out", byName(t, sam, "Health").Triggers[0].Public, true},
		{"function URL NONE is public", byName(t, sam, "Health").Triggers[1].Type + "/" + byName(t, sam, "Health").Triggers[1].Auth, "url/none"},
		{"globals env overridden", byName(t, sam, "Health").Environment[2].Value, "debug"},
		{"jwt route", byName(t, sam, "Webhook").Triggers[1].Auth, "jwt"},
		{"weakest auth wins", byName(t, sam, "Webhook").Auth, "none"},
		{"role ref", byName(t, sam, "Processor").Role, "ProcessorRole"},
		{"role statements", origins(byName(t, sam, "Processor")), []string{"role:ProcessorRole", "role:ProcessorRole", "inline-policy:ProcessorNotify"}},
		{"generated role", byName(t, sam, "Webhook").Role, "function"},
		{"unknown policy template unresolved", byName(t, sam, "Webhook").Statements[5].Resolved, false},
		{"sam manifest", sam.Manifests[0].Kind, "sam"},
		{"admin managed policy", byName(t, cfn, "ReportFunction").ManagedPolicies[0].ARN, "arn:aws:iam::aws:policy/AdministratorAccess"},
		{"principal * is public", byName(t, cfn, "ReportFunction").Public, true},
		{"scoped permission not public", byName(t, cfn, "ExportFunction").Public, false},
		{"inline ZipFile is external", byName(t, cfn, "ReportFunction").HandlerStatus, model.HandlerExternal},
		{"cloudformation manifest", cfn.Manifests[0].Kind, "cloudformation"},
		{"rest path rebuilt", byName(t, wiring, "ApiFunction").Triggers[0].Details["path"], "/items/{id}"},
		{"attached by role name", origins(byName(t, wiring, "ApiFunction")), []string{"inline-policy:ApiRolePolicy"}},
		{"missing code dir", byName(t, missing, "Missing").HandlerStatus, model.HandlerMissing},
		{"image package", byName(t, missing, "Container").Package.Image, "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest"},
	}
	for _, f := range facts {
		if diff := cmp.Diff(f.want, f.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", f.name, diff)
		}
	}
}
