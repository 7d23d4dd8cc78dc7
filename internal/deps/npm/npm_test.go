package npm

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/deps"
)

func TestNames(t *testing.T) {
	for _, c := range []struct{ in, name, spec string }{
		{"lodash@^4.17.0", "lodash", "^4.17.0"},
		{"@babel/core@7.0.0", "@babel/core", "7.0.0"},
		{"@babel/core", "@babel/core", ""},
		{"x@npm:y@^1", "x", "npm:y@^1"},
		{"", "", ""},
		{"@", "@", ""},
	} {
		if n, s := SplitSpec(c.in); n != c.name || s != c.spec {
			t.Errorf("SplitSpec(%q) = %q, %q", c.in, n, s)
		}
	}
	if n, r, ok := Alias("npm:@s/real@^2.0.0"); !ok || n != "@s/real" || r != "^2.0.0" {
		t.Errorf("Alias = %q %q %v", n, r, ok)
	}
	if _, _, ok := Alias("^1.0.0"); ok {
		t.Error("a range is no alias")
	}
	for in, want := range map[string]string{
		"lodash|4.17.21":     "pkg:npm/lodash@4.17.21",
		"@babel/core|7.0.0":  "pkg:npm/%40babel/core@7.0.0",
		"@babel/core|":       "pkg:npm/%40babel/core",
		"|1.0.0":             "",
		"x|git+ssh://h/r#ab": "pkg:npm/x@git%2Bssh:%2F%2Fh%2Fr%23ab",
	} {
		n, v, _ := strings.Cut(in, "|")
		if got := PURL(n, v); got != want {
			t.Errorf("PURL(%q, %q) = %q, want %q", n, v, got, want)
		}
	}
	for name, want := range map[string]bool{"a": true, "@s/a": true, "@s": false, "@/a": false, "a/b": false, "..": false, "a b": false, "": false} {
		if ValidName(name) != want {
			t.Errorf("ValidName(%q) != %v", name, want)
		}
	}
}

func TestResolve(t *testing.T) {
	have := map[string]bool{
		"node_modules/a":                                  true,
		"node_modules/b":                                  true,
		"node_modules/a/node_modules/b":                   true,
		"node_modules/a/node_modules/@s/c":                true,
		"packages/x/node_modules/b":                       true,
		"node_modules/a/node_modules/@s/c/node_modules/d": true,
	}
	has := func(l string) bool { return have[l] }
	for _, c := range []struct{ from, name, want string }{
		{"", "a", "node_modules/a"},
		{"node_modules/a", "b", "node_modules/a/node_modules/b"},
		{"node_modules/b", "b", "node_modules/b"},
		{"node_modules/a/node_modules/@s/c", "b", "node_modules/a/node_modules/b"},
		{"node_modules/a/node_modules/@s/c", "d", "node_modules/a/node_modules/@s/c/node_modules/d"},
		{"node_modules/b", "@s/c", ""},
		{"packages/x", "b", "packages/x/node_modules/b"},
		{"packages/y", "b", "node_modules/b"},
	} {
		got, ok := Resolve(has, c.from, c.name)
		if !ok {
			got = ""
		}
		if got != c.want {
			t.Errorf("Resolve(%q, %q) = %q, want %q", c.from, c.name, got, c.want)
		}
	}
	if n := NameFromPath("node_modules/a/node_modules/@s/b"); n != "@s/b" {
		t.Errorf("NameFromPath = %q", n)
	}
}

