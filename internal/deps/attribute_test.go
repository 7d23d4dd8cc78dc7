package deps

import (
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func lock(file, eco, format, dir string, pkgs ...*Package) *Lockfile {
	l := &Lockfile{File: file, Ecosystem: eco, Format: format, Dir: dir, Packages: pkgs}
	for _, p := range pkgs {
		if p.Direct {
			l.Roots = append(l.Roots, p.ID)
		}
	}
	return l
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestForFunction(t *testing.T) {
	rootNpm := lock("package-lock.json", NPM, "package-lock@3", ".",
		&Package{ID: "node_modules/serverless", Name: "serverless", Direct: true, Scope: Dev})
	svcNpm := lock("svc/package-lock.json", NPM, "package-lock@3", "svc",
		&Package{ID: "node_modules/express", Name: "express", Direct: true, Deps: []string{"node_modules/qs"}, Scope: Runtime},
		&Package{ID: "node_modules/qs", Name: "qs", Scope: Runtime},
		&Package{ID: "node_modules/unused", Name: "unused", Scope: Runtime})
	py := lock("svc/requirements.txt", PyPI, "requirements", "svc", &Package{ID: "requests", Name: "requests", Direct: true})
	zipLock := lock("fn.zip!/package-lock.json", NPM, "package-lock@3", "fn.zip!/", &Package{ID: "node_modules/a", Direct: true})
	zipTree := lock("fn.zip!/node_modules", NPM, "node_modules", "fn.zip!/", &Package{ID: "node_modules/b", Direct: true})
	all := []*Lockfile{rootNpm, svcNpm, py, zipLock, zipTree}

	cases := []struct {
		name, dir, runtime string
		want               []string // lockfile: reachable ids
	}{
		{"node function uses its service lockfile", "svc/src", "nodejs20.x", []string{"svc/package-lock.json: node_modules/express,node_modules/qs"}},
		{"python function ignores npm tooling", "svc", "python3.12", []string{"svc/requirements.txt: requests"}},
		{"root node function", "other", "nodejs20.x", []string{"package-lock.json: node_modules/serverless"}},
		{"unknown runtime takes every ecosystem", "svc", "", []string{"svc/package-lock.json: node_modules/express,node_modules/qs", "svc/requirements.txt: requests"}},
		{"installed tree wins in a package", "fn.zip!/", "nodejs20.x", []string{"fn.zip!/node_modules: node_modules/b"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, s := range ForFunction(all, c.dir, c.runtime) {
				ks := keys(s.Reach)
				got = append(got, s.Lockfile.File+": "+strings.Join(ks, ","))
			}
			if d := cmp.Diff(c.want, got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func TestEcosystems(t *testing.T) {
	for rt, want := range map[string][]string{"nodejs18.x": {NPM}, "python3.9": {PyPI}, "go1.x": {Go}, "java21": {Maven}, "": nil, "${opt:rt}": nil} {
		if d := cmp.Diff(want, Ecosystems(rt)); d != "" {
			t.Errorf("%q: %s", rt, d)
		}
	}
}

func TestForFunctionPrefersShippingRequirements(t *testing.T) {
	dev := lock("svc/requirements-dev.txt", PyPI, "requirements", "svc", &Package{ID: "pytest", Name: "pytest", Direct: true, Scope: Dev})
	run := lock("svc/requirements.txt", PyPI, "requirements", "svc", &Package{ID: "requests", Name: "requests", Direct: true, Scope: Runtime})
	got := ForFunction([]*Lockfile{dev, run}, "svc", "python3.12")
	if len(got) != 1 || got[0].Lockfile != run {
		t.Fatalf("governing lockfile = %+v, want svc/requirements.txt", got)
	}
}

func TestShadowed(t *testing.T) {
	zipLock := lock("fn.zip!/package-lock.json", NPM, "package-lock@3", "fn.zip!/", &Package{ID: "node_modules/a", Direct: true})
	zipTree := lock("fn.zip!/node_modules", NPM, "node_modules", "fn.zip!/", &Package{ID: "node_modules/a", Direct: true})
	bare := lock("svc/package.json", NPM, "package.json", "svc", &Package{ID: "a", Direct: true})
	bare.DeclaredOnly = true
	svcLock := lock("svc/package-lock.json", NPM, "package-lock@3", "svc", &Package{ID: "node_modules/a", Direct: true})
	dev := lock("svc/requirements-dev.txt", PyPI, "requirements", "svc", &Package{ID: "pytest", Scope: Dev})
	run := lock("svc/requirements.txt", PyPI, "requirements", "svc", &Package{ID: "requests", Scope: Runtime})
	got := Shadowed([]*Lockfile{zipLock, zipTree, bare, svcLock, dev, run})
	var files []string
	for l := range got {
		files = append(files, l.File)
	}
	sort.Strings(files)
	if d := cmp.Diff([]string{"fn.zip!/package-lock.json", "svc/package.json"}, files); d != "" {
		t.Errorf("shadowed (-want +got):\n%s", d)
	}
}
