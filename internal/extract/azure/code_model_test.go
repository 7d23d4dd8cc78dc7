package azure

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/source"
)

// fnSummary is what the code-model tests compare of a function.
type fnSummary struct {
	ID, Handler, File string
	Line              int
	Trigger, Auth     string
	Public            bool
}

func summarise(t *testing.T, root string) ([]fnSummary, []string) {
	t.Helper()
	res, errs := run(t, root)
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	var fns []fnSummary
	for _, f := range res.Functions {
		typ := ""
		if len(f.Triggers) > 0 {
			typ = f.Triggers[0].Type
		}
		fns = append(fns, fnSummary{f.ID, f.Handler, f.File, f.HandlerLine, typ, f.Auth, f.Public})
	}
	var probs []string
	for _, p := range res.Problems {
		probs = append(probs, p.Level+" "+p.File+": "+p.Message)
	}
	return fns, probs
}

const hostV2 = `{"version": "2.0"}`

func TestCodeModelApps(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		fns   []fnSummary
		probs []string // substrings, in order
	}{
		{"node v3 app is the function.json model", map[string]string{
			"host.json":    hostV2,
			"package.json": `{"main": "index.js", "dependencies": {"@azure/functions": "^3.5.0"}}`,
			"index.js":     "const { app } = require('@azure/functions');\napp.http('x', { handler: () => 1 });\n",
		}, nil, nil},
		{"node main matching nothing is reported", map[string]string{
			"host.json":    hostV2,
			"package.json": `{"main": "dist/src/functions/*.js", "dependencies": {"@azure/functions": "^4.0.0"}}`,
		}, nil, []string{`warning package.json: package.json main "dist/src/functions/*.js" matches no file (looked for dist/src/functions/*.js, dist/src/functions/*.ts, src/functions/*.ts)`,
			"warning host.json: this app uses the Node.js v4 programming model but clad found no function"}},
		{"node index importing its functions", map[string]string{
			"host.json":             hostV2,
			"package.json":          `{"main": "src/index.js", "dependencies": {"@azure/functions": "4.x"}}`,
			"src/index.js":          "require('./functions/ping');\n",
			"src/functions/ping.js": "const { app } = require('@azure/functions');\n\napp.get('ping', async () => ({ body: 'pong' }));\n",
		}, []fnSummary{{"app/ping", "src/functions/ping.js#(inline)", "src/functions/ping.js", 3, "httpTrigger", "function", false}}, nil},
		{"node build output present is used", map[string]string{
			"host.json":     hostV2,
			"package.json":  `{"main": "dist/index.js", "devDependencies": {"@azure/functions": "latest"}}`,
			"dist/index.js": "const func = require('@azure/functions');\nfunc.app.timer('t', { schedule: '0 0 * * * *', handler: run });\nfunction run() {}\n",
			"index.ts":      "import { app } from '@azure/functions';\napp.http('fromSource', { handler: () => ({}) });\n",
		}, []fnSummary{{"app/t", "dist/index.js#run", "dist/index.js", 3, "timerTrigger", "", false}}, nil},
		{"python script named by the app settings", map[string]string{
			"host.json":           hostV2,
			"local.settings.json": `{"Values": {"FUNCTIONS_WORKER_RUNTIME": "python", "PYTHON_SCRIPT_FILE_NAME": "main_app.py"}}`,
			"main_app.py":         "import azure.functions as func\napp = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)\n\n@app.route('ping')\ndef ping(req):\n    return 'pong'\n",
		}, []fnSummary{{"app/ping", "main_app.py#ping", "main_app.py", 5, "httpTrigger", "none", true}}, nil},
		{"python app without registered functions is reported", map[string]string{
			"host.json":       hostV2,
			"function_app.py": "import azure.functions as func\napp = func.FunctionApp()\n\ndef helper():\n    pass\n",
		}, nil, []string{"warning host.json: this app uses the Python v2 programming model but clad found no function"}},
		{"python binary script is a problem", map[string]string{
			"host.json":       hostV2,
			"function_app.py": "\x00\x01\x02",
		}, nil, []string{"error function_app.py: function code not parsed", "warning host.json: this app uses the Python v2"}},
		{"python duplicate function names keep the first", map[string]string{
			"host.json":       hostV2,
			"function_app.py": "import azure.functions as func\napp = func.FunctionApp()\n\n@app.function_name('dup')\n@app.route('a')\ndef a(req): pass\n\n@app.function_name('dup')\n@app.queue_trigger(arg_name='m', queue_name='q', connection='C')\ndef b(m): pass\n",
		}, []fnSummary{{"app/dup", "function_app.py#a", "function_app.py", 6, "httpTrigger", "function", false}},
			[]string{"warning function_app.py: function dup is declared more than once"}},
		{"wsgi app wrapping a flask app defined in the script", map[string]string{
			"host.json":       hostV2,
			"function_app.py": "import azure.functions as func\nfrom flask import Flask\n\nweb = Flask(__name__)\n\napp = func.WsgiFunctionApp(app=web.wsgi_app, http_auth_level=func.AuthLevel.FUNCTION)\n",
		}, []fnSummary{{"app/http_app_func", "function_app.py#web", "function_app.py", 4, "httpTrigger", "function", false}}, nil},
		{"decorators of another object are not functions", map[string]string{
			"host.json":       hostV2,
			"function_app.py": "import azure.functions as func\nfrom fastapi import FastAPI\napi = FastAPI()\napp = func.FunctionApp()\n\n@api.get('/x')\ndef x(): pass\n\n@app.schedule(schedule='0 * * * * *', arg_name='t')\ndef tick(t): pass\n",
		}, []fnSummary{{"app/tick", "function_app.py#tick", "function_app.py", 10, "timerTrigger", "", false}}, nil},
		{"function.json and code-defined functions together", map[string]string{
			"host.json":            hostV2,
			"legacy/function.json": `{"scriptFile": "__init__.py", "bindings": [{"type": "httpTrigger", "direction": "in", "authLevel": "anonymous"}]}`,
			"legacy/__init__.py":   "def main(req): pass\n",
			"function_app.py":      "import azure.functions as func\napp = func.FunctionApp()\n\n@app.route('legacy')\ndef legacy(req): pass\n\n@app.route('fresh')\ndef fresh(req): pass\n",
		}, []fnSummary{
			{"app/legacy", "__init__.py", "legacy/__init__.py", 0, "httpTrigger", "none", true},
			{"app/fresh", "function_app.py#fresh", "function_app.py", 8, "httpTrigger", "function", false},
		}, []string{"warning function_app.py: function legacy is declared more than once"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "app")
			for p, content := range c.files {
				writeFile(t, filepath.Join(dir, filepath.FromSlash(p)), content)
			}
			fns, probs := summarise(t, dir)
			if diff := cmp.Diff(c.fns, fns); diff != "" {
				t.Errorf("functions (-want +got):\n%s", diff)
			}
			if len(probs) != len(c.probs) {
				t.Fatalf("problems = %q, want %d", probs, len(c.probs))
			}
			for i, want := range c.probs {
				if !strings.Contains(probs[i], want) {
					t.Errorf("problem %d = %q, want it to contain %q", i, probs[i], want)
				}
			}
		})
	}
}

