// Package npmtest renders dependency graphs as text for the golden tests of
// the JavaScript parsers and compares them with their golden files.
package npmtest

import (
	"archive/zip"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/walk"
)

// Update rewrites golden files instead of comparing with them.
var Update = flag.Bool("update", false, "rewrite golden files")

// Render writes the lockfile as text: its header, every package with its
// scope, flags and edges, and up to three shortest paths to each package
// from the project's and the workspace members' direct dependencies.
func Render(l *deps.Lockfile) string {
	if l == nil {
		return "<nil>\n"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "file: %s\nformat: %s\ndir: %s\necosystem: %s\n", l.File, l.Format, l.Dir, l.Ecosystem)
	if l.DeclaredOnly {
		b.WriteString("declared only\n")
	}
	fmt.Fprintf(&b, "roots: %s\n", strings.Join(l.Roots, ", "))
	for _, dir := range sortedKeys(l.Workspaces) {
		fmt.Fprintf(&b, "workspace %s: %s\n", dir, strings.Join(l.Workspaces[dir], ", "))
	}
	for _, w := range l.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	b.WriteString("\n")
	for _, p := range l.Packages {
		renderPackage(&b, l, p)
	}
	return b.String()
}

func renderPackage(b *strings.Builder, l *deps.Lockfile, p *deps.Package) {
	fmt.Fprintf(b, "%s\n  %s@%s %s", p.ID, p.Name, p.Version, p.Scope)
	if p.Direct {
		fmt.Fprintf(b, " direct(%s)", p.Declared)
	}
	if p.Local {
		b.WriteString(" local")
	}
	if p.License != "" {
		fmt.Fprintf(b, " license=%s", p.License)
	}
	fmt.Fprintf(b, "\n  %s %s:%d\n", p.PURL, p.Source.File, p.Source.Line)
	if p.Ecosystem != l.Ecosystem {
		fmt.Fprintf(b, "  ecosystem %s\n", p.Ecosystem)
	}
	for _, d := range p.Deps {
		if spec, ok := p.Requires[d]; ok {
			fmt.Fprintf(b, "  -> %s (%s)\n", d, spec)
			continue
		}
		fmt.Fprintf(b, "  -> %s\n", d)
	}
	for _, path := range l.Paths(p.ID, allRoots(l), 3) {
		labels := make([]string, len(path))
		for i, id := range path {
			q := l.Get(id)
			labels[i] = q.Name + "@" + q.Version
		}
		fmt.Fprintf(b, "  path %s\n", strings.Join(labels, " > "))
	}
}

func allRoots(l *deps.Lockfile) []string {
	seen := map[string]bool{}
	var out []string
	add := func(ids []string) {
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	add(l.Roots)
	for _, dir := range sortedKeys(l.Workspaces) {
		add(l.Workspaces[dir])
	}
	return out
}

func sortedKeys(m map[string][]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Golden compares got with the golden file (rewriting it with -update).
func Golden(t *testing.T, file, got string) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("%s differs (-want +got):\n%s", file, d)
	}
}

// Tree walks dir (a testdata directory or a temporary one).
func Tree(t testing.TB, dir string, opts walk.Options) *walk.Tree {
	t.Helper()
	tree, err := walk.Open(context.Background(), dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tree.Close() })
	return tree
}

// WriteFiles writes files (slash paths → content) below dir.
func WriteFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for p, content := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Check verifies what every parser promises: unique IDs, edges and roots
// that name packages of the lockfile, the npm ecosystem and a known scope.
func Check(l *deps.Lockfile) error {
	if l == nil {
		return nil
	}
	ids := map[string]bool{}
	for _, p := range l.Packages {
		if ids[p.ID] {
			return fmt.Errorf("duplicate package ID %q", p.ID)
		}
		ids[p.ID] = true
		switch p.Scope {
		case deps.Runtime, deps.Dev, deps.Optional, deps.Unknown:
		default:
			return fmt.Errorf("%s: scope %q", p.ID, p.Scope)
		}
		if p.Ecosystem != deps.NPM {
			return fmt.Errorf("%s: ecosystem %q", p.ID, p.Ecosystem)
		}
	}
	for _, p := range l.Packages {
		for _, d := range p.Deps {
			if !ids[d] {
				return fmt.Errorf("%s: edge to unknown %q", p.ID, d)
			}
		}
	}
	for _, r := range allRoots(l) {
		if !ids[r] {
			return fmt.Errorf("root %q is not a package", r)
		}
	}
	return nil
}

// ReadTxtar reads a txtar archive ("-- name --" lines before each file)
// into slash paths and contents; text before the first file is a comment.
func ReadTxtar(t testing.TB, file string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	name := ""
	var body strings.Builder
	flush := func() {
		if name != "" {
			files[name] = body.String()
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		trimmed := strings.TrimRight(line, "\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			flush()
			name = strings.TrimSpace(trimmed[3 : len(trimmed)-3])
			continue
		}
		body.WriteString(line)
	}
	flush()
	return files
}

// WriteZip writes files into a zip archive at path.
func WriteZip(t testing.TB, path string, files map[string]string) {
	t.Helper()
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(fh)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
}
