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

// Every direct dependency that brings a package in gets its own shortest
// path, also when a shorter path from another root shares its packages
// (web > kit > bp > qs beside kit > bp > qs); cycles end, unreachable
// roots and unknown targets give nothing.
func TestPathsFromEachRoot(t *testing.T) {
	l := &Lockfile{Packages: []*Package{
		{ID: "web", Deps: []string{"kit"}},
		{ID: "kit", Deps: []string{"bp"}},
		{ID: "express", Deps: []string{"bp", "qs"}},
		{ID: "bp", Deps: []string{"qs", "missing"}},
		{ID: "qs", Deps: []string{"side"}},
		{ID: "side", Deps: []string{"qs"}}, // a cycle back
		{ID: "lone"},
	}}
	roots := []string{"web", "kit", "express", "lone", "web"}
	got := l.PathsFromEachRoot("qs", roots, 0)
	want := [][]string{{"express", "qs"}, {"kit", "bp", "qs"}, {"web", "kit", "bp", "qs"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	// The node-disjoint shortest paths miss web: kit was reached first.
	for _, p := range l.Paths("qs", roots, 5) {
		if p[0] == "web" {
			t.Errorf("Paths now reaches web (%v): PathsFromEachRoot may be redundant", p)
		}
	}
	if got := l.PathsFromEachRoot("qs", roots, 2); len(got) != 2 || got[0][0] != "express" {
		t.Errorf("limit 2: %v", got)
	}
	if got := l.PathsFromEachRoot("nope", roots, 0); got != nil {
		t.Errorf("unknown target: %v", got)
	}
	if got := l.PathsFromEachRoot("qs", []string{"lone"}, 0); got != nil {
		t.Errorf("unreachable root: %v", got)
	}
}
