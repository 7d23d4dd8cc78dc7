// Package locktest renders a deps.Lockfile as readable text for golden tests
// of the lockfile parsers: every package with its scope, flags, purl, source
// line and edges, then the shortest paths from the roots to each package.
package locktest

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/walk"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Render writes the lockfile as text.
func Render(lf *deps.Lockfile) string {
	if lf == nil {
		return "<nil>\n"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "file: %s\necosystem: %s\nformat: %s\ndir: %s\n", lf.File, lf.Ecosystem, lf.Format, lf.Dir)
	if lf.DeclaredOnly {
		b.WriteString("declared-only\n")
	}
	fmt.Fprintf(&b, "roots: %s\n", strings.Join(lf.Roots, ", "))
	for _, ws := range sortedKeys(lf.Workspaces) {
		fmt.Fprintf(&b, "workspace %s: %s\n", ws, strings.Join(lf.Workspaces[ws], ", "))
	}
	b.WriteString("\n")
	for _, p := range lf.Packages {
		renderPackage(&b, p)
	}
	b.WriteString("paths:\n")
	for _, p := range lf.Packages {
		for _, path := range lf.Paths(p.ID, lf.Roots, 3) {
			fmt.Fprintf(&b, "  %s\n", strings.Join(path, " > "))
		}
	}
	return b.String()
}

func renderPackage(b *strings.Builder, p *deps.Package) {
	fmt.Fprintf(b, "%s\n  %s %s %q %s", p.ID, p.Ecosystem, p.Name, p.Version, p.Scope)
	if p.Direct {
		b.WriteString(" direct")
	}
	if p.Declared != "" {
		fmt.Fprintf(b, " declared=%q", p.Declared)
	}
	if p.License != "" {
		fmt.Fprintf(b, " license=%q", p.License)
	}
	fmt.Fprintf(b, "\n  %s %s:%d\n", p.PURL, p.Source.File, p.Source.Line)
	if len(p.Deps) > 0 {
		fmt.Fprintf(b, "  -> %s\n", strings.Join(p.Deps, ", "))
	}
}

func sortedKeys(m map[string][]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Golden compares got with the golden file (rewritten under -update).
func Golden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("missing golden file (run with -update): %v", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", golden, diff)
	}
}

// Tree walks dir (a testdata directory or a zip).
func Tree(t testing.TB, dir string) *walk.Tree {
	t.Helper()
	tree, err := walk.Open(context.Background(), dir, walk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// MemTree writes files into a temporary directory and walks it.
func MemTree(t testing.TB, files map[string]string) *walk.Tree {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return Tree(t, dir)
}

// ParseAll runs parser over every file of the tree it requires and renders
// the lockfiles it returns, one after the other; errors are rendered too.
func ParseAll(t testing.TB, parser deps.Parser, tree *walk.Tree) string {
	t.Helper()
	var b strings.Builder
	for _, f := range tree.Files {
		if !parser.FileRequired(f.Path) {
			continue
		}
		lf, err := parser.Parse(context.Background(), tree, f.Path)
		switch {
		case lf != nil && err != nil:
			fmt.Fprintf(&b, "== %s\n", f.Path)
			var w lockbuild.Warnings
			if errors.As(err, &w) {
				for _, e := range w {
					fmt.Fprintf(&b, "warning: %v\n", e)
				}
			} else {
				fmt.Fprintf(&b, "error with lockfile: %v\n", err)
			}
			fmt.Fprintf(&b, "%s\n", Render(lf))
		case err != nil:
			fmt.Fprintf(&b, "== %s\nerror: %v\n\n", f.Path, err)
		case lf == nil:
			fmt.Fprintf(&b, "== %s\nskipped\n\n", f.Path)
		default:
			fmt.Fprintf(&b, "== %s\n%s\n", f.Path, Render(lf))
		}
	}
	return b.String()
}
