package lockbuild

import (
	"errors"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/deps"
	"github.com/google/go-cmp/cmp"
)

func pkg(id string, scope deps.Scope) *deps.Package {
	return &deps.Package{ID: id, Name: id, Version: "1", Scope: scope}
}

func scopes(lf *deps.Lockfile) map[string]deps.Scope {
	out := map[string]deps.Scope{}
	for _, p := range lf.Packages {
		out[p.ID] = p.Scope
	}
	return out
}

func TestPropagate(t *testing.T) {
	b := New("dir/lock", deps.PyPI, "test")
	for _, id := range []string{"app", "shared", "leaf", "pytest", "pluggy", "extra", "orphan"} {
		b.Add(pkg(id, deps.Unknown))
	}
	b.Edge("app", "shared")
	b.Edge("shared", "leaf")
	b.Edge("pytest", "pluggy")
	b.Edge("pytest", "shared") // shared is also reachable from a runtime root
	b.Edge("extra", "leaf")
	b.Edge("app", "missing") // dropped: unknown target
	b.Edge("app", "app")     // dropped: self edge
	b.Root("app", deps.Runtime)
	b.Root("pytest", deps.Dev)
	b.Root("extra", deps.Optional)
	b.Root("nothere", deps.Runtime) // dropped: unknown package
	lf := b.Finish(true)
	want := map[string]deps.Scope{
		"app": deps.Runtime, "shared": deps.Runtime, "leaf": deps.Runtime, "pytest": deps.Dev,
		"pluggy": deps.Dev, "extra": deps.Optional, "orphan": deps.Unknown,
	}
	if diff := cmp.Diff(want, scopes(lf)); diff != "" {
		t.Errorf("scopes (-want +got):\n%s", diff)
	}
	if got := lf.Roots; !cmp.Equal(got, []string{"app", "extra", "pytest"}) {
		t.Errorf("roots %v", got)
	}
	if got := lf.Get("app").Deps; !cmp.Equal(got, []string{"shared"}) {
		t.Errorf("app deps %v", got)
	}
	if lf.Dir != "dir" || lf.Packages[0].Ecosystem != deps.PyPI || lf.Packages[0].Source.File != "dir/lock" {
		t.Errorf("defaults not applied: %+v", lf.Packages[0])
	}
	if !lf.Get("app").Direct || lf.Get("shared").Direct {
		t.Error("Direct should be set on roots only")
	}
}

func TestRootKeepsTheScopeThatShipsMost(t *testing.T) {
	b := New("lock", deps.NPM, "test")
	b.Add(pkg("a", deps.Unknown))
	b.Root("a", deps.Dev)
	b.Root("a", deps.Runtime)
	b.Root("a", deps.Optional)
	if lf := b.Finish(true); lf.Get("a").Scope != deps.Runtime {
		t.Errorf("scope %s, want runtime", lf.Get("a").Scope)
	}
}

func TestAddKeepsFirst(t *testing.T) {
	b := New("lock", deps.NPM, "test")
	first := b.Add(&deps.Package{ID: "a"})
	second := b.Add(&deps.Package{ID: "a", Version: "other"})
	if first != second || b.Len() != 1 || len(b.Packages()) != 1 {
		t.Error("a duplicate ID should return the first package")
	}
}

func TestRootOrphans(t *testing.T) {
	b := New("lock", deps.PyPI, "test")
	for _, id := range []string{"top", "mid", "cyc1", "cyc2"} {
		b.Add(pkg(id, deps.Runtime))
	}
	b.Edge("top", "mid")
	b.Edge("cyc1", "cyc2")
	b.Edge("cyc2", "cyc1")
	b.RootOrphans()
	lf := b.Finish(true)
	if got := lf.Roots; !cmp.Equal(got, []string{"cyc1", "top"}) {
		t.Errorf("roots %v, want top and one member of the unreached cycle", got)
	}
}

func TestWeaker(t *testing.T) {
	tests := []struct{ a, b, want deps.Scope }{
		{deps.Runtime, deps.Dev, deps.Dev},
		{deps.Dev, deps.Runtime, deps.Dev},
		{deps.Runtime, deps.Optional, deps.Optional},
		{deps.Unknown, deps.Runtime, deps.Unknown},
		{deps.Optional, deps.Unknown, deps.Optional},
	}
	for _, tt := range tests {
		if got := Weaker(tt.a, tt.b); got != tt.want {
			t.Errorf("Weaker(%s, %s) = %s, want %s", tt.a, tt.b, got, tt.want)
		}
	}
}

type lined struct{}

func (lined) Error() string   { return "bad" }
func (lined) LineNumber() int { return 7 }

func TestErrors(t *testing.T) {
	if got := Errorf("a/b.lock", 3, "broken %s", "x").Error(); got != "a/b.lock:3: broken x" {
		t.Errorf("Errorf = %q", got)
	}
	if got := Errorf("a/b.lock", 0, "broken").Error(); got != "a/b.lock: broken" {
		t.Errorf("Errorf without line = %q", got)
	}
	err := Wrap("f", 0, lined{})
	var e *Error
	if !errors.As(err, &e) || e.Line != 7 || err.Error() != "f:7: bad" {
		t.Errorf("Wrap = %v", err)
	}
	if CheckText("f", []byte("ok\n")) != nil || !errors.Is(CheckText("f", []byte("a\x00")), ErrBinary) || !errors.Is(CheckText("f", []byte{0xff}), ErrBinary) {
		t.Error("CheckText")
	}
	w := Warnings{Errorf("a", 1, "x"), Errorf("b", 2, "y")}
	if !IsWarnings(w.Err()) || Warnings(nil).Err() != nil || !strings.Contains(w.Error(), "a:1: x; b:2: y") {
		t.Errorf("Warnings = %v", w)
	}
	if !errors.As(w.Err(), &e) || e.File != "a" {
		t.Error("Warnings should unwrap to their errors")
	}
}

func TestPURL(t *testing.T) {
	tests := []struct{ typ, ns, name, version, want string }{
		{"pypi", "", "requests", "2.25.1", "pkg:pypi/requests@2.25.1"},
		{"golang", "github.com/google", "go-cmp", "v0.7.0", "pkg:golang/github.com/google/go-cmp@v0.7.0"},
		{"maven", "org.apache.logging.log4j", "log4j-core", "2.14.1", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"},
		{"npm", "@babel", "core", "7.0.0", "pkg:npm/%40babel/core@7.0.0"},
		{"gem", "", "rails", "", "pkg:gem/rails"},
	}
	for _, tt := range tests {
		if got := PURL(tt.typ, tt.ns, tt.name, tt.version); got != tt.want {
			t.Errorf("PURL = %q, want %q", got, tt.want)
		}
	}
}
