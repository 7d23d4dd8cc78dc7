package yarnlock

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/cladsec/clad/internal/deps/npm/npmtest"
	"github.com/cladsec/clad/internal/walk"
)

// Every fixture directory holds a yarn.lock and the package.json files
// around it; the golden file renders the graph, scopes and paths.
func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			continue
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
				if err := npmtest.Check(l); err != nil {
					t.Error(err)
				}
				out += npmtest.Render(l)
			}
			npmtest.Golden(t, dir+".golden", out)
		})
	}
}
