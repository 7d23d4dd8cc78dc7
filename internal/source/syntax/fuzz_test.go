package syntax_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/source/syntax"
)

// FuzzHelpers runs every helper on every node of arbitrary input in each
// language: nothing panics, kinds agree with tree-sitter's, and all text
// comes from the input.
func FuzzHelpers(f *testing.F) {
	for _, name := range []string{"handler.js", "handler.py", "main.go"} {
		src, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte("x = `a${'b\\'c'}` + f\"{y}\" + ((("))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, path := range []string{"h.js", "h.py", "main.go"} {
			file, err := source.Parse(path, src)
			if err != nil {
				return // Parse's refusals are tested in package source
			}
			checkAll(t, file)
			file.Close()
		}
	})
}

// checkAll calls the helpers on every node of file.
func checkAll(t *testing.T, file *source.File) {
	d := file.Syntax()
	text := string(d.Source())
	d.Walk(file.Tree().RootNode(), func(n *ts.Node, kind string) bool {
		if kind != n.Kind() {
			t.Fatalf("Kind %q, tree-sitter says %q", kind, n.Kind())
		}
		if !strings.Contains(text, d.Text(n)) {
			t.Fatalf("node %q with text %q not from the input", kind, d.Text(n))
		}
		if syntax.Line(n) < 1 {
			t.Fatalf("line %d", syntax.Line(n))
		}
		_ = syntax.Children(n)
		_ = d.Named(n)
		_ = d.First(n)
		_ = d.HasToken(n, "(")
		_ = syntax.Field(n, "name")
		_ = syntax.FieldChildren(n, "name")
		for _, s := range []func(*ts.Node) (string, bool){d.JSString, d.JSStringUnescaped, d.PyString} {
			if v, ok := s(n); !ok && v != "" {
				t.Fatalf("%q for a non-literal", v)
			}
		}
		return true
	})
}