func TestCodeModelInArchive(t *testing.T) {
	dir := t.TempDir()
	writeZip(t, filepath.Join(dir, "site.zip"), map[string]string{
		"host.json":           hostV2,
		"function_app.py":     "import azure.functions as func\nfrom bps.hooks import bp\napp = func.FunctionApp()\napp.register_functions(bp)\n",
		"bps/__init__.py":     "",
		"bps/hooks.py":        "import azure.functions as func\nbp = func.Blueprint()\n\n@bp.route(route='hook', auth_level=func.AuthLevel.ANONYMOUS)\ndef hook(req): pass\n",
		"requirements.txt":    "azure-functions\n",
		"local.settings.json": `{"Values": {"FUNCTIONS_WORKER_RUNTIME": "python"}}`,
	})
	fns, probs := summarise(t, dir)
	want := []fnSummary{{"site/hook", "bps/hooks.py#hook", "site.zip!/bps/hooks.py", 5, "httpTrigger", "none", true}}
	if diff := cmp.Diff(want, fns); diff != "" || len(probs) != 0 {
		t.Errorf("functions (-want +got):\n%s\nproblems: %q", diff, probs)
	}
	if res, _ := run(t, dir); len(res.Functions) != 1 || res.Functions[0].CodeDir != "site.zip!/" {
		t.Errorf("CodeDir of the archived app: %+v", res.Functions)
	}
}

