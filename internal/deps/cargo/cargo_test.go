package cargo

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
	tree := locktest.Tree(t, filepath.Join("testdata", "workspace"))
	got := locktest.ParseAll(t, NewCargoLock(), tree)
	locktest.Golden(t, filepath.Join("testdata", "golden", "workspace.txt"), got)
}

func TestWithoutManifests(t *testing.T) {
	lock, err := os.ReadFile(filepath.Join("testdata", "workspace", "Cargo.lock"))
	if err != nil {
		t.Fatal(err)
	}
	tree := locktest.MemTree(t, map[string]string{"Cargo.lock": string(lock)})
	lf, err := NewCargoLock().Parse(context.Background(), tree, "Cargo.lock")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range lf.Packages {
		if p.Scope != "unknown" && p.Name != "regex" {
			t.Errorf("%s: scope %s without manifests, want unknown", p.ID, p.Scope)
		}
	}
	if len(lf.Roots) != 7 {
		t.Errorf("roots %v, want the 7 crates the workspace crates depend on", lf.Roots)
	}
}

func TestLegacyDependencyStrings(t *testing.T) {
	lock := `[[package]]
name = "app"
version = "0.1.0"
dependencies = [
 "rand 0.8.5 (registry+https://github.com/rust-lang/crates.io-index)",
]

[[package]]
name = "rand"
version = "0.8.5"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "rand"
version = "0.7.3"
source = "registry+https://github.com/rust-lang/crates.io-index"

[metadata]
"checksum rand 0.8.5 (registry+https://github.com/rust-lang/crates.io-index)" = "abc"
`
	tree := locktest.MemTree(t, map[string]string{"Cargo.lock": lock})
	lf, err := NewCargoLock().Parse(context.Background(), tree, "Cargo.lock")
	if err != nil {
		t.Fatal(err)
	}
	if lf.Format != "Cargo.lock" || len(lf.Roots) != 1 || lf.Roots[0] != "rand@0.8.5" {
		t.Errorf("format %s roots %v", lf.Format, lf.Roots)
	}
}

func TestBadInput(t *testing.T) {
	tests := map[string]struct{ body, want string }{
		"broken toml": {"version = 3\n\n[[package]\n", "Cargo.lock:3:"},
		"no name":     {"version = 3\n[[package]]\nversion = \"1\"\n", "Cargo.lock:2:"},
		"not a lock":  {"title = \"x\"\n", "not a Cargo.lock"},
		"binary":      {"\x00\x01", "not a text file"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			tree := locktest.MemTree(t, map[string]string{"Cargo.lock": tt.body})
			_, err := NewCargoLock().Parse(context.Background(), tree, "Cargo.lock")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func FuzzCargoLock(f *testing.F) {
	data, err := os.ReadFile("testdata/workspace/Cargo.lock")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "Cargo.lock"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		tree, err := walk.Open(context.Background(), dir, walk.Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = NewCargoLock().Parse(context.Background(), tree, "Cargo.lock")
	})
}
