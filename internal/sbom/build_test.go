package sbom

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/model"
)

func pkg(id, name, version string, scope deps.Scope, license string, depIDs ...string) *deps.Package {
	return &deps.Package{
		ID: id, Ecosystem: deps.PyPI, Name: name, Version: version, Scope: scope, License: license, Deps: depIDs,
		PURL: "pkg:pypi/" + name + "@" + version, Source: model.Location{Line: 1},
	}
}

// TestBuildMerge: occurrences of one purl in two files merge into one
// package with the widest scope and the first license; a declared-only
// file beside a real lockfile is left out.
func TestBuildMerge(t *testing.T) {
	lock := &deps.Lockfile{File: "poetry.lock", Ecosystem: deps.PyPI, Format: "poetry", Dir: ".", Roots: []string{"a"},
		Packages: []*deps.Package{pkg("a", "a", "1.0", deps.Runtime, "", "b"), pkg("b", "b", "2.0", deps.Runtime, "MIT")}}
	dev := &deps.Lockfile{File: "tools/requirements-dev.txt", Ecosystem: deps.PyPI, Format: "requirements", Dir: "tools",
		Packages: []*deps.Package{pkg("b", "b", "2.0", deps.Dev, "Apache-2.0"), pkg("c", "c", "", deps.Dev, "")}}
	dev.Packages[1].PURL = ""
	ranges := &deps.Lockfile{File: "requirements.txt", Ecosystem: deps.PyPI, Format: "requirements", Dir: ".", DeclaredOnly: true,
		Packages: []*deps.Package{pkg("a", "a", ">=1", deps.Runtime, "")}}
	for _, l := range []*deps.Lockfile{lock, dev, ranges} {
		for _, p := range l.Packages {
			p.Source.File = l.File
		}
	}
	inv := Build(".", &model.Project{}, []*deps.Lockfile{lock, dev, ranges})
	got := map[string]string{}
	for _, p := range inv.Packages {
		got[p.Key] = string(p.Scope) + " " + p.LicenseText()
	}
	want := map[string]string{
		"pkg:pypi/a@1.0": "runtime unknown",
		"pkg:pypi/b@2.0": "runtime MIT",
		"PyPI:c@":        "dev unknown",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if b := inv.Get("pkg:pypi/b@2.0"); b == nil || len(b.Occurrences) != 2 {
		t.Errorf("b should have two occurrences: %+v", b)
	}
	if a := inv.Get("pkg:pypi/a@1.0"); a == nil || !cmp.Equal(a.DependsOn, []string{"pkg:pypi/b@2.0"}) {
		t.Errorf("a should depend on b: %+v", a)
	}
	if d := cmp.Diff([]string{"pkg:pypi/a@1.0"}, inv.Roots); d != "" {
		t.Errorf("roots (-want +got):\n%s", d)
	}
}
