package composer

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
	tree := locktest.Tree(t, filepath.Join("testdata", "app"))
	got := locktest.ParseAll(t, NewComposerLock(), tree)
	locktest.Golden(t, filepath.Join("testdata", "golden", "app.txt"), got)
}

func TestWithoutComposerJSON(t *testing.T) {
	lock, err := os.ReadFile(filepath.Join("testdata", "app", "composer.lock"))
	if err != nil {
		t.Fatal(err)
	}
	tree := locktest.MemTree(t, map[string]string{"composer.lock": string(lock)})
	lf, err := NewComposerLock().Parse(context.Background(), tree, "composer.lock")
	if err != nil {
		t.Fatal(err)
	}
	want := "bref/bref@2.0.5 guzzlehttp/guzzle@7.4.4 monolog/monolog@2.3.5 phpunit/phpunit@9.5.20 symfony/console@5.4.8"
	if got := strings.Join(lf.Roots, " "); got != want {
		t.Errorf("roots %s, want %s", got, want)
	}
}

func TestBadInput(t *testing.T) {
	tests := map[string]struct{ body, want string }{
		"broken json": {"{\n \"packages\": [\n", "composer.lock"},
		"not a lock":  {"{\"name\": \"x\"}", "not a composer.lock"},
		"bad section": {"{\"packages\": {}}", "composer.lock:1:"},
		"no version":  {"{\"packages\": [\n{\"name\": \"a/b\"}]}", "composer.lock:2:"},
		"binary":      {"\x00", "not a text file"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			tree := locktest.MemTree(t, map[string]string{"composer.lock": tt.body})
			_, err := NewComposerLock().Parse(context.Background(), tree, "composer.lock")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func FuzzComposerLock(f *testing.F) {
	data, err := os.ReadFile("testdata/app/composer.lock")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "composer.lock"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		tree, err := walk.Open(context.Background(), dir, walk.Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = NewComposerLock().Parse(context.Background(), tree, "composer.lock")
	})
}
