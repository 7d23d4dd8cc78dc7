package vulndeps

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestShop is the end-to-end check on a fixture monorepo written for it:
// a Node service (a direct and two transitive vulnerable packages, a
// vulnerable devDependency, a package its packaging excludes, lodash
// 4.17.21 just outside every lodash range), a Python service beside it
// (requests 2.19.1 vulnerable, PyYAML 5.4 just outside every range) and a
// root package.json of deployment tooling that must not be attributed to
// the Python function.
func TestShop(t *testing.T) {
	res := scanWith(t, "testdata/shop", sharedDB(t), true, New())
	if len(res.notRun) > 0 {
		t.Errorf("not run: %v", res.notRun)
	}
	golden(t, "shop.golden", render(res.findings))
	for _, f := range res.findings {
		v := f.Vulnerability
		switch {
		case v.Package == "lodash" || strings.EqualFold(v.Package, "pyyaml"):
			t.Errorf("%s@%s sits outside every affected range but was reported (%s)", v.Package, v.Version, v.ID)
		case f.Rule == RuleShipped.ID && (v.Package == "minimist" || v.Package == "semver" || v.Package == "moment"):
			t.Errorf("%s does not ship but was reported as shipped: %s", v.Package, f.Message)
		case v.Ecosystem == "npm" && contains(f.Functions, "reports/daily"):
			t.Errorf("npm package %s attributed to the Python function", v.Package)
		}
	}
}

// TestDeclaredOnly scans a service with a package.json and no lockfile:
// an exact version is matched as pinned, a range as "may resolve", one
// step lower.
func TestDeclaredOnly(t *testing.T) {
	res := scanWith(t, "testdata/declared", sharedDB(t), true, New())
	golden(t, "declared.golden", render(res.findings))
	for _, f := range res.findings {
		if f.Vulnerability.Package == "uuid" {
			t.Errorf("uuid ^8.3.2 admits no affected version but was reported: %s", f.Message)
		}
	}
}

// TestNoData: without advisory data the check says it did not run, and
// reports nothing.
func TestNoData(t *testing.T) {
	res := scanWith(t, "testdata/shop", t.TempDir(), true, New())
	if len(res.findings) != 0 {
		t.Errorf("findings without data: %d", len(res.findings))
	}
	if len(res.notRun) != 1 || res.notRun[0] != NotRunNoData {
		t.Errorf("not run = %q, want %q", res.notRun, NotRunNoData)
	}
}

// TestNothingToCheck: a project without dependency files needs no data
// and is not reported as skipped.
func TestNothingToCheck(t *testing.T) {
	res := scanWith(t, "testdata/online/src", t.TempDir(), true, New())
	if len(res.notRun) != 0 || len(res.findings) != 0 {
		t.Errorf("not run %q, findings %d", res.notRun, len(res.findings))
	}
}

// TestStaleData warns when the data is older than 14 days.
func TestStaleData(t *testing.T) {
	later := func() time.Time { return time.Now().Add(20 * 24 * time.Hour) }
	res := scanWith(t, "testdata/declared", sharedDB(t), true, NewWithOptions(Options{Now: later}))
	found := false
	for _, p := range res.problems {
		if strings.Contains(p, "warning advisory") && strings.Contains(p, "20 days old") {
			found = true
		}
	}
	if !found {
		t.Errorf("no staleness warning among %q", res.problems)
	}
	if len(res.findings) == 0 {
		t.Error("stale data must still be used")
	}
}

// TestNoFunctions: a plain project (lockfile, no manifest) is checked like
// any SCA scan: runtime packages under the main rule without functions,
// development ones apart.
func TestNoFunctions(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"package.json", "package-lock.json"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "examples", "aws-orders", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := scanWith(t, dir, sharedDB(t), true, New())
	rules := map[string]string{}
	for _, f := range res.findings {
		if len(f.Functions) != 0 {
			t.Errorf("%s attributed to %v without functions", f.Evidence, f.Functions)
		}
		rules[f.Evidence] = f.Rule
	}
	want := map[string]string{
		"lodash@4.17.15": RuleShipped.ID, "xml2js@0.4.19": RuleShipped.ID, "node-serialize@0.0.4": RuleShipped.ID,
		"minimist@0.0.8": RuleDev.ID, "minimatch@3.0.4": RuleDev.ID,
	}
	if d := cmp.Diff(want, rules); d != "" {
		t.Errorf("rules (-want +got):\n%s", d)
	}
}
