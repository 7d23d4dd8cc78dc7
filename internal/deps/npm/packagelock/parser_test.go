package packagelock

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/npm/npmtest"
	"github.com/cladsec/clad/internal/walk"
)

// Every fixture directory holds a lockfile and the package.json beside it;
// the golden file renders the graph, scopes and paths.
func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() || filepath.Base(dir) == "examples" {
			continue // examples holds the goldens of TestExamples
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			tree := npmtest.Tree(t, dir, walk.Options{})
			p := New()
			var out string
			for _, f := range tree.Files {
				if !p.FileRequired(f.Path) {
					continue
				}
				l, err := p.Parse(context.Background(), tree, f.Path)
				if err != nil {
					t.Fatalf("%s: %v", f.Path, err)
				}
				out += npmtest.Render(l)
			}
			npmtest.Golden(t, dir+".golden", out)
		})
	}
}

var walkOpts = walk.Options{}

func parseFile(t *testing.T, dir, file string) *deps.Lockfile {
	t.Helper()
	tree := npmtest.Tree(t, dir, walk.Options{})
	l, err := New().Parse(context.Background(), tree, file)
	if err != nil {
		t.Fatal(err)
	}
	return l
}
