package pnpmlock

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/deps/npm/npmtest"
	"github.com/cladsec/clad/internal/walk"
)

func FuzzParse(f *testing.F) {
	for _, p := range []string{"testdata/v5/pnpm-lock.yaml", "testdata/v6/pnpm-lock.yaml", "testdata/v9/pnpm-lock.yaml", "testdata/v9-workspaces/pnpm-lock.yaml"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	tree := npmtest.Tree(f, filepath.Join("testdata", "v9-workspaces"), walk.Options{})
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := cfgtree.Parse(lastDocument(data))
		if err != nil {
			return
		}
		l, err := parse(tree, "pnpm-lock.yaml", doc)
		if err != nil {
			return
		}
		if err := npmtest.Check(l); err != nil {
			t.Fatal(err)
		}
	})
}
