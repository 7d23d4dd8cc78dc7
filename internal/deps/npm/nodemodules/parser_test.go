package nodemodules

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/npm/npmtest"
	"github.com/cladsec/clad/internal/walk"
)

// parseAll runs the parser over every file it wants, like the scan does,
// and renders the lockfiles it returns.
func parseAll(t *testing.T, tree *walk.Tree) (string, []*deps.Lockfile) {
	t.Helper()
	p := New()
	var out strings.Builder
	var all []*deps.Lockfile
	for _, f := range tree.Files {
		if !p.FileRequired(f.Path) {
			continue
		}
		l, err := p.Parse(context.Background(), tree, f.Path)
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		if l == nil {
			continue
		}
		if err := npmtest.Check(l); err != nil {
			t.Error(err)
		}
		all = append(all, l)
		out.WriteString(npmtest.Render(l))
	}
	return out.String(), all
}

// In a deployment zip every installed package ships: one lockfile for the
// tree, all runtime, licenses from each manifest, nested duplicates kept
// apart, a broken manifest and a missing dependency reported as warnings.
func TestZip(t *testing.T) {
	dir := t.TempDir()
	npmtest.WriteZip(t, filepath.Join(dir, "fn.zip"), npmtest.ReadTxtar(t, "testdata/app.txtar"))
	out, all := parseAll(t, npmtest.Tree(t, dir, walk.Options{}))
	if len(all) != 1 {
		t.Fatalf("%d lockfiles, want 1", len(all))
	}
	npmtest.Golden(t, "testdata/zip.golden", out)
}

// On disk (walked with node_modules included) and without a lockfile, the
// app's package.json sections give the scopes.
func TestDiskWithoutLockfile(t *testing.T) {
	dir := t.TempDir()
	npmtest.WriteFiles(t, dir, npmtest.ReadTxtar(t, "testdata/app.txtar"))
	out, _ := parseAll(t, npmtest.Tree(t, dir, walk.Options{NoDefaultSkips: true}))
	npmtest.Golden(t, "testdata/disk.golden", out)
}

// On disk a lockfile beside node_modules governs it.
func TestDiskWithLockfile(t *testing.T) {
	dir := t.TempDir()
	files := npmtest.ReadTxtar(t, "testdata/app.txtar")
	files["package-lock.json"] = `{"lockfileVersion": 3, "packages": {}}`
	npmtest.WriteFiles(t, dir, files)
	if out, _ := parseAll(t, npmtest.Tree(t, dir, walk.Options{NoDefaultSkips: true})); out != "" {
		t.Fatalf("got a tree beside a lockfile:\n%s", out)
	}
}

func TestInstallLoc(t *testing.T) {
	for _, c := range []struct{ path, root, loc string }{
		{"node_modules/a/package.json", ".", "node_modules/a"},
		{"fn.zip!/node_modules/@s/b/package.json", "fn.zip!/", "node_modules/@s/b"},
		{"layer.zip!/nodejs/node_modules/a/node_modules/b/package.json", "layer.zip!/nodejs", "node_modules/a/node_modules/b"},
		{"svc/node_modules/.pnpm/a@1.0.0/node_modules/a/package.json", "svc", "node_modules/.pnpm/a@1.0.0/node_modules/a"},
		{"node_modules/a/dist/package.json", "", ""},
		{"node_modules/.bin/package.json", "", ""},
		{"node_modules/@s/package.json", "", ""},
		{"package.json", "", ""},
		{"my_node_modules/a/package.json", "", ""},
		{"node_modules/a/node_modules/package.json", "", ""},
	} {
		root, loc, ok := installLoc(c.path)
		if root != c.root || loc != c.loc || ok != (c.loc != "") {
			t.Errorf("installLoc(%q) = %q, %q, %v", c.path, root, loc, ok)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("node_modules/a/package.json", `{"name":"a","version":"1.0.0","dependencies":{"b":"^1"}}`)
	f.Add("x.zip/node_modules/@s/b/package.json", `{"version":"1","licenses":["MIT"]}`)
	f.Fuzz(func(t *testing.T, path, data string) {
		if _, _, ok := installLoc(path); !ok || strings.Contains(path, "..") || strings.Contains(path, "//") || strings.HasPrefix(path, "/") ||
			strings.ContainsRune(path, 0) {
			return // not a name a file system can hold
		}
		dir := t.TempDir()
		npmtest.WriteFiles(t, dir, map[string]string{path: data, "node_modules/z/package.json": `{"name":"z","version":"1.0.0","dependencies":{"a":"*"}}`})
		tree := npmtest.Tree(t, dir, walk.Options{NoDefaultSkips: true})
		for _, file := range tree.Files {
			l, err := New().Parse(context.Background(), tree, file.Path)
			if err != nil {
				continue
			}
			if err := npmtest.Check(l); err != nil {
				t.Fatal(err)
			}
		}
	})
}
