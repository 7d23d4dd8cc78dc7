package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/report"
)

var update = flag.Bool("update", false, "rewrite golden files")

// run executes the CLI in-process and returns exit code, stdout, stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, Env{Stdout: &out, Stderr: &errb, Stdin: strings.NewReader("")})
	return code, out.String(), errb.String()
}

// scanJSON runs a JSON scan, checks the output against the schema and
// decodes it.
func scanJSON(t *testing.T, wantCode int, args ...string) *report.Report {
	t.Helper()
	code, out, errs := run(t, append([]string{"scan", "--format", "json"}, args...)...)
	if code != wantCode {
		t.Fatalf("clad scan %v: exit %d, want %d\nstderr: %s\nstdout: %.2000s", args, code, wantCode, errs, out)
	}
	if err := report.ValidateJSON([]byte(out)); err != nil {
		t.Fatalf("output does not match the schema: %v\n%.3000s", err, out)
	}
	var r report.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// golden compares got with testdata/<name>, rewriting it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
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

// TestDemoFunctionMaps pins the function map of every demo app exactly.
func TestDemoFunctionMaps(t *testing.T) {
	for _, demo := range []string{"aws-orders", "azure-todo"} {
		t.Run(demo, func(t *testing.T) {
			r := scanJSON(t, ExitOK, "--fail-on", "none", filepath.Join("..", "..", "examples", demo))
			b, err := json.MarshalIndent(r.Project.Functions, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "demo-"+demo+".functions.json", append(b, '\n'))
			if len(r.Errors) != 0 {
				t.Errorf("demo has problems: %+v", r.Errors)
			}
		})
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	dir := writeTree(t, map[string]string{"host.json": `{"version": "2.0"}`})
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no command", nil, "Usage"},
		{"unknown command", []string{"scna"}, "unknown command"},
		{"unknown flag", []string{"scan", "--fromat", "json", dir}, "unknown flag"},
		{"bad format", []string{"scan", "--format", "xml", dir}, "unknown --format"},
		{"bad fail-on", []string{"scan", "--fail-on", "severe", dir}, "--fail-on"},
		{"bad category", []string{"scan", "--category", "network", dir}, "unknown category"},
		{"two paths", []string{"scan", dir, dir}, "one PATH"},
		{"missing path", []string{"scan", filepath.Join(dir, "nope")}, "no such file"},
		{"bad param", []string{"scan", "--param", "novalue", dir}, "KEY=VALUE"},
		{"unknown rule", []string{"rules", "code/nope"}, "no rule"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, errs := run(t, c.args...)
			if code != ExitError {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(errs, c.want) {
				t.Errorf("stderr %q lacks %q", errs, c.want)
			}
		})
	}
}

func TestBadConfigExitsTwo(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"host.json":  `{"version": "2.0"}`,
		".clad.yaml": "ignores:\n  - rule: access/handler-missing\n    reasn: typo\n",
	})
	code, _, errs := run(t, "scan", dir)
	if code != ExitError || !strings.Contains(errs, `reasn`) || !strings.Contains(errs, ":3") {
		t.Errorf("exit %d, stderr %q: want 2 naming the key and line", code, errs)
	}
}

const missingHandlerApp = `{"version": "2.0"}`

func missingHandlerTree(t *testing.T, extra map[string]string) string {
	files := map[string]string{
		"host.json":           missingHandlerApp,
		"local.settings.json": `{"Values": {"FUNCTIONS_WORKER_RUNTIME": "node"}}`,
		"gone/function.json":  `{"bindings": [{"type": "httpTrigger", "direction": "in", "authLevel": "function", "name": "req"}]}`,
		"ok/function.json":    `{"bindings": [{"type": "timerTrigger", "direction": "in", "schedule": "0 0 * * * *", "name": "t"}]}`,
		"ok/index.js":         "module.exports = async function () {}\n",
	}
	for k, v := range extra {
		files[k] = v
	}
	return writeTree(t, files)
}

func TestFailOnThreshold(t *testing.T) {
	dir := missingHandlerTree(t, nil) // one medium finding: access/handler-missing
	for _, c := range []struct {
		failOn string
		code   int
	}{{"high", ExitOK}, {"medium", ExitFindings}, {"low", ExitFindings}, {"none", ExitOK}, {"critical", ExitOK}} {
		r := scanJSON(t, c.code, "--fail-on", c.failOn, dir)
		if r.Summary.FailOn != c.failOn || r.Summary.Failed != (c.code == ExitFindings) {
			t.Errorf("fail-on %s: summary %+v", c.failOn, r.Summary)
		}
		if len(r.Findings) != 1 || r.Findings[0].Rule != "access/handler-missing" {
			t.Fatalf("findings = %+v", r.Findings)
		}
	}
	cfgDir := missingHandlerTree(t, map[string]string{".clad.yaml": "fail-on: medium\n"})
	scanJSON(t, ExitFindings, cfgDir)
	scanJSON(t, ExitOK, "--fail-on", "high", cfgDir) // the flag wins over the file
}

func TestCategoryFilter(t *testing.T) {
	dir := missingHandlerTree(t, nil)
	r := scanJSON(t, ExitOK, "--category", "data,code", "--fail-on", "low", dir)
	if len(r.Findings) != 0 {
		t.Errorf("access finding reported with --category data,code: %+v", r.Findings)
	}
	if d := cmp.Diff([]string{"code", "data"}, r.Summary.Categories); d != "" {
		t.Error(d)
	}
}

