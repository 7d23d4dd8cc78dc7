package packagejson

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/deps/npm/npmtest"
	"github.com/cladsec/clad/internal/walk"
)

// Every package.json of the fixture tree: bare ones become declared-only
// lockfiles, the ones a lockfile, workspace root or node_modules governs
// are left alone (<nil>), a broken one is an error with its line.
func TestGolden(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/tree")); err != nil {
		t.Fatal(err)
	}
	npmtest.WriteFiles(t, dir, map[string]string{"installed/node_modules/uuid/package.json": `{"name": "uuid", "version": "8.3.2"}`})
	tree := npmtest.Tree(t, dir, walk.Options{NoDefaultSkips: true})
	p := New()
	var out strings.Builder
	for _, f := range tree.Files {
		if !p.FileRequired(f.Path) {
			continue
		}
		out.WriteString("== " + f.Path + "\n")
		l, err := p.Parse(context.Background(), tree, f.Path)
		if err != nil {
			out.WriteString("error: " + err.Error() + "\n")
			continue
		}
		if err := npmtest.Check(l); err != nil {
			t.Error(err)
		}
		out.WriteString(npmtest.Render(l))
	}
	npmtest.Golden(t, "testdata/tree.golden", out.String())
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"dependencies": {"a": "^1", "b": "npm:c@2"}, "devDependencies": {"a": "1"}}`))
	f.Add([]byte(`{"workspaces": ["p/*"], "licenses": [{"type": "MIT"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		npmtest.WriteFiles(t, dir, map[string]string{"package.json": string(data)})
		tree := npmtest.Tree(t, dir, walk.Options{})
		l, err := New().Parse(context.Background(), tree, "package.json")
		if err != nil {
			return
		}
		if err := npmtest.Check(l); err != nil {
			t.Fatal(err)
		}
	})
}
