package sbom

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	depslist "github.com/cladsec/clad/internal/deps/list"
	"github.com/cladsec/clad/internal/extract/list"
	"github.com/cladsec/clad/internal/scan"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixture is the test project: a Serverless service with two Node
// functions sharing a lockfile and a Python function (requirements.txt
// plus requirements-dev.txt), an npm workspace member with its own service,
// and a legacy service with a v1 lockfile pinning packages the root
// lockfile pins too.
const fixture = "testdata/project"

// fixedMeta makes SBOM output reproducible.
var fixedMeta = Meta{Name: "project", ToolVersion: "1.2.3", Time: time.Unix(1700000000, 0).UTC()}

// inventoryOf scans dir the way the CLI does and builds its inventory.
func inventoryOf(t *testing.T, dir string) *Inventory {
	t.Helper()
	res, err := scan.Run(context.Background(), scan.Options{
		Target: dir, Extractors: list.All(), Parsers: depslist.All(), Offline: true,
	})
	if err != nil {
		t.Fatalf("scan %s: %v", dir, err)
	}
	defer res.Close()
	for _, p := range res.Problems {
		t.Logf("problem: %+v", p)
	}
	return Build(dir, res.Project, res.Lockfiles)
}

func render(t *testing.T, inv *Inventory, write func(io.Writer, *Inventory) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b, inv); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func withMeta(m Meta, write func(io.Writer, *Inventory, Meta) error) func(io.Writer, *Inventory) error {
	return func(w io.Writer, inv *Inventory) error { return write(w, inv, m) }
}

// golden compares got with testdata/golden/<name>, rewriting it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("%s differs (-want +got):\n%s", p, d)
	}
}

func TestGolden(t *testing.T) {
	inv := inventoryOf(t, fixture)
	for _, tt := range []struct {
		name  string
		write func(io.Writer, *Inventory) error
	}{
		{"inventory.txt", WriteTable},
		{"inventory.json", WriteJSON},
		{"inventory.csv", WriteCSV},
		{"sbom.cdx.json", withMeta(fixedMeta, WriteCycloneDX)},
		{"sbom.spdx.json", withMeta(fixedMeta, WriteSPDX)},
	} {
		t.Run(tt.name, func(t *testing.T) { golden(t, tt.name, render(t, inv, tt.write)) })
	}
}

// TestGoldenFiltered pins the table of a filtered inventory.
func TestGoldenFiltered(t *testing.T) {
	inv := Filter{Licenses: []string{"GPL"}}.Apply(inventoryOf(t, fixture))
	golden(t, "inventory-license-gpl.txt", render(t, inv, WriteTable))
}

func TestReproducible(t *testing.T) {
	a, b := inventoryOf(t, fixture), inventoryOf(t, fixture)
	for name, w := range map[string]func(io.Writer, *Inventory, Meta) error{"cyclonedx": WriteCycloneDX, "spdx": WriteSPDX} {
		if !bytes.Equal(render(t, a, withMeta(fixedMeta, w)), render(t, b, withMeta(fixedMeta, w))) {
			t.Errorf("%s: two runs over the same project differ", name)
		}
	}
	later := fixedMeta
	later.Time = later.Time.Add(time.Hour)
	if CycloneDX(a, fixedMeta).SerialNumber == CycloneDX(a, later).SerialNumber {
		t.Error("the CycloneDX serial number should change with the creation time")
	}
	if SPDX(a, fixedMeta).DocumentNamespace != SPDX(a, later).DocumentNamespace {
		t.Error("the SPDX namespace should depend on the project and content only")
	}
	other := *a
	other.Packages = a.Packages[1:]
	if SPDX(a, fixedMeta).DocumentNamespace == SPDX(&other, fixedMeta).DocumentNamespace {
		t.Error("the SPDX namespace should change with the content")
	}
}

// TestAttribution checks which functions ship what in the fixture.
func TestAttribution(t *testing.T) {
	inv := inventoryOf(t, fixture)
	want := map[string][]string{
		"pkg:npm/debug@4.3.4":                      {"billing/charge", "shop-legacy/cleanup", "shop/api", "shop/worker"},
		"pkg:npm/ms@2.1.2":                         {"billing/charge", "shop-legacy/cleanup", "shop/api", "shop/worker"},
		"pkg:npm/jszip@3.10.1":                     {"shop/api", "shop/worker"},
		"pkg:npm/pako@1.0.11":                      {"shop/api", "shop/worker"},
		"pkg:npm/fsevents@2.3.3":                   {"shop/api", "shop/worker"},
		"pkg:npm/uuid@9.0.1":                       {"billing/charge"},
		"pkg:npm/mocha@10.2.0":                     {},
		"pkg:npm/ms@2.1.3":                         {},
		"pkg:pypi/requests@2.31.0":                 {"shop/report"},
		"pkg:pypi/urllib3@2.0.7":                   {"shop/report"},
		"pkg:pypi/pytest@7.4.3":                    {},
		"local:package-lock.json#packages/billing": {},
	}
	got := map[string][]string{}
	for _, p := range inv.Packages {
		got[p.Key] = p.Functions
	}
	for key, fns := range want {
		if d := cmp.Diff(fns, got[key]); d != "" {
			t.Errorf("%s: functions differ (-want +got):\n%s", key, d)
		}
	}
	debug := inv.Get("pkg:npm/debug@4.3.4")
	if debug == nil || len(debug.Occurrences) != 2 {
		t.Fatalf("debug@4.3.4 should be one package with two occurrences (root and legacy lockfiles): %+v", debug)
	}
	if debug.Occurrences[0].File != "legacy/package-lock.json" || debug.Occurrences[1].File != "package-lock.json" {
		t.Errorf("occurrences not sorted by file: %+v", debug.Occurrences)
	}
	fns := map[string][]string{}
	for _, f := range inv.Functions {
		fns[f.ID] = f.Dependencies
	}
	wantDirect := map[string][]string{
		"billing/charge": {"pkg:npm/debug@4.3.4", "pkg:npm/uuid@9.0.1"},
		"shop/report":    {"pkg:pypi/requests@2.31.0", "pkg:pypi/urllib3@2.0.7"},
	}
	for id, want := range wantDirect {
		if d := cmp.Diff(want, fns[id]); d != "" {
			t.Errorf("%s: direct dependencies differ (-want +got):\n%s", id, d)
		}
	}
}

// TestBuildEmpty: no project, no lockfiles still gives a valid, empty inventory.
func TestBuildEmpty(t *testing.T) {
	inv := Build("x", nil, nil)
	if inv.Functions == nil || inv.Packages == nil || len(inv.Packages) != 0 {
		t.Fatalf("empty inventory should have empty, non-nil lists: %+v", inv)
	}
	out := render(t, inv, WriteJSON)
	if !bytes.Contains(out, []byte(`"packages": []`)) {
		t.Errorf("empty packages should render as []:\n%s", out)
	}
	for name, w := range map[string]func(io.Writer, *Inventory, Meta) error{"cyclonedx": WriteCycloneDX, "spdx": WriteSPDX} {
		if len(render(t, inv, withMeta(Meta{}, w))) == 0 {
			t.Errorf("%s: empty output", name)
		}
	}
}
