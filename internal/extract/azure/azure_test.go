package azure

import (
	"archive/zip"
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

// run walks root and runs the extractor on every file it asks for, the way
// the scan does. Extract errors are returned, not fatal.
func run(t *testing.T, root string) (*extract.Result, []error) {
	t.Helper()
	tree, err := walk.Open(context.Background(), root, walk.Options{NoDefaultSkips: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tree.Close() })
	x := New()
	out := &extract.Result{}
	var errs []error
	for _, f := range tree.Files {
		if !x.FileRequired(f.Path) {
			continue
		}
		if err := x.Extract(context.Background(), &extract.Input{Tree: tree, File: f}, out); err != nil {
			errs = append(errs, err)
		}
	}
	return out, errs
}

// writeTree creates files (slash paths → content) under a temporary root.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, content := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestGolden(t *testing.T) {
	for _, name := range []string{"node-app", "python-app", "monorepo",
		"code-model/py-v2", "code-model/py-anon", "code-model/py-asgi", "code-model/node-v4", "code-model/node-ts"} {
		t.Run(name, func(t *testing.T) {
			out, errs := run(t, filepath.Join("testdata", name))
			for _, err := range errs {
				t.Errorf("Extract: %v", err)
			}
			got, err := json.MarshalIndent(out, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "golden", strings.ReplaceAll(name, "/", "-")+".json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("result differs from %s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

func TestFileRequired(t *testing.T) {
	cases := []struct {
		path string
		want bool
	}{
		{"host.json", true},
		{"apps/orders/host.json", true},
		{"dist/site.zip!/host.json", true},
		{"node_modules/host.json", false},
		{"apps/x/node_modules/pkg/host.json", false},
		{"function.json", false},
		{"apps/x/function.json", false},
		{"local.settings.json", false},
		{"myhost.json", false},
		{"Host.json.bak", false},
	}
	x := New()
	for _, c := range cases {
		if got := x.FileRequired(c.path); got != c.want {
			t.Errorf("FileRequired(%q) = %v, want %v", c.path, got, c.want)
		}
	}
	if x.Name() != "azure" {
		t.Errorf("Name() = %q", x.Name())
	}
}

func TestExtractHostJSON(t *testing.T) {
	fn := `{"bindings":[{"type":"httpTrigger","direction":"in","authLevel":"anonymous"}]}`
	cases := []struct {
		name      string
		host      string
		wantErr   string
		wantFuncs int
		wantMan   int
	}{
		{"broken host.json is an error", "{\"version\": \"2.0\",,}", "host.json", 0, 0},
		{"binary host.json is an error", "\x00\x01", "binary", 0, 0},
		{"array host.json beside a function dir is still an app", "[1, 2]", "", 1, 1},
		{"empty host.json with a function is an app", "{}", "", 1, 1},
		{"version 1 host.json", `{"http": {"routePrefix": "v0"}}`, "", 1, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := writeTree(t, map[string]string{"host.json": c.host, "hello/function.json": fn, "hello/index.js": "x"})
			out, errs := run(t, root)
			if c.wantErr != "" {
				if len(errs) != 1 || !strings.Contains(errs[0].Error(), c.wantErr) {
					t.Fatalf("errors = %v, want one mentioning %q", errs, c.wantErr)
				}
				return
			}
			if len(errs) > 0 {
				t.Fatalf("errors = %v", errs)
			}
			if len(out.Functions) != c.wantFuncs || len(out.Manifests) != c.wantMan {
				t.Errorf("functions = %d, manifests = %d; want %d, %d", len(out.Functions), len(out.Manifests), c.wantFuncs, c.wantMan)
			}
		})
	}
}

func TestExtractNotAnApp(t *testing.T) {
	root := writeTree(t, map[string]string{
		"tools/host.json":       `{"name": "dev-proxy"}`,
		"other/host.json":       `[1, 2, 3]`,
		"orphan/function.json":  `{"bindings":[{"type":"httpTrigger","direction":"in"}]}`,
		"orphan/index.js":       "x",
		"tools/sub/readme.json": "{}",
	})
	out, errs := run(t, root)
	if len(errs) > 0 || len(out.Functions) > 0 || len(out.Manifests) > 0 || len(out.Problems) > 0 {
		t.Errorf("got %+v, %v; want nothing", out, errs)
	}
}

func TestRoutePrefixVersion1(t *testing.T) {
	root := writeTree(t, map[string]string{
		"host.json":           `{"http": {"routePrefix": "/v0/"}}`,
		"hello/function.json": `{"bindings":[{"type":"httpTrigger","direction":"in","route":"greet"}]}`,
	})
	out, _ := run(t, root)
	if len(out.Functions) != 1 {
		t.Fatalf("functions = %d", len(out.Functions))
	}
	if got := out.Functions[0].Triggers[0].Details["route"]; got != "/v0/greet" {
		t.Errorf("route = %q, want /v0/greet", got)
	}
}

func TestExtractArchive(t *testing.T) {
	files := map[string]string{
		"host.json":           `{"version": "2.0"}`,
		"hello/function.json": `{"bindings":[{"type":"httpTrigger","direction":"in","authLevel":"anonymous"}]}`,
		"hello/index.js":      "module.exports = async () => {};",
	}
	dir := t.TempDir()
	zipPath := filepath.Join(dir, "pkg", "site.zip")
	writeZip(t, zipPath, files)
	cases := []struct {
		name, root, wantFile string
	}{
		{"zip as the scan root", zipPath, "hello/index.js"},
		{"zip inside the scanned directory", dir, "pkg/site.zip!/hello/index.js"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errs := run(t, c.root)
			if len(errs) > 0 || len(out.Functions) != 1 {
				t.Fatalf("errors %v, functions %d", errs, len(out.Functions))
			}
			fn := out.Functions[0]
			if fn.ID != "site/hello" || fn.File != c.wantFile || fn.HandlerStatus != model.HandlerResolved || !fn.Public {
				t.Errorf("function = %+v", fn)
			}
		})
	}
}

func writeZip(t *testing.T, p string, files map[string]string) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestExtractHonoursContext(t *testing.T) {
	root := writeTree(t, map[string]string{
		"host.json":           `{"version": "2.0"}`,
		"hello/function.json": `{"bindings":[]}`,
	})
	tree, err := walk.Open(context.Background(), root, walk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, _ := tree.Lookup("host.json")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := New().Extract(ctx, &extract.Input{Tree: tree, File: f}, &extract.Result{}); err == nil {
		t.Error("Extract with a cancelled context returned nil")
	}
}
