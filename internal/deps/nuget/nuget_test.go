package nuget

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/deps/lockbuild/locktest"
	"github.com/cladsec/clad/internal/walk"
)

func TestGolden(t *testing.T) {
	tree := locktest.Tree(t, filepath.Join("testdata", "api"))
	got := locktest.ParseAll(t, NewPackagesLock(), tree)
	locktest.Golden(t, filepath.Join("testdata", "golden", "api.txt"), got)
}

func TestBadInput(t *testing.T) {
	tests := map[string]struct{ body, want string }{
		"broken json": {"{\n  \"version\": 1,\n  \"dependencies\": {\n", "packages.lock.json"},
		"not a lock":  {"{\"name\": \"x\"}", "not a packages.lock.json"},
		"bad target":  {"{\"dependencies\": {\"net6.0\": [1]}}", "packages.lock.json:1:"},
		"bad package": {"{\"dependencies\": {\"net6.0\": {\n\"A\": 1}}}", "packages.lock.json:2:"},
		"binary":      {"\x00\x01", "not a text file"},
		"array top":   {"[]", "not a packages.lock.json"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			tree := locktest.MemTree(t, map[string]string{"packages.lock.json": tt.body})
			_, err := NewPackagesLock().Parse(context.Background(), tree, "packages.lock.json")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func FuzzPackagesLock(f *testing.F) {
	data, err := os.ReadFile("testdata/api/packages.lock.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "packages.lock.json"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		tree, err := walk.Open(context.Background(), dir, walk.Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = NewPackagesLock().Parse(context.Background(), tree, "packages.lock.json")
	})
}
