package packagelock

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cladsec/clad/internal/deps/npm/jsontree"
	"github.com/cladsec/clad/internal/deps/npm/npmtest"
	"github.com/cladsec/clad/internal/walk"
)

func FuzzParse(f *testing.F) {
	for _, p := range []string{"testdata/v1/package-lock.json", "testdata/v3/package-lock.json", "testdata/workspaces/package-lock.json", "testdata/dangling/package-lock.json"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"lockfileVersion":2,"packages":{"node_modules/a":{"link":true,"resolved":"node_modules/a"}}}`))
	tree := npmtest.Tree(f, filepath.Join("testdata", "v3"), walk.Options{})
	f.Fuzz(func(t *testing.T, data []byte) {
		root, err := jsontree.Parse(data)
		if err != nil {
			return
		}
		l, err := parse(tree, "package-lock.json", root)
		if err != nil {
			return
		}
		if err := npmtest.Check(l); err != nil {
			t.Fatal(err)
		}
	})
}
