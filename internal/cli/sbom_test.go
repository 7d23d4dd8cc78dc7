package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/sbom"
)

// sbomFixture is the sbom package's test project.
const sbomFixture = "../sbom/testdata/project"

// runWith executes the CLI with environment variables.
func runWith(t *testing.T, vars map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, Env{
		Stdout: &out, Stderr: &errb, Stdin: strings.NewReader(""),
		Getenv: func(k string) string { return vars[k] },
	})
	return code, out.String(), errb.String()
}

var epoch = map[string]string{"SOURCE_DATE_EPOCH": "1700000000"}

func TestSBOMFormats(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string // substrings of the output
	}{
		{[]string{"sbom", sbomFixture}, []string{`"bomFormat": "CycloneDX"`, `"specVersion": "1.6"`, `"timestamp": "2023-11-14T22:13:20Z"`, `"name": "clad:function"`}},
		{[]string{"sbom", sbomFixture, "--format", "cyclonedx"}, []string{`"bomFormat": "CycloneDX"`}},
		{[]string{"sbom", sbomFixture, "--format", "SPDX"}, []string{`"spdxVersion": "SPDX-2.3"`, `"created": "2023-11-14T22:13:20Z"`, `"primaryPackagePurpose": "APPLICATION"`}},
	} {
		code, out, errs := runWith(t, epoch, tt.args...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d\n%s", tt.args, code, errs)
		}
		if !json.Valid([]byte(out)) {
			t.Fatalf("%v: output is not JSON:\n%.500s", tt.args, out)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %s", tt.args, w)
			}
		}
	}
}

// TestSBOMMatchesLibrary: the command writes exactly what the sbom package
// renders for the same scan, name and time.
func TestSBOMMatchesLibrary(t *testing.T) {
	inv, err := buildInventory(context.Background(), sbomFixture, &projectFlags{quiet: true}, Env{Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	meta := sbom.Meta{Name: "project", ToolVersion: version(), Time: time.Unix(1700000000, 0).UTC()}
	var want bytes.Buffer
	if err := sbom.WriteSPDX(&want, inv, meta); err != nil {
		t.Fatal(err)
	}
	_, out, _ := runWith(t, epoch, "sbom", sbomFixture, "--format", "spdx", "-q")
	if d := cmp.Diff(want.String(), out); d != "" {
		t.Errorf("clad sbom differs from sbom.WriteSPDX (-want +got):\n%s", d)
	}
}

func TestSBOMOutputFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "bom.json")
	code, out, errs := runWith(t, epoch, "sbom", sbomFixture, "-o", file)
	if code != ExitOK || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, out, errs)
	}
	b, err := os.ReadFile(file)
	if err != nil || !bytes.Contains(b, []byte(`"bomFormat": "CycloneDX"`)) {
		t.Fatalf("output file: %v\n%.300s", err, b)
	}
}

func TestSBOMErrors(t *testing.T) {
	for _, tt := range []struct {
		vars map[string]string
		args []string
		want string
	}{
		{nil, []string{"sbom", sbomFixture, "--format", "swid"}, `unknown --format "swid"`},
		{nil, []string{"sbom", "a", "b"}, "sbom takes one PATH, got 2"},
		{nil, []string{"sbom", filepath.Join(t.TempDir(), "missing")}, "cannot read"},
		{map[string]string{"SOURCE_DATE_EPOCH": "yesterday"}, []string{"sbom", sbomFixture}, "SOURCE_DATE_EPOCH"},
		{nil, []string{"sbom", sbomFixture, "-o", filepath.Join(t.TempDir(), "no", "dir", "bom.json")}, "cannot write SBOM"},
		{nil, []string{"inventory", sbomFixture, "--format", "xml"}, `unknown --format "xml"`},
		{nil, []string{"inventory", sbomFixture, "--scope", "prod"}, `unknown scope "prod"`},
		{nil, []string{"inventory", sbomFixture, "--nope"}, "unknown flag"},
	} {
		code, _, errs := runWith(t, tt.vars, tt.args...)
		if code != ExitError || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 mentioning %q", tt.args, code, errs, tt.want)
		}
	}
}

func TestSBOMHelp(t *testing.T) {
	for _, cmd := range []string{"sbom", "inventory"} {
		code, _, errs := runWith(t, nil, cmd, "--help")
		if code != ExitOK || !strings.Contains(errs, "Usage: clad "+cmd) {
			t.Errorf("%s --help: exit %d\n%s", cmd, code, errs)
		}
	}
	_, out, _ := runWith(t, nil, "help")
	for _, cmd := range []string{"clad sbom", "clad inventory"} {
		if !strings.Contains(out, cmd) {
			t.Errorf("main usage lacks %s", cmd)
		}
	}
}

func TestInventoryCommand(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string
		not  []string
	}{
		{[]string{"inventory", sbomFixture}, []string{"PACKAGE", "jszip", "(MIT OR GPL-3.0-or-later)", "— (not deployed)", "unknown", "14 packages"}, nil},
		{[]string{"inventory", sbomFixture, "--license", "GPL-3.0"}, []string{"jszip"}, []string{"debug", "mocha"}},
		{[]string{"inventory", sbomFixture, "--package", "ms", "--scope", "dev"}, []string{"2.1.3"}, []string{"2.1.2"}},
		{[]string{"inventory", sbomFixture, "--function", "charge", "--format", "csv"}, []string{"ecosystem,name,version", "npm,uuid,9.0.1"}, []string{"jszip"}},
		{[]string{"inventory", sbomFixture, "--ecosystem", "PyPI", "--format", "json"}, []string{`"schema_version": 1`, `"name": "requests"`}, []string{`"name": "debug"`}},
		{[]string{"inventory", sbomFixture, "--package", "left-pad"}, []string{"0 packages"}, nil},
	} {
		code, out, errs := runWith(t, nil, tt.args...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d\n%s", tt.args, code, errs)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q\n%s", tt.args, w, out)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(out, w) {
				t.Errorf("%v: output has %q\n%s", tt.args, w, out)
			}
		}
	}
}

// TestInventoryNotes: an empty directory gives an empty inventory and a
// note saying why, unless --quiet.
func TestInventoryNotes(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runWith(t, nil, "inventory", dir, "--format", "json")
	if code != ExitOK || !strings.Contains(out, `"packages": []`) || !strings.Contains(errs, "no dependency file") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
	_, _, errs = runWith(t, nil, "inventory", dir, "-q")
	if errs != "" {
		t.Errorf("--quiet still printed %q", errs)
	}
	broken := writeTree(t, map[string]string{"package-lock.json": "{not json"})
	_, _, errs = runWith(t, nil, "inventory", broken)
	if !strings.Contains(errs, "package-lock.json") || !strings.Contains(errs, "missing from the inventory") {
		t.Errorf("a broken lockfile should be named on stderr: %q", errs)
	}
}