// Scopes flow through the graph: runtime beats optional beats dev, and an
// optional edge turns runtime into optional below it.
func TestScopes(t *testing.T) {
	b := NewBuilder("svc/package-lock.json", "test")
	for _, id := range []string{"app", "opt", "optdep", "devtool", "shared", "lonely", "flagged"} {
		b.Add(&deps.Package{ID: id, Name: id, Version: "1.0.0"})
	}
	b.Get("flagged").Scope = deps.Dev
	b.Edge("app", "shared", false)
	b.Edge("app", "opt", true)
	b.Edge("opt", "optdep", false)
	b.Edge("devtool", "shared", false)
	b.Edge("devtool", "optdep", false)
	b.Edge("devtool", "ghost", false)
	b.Root("app", deps.Runtime, "^1")
	b.Root("devtool", deps.Dev, "npm:devtool@^2")
	l := b.Finish()
	got := map[string]deps.Scope{}
	for _, p := range l.Packages {
		got[p.ID] = p.Scope
	}
	want := map[string]deps.Scope{"app": deps.Runtime, "shared": deps.Runtime, "opt": deps.Optional, "optdep": deps.Optional,
		"devtool": deps.Dev, "lonely": deps.Unknown, "flagged": deps.Dev}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("scopes (-want +got):\n%s", d)
	}
	if l.Dir != "svc" || l.Get("devtool").Declared != "^2" || !l.Get("app").Direct || l.Get("shared").Direct {
		t.Errorf("dir %q, devtool %+v", l.Dir, l.Get("devtool"))
	}
	if len(l.Warnings) != 1 || !strings.Contains(l.Warnings[0], "devtool > ghost") {
		t.Errorf("warnings %q", l.Warnings)
	}
	if d := cmp.Diff([]string{"optdep", "shared"}, l.Get("devtool").Deps); d != "" {
		t.Errorf("dangling edge kept: %s", d)
	}
}

func TestManifest(t *testing.T) {
	m, err := ParseManifest([]byte(`{
  "name": "x",
  "version": "1.0.0",
  "licenses": [{"type": "MIT"}, {"type": "Apache-2.0 WITH LLVM-exception"}],
  "workspaces": {"packages": ["a/*", "!a/skip"]},
  "dependencies": {"a": "^1", "o": "^2"},
  "optionalDependencies": {"o": "^2"},
  "peerDependencies": {"p": "^3"},
  "peerDependenciesMeta": {"p": {"optional": true}},
  "devDependencies": {"a": "^1", "d": "^4"}
}`))
	if err != nil {
		t.Fatal(err)
	}
	if m.License != "MIT OR (Apache-2.0 WITH LLVM-exception)" {
		t.Errorf("license %q", m.License)
	}
	var got []string
	for _, d := range m.Deps {
		got = append(got, d.Name+":"+string(d.Scope()))
	}
	if d := cmp.Diff([]string{"a:runtime", "o:optional", "p:optional", "a:dev", "d:dev"}, got); d != "" {
		t.Errorf("deps (-want +got):\n%s", d)
	}
	if s, spec, ok := m.Scope("a"); !ok || s != deps.Runtime || spec != "^1" {
		t.Errorf("Scope(a) = %s %s %v", s, spec, ok)
	}
	if !MatchesGlobs(m.Workspaces, "a/b") || MatchesGlobs(m.Workspaces, "a/skip") || MatchesGlobs(m.Workspaces, "b/c") {
		t.Error("workspace globs")
	}
}

func TestDirs(t *testing.T) {
	for _, c := range []struct{ dir, rel, want string }{
		{".", "packages/a", "packages/a"},
		{"svc", "./packages/a/", "svc/packages/a"},
		{"fn.zip!/", "packages/a", "fn.zip!/packages/a"},
		{"fn.zip!/", ".", "fn.zip!/"},
	} {
		if got := JoinDir(c.dir, c.rel); got != c.want {
			t.Errorf("JoinDir(%q, %q) = %q", c.dir, c.rel, got)
		}
	}
	if rel, ok := RelDir("svc", "svc/packages/a"); !ok || rel != "packages/a" {
		t.Errorf("RelDir = %q %v", rel, ok)
	}
	if _, ok := RelDir("svc", "other/a"); ok {
		t.Error("RelDir outside")
	}
	for _, c := range []struct{ dir, parent string }{{"a/b", "a"}, {"a", "."}, {"fn.zip!/a", "fn.zip!/"}, {"fn.zip!/", ""}, {".", ""}} {
		p, ok := ParentDir(c.dir)
		if p != c.parent || ok != (c.parent != "") {
			t.Errorf("ParentDir(%q) = %q, %v", c.dir, p, ok)
		}
	}
	if deps.Dir("fn.zip!/package.json") != "fn.zip!/" || deps.Dir("a/fn.zip!/x/package.json") != "a/fn.zip!/x" || deps.Dir("package.json") != "." {
		t.Error("deps.Dir")
	}
}
