package source

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/cladsec/clad/internal/walk"
)

func openTree(t *testing.T, dir string) *walk.Tree {
	t.Helper()
	tree, err := walk.Open(context.Background(), dir, walk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func TestResolveImport(t *testing.T) {
	tree := openTree(t, "testdata/reach")
	tests := []struct {
		name, from, codeDir string
		imp                 Import
		want                string
	}{
		{"js exact with extension", "node/handler.js", "node", Import{Spec: "./config.json"}, "node/config.json"},
		{"js added extension", "node/handler.js", "node", Import{Spec: "./lib/db"}, "node/lib/db.js"},
		{"js directory index", "node/handler.js", "node", Import{Spec: "./lib"}, "node/lib/index.js"},
		{"js directory index trailing slash", "node/handler.js", "node", Import{Spec: "./lib/"}, "node/lib/index.js"},
		{"js parent outside code dir", "node/handler.js", "node", Import{Spec: "../shared/util"}, "shared/util.js"},
		{"js dot is the index", "node/lib/db.js", "node", Import{Spec: "."}, "node/lib/index.js"},
		{"js missing", "node/handler.js", "node", Import{Spec: "./missing"}, ""},
		{"js above the root", "node/handler.js", "node", Import{Spec: "../../../etc/passwd"}, ""},
		{"js absolute path", "node/handler.js", "node", Import{Spec: "/etc/passwd"}, ""},
		{"js package is not local", "node/handler.js", "node", Import{Spec: "aws-sdk"}, ""},
		{"ts .js spec names .ts source", "ts/src/handler.ts", "ts", Import{Spec: "./service.js"}, "ts/src/service.ts"},
		{"ts extensionless", "ts/src/service.ts", "ts", Import{Spec: "./handler"}, "ts/src/handler.ts"},
		{"tsx index", "ts/src/handler.ts", "ts", Import{Spec: "./components"}, "ts/src/components/index.tsx"},
		{"py relative from package", "python/app/handler.py", "python", Import{Spec: ".models", Name: "User"}, "python/app/models.py"},
		{"py relative submodule package", "python/app/handler.py", "python", Import{Spec: ".", Name: "views"}, "python/app/views/__init__.py"},
		{"py relative name from package init", "python/app/models.py", "python", Import{Spec: ".", Name: "nothing_here"}, "python/app/__init__.py"},
		{"py double dot", "python/app/views/__init__.py", "python", Import{Spec: "..models", Name: "User"}, "python/app/models.py"},
		{"py relative above the root", "python/app/handler.py", "python", Import{Spec: "....x"}, ""},
		{"py absolute from code root", "python/app/handler.py", "python", Import{Spec: "utils.helpers"}, "python/utils/helpers.py"},
		{"py absolute package", "python/app/handler.py", "python", Import{Spec: "utils"}, "python/utils/__init__.py"},
		{"py absolute from own dir", "python/app/models.py", "python", Import{Spec: "db"}, "python/app/db.py"},
		{"py from pkg import submodule", "pyflat/main.py", "pyflat", Import{Spec: "routers", Name: "users"}, "pyflat/routers/users.py"},
		{"py from module import name", "pyflat/lambda_function.py", "pyflat", Import{Spec: "main", Name: "app"}, "pyflat/main.py"},
		{"py code dir with ./", "pyflat/routers/users.py", "./pyflat/", Import{Spec: "settings", Name: "DEBUG"}, "pyflat/settings.py"},
		{"py missing", "python/app/handler.py", "python", Import{Spec: "missing_module", Name: "nothing"}, ""},
		{"py not above code dir", "python/app/handler.py", "python/app", Import{Spec: "utils.helpers"}, ""},
		{"go has no file imports", "go/cmd/fn/main.go", "go", Import{Spec: "context"}, ""},
		{"empty spec", "node/handler.js", "node", Import{}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ResolveImport(tree, tc.from, tc.codeDir, tc.imp)
			if got != tc.want || ok != (tc.want != "") {
				t.Errorf("ResolveImport(%s, %+v) = %q, %v; want %q", tc.from, tc.imp, got, ok, tc.want)
			}
		})
	}
	if _, ok := ResolveImport(nil, "a.js", "", Import{Spec: "./b"}); ok {
		t.Error("a nil tree resolves nothing")
	}
}

// Deployment packages are read in place: imports resolve inside the archive
// and never climb out of it.
func TestResolveImportInArchive(t *testing.T) {
	dir := t.TempDir()
	writeZip(t, filepath.Join(dir, "fn.zip"), map[string]string{
		"handler.js":      "const db = require('./lib/db');\nconst up = require('../outside');\n",
		"lib/db.js":       "module.exports = {};\n",
		"index.js":        "module.exports = require('./handler');\n",
		"app/handler.py":  "from .models import M\nimport shared\n",
		"app/models.py":   "M = 1\n",
		"app/__init__.py": "",
		"shared.py":       "",
	})
	if err := os.WriteFile(filepath.Join(dir, "outside.js"), []byte("x = 1;\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tree := openTree(t, dir)
	root := "fn.zip" + walk.ArchiveSep
	tests := []struct {
		from, codeDir string
		imp           Import
		want          string
	}{
		{root + "handler.js", root, Import{Spec: "./lib/db"}, root + "lib/db.js"},
		{root + "handler.js", root, Import{Spec: "../outside"}, ""},
		{root + "lib/db.js", root, Import{Spec: ".."}, root + "index.js"},
		{root + "app/handler.py", root, Import{Spec: ".models", Name: "M"}, root + "app/models.py"},
		{root + "app/handler.py", root, Import{Spec: "shared"}, root + "shared.py"},
		{root + "app/handler.py", root, Import{Spec: "..x"}, ""},
	}
	for _, tc := range tests {
		got, _ := ResolveImport(tree, tc.from, tc.codeDir, tc.imp)
		if got != tc.want {
			t.Errorf("ResolveImport(%s, %+v) = %q, want %q", tc.from, tc.imp, got, tc.want)
		}
	}
	reach := Reach(tree, root+"app/handler.py", root, 0)
	want := []string{root + "app/handler.py", root + "app/__init__.py", root + "app/models.py", root + "shared.py"}
	if !equalStrings(reach, want) {
		t.Errorf("Reach in archive = %v, want %v", reach, want)
	}
}

func writeZip(t *testing.T, name string, files map[string]string) {
	t.Helper()
	out, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(out)
	for p, body := range files {
		w, err := zw.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestJoinRelAndDirOf(t *testing.T) {
	dirs := map[string]string{
		"a/b/c.js": "a/b", "c.js": "", "x.zip!/h.js": "x.zip!/", "x.zip!/a/h.js": "x.zip!/a",
		"x.zip!/": "", "d/x.zip!/": "d",
	}
	for p, want := range dirs {
		if got := dirOf(p); got != want {
			t.Errorf("dirOf(%q) = %q, want %q", p, got, want)
		}
	}
	joins := []struct{ dir, rel, want string }{
		{"a/b", "../c", "a/c"}, {"", "./x", "x"}, {"a", "..", ""}, {"", "..", "!"},
		{"x.zip!/", "lib/db", "x.zip!/lib/db"}, {"x.zip!/a", "..", "x.zip!/"}, {"x.zip!/", "../y", "!"},
	}
	for _, j := range joins {
		got, ok := joinRel(j.dir, j.rel)
		if (j.want == "!") == ok || (ok && got != j.want) {
			t.Errorf("joinRel(%q, %q) = %q, %v; want %q", j.dir, j.rel, got, ok, j.want)
		}
	}
}
