package azure

import (
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
