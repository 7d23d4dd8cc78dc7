package yarnlock

import (
	"context"
	"os"
	"testing"

	"github.com/cladsec/clad/internal/deps/npm/npmtest"
	"github.com/cladsec/clad/internal/walk"
)

// FuzzParse runs both formats (the content chooses) with the fixture's
// package.json beside the lockfile.
func FuzzParse(f *testing.F) {
	for _, p := range []string{"testdata/v1/yarn.lock", "testdata/berry/yarn.lock", "testdata/berry-workspaces/yarn.lock"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("a@^1:\n  version \"1\"\n  dependencies:\n    a \"^1\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		pj, _ := os.ReadFile("testdata/v1/package.json")
		npmtest.WriteFiles(t, dir, map[string]string{"yarn.lock": string(data), "package.json": string(pj)})
		tree := npmtest.Tree(t, dir, walk.Options{})
		l, err := New().Parse(context.Background(), tree, "yarn.lock")
		if err != nil {
			return
		}
		if err := npmtest.Check(l); err != nil {
			t.Fatal(err)
		}
	})
}
