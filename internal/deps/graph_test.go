package deps

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRootsForAndGoverns(t *testing.T) {
	l := &Lockfile{Dir: "svc", Roots: []string{"r"}, Workspaces: map[string][]string{
		"svc/packages/api":     {"a"},
		"svc/packages/api/sub": {"s"},
		"svc/packages/apix":    {"x"},
	}}
	for _, c := range []struct {
		dir, member string
		roots       []string
	}{
		{"svc", "", []string{"r"}},
		{"svc/src", "", []string{"r"}},
		{"svc/packages/api", "svc/packages/api", []string{"a"}},
		{"svc/packages/api/src/h", "svc/packages/api", []string{"a"}},
		{"svc/packages/api/sub", "svc/packages/api/sub", []string{"s"}},
		{"svc/packages/apix", "svc/packages/apix", []string{"x"}},
	} {
		roots, member := l.RootsFor(c.dir)
		if member != c.member || !cmp.Equal(roots, c.roots) {
			t.Errorf("RootsFor(%q) = %v, %q", c.dir, roots, member)
		}
	}
	for dir, want := range map[string]bool{"svc": true, "svc/a/b": true, "svcx": false, ".": false, "fn.zip!/svc": false} {
		if l.Governs(dir) != want {
			t.Errorf("Governs(%q) != %v", dir, want)
		}
	}
	root := &Lockfile{Dir: "."}
	zip := &Lockfile{Dir: "dist/fn.zip!/"}
	for _, c := range []struct {
		l    *Lockfile
		dir  string
		want bool
	}{
		{root, "a/b", true}, {root, ".", true}, {root, "dist/fn.zip!/", false},
		{zip, "dist/fn.zip!/", true}, {zip, "dist/fn.zip!/src", true}, {zip, "dist", false}, {zip, "dist/other.zip!/", false},
	} {
		if c.l.Governs(c.dir) != c.want {
			t.Errorf("%s Governs(%q) != %v", c.l.Dir, c.dir, c.want)
		}
	}
}

func TestDir(t *testing.T) {
	for in, want := range map[string]string{
		"package-lock.json":              ".",
		"svc/yarn.lock":                  "svc",
		"fn.zip!/package.json":           "fn.zip!/",
		"dist/fn.zip!/app/package.json":  "dist/fn.zip!/app",
		"dist/fn.zip!/node_modules/a/pj": "dist/fn.zip!/node_modules/a",
	} {
		if got := Dir(in); got != want {
			t.Errorf("Dir(%q) = %q, want %q", in, got, want)
		}
	}
}
