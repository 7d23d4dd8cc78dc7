package syntax_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/source/syntax"
)

var update = flag.Bool("update", false, "rewrite golden files")

// parse parses src as path's language and returns the file and its root.
func parse(t testing.TB, path, src string) (*source.File, *ts.Node) {
	t.Helper()
	f, err := source.Parse(path, []byte(src))
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	t.Cleanup(f.Close)
	return f, f.Tree().RootNode()
}

// find returns the first node of kind under root, in walk order.
func find(d *syntax.Doc, root *ts.Node, kind string) *ts.Node {
	var found *ts.Node
	d.Walk(root, func(n *ts.Node, k string) bool {
		if found == nil && k == kind {
			found = n
		}
		return found == nil
	})
	return found
}

// kinds returns the kinds of nodes, in order.
func kinds(d *syntax.Doc, nodes []ts.Node) []string {
	out := []string{}
	for _, n := range nodes {
		out = append(out, d.Kind(&n))
	}
	return out
}

// dump writes one line per node in walk order: line, field, kind, and the
// text of leaves.
func dump(f *source.File) string {
	d := f.Syntax()
	var b strings.Builder
	c := f.Tree().Walk()
	defer c.Close()
	fields := map[ts.Node]string{}
	d.Walk(f.Tree().RootNode(), func(n *ts.Node, kind string) bool {
		c.Reset(*n)
		fmt.Fprintf(&b, "%d %s", syntax.Line(n), kind)
		if name := fields[*n]; name != "" {
			fmt.Fprintf(&b, " (%s)", name)
		}
		if n.ChildCount() == 0 && n.IsNamed() {
			fmt.Fprintf(&b, " %q", d.Text(n))
		}
		b.WriteByte('\n')
		if c.GotoFirstChild() {
			for {
				fields[*c.Node()] = d.FieldName(c.FieldId())
				if !c.GotoNextSibling() {
					break
				}
			}
		}
		return true
	})
	return b.String()
}

func TestWalkGolden(t *testing.T) {
	for _, name := range []string{"handler.js", "handler.py", "main.go"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			f, _ := parse(t, name, string(src))
			got := dump(f)
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("walk of %s (-want +got):\n%s", name, diff)
			}
		})
	}
}

func TestWalkSkipsSubtrees(t *testing.T) {
	f, root := parse(t, "h.js", "function a() { b(); }\nc();\n")
	d := f.Syntax()
	var calls []string
	d.Walk(root, func(n *ts.Node, kind string) bool {
		if kind == "call_expression" {
			calls = append(calls, d.Text(n))
		}
		return kind != "function_declaration"
	})
	if diff := cmp.Diff([]string{"c()"}, calls); diff != "" {
		t.Errorf("calls outside functions (-want +got):\n%s", diff)
	}
}