func TestIgnores(t *testing.T) {
	dir := missingHandlerTree(t, map[string]string{".clad.yaml": `ignores:
  - rule: access/handler-missing
    path: "gone/**"
    reason: being rewritten, tracked in TODO-1
  - rule: data/*
    reason: stale
  - rule: access/handler-missing
    function: "*/ok"
    reason: expired one
    until: 2020-01-01
`})
	r := scanJSON(t, ExitOK, "--fail-on", "low", dir)
	if len(r.Findings) != 0 || r.Summary.Suppressed != 1 {
		t.Fatalf("findings %+v, suppressed %d", r.Findings, r.Summary.Suppressed)
	}
	var msgs []string
	for _, p := range r.Errors {
		msgs = append(msgs, p.Message)
	}
	all := strings.Join(msgs, "\n")
	if !strings.Contains(all, "unused ignore for data/*") || !strings.Contains(all, "expired on 2020-01-01") {
		t.Errorf("problems lack unused/expired ignore warnings:\n%s", all)
	}
}

func TestNothingRecognisableIsNotClean(t *testing.T) {
	dir := writeTree(t, map[string]string{"README.md": "# hello", "src/app.js": "console.log(1)"})
	r := scanJSON(t, ExitError, dir)
	if len(r.Errors) == 0 || !strings.Contains(r.Errors[len(r.Errors)-1].Message, "nothing recognisable") {
		t.Errorf("errors = %+v", r.Errors)
	}
	code, out, _ := run(t, "scan", dir)
	if code != ExitError || !strings.Contains(out, "nothing recognisable") {
		t.Errorf("table: exit %d, output:\n%s", code, out)
	}
}

func TestBrokenManifests(t *testing.T) {
	broken := writeTree(t, map[string]string{"host.json": "{\"version\": \"2.0\",,}"})
	r := scanJSON(t, ExitError, broken)
	if r.Summary.FilesFailed != 1 {
		t.Errorf("files_failed = %d", r.Summary.FilesFailed)
	}
	mixed := missingHandlerTree(t, map[string]string{"other/host.json": "\xff\xfe"})
	r = scanJSON(t, ExitOK, mixed)
	if r.Summary.FilesFailed != 1 || r.Summary.Functions != 2 {
		t.Errorf("mixed: summary %+v, errors %+v", r.Summary, r.Errors)
	}
}

func TestOutputFileAndFormats(t *testing.T) {
	dir := missingHandlerTree(t, nil)
	out := filepath.Join(t.TempDir(), "report.sarif")
	code, stdout, _ := run(t, "scan", dir, "--format", "sarif", "--output", out, "--quiet")
	if code != ExitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.Contains(b, []byte(`"version": "2.1.0"`)) || !bytes.Contains(b, []byte("access/handler-missing")) {
		t.Errorf("sarif file: %v\n%.500s", err, b)
	}
	code, md, _ := run(t, "scan", dir, "--format", "markdown")
	if code != ExitOK || !strings.Contains(md, "handler-missing") {
		t.Errorf("markdown: exit %d\n%s", code, md)
	}
}

func TestRulesAndVersion(t *testing.T) {
	code, out, _ := run(t, "rules")
	if code != 0 || !strings.Contains(out, "access/handler-missing") || !strings.Contains(out, "CWE-1164") {
		t.Errorf("rules: %d\n%s", code, out)
	}
	code, out, _ = run(t, "rules", "access/handler-missing")
	for _, want := range []string{"How to fix", "Reported", "Not reported", "forgotten functions"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("rule doc lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = run(t, "rules", "--format", "json")
	var rules []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &rules) != nil || len(rules) == 0 {
		t.Errorf("rules json: %d %s", code, out)
	}
	code, out, _ = run(t, "version")
	if code != 0 || !strings.HasPrefix(out, "clad ") {
		t.Errorf("version: %d %q", code, out)
	}
	if code, _, errs := run(t, "scan", "--help"); code != 0 || !strings.Contains(errs, "--fail-on") {
		t.Errorf("scan --help: %d %s", code, errs)
	}
}

func TestScanBaseline(t *testing.T) {
	dir := missingHandlerTree(t, nil) // one medium finding
	base := filepath.Join(t.TempDir(), "baseline.json")
	r := scanJSON(t, ExitOK, "--fail-on", "medium", "--baseline", base, dir)
	if len(r.Findings) != 0 || r.Summary.Suppressed != 1 {
		t.Fatalf("writing the baseline: findings %d, suppressed %d", len(r.Findings), r.Summary.Suppressed)
	}
	if _, err := os.Stat(base); err != nil {
		t.Fatal(err)
	}
	r = scanJSON(t, ExitOK, "--fail-on", "medium", "--baseline", base, dir)
	if len(r.Findings) != 0 || r.Summary.Suppressed != 1 {
		t.Errorf("honouring the baseline: findings %d, suppressed %d", len(r.Findings), r.Summary.Suppressed)
	}
	os.WriteFile(base, []byte(`{"version": 9}`), 0o644)
	if code, _, errs := run(t, "scan", "--baseline", base, dir); code != ExitError || !strings.Contains(errs, "baseline") {
		t.Errorf("bad baseline: exit %d, %s", code, errs)
	}
}
