package handler

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

func tree(t *testing.T, files ...string) *walk.Tree {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tr, err := walk.Open(context.Background(), dir, walk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestResolve(t *testing.T) {
	tr := tree(t,
		"svc/src/orders.js", "svc/src/ts/create.ts", "svc/esm/h.mjs", "svc/lib/index.js",
		"py/src/pkg/app.py", "py/lambda_function.py",
		"go/hello/main.go", "go2/cmd/world/main.go", "custom/bootstrap",
		"java/src/main/java/com/example/Handler.java", "rb/handler.rb",
		"tsapp/src/api/users.ts",
		"pyidx/api/index.py", "gotodo/todos/create/main.go", "gotodo/todos/list/main.go",
	)
	cases := []struct {
		name, dir, runtime, handler string
		file, symbol, status        string
	}{
		{"node js", "svc", "nodejs20.x", "src/orders.create", "svc/src/orders.js", "create", model.HandlerResolved},
		{"node ts", "svc", "nodejs18.x", "src/ts/create.main", "svc/src/ts/create.ts", "main", model.HandlerResolved},
		{"node mjs", "svc", "nodejs20.x", "esm/h.handler", "svc/esm/h.mjs", "handler", model.HandlerResolved},
		{"node nested symbol", "svc", "nodejs20.x", "src/orders.handlers.create", "svc/src/orders.js", "handlers.create", model.HandlerResolved},
		{"node dir index", "svc", "nodejs20.x", "lib.handler", "svc/lib/index.js", "handler", model.HandlerResolved},
		{"node dot slash", "svc", "nodejs20.x", "./src/orders.create", "svc/src/orders.js", "create", model.HandlerResolved},
		{"node missing", "svc", "nodejs20.x", "src/report.handler", "", "handler", model.HandlerMissing},
		{"node no symbol", "svc", "nodejs20.x", "src/orders", "", "", model.HandlerMissing},
		{"python slash", "py", "python3.12", "src/pkg/app.main", "py/src/pkg/app.py", "main", model.HandlerResolved},
		{"python dotted", "py", "python3.12", "src.pkg.app.main", "py/src/pkg/app.py", "main", model.HandlerResolved},
		{"python console default", "py", "python3.9", "lambda_function.lambda_handler", "py/lambda_function.py", "lambda_handler", model.HandlerResolved},
		{"python missing", "py", "python3.12", "nope.main", "", "main", model.HandlerMissing},
		{"go1.x binary name", "go", "go1.x", "bin/hello", "go/hello/main.go", "main", model.HandlerResolved},
		{"go cmd layout", "go2", "provided.al2", "bin/world", "go2/cmd/world/main.go", "main", model.HandlerResolved},
		{"go not built here", "svc", "go1.x", "bin/other", "", "", model.HandlerExternal},
		{"custom bootstrap file", "custom", "provided.al2023", "bootstrap", "custom/bootstrap", "", model.HandlerResolved},
		{"java", "java", "java21", "com.example.Handler::handleRequest", "java/src/main/java/com/example/Handler.java", "handleRequest", model.HandlerResolved},
		{"java jar only", "svc", "java17", "com.example.Other::handle", "", "handle", model.HandlerExternal},
		{"built ts maps to source", "tsapp", "nodejs20.x", "dist/api/users.list", "tsapp/src/api/users.ts", "list", model.HandlerResolved},
		{"built ts with src in path", "tsapp", "nodejs20.x", ".build/src/api/users.list", "tsapp/src/api/users.ts", "list", model.HandlerResolved},
		{"build output not in tree is external", "svc", "nodejs20.x", "build/js/main.handler", "", "handler", model.HandlerExternal},
		{"python module named index", "pyidx", "python3.12", "api/index.handler", "pyidx/api/index.py", "handler", model.HandlerResolved},
		{"go main package in a nested dir", "gotodo", "go1.x", "bin/create", "gotodo/todos/create/main.go", "main", model.HandlerResolved},
		{"ruby", "rb", "ruby3.3", "handler.process", "rb/handler.rb", "process", model.HandlerResolved},
		{"dotnet", "svc", "dotnet8", "Asm::Ns.Fn::Handle", "", "", model.HandlerExternal},
		{"variable", "svc", "nodejs20.x", "${self:custom.handler}", "", "", model.HandlerUnresolved},
		{"empty", "svc", "nodejs20.x", "", "", "", model.HandlerUnresolved},
		{"unknown runtime guesses node", "svc", "", "src/orders.create", "svc/src/orders.js", "create", model.HandlerResolved},
		{"unknown runtime guesses python", "py", "${opt:rt}", "src/pkg/app.main", "py/src/pkg/app.py", "main", model.HandlerResolved},
		{"unknown runtime not found is not missing", "svc", "", "src/none.x", "", "", model.HandlerUnresolved},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Resolve(tr, c.dir, c.runtime, c.handler)
			if r.File != c.file || r.Symbol != c.symbol || r.Status != c.status {
				t.Errorf("Resolve(%q, %q, %q) = {%q %q %q}, want {%q %q %q}", c.dir, c.runtime, c.handler,
					r.File, r.Symbol, r.Status, c.file, c.symbol, c.status)
			}
		})
	}
}

func TestJoin(t *testing.T) {
	cases := []struct{ dir, rel, want string }{
		{"", "a/b.js", "a/b.js"},
		{".", "./a.js", "a.js"},
		{"svc", "../lib/x.js", "lib/x.js"},
		{"fn.zip!/", "index.js", "fn.zip!/index.js"},
		{"d/fn.zip!/src", "../x.js", "d/fn.zip!/x.js"},
	}
	for _, c := range cases {
		if got := Join(c.dir, c.rel); got != c.want {
			t.Errorf("Join(%q, %q) = %q, want %q", c.dir, c.rel, got, c.want)
		}
	}
}

func TestLang(t *testing.T) {
	for rt, want := range map[string]string{"nodejs20.x": "node", "python3.12": "python", "go1.x": "go", "java21": "java",
		"dotnet8": "dotnet", "ruby3.3": "ruby", "provided.al2023": "provided", "": "", "node": "node"} {
		if got := Lang(rt); got != want {
			t.Errorf("Lang(%q) = %q, want %q", rt, got, want)
		}
	}
}

func TestSymbol(t *testing.T) {
	cases := []struct{ provider, runtime, handler, want string }{
		{"aws", "nodejs20.x", "src/orders.create", "create"},
		{"aws", "nodejs20.x", "src/orders.handlers.create", "handlers.create"},
		{"aws", "python3.12", "pkg.app.main", "main"},
		{"aws", "python3.12", "src/pkg/app.main", "main"},
		{"aws", "go1.x", "bin/hello", "main"},
		{"aws", "java21", "com.example.Handler::handleRequest", "handleRequest"},
		{"aws", "", "src/orders.create", "create"},
		{"azure", "node", "index.js", "default"},
		{"azure", "nodejs18", "../lib/jobs.js#purgeCompleted", "purgeCompleted"},
		{"azure", "python3.11", "__init__.py", "main"},
		{"aws", "nodejs20.x", "noext", ""},
	}
	for _, c := range cases {
		if got := Symbol(c.provider, c.runtime, c.handler); got != c.want {
			t.Errorf("Symbol(%q, %q, %q) = %q, want %q", c.provider, c.runtime, c.handler, got, c.want)
		}
	}
}
