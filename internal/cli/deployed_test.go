package cli

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScanDeployed: the demo inventory's leftovers are reported against the
// AWS demo, the functions it declares (in any stage) are not; a file that
// is no inventory stops the scan with exit 2.
func TestScanDeployed(t *testing.T) {
	inv := filepath.Join("..", "..", "examples", "inventory", "aws-lambda-list-functions.json")
	r := scanJSON(t, 1, "--offline", "--category", "access", "--deployed", inv, filepath.Join("..", "..", "examples", "aws-orders"))
	var got []string
	for _, f := range r.Findings {
		if f.Rule == "access/deployed-not-in-code" {
			got = append(got, f.Severity.String()+" "+f.Evidence)
		}
	}
	sort.Strings(got)
	want := []string{"high aws-orders-dev-legacyExport", "medium orders-reports-ReportsFunction-7hT2kQ9xLm4P"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Without --deployed the check stays silent.
	for _, f := range scanJSON(t, 1, "--offline", "--category", "access", filepath.Join("..", "..", "examples", "aws-orders")).Findings {
		if f.Rule == "access/deployed-not-in-code" {
			t.Errorf("reported without an inventory: %s", f.Evidence)
		}
	}
	dir := writeTree(t, map[string]string{"stacks.json": `{"Stacks": []}`})
	for _, file := range []string{filepath.Join(dir, "stacks.json"), filepath.Join(dir, "missing.json")} {
		code, _, errs := run(t, "scan", "--offline", "--deployed", file, dir)
		if code != 2 || !strings.Contains(errs, "--deployed") {
			t.Errorf("--deployed %s: exit %d, stderr %q", file, code, errs)
		}
	}
}
