package azure

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/walk"
)

// FuzzExtract feeds arbitrary function.json, host.json and
// local.settings.json bytes through the extractor: it must not panic, and a
// function.json either yields one function or one problem.
func FuzzExtract(f *testing.F) {
	host := []byte(`{"version": "2.0", "functionTimeout": "00:05:00"}`)
	settings := []byte(`{"Values": {"FUNCTIONS_WORKER_RUNTIME": "node", "K": "@Microsoft.KeyVault(SecretUri=x)"}}`)
	for _, fn := range []string{
		`{"bindings":[{"type":"httpTrigger","direction":"in","authLevel":"anonymous","methods":["get"],"route":"a/{b}"}]}`,
		`{"scriptFile":"../dist/a/index.js","entryPoint":"run","bindings":[{"type":"queueTrigger","direction":"in"}]}`,
		`{"Bindings":{"Type":"TimerTrigger","Direction":"IN","Schedule":"* * * * * *"}}`,
		`{"scriptFile":"bin/x.dll","bindings":"nope"}`,
		`{"bindings": [,]}`,
		`[]`,
		"",
		"\xff\xfe",
	} {
		f.Add([]byte(fn), host, settings)
	}
	f.Add([]byte(`{}`), []byte(`{"extensions":{"http":{"routePrefix":{}}},"functionTimeout":["x"]}`), []byte(`{"Values":[1]}`))
	root := f.TempDir() // reused: a worker runs its inputs one at a time
	f.Fuzz(func(t *testing.T, fn, host, settings []byte) {
		for p, data := range map[string][]byte{"host.json": host, "local.settings.json": settings, "fn/function.json": fn, "fn/index.js": []byte("x")} {
			full := filepath.Join(root, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		tree, err := walk.Open(context.Background(), root, walk.Options{})
		if err != nil {
			t.Fatal(err)
		}
		hf, _ := tree.Lookup("host.json")
		out := &extract.Result{}
		if err := New().Extract(context.Background(), &extract.Input{Tree: tree, File: hf}, out); err != nil {
			return // a broken host.json
		}
		fnProblems := 0
		for _, p := range out.Problems {
			if p.File == "fn/function.json" {
				fnProblems++
			}
		}
		if len(out.Functions)+fnProblems != 1 {
			t.Fatalf("functions %d, function.json problems %d; want exactly one of them", len(out.Functions), fnProblems)
		}
		for _, fn := range out.Functions {
			if fn.Triggers == nil || fn.Environment == nil || fn.Statements == nil || fn.HandlerStatus == "" {
				t.Fatalf("function has nil slices or no status: %+v", fn)
			}
		}
	})
}

// FuzzParseTimeSpan checks that time span parsing never panics and never
// returns a negative duration.
func FuzzParseTimeSpan(f *testing.F) {
	for _, s := range []string{"00:05:00", "1.02:03:04.5", "-1", "", "::", "9999999.23:59:59"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		secs, unlimited, err := parseTimeSpan(s)
		if secs < 0 || (err != nil && (secs != 0 || unlimited)) {
			t.Fatalf("parseTimeSpan(%q) = %d, %v, %v", s, secs, unlimited, err)
		}
	})
}

// FuzzCodeModel feeds arbitrary function_app.py, package.json and
// registration files through the code-defined models: nothing panics and
// every function has a trigger, a resolved handler and lines inside its file.
func FuzzCodeModel(f *testing.F) {
	f.Add([]byte("import azure.functions as func\nfrom bp import bp\napp = func.FunctionApp()\napp.register_functions(bp)\n@app.route('x')\ndef x(r): pass\n"),
		[]byte(`{"main": "src/*.js", "dependencies": {"@azure/functions": "^4"}}`),
		[]byte("const { app } = require('@azure/functions');\napp.http('a', { authLevel: 'anonymous', handler: h });\nfunction h() {}\n"))
	f.Add([]byte("app = func.AsgiFunctionApp(app=web, http_auth_level='ANONYMOUS')\n"), []byte(`{"main": 5}`), []byte("import { app } from '@azure/functions'; app.get(`x`, x); app.generic('g', {trigger: {type: 'q'}})"))
	f.Add([]byte("@app.route(\n"), []byte("[]"), []byte("\xff"))
	root := f.TempDir()
	f.Fuzz(func(t *testing.T, py, pkg, js []byte) {
		files := map[string][]byte{"host.json": []byte(`{"version": "2.0"}`), "function_app.py": py, "bp.py": py, "package.json": pkg, "src/a.js": js}
		for p, data := range files {
			full := filepath.Join(root, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		tree, err := walk.Open(context.Background(), root, walk.Options{})
		if err != nil {
			t.Fatal(err)
		}
		hf, _ := tree.Lookup("host.json")
		out := &extract.Result{}
		if err := New().Extract(context.Background(), &extract.Input{Tree: tree, File: hf}, out); err != nil {
			t.Fatalf("Extract: %v", err)
		}
		for _, fn := range out.Functions {
			src := files[fn.File]
			if fn.File == "" || len(fn.Triggers) != 1 || fn.HandlerStatus != "resolved" ||
				fn.HandlerLine < 1 || fn.HandlerLine > bytes.Count(src, []byte("\n"))+1 {
				t.Fatalf("bad function %+v", fn)
			}
		}
	})
}
