package packagelock

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/deps/npm/npmtest"
	"github.com/cladsec/clad/internal/walk"
)

// Bad input is an error naming the file (and line when known), never a
// panic; a JSON file that is no lockfile is nil, nil.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name, data string
		want       string // substring of the error; "" for nil, nil
	}{
		{"broken", "{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"\": {\n  }\n", "package-lock.json: line 6"},
		{"binary", "{\"a\":\x00}", "binary"},
		{"invalid utf-8", "{\"name\": \"\xff\"}", "UTF-8"},
		{"array", "[1, 2]", "line 1: a lockfile is a JSON object"},
		{"packages not object", `{"lockfileVersion": 3, "packages": []}`, `"packages" or "dependencies" is not an object`},
		{"not a lockfile", `{"name": "x"}`, ""},
		{"empty v3", `{"lockfileVersion": 3}`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			npmtest.WriteFiles(t, dir, map[string]string{"package-lock.json": c.data})
			tree := npmtest.Tree(t, dir, walk.Options{})
			l, err := New().Parse(context.Background(), tree, "package-lock.json")
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("error %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Fatalf("error %v, want one containing %q", err, c.want)
			case c.want == "" && c.name == "not a lockfile" && l != nil:
				t.Fatalf("got a lockfile for a plain JSON file")
			}
			if err := npmtest.Check(l); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	dir := t.TempDir()
	npmtest.WriteFiles(t, dir, map[string]string{"package-lock.json": `{"lockfileVersion": 3, "packages": {}}` + strings.Repeat(" ", 200)})
	tree := npmtest.Tree(t, dir, walk.Options{MaxFileSize: 64})
	_, err := New().Parse(context.Background(), tree, "package-lock.json")
	if !errors.Is(err, walk.ErrTooLarge) || !strings.Contains(err.Error(), "package-lock.json") {
		t.Fatalf("error %v, want the file named and walk.ErrTooLarge", err)
	}
}

func TestFileRequired(t *testing.T) {
	for p, want := range map[string]bool{
		"package-lock.json":                        true,
		"svc/npm-shrinkwrap.json":                  true,
		"fn.zip!/package-lock.json":                true,
		"node_modules/x/npm-shrinkwrap.json":       false,
		"node_modules/.package-lock.json":          false,
		"package.json":                             false,
		"svc/node_modules/a/package-lock.json":     false,
		"fn.zip!/node_modules/a/package-lock.json": false,
	} {
		if got := New().FileRequired(p); got != want {
			t.Errorf("FileRequired(%q) = %v", p, got)
		}
	}
}
