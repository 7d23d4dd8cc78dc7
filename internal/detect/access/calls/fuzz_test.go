package calls

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

func FuzzOverlap(f *testing.F) {
	f.Add("/api/*/x", "/api/y/*")
	f.Add("**", "")
	f.Fuzz(func(t *testing.T, a, b string) {
		if Overlap(a, b) != Overlap(b, a) {
			t.Fatalf("Overlap not symmetric for %q %q", a, b)
		}
		if len(a) <= maxGlob && !Overlap(a, a) {
			t.Fatalf("%q does not overlap itself", a)
		}
	})
}

// FuzzCalls runs the whole analysis over arbitrary handler source: it must
// never panic or loop.
func FuzzCalls(f *testing.F) {
	f.Add("const k = require('./k.json'); module.exports = async (c, r) => fetch(`${k.u}/api/x`, {headers: {'x-functions-key': k.f[r.a]}});", "import os, requests\nrequests.post(f\"{os.environ['B']}/api/x\", headers={'x-api-key': os.getenv('K')})\n")
	f.Add("a = a; b = b.c[d](e)`${`${f}`}`", "x = x\ny = x + y\n")
	f.Fuzz(func(t *testing.T, js, py string) {
		dir := t.TempDir()
		for name, body := range map[string]string{"f/index.js": js, "p/app.py": py, "k.json": `{"u": "https://a.azurewebsites.net", "f": {"x": "k"}}`} {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		tree, err := walk.Open(context.Background(), dir, walk.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer tree.Close()
		callee := &model.Function{ID: "a/x", Name: "x", Provider: model.Azure, Triggers: []model.Trigger{{Type: "httpTrigger", Auth: "function", Details: map[string]string{"route": "/api/x"}}}}
		js1 := &model.Function{ID: "a/f", Name: "f", Provider: model.Azure, HandlerStatus: model.HandlerResolved, Files: []string{"f/index.js", "k.json"}, CodeDir: "f"}
		py1 := &model.Function{ID: "a/p", Name: "p", Provider: model.AWS, HandlerStatus: model.HandlerResolved, Files: []string{"p/app.py"}, CodeDir: "p"}
		fd := New(tree, &model.Project{Functions: []*model.Function{callee, js1, py1}})
		defer fd.Close()
		_ = fd.Calls(js1)
		_ = fd.Calls(py1)
	})
}

// TestChainedValues evaluates a chain of constants each built from the
// one before three times over: memoisation and the step budget keep it
// linear (without them it takes 3^60 steps).
func TestChainedValues(t *testing.T) {
	var js, py strings.Builder
	js.WriteString("const a0 = process.env.X;\n")
	py.WriteString("import os\nimport requests\na0 = os.environ['X']\n")
	for i := 1; i < 60; i++ {
		fmt.Fprintf(&js, "const a%d = a%d + a%d + a%d;\n", i, i-1, i-1, i-1)
		fmt.Fprintf(&py, "a%d = a%d + a%d + a%d\n", i, i-1, i-1, i-1)
	}
	js.WriteString("module.exports = async (c, r) => { await fetch(a59 + '/api/x', { headers: { 'x-functions-key': a59 } }); };\n")
	py.WriteString("def main(req):\n    requests.post(a59 + '/api/x', headers={'x-functions-key': a59})\n")
	dir := t.TempDir()
	for name, body := range map[string]string{"f/index.js": js.String(), "p/__init__.py": py.String()} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tree, err := walk.Open(context.Background(), dir, walk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	callee := &model.Function{ID: "a/x", Name: "x", Provider: model.Azure, Triggers: []model.Trigger{{Type: "httpTrigger", Auth: "function", Details: map[string]string{"route": "/api/x"}}}}
	js1 := &model.Function{ID: "a/f", Name: "f", Provider: model.Azure, HandlerStatus: model.HandlerResolved, Files: []string{"f/index.js"}, CodeDir: "f"}
	py1 := &model.Function{ID: "a/p", Name: "p", Provider: model.Azure, HandlerStatus: model.HandlerResolved, Files: []string{"p/__init__.py"}, CodeDir: "p"}
	fd := New(tree, &model.Project{Functions: []*model.Function{callee, js1, py1}})
	defer fd.Close()
	for _, fn := range []*model.Function{js1, py1} {
		if got := fd.Calls(fn); len(got) != 1 {
			t.Errorf("%s: %d calls, want 1", fn.ID, len(got))
		}
	}
}