func TestChildren(t *testing.T) {
	tests := []struct {
		name, path, src, kind string
		all, namedAll, named  []string
		first                 string
	}{
		{
			name: "js arguments with a comment", path: "h.js", src: "f(a, /* c */ b);\n", kind: "arguments",
			all:      []string{"(", "identifier", ",", "comment", "identifier", ")"},
			namedAll: []string{"identifier", "comment", "identifier"},
			named:    []string{"identifier", "identifier"},
			first:    "a",
		},
		{
			name: "python list led by a comment", path: "h.py", src: "x = [\n  # first\n  1,\n  2,\n]\n", kind: "list",
			all:      []string{"[", "comment", "integer", ",", "integer", ",", "]"},
			namedAll: []string{"comment", "integer", "integer"},
			named:    []string{"integer", "integer"},
			first:    "1",
		},
		{
			name: "empty go argument list", path: "main.go", src: "package main\n\nfunc main() { f() }\n", kind: "argument_list",
			all: []string{"(", ")"}, namedAll: []string{}, named: []string{},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, root := parse(t, tc.path, tc.src)
			d := f.Syntax()
			n := find(&d, root, tc.kind)
			if n == nil {
				t.Fatalf("no %s in %q", tc.kind, tc.src)
			}
			if diff := cmp.Diff(tc.all, kinds(&d, syntax.Children(n))); diff != "" {
				t.Errorf("Children (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.namedAll, kinds(&d, syntax.NamedChildren(n))); diff != "" {
				t.Errorf("NamedChildren (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.named, kinds(&d, d.Named(n))); diff != "" {
				t.Errorf("Named (-want +got):\n%s", diff)
			}
			if got := d.Text(d.First(n)); got != tc.first {
				t.Errorf("First = %q, want %q", got, tc.first)
			}
		})
	}
}

func TestFieldsAndTokens(t *testing.T) {
	f, root := parse(t, "h.py", "import os, a.b as c\n")
	d := f.Syntax()
	imp := find(&d, root, "import_statement")
	if diff := cmp.Diff([]string{"dotted_name", "aliased_import"}, kinds(&d, syntax.FieldChildren(imp, "name"))); diff != "" {
		t.Errorf("FieldChildren(name) (-want +got):\n%s", diff)
	}
	alias := find(&d, root, "aliased_import")
	if got := d.Text(syntax.Field(alias, "alias")); got != "c" {
		t.Errorf("Field(alias) = %q, want c", got)
	}
	if syntax.Field(alias, "nope") != nil || len(syntax.FieldChildren(imp, "nope")) != 0 {
		t.Error("an unknown field found a node")
	}
	if !d.HasToken(imp, "import") || d.HasToken(imp, "from") || d.HasToken(alias, "c") {
		t.Error("HasToken: want the import keyword only (not from, not a named child)")
	}
	id := f.Tree().Language().FieldIdForName("alias")
	if got := d.FieldName(id); got != "alias" {
		t.Errorf("FieldName(%d) = %q, want alias", id, got)
	}
	if d.FieldName(0) != "" || d.FieldName(65535) != "" {
		t.Error("FieldName of no field or an unknown id is not empty")
	}
}

func TestKindsAndLines(t *testing.T) {
	f, root := parse(t, "h.js", "let a = 1;\n\nlet b = (;\n")
	d := f.Syntax()
	if got := d.Kind(root); got != "program" {
		t.Errorf("Kind(root) = %q, want program", got)
	}
	bad := find(&d, root, "ERROR")
	if bad == nil {
		t.Fatal("no ERROR node for broken input")
	}
	if got := syntax.Line(bad); got != 3 {
		t.Errorf("Line(ERROR) = %d, want 3", got)
	}
	var zero syntax.Doc // no tables: kinds come from tree-sitter
	d.Walk(root, func(n *ts.Node, kind string) bool {
		if got := zero.Kind(n); got != kind {
			t.Errorf("zero Doc Kind = %q, want %q", got, kind)
		}
		return true
	})
}

func TestNilAndBounds(t *testing.T) {
	f, root := parse(t, "h.js", "x;\n")
	d := f.Syntax()
	switch {
	case d.Kind(nil) != "", d.Text(nil) != "", syntax.Line(nil) != 0:
		t.Error("nil node has a kind, text or line")
	case syntax.Field(nil, "a") != nil, syntax.Children(nil) != nil, syntax.NamedChildren(nil) != nil,
		syntax.FieldChildren(nil, "a") != nil, d.Named(nil) != nil, d.First(nil) != nil, d.HasToken(nil, ";"):
		t.Error("nil node has children")
	case d.Span(0, 2) != "x;", d.Span(2, 1) != "", d.Span(0, 99) != "":
		t.Error("Span does not keep to the text")
	case string(d.Source()) != "x;\n":
		t.Error("Source is not the parsed text")
	}
	d.Walk(nil, func(*ts.Node, string) bool { t.Error("Walk(nil) visited a node"); return true })
	var zero syntax.Doc
	if zero.Text(root) != "" || zero.FieldName(1) != "" {
		t.Error("zero Doc reads text or field names")
	}
	var none *source.File
	if s := none.Syntax(); s.Source() != nil {
		t.Error("nil File has text")
	}
}

func TestJSString(t *testing.T) {
	tests := []struct {
		name, expr           string
		raw, unescaped, text string
		ok                   bool
	}{
		{"single quotes", `'a\'b'`, `a\'b`, `a'b`, `a\'b`, true},
		{"double quotes with escapes", `"x\n\t\\\/"`, `x\n\t\\\/`, "x\n\t\\/", `x\n\t\\\/`, true},
		{"plain", `"orders"`, "orders", "orders", "orders", true},
		{"empty", `''`, "", "", "", true},
		{"template without substitutions keeps escapes", "`a\\n`", `a\n`, `a\n`, `a\n`, true},
		{"template with a substitution", "`a${b}`", "", "", "`a${b}`", false},
		{"identifier", "name", "", "", "name", false},
		{"number", "42", "", "", "42", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, root := parse(t, "h.js", "x = "+tc.expr+";\n")
			d := f.Syntax()
			n := syntax.Field(find(&d, root, "assignment_expression"), "right")
			raw, ok := d.JSString(n)
			if raw != tc.raw || ok != tc.ok {
				t.Errorf("JSString = %q, %v; want %q, %v", raw, ok, tc.raw, tc.ok)
			}
			un, ok := d.JSStringUnescaped(n)
			if un != tc.unescaped || ok != tc.ok {
				t.Errorf("JSStringUnescaped = %q, %v; want %q, %v", un, ok, tc.unescaped, tc.ok)
			}
			wantText, wantUnText := tc.text, tc.text
			if tc.ok {
				wantUnText = tc.unescaped
			}
			if got := d.JSStringOrText(n); got != wantText {
				t.Errorf("JSStringOrText = %q, want %q", got, wantText)
			}
			if got := d.JSStringUnescapedOrText(n); got != wantUnText {
				t.Errorf("JSStringUnescapedOrText = %q, want %q", got, wantUnText)
			}
		})
	}
}

func TestPyString(t *testing.T) {
	tests := []struct {
		name, expr, want string
		ok               bool
	}{
		{"single", `'orders'`, "orders", true},
		{"escape kept as written", `"a\nb"`, `a\nb`, true},
		{"empty", `""`, "", true},
		{"triple quoted", `"""doc"""`, "doc", true},
		{"f-string with a field", `f"id {x}"`, "", false},
		{"f-string without a field", `f"id"`, "id", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, root := parse(t, "h.py", "x = "+tc.expr+"\n")
			d := f.Syntax()
			got, ok := d.PyString(find(&d, root, "string"))
			if got != tc.want || ok != tc.ok {
				t.Errorf("PyString = %q, %v; want %q, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}