func TestIsV4(t *testing.T) {
	cases := map[string]bool{
		"^4.5.0": true, "~4.0": true, "4.x": true, ">=4.1.0": true, "5.0.0-beta": true, "latest": true, "*": true, "": true,
		"^3.5.0": false, "3.x": false, "~1.0": false, "v2": false,
	}
	for in, want := range cases {
		if got := isV4(in); got != want {
			t.Errorf("isV4(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestNodeMainPatterns(t *testing.T) {
	cases := map[string][]string{
		"src/functions/*.js":      {"src/functions/*.js", "src/functions/*.ts"},
		"dist/src/functions/*.js": {"dist/src/functions/*.js", "dist/src/functions/*.ts", "src/functions/*.ts"},
		"dist/index.mjs":          {"dist/index.mjs", "dist/index.mts", "index.mts", "src/index.mts"},
		"index.ts":                {"index.ts"},
		"out/{a,b}/*.cjs":         {"out/{a,b}/*.cjs", "out/{a,b}/*.cts", "{a,b}/*.cts", "src/{a,b}/*.cts"},
	}
	for in, want := range cases {
		if got := nodeMainPatterns(in); !cmp.Equal(got, want) {
			t.Errorf("nodeMainPatterns(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPyImportedObject(t *testing.T) {
	imports := map[string]source.AzurePyImport{
		"orders": {Module: "blueprints", Name: "orders"},
		"bp":     {Module: "blueprints.admin", Name: "bp"},
		"pkg":    {Module: "pkg"},
		"rel":    {Module: ".", Name: "bp"},
		"up":     {Module: "..shared", Name: "hooks"},
	}
	cases := []struct{ in, mod, obj string }{
		{"orders.bp", "blueprints.orders", "bp"},
		{"bp", "blueprints.admin", "bp"},
		{"pkg.sub.bp", "pkg.sub", "bp"},
		{"rel", ".", "bp"},
		{"up.bp", "..shared.hooks", "bp"},
		{"unknown", "", ""},
		{"pkg", "", ""},
	}
	for _, c := range cases {
		mod, obj, ok := pyImportedObject(imports, c.in)
		if mod != c.mod || obj != c.obj || ok != (c.mod != "") {
			t.Errorf("pyImportedObject(%q) = %q, %q, %v; want %q, %q", c.in, mod, obj, ok, c.mod, c.obj)
		}
	}
}

func TestPyTriggerType(t *testing.T) {
	cases := map[string]string{
		"route": "httpTrigger", "timer_trigger": "timerTrigger", "schedule": "timerTrigger",
		"queue_trigger": "queueTrigger", "blob_trigger": "blobTrigger",
		"service_bus_queue_trigger": "serviceBusTrigger", "service_bus_topic_trigger": "serviceBusTrigger",
		"event_hub_message_trigger": "eventHubTrigger", "cosmos_db_trigger": "cosmosDBTrigger",
		"event_grid_trigger": "eventGridTrigger", "kafka_trigger": "kafkaTrigger",
		"orchestration_trigger": "orchestrationTrigger", "dapr_topic_trigger": "daprTopicTrigger",
		"custom_thing_trigger": "customThingTrigger", "generic_trigger": "genericTrigger",
		"function_name": "", "queue_output": "", "blob_input": "", "_trigger": "",
	}
	for method, want := range cases {
		if got := pyTriggerType(&source.AzureCall{Method: method}); got != want {
			t.Errorf("pyTriggerType(%q) = %q, want %q", method, got, want)
		}
	}
	generic := &source.AzureCall{Method: "generic_trigger", Args: source.AzureValue{Fields: map[string]source.AzureValue{
		"type": {Kind: source.AzureString, Text: "httptrigger"}}}}
	if got := pyTriggerType(generic); got != "httpTrigger" {
		t.Errorf("generic_trigger(type=httptrigger) = %q", got)
	}
}

// writeFile writes content at p, creating its directory.
func writeFile(t *testing.T, p, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
