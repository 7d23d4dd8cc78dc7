package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReach(t *testing.T) {
	tree := openTree(t, "testdata/reach")
	tests := []struct {
		name, entry, codeDir string
		max                  int
		want                 []string
	}{
		{
			name:  "node cycles, index files, json, outside code dir, missing import",
			entry: "node/handler.js", codeDir: "node",
			want: []string{"node/handler.js", "node/config.json", "node/lib/db.js", "node/lib/index.js", "shared/util.js"},
		},
		{
			name:  "typescript .js specifiers, tsx index, type-only import skipped, cycle",
			entry: "ts/src/handler.ts", codeDir: "ts",
			want: []string{"ts/src/handler.ts", "ts/src/components/index.tsx", "ts/src/service.ts"},
		},
		{
			name:  "python packages, package inits, cycle, missing module",
			entry: "python/app/handler.py", codeDir: "python",
			want: []string{
				"python/app/handler.py", "python/app/__init__.py", "python/app/db.py", "python/app/models.py",
				"python/app/views/__init__.py", "python/utils/__init__.py", "python/utils/helpers.py",
			},
		},
		{
			name:  "python flat layout with a namespace package",
			entry: "pyflat/lambda_function.py", codeDir: "pyflat",
			want: []string{"pyflat/lambda_function.py", "pyflat/main.py", "pyflat/routers/users.py", "pyflat/settings.py"},
		},
		{
			name:  "go package files, tests and subpackages left out",
			entry: "go/cmd/fn/main.go", codeDir: "go",
			want: []string{"go/cmd/fn/main.go", "go/cmd/fn/handler.go"},
		},
		{
			name:  "syntax errors still yield the imports around them",
			entry: "broken/handler.js", codeDir: "broken",
			want: []string{"broken/handler.js", "broken/later.js", "broken/ok.js"},
		},
		{
			name:  "file budget",
			entry: "node/handler.js", codeDir: "node", max: 2,
			want: []string{"node/handler.js", "node/lib/db.js"},
		},
		{
			name:  "missing entry",
			entry: "node/nope.js", codeDir: "node",
			want: nil,
		},
		{
			name:  "entry of an unsupported language",
			entry: "node/config.json", codeDir: "node",
			want: []string{"node/config.json"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Reach(tree, tc.entry, tc.codeDir, tc.max)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Reach(%s) (-want +got):\n%s", tc.entry, diff)
			}
		})
	}
}

// Hostile files in the tree are reached but not followed, and never stop
// the walk.
func TestReachHostileFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"entry.js":  []byte("require('./bin');\nrequire('./latin1');\nrequire('./big');\nrequire('./ok');\n"),
		"bin.js":    []byte("\x7fELF\x00\x00require('./never')"),
		"latin1.js": []byte("// caf\xe9\nrequire('./never');\n"),
		"big.js":    []byte("require('./never');\n" + strings.Repeat("//", 3<<19)),
		"ok.js":     []byte("exports.ok = 1;\n"),
		"never.js":  []byte("exports.never = 1;\n"),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	got := Reach(openTree(t, dir), "entry.js", "", 0)
	want := []string{"entry.js", "big.js", "bin.js", "latin1.js", "ok.js"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Reach (-want +got):\n%s", diff)
	}
}
