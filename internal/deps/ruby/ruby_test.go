package ruby

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
	for _, dir := range []string{"app", "gemspec"} {
		t.Run(dir, func(t *testing.T) {
			tree := locktest.Tree(t, filepath.Join("testdata", dir))
			got := locktest.ParseAll(t, NewGemfileLock(), tree)
			locktest.Golden(t, filepath.Join("testdata", "golden", dir+".txt"), got)
		})
	}
}

func TestBadInput(t *testing.T) {
	tests := map[string]struct{ body, want string }{
		"bad spec":   {"GEM\n  remote: x\n  specs:\n    rack 2.2.4\n", "Gemfile.lock:4:"},
		"bad dep":    {"DEPENDENCIES\n  rack (~> 2\n", "Gemfile.lock:2:"},
		"empty":      {"", "not a Gemfile.lock"},
		"binary":     {"GEM\x00\xff", "not a text file"},
		"other text": {"hello\nworld\n", "not a Gemfile.lock"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			tree := locktest.MemTree(t, map[string]string{"Gemfile.lock": tt.body})
			_, err := NewGemfileLock().Parse(context.Background(), tree, "Gemfile.lock")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func FuzzGemfileLock(f *testing.F) {
	for _, s := range []string{"testdata/app/Gemfile.lock", "testdata/gemspec/Gemfile.lock"} {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, []byte("group :test do\n gem 'x'\nend\n"))
	}
	f.Fuzz(func(t *testing.T, lock, gemfile []byte) {
		dir := t.TempDir()
		for name, data := range map[string][]byte{"Gemfile.lock": lock, "Gemfile": gemfile} {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		tree, err := walk.Open(context.Background(), dir, walk.Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = NewGemfileLock().Parse(context.Background(), tree, "Gemfile.lock")
	})
}

func FuzzParseLock(f *testing.F) {
	f.Add("GEM\n  remote: x\n  specs:\n    a (1.0)\n      b (~> 1)\n    b (1.1-java)\n\nDEPENDENCIES\n  a!\n\nBUNDLED WITH\n   2.4.0\n")
	f.Fuzz(func(t *testing.T, s string) {
		lf, err := parseLock("Gemfile.lock", s)
		if err != nil {
			return
		}
		out := lf.build("Gemfile.lock", nil)
		for _, p := range out.Packages {
			out.Paths(p.ID, out.Roots, 2)
		}
	})
}
