package entrypoints

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/walk"
)

// entryOf parses src as name and returns its first entry point as
// "symbol style params", or "".
func entryOf(t testing.TB, name, src string) string {
	t.Helper()
	f, err := source.Parse(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var es []Entry
	if f.Lang.IsJS() {
		es = jsEntries(f.Syntax(), f.Tree().RootNode())
	} else {
		es = pyEntries(f.Syntax(), f.Tree().RootNode())
	}
	if len(es) == 0 {
		return ""
	}
	return es[0].Symbol + " " + es[0].Style + " " + es[0].Params
}

func TestEntries(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"a.js", "exports.handler = async (event, context) => {}", "handler aws (event, context)"},
		{"a.js", "module.exports.handler = function (event, context, callback) {}", "handler aws (event, context, callback)"},
		{"a.js", "const h = async (event) => 1; module.exports = { handler: h }", "handler aws (event)"},
		{"a.js", "async function handler(evt, ctx) {}\nmodule.exports = { handler }", "handler aws (evt, ctx)"},
		{"a.js", "module.exports = async function (context, req) {}", "default azure (context, req)"},
		{"a.ts", "export const main = async (event: E, context: C): Promise<void> => {}", "main aws (event, context)"},
		{"a.ts", "export async function handler({ body }: E, _context: C) {}", "handler aws ({}, _context)"},
		{"a.ts", "const t: AzureFunction = async function (context: Context, req: HttpRequest) {};\nexport default t;", "default azure (context, req)"},
		{"a.js", "const app = express();\nexport const handler = serverless(app);", "handler aws (wrapped)"},
		{"a.js", "const base = async (event, context) => {};\nexport const handler = middy(base).use(x);", "handler aws (event, context)"},
		{"a.js", "function f() {}\nexport { f as handler };", ""},
		{"a.js", "exports.main = (argv) => argv", ""},
		{"a.js", "exports.handler = (req, res, next) => {}", ""},
		{"a.js", "exports.main = wrap(x)", ""},
		{"a.js", "module.exports = async (event, context) => {}", ""},
		{"a.py", "def lambda_handler(event, context):\n    pass\n", "lambda_handler aws (event, context)"},
		{"a.py", "@tracer.capture_lambda_handler\ndef handler(event: dict, context: LambdaContext) -> dict:\n    return {}\n", "handler aws (event, context)"},
		{"a.py", "import azure.functions as func\ndef main(req: func.HttpRequest) -> func.HttpResponse:\n    pass\n", "main azure (req)"},
		{"a.py", "def main(argv=None):\n    pass\n", ""},
		{"a.py", "class X:\n    def handler(self, event, context):\n        pass\n", ""},
	}
	for _, c := range cases {
		if got := entryOf(t, c.name, c.src); got != c.want {
			t.Errorf("%s %q: got %q, want %q", c.name, c.src, got, c.want)
		}
	}
}

func TestInScope(t *testing.T) {
	for p, want := range map[string]bool{
		"src/handler.js": true, "handler.py": true, "src/handler.test.js": false, "tests/x.py": false,
		"node_modules/a/index.js": false, "dist/handler.js": false, ".build/h.js": false, "test_app.py": false,
		"app.zip!/handler.js": false, "webpack.config.js": false, "jest.config.ts": false, "examples/a/handler.js": false,
		"src/proc.js": true, "lib/python3.11/site-packages/x/handler.py": false, "types/index.d.ts": false,
	} {
		if got := InScope(p); got != want {
			t.Errorf("InScope(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestSuggest(t *testing.T) {
	x := &Index{Entries: []Entry{
		{File: "other/report.js", Symbol: "handler", Style: StyleAWS},
		{File: "svc/src/reports/report.js", Symbol: "handler", Style: StyleAWS},
		{File: "svc/src/report2.js", Symbol: "handler", Style: StyleAWS},
	}}
	fn := &model.Function{Handler: "src/report.handler", CodeDir: "svc", HandlerStatus: model.HandlerMissing, Provider: model.AWS}
	e, ok := Suggest(x, fn)
	if !ok || e.File != "svc/src/reports/report.js" {
		t.Errorf("Suggest = %+v %v", e, ok)
	}
	fn.HandlerStatus = model.HandlerResolved
	if _, ok := Suggest(x, fn); ok {
		t.Error("a resolved function needs no suggestion")
	}
}

func TestScan(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a/handler.js":      "const u = require('./util');\nexports.handler = async (event, context) => u();",
		"a/util.js":         "module.exports = () => 1;",
		"a/f/function.json": `{"bindings": [{"type": "queueTrigger", "direction": "in"}]}`,
		"a/g/function.json": `{"bindings": [{"type": "http", "direction": "out"}]}`,
		"a/bad.js":          "exports.handler = (((",
		"a/bin.py":          "\x00\x01",
	}
	for name, body := range files {
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
	x, err := Scan(context.Background(), tree, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Entries) != 1 || x.Entries[0].File != "a/handler.js" || !x.Imported["a/util.js"] {
		t.Errorf("entries %+v imported %v", x.Entries, x.Imported)
	}
	if len(x.Azure) != 1 || x.Azure[0].File != "a/f/function.json" || x.Azure[0].Trigger != "queueTrigger" {
		t.Errorf("azure %+v", x.Azure)
	}
}

func FuzzEntries(f *testing.F) {
	f.Add("exports.handler = async (event, context) => {}", "def handler(event, context):\n  pass\n")
	f.Add("module.exports = x = y = module.exports", "def main(*a, **k): pass")
	f.Fuzz(func(t *testing.T, js, py string) {
		for name, src := range map[string]string{"a.ts": js, "a.py": py} {
			sf, err := source.Parse(name, []byte(src))
			if err != nil {
				continue
			}
			if sf.Lang.IsJS() {
				_ = jsEntries(sf.Syntax(), sf.Tree().RootNode())
			} else {
				_ = pyEntries(sf.Syntax(), sf.Tree().RootNode())
			}
			sf.Close()
		}
	})
}
