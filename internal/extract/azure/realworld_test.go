package azure

import (
	"strings"
	"testing"
)

// These cases come from trying clad on public Azure Functions apps.

// TestHostJSONInsideFunctionFolder: a stray host.json in a function folder
// does not make a second app nor drop the function.
func TestHostJSONInsideFunctionFolder(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"host.json":       `{"version": "2.0"}`,
		"a/function.json": `{"scriptFile": "__init__.py", "bindings": [{"type": "queueTrigger", "direction": "in", "name": "m", "queueName": "q"}]}`,
		"a/__init__.py":   "def main(m):\n    pass\n",
		"b/function.json": `{"scriptFile": "__init__.py", "bindings": [{"type": "blobTrigger", "direction": "in", "name": "b", "path": "in/{name}"}]}`,
		"b/host.json":     `{"version": "2.0"}`,
		"b/__init__.py":   "def main(b):\n    pass\n",
	})
	res, errs := run(t, dir)
	if len(errs) != 0 || len(res.Functions) != 2 || len(res.Manifests) != 1 {
		t.Fatalf("errs %v, functions %d, manifests %+v", errs, len(res.Functions), res.Manifests)
	}
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Message, "host.json inside the function folder") {
		t.Errorf("problems = %+v", res.Problems)
	}
}

// TestCustomHandlerWithoutLocalSettings: host.json alone says the app is a
// custom handler (local.settings.json is rarely committed), and an
// interpreter's worker file or module is the code.
func TestCustomHandlerWithoutLocalSettings(t *testing.T) {
	fn := `{"bindings": [{"type": "httpTrigger", "direction": "in", "authLevel": "anonymous", "name": "req", "methods": ["get"]}]}`
	cases := []struct {
		name, host, file string
		files            map[string]string
	}{
		{"go binary", `{"version": "2.0", "customHandler": {"description": {"defaultExecutablePath": "server"}}}`, "main.go", map[string]string{"main.go": "package main\nfunc main() {}\n"}},
		{"node worker", `{"version": "2.0", "httpWorker": {"description": {"defaultExecutablePath": "node", "defaultWorkerPath": "worker/index.js"}}}`, "worker/index.js", map[string]string{"worker/index.js": "require('http')\n"}},
		{"python module", `{"version": "2.0", "customHandler": {"description": {"defaultExecutablePath": "python", "arguments": ["-m", "uvicorn", "--port", "8000", "handler:app"]}}}`, "handler.py", map[string]string{"handler.py": "app = None\n"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"host.json": c.host, "hello/function.json": fn}
			for k, v := range c.files {
				files[k] = v
			}
			res, errs := run(t, writeTree(t, files))
			if len(errs) != 0 || len(res.Functions) != 1 {
				t.Fatalf("errs %v, functions %+v", errs, res.Functions)
			}
			f := res.Functions[0]
			if f.Runtime != "custom" || f.File != c.file || f.HandlerStatus != "resolved" {
				t.Errorf("runtime %q file %q status %q", f.Runtime, f.File, f.HandlerStatus)
			}
		})
	}
}
