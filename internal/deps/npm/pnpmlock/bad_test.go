package pnpmlock

import (
	"context"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/npm/npmtest"
	"github.com/cladsec/clad/internal/walk"
)

func parseString(t *testing.T, data string) (*deps.Lockfile, error) {
	t.Helper()
	dir := t.TempDir()
	npmtest.WriteFiles(t, dir, map[string]string{"pnpm-lock.yaml": data})
	tree := npmtest.Tree(t, dir, walk.Options{})
	return New().Parse(context.Background(), tree, "pnpm-lock.yaml")
}

// Bad input is an error naming the file and line, never a panic; YAML
// without lockfileVersion is not a pnpm lockfile (nil, nil).
func TestBadInput(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"broken", "lockfileVersion: '9.0'\nimporters:\n  .: [\n", "pnpm-lock.yaml: line"},
		{"binary", "lockfileVersion: 9\x00", "binary"},
		{"old", "lockfileVersion: 3\n", "unsupported lockfileVersion"},
		{"garbage version", "lockfileVersion: abc\n", "unsupported lockfileVersion"},
		{"list", "- a\n- b\n", "line 1: a pnpm lockfile is a map"},
		{"no version", "packages: {}\n", ""},
		{"empty", "", ""},
		{"aliases", "lockfileVersion: '9.0'\na: &a [1,2]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f]\nh: [*g,*g,*g,*g,*g,*g,*g,*g]\n", "too large"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := parseString(t, c.data)
			if c.want == "" {
				if err != nil || l != nil {
					t.Fatalf("got %v, %v; want nil, nil", l, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}

// pnpm 10 may put its configuration dependencies' lockfile first; the main
// lockfile is the last document, and its lines stay those of the file.
func TestLastDocument(t *testing.T) {
	l, err := parseString(t, "---\nlockfileVersion: '9.0'\nimporters:\n  .:\n    configDependencies: {}\n\n---\nlockfileVersion: '9.0'\n\nimporters:\n  .:\n    dependencies:\n      ms:\n        specifier: ^2.0.0\n        version: 2.1.3\n\npackages:\n  ms@2.1.3:\n    resolution: {integrity: sha512-x}\n\nsnapshots:\n  ms@2.1.3: {}\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Packages) != 1 || l.Packages[0].Source.Line != 18 || l.Packages[0].Scope != deps.Runtime {
		t.Fatalf("packages %+v", l.Packages[0])
	}
}

// A dependency on a missing snapshot is a warning and the edge is dropped;
// a missing optional one is silent.
func TestDangling(t *testing.T) {
	l, err := parseString(t, "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      a:\n        specifier: ^1\n        version: 1.0.0\n    optionalDependencies:\n      fsevents:\n        specifier: ^2\n        version: 2.3.3\nsnapshots:\n  a@1.0.0:\n    dependencies:\n      b: 2.0.0\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Warnings) != 1 || !strings.Contains(l.Warnings[0], "a@1.0.0 > b@2.0.0") {
		t.Fatalf("warnings %q", l.Warnings)
	}
}

func TestKeys(t *testing.T) {
	for _, c := range []struct {
		key           string
		major         int
		name, version string
	}{
		{"/@babel/core/7.0.0_react@18.2.0", 5, "@babel/core", "7.0.0"},
		{"/ms/2.1.3", 5, "ms", "2.1.3"},
		{"/@babel/core@7.0.0(react@18.2.0)(@types/react@18.0.0)", 6, "@babel/core", "7.0.0"},
		{"@babel/core@7.0.0(react@18.2.0)", 9, "@babel/core", "7.0.0"},
		{"pkg@https://codeload.github.com/u/r/tar.gz/abc", 9, "pkg", "https://codeload.github.com/u/r/tar.gz/abc"},
	} {
		if n, v := nameVersion(c.key, c.major); n != c.name || v != c.version {
			t.Errorf("nameVersion(%q) = %q, %q", c.key, n, v)
		}
	}
}

func TestFileRequired(t *testing.T) {
	for p, want := range map[string]bool{"pnpm-lock.yaml": true, "svc/pnpm-lock.yaml": true, "node_modules/.pnpm/lock.yaml": false, "node_modules/x/pnpm-lock.yaml": false} {
		if New().FileRequired(p) != want {
			t.Errorf("FileRequired(%q) != %v", p, want)
		}
	}
}
