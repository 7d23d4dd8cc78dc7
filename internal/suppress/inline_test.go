package suppress

import (
	"archive/zip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/config"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

func TestParseDirectives(t *testing.T) {
	tests := []struct {
		line string
		want []directive
	}{
		{"// clad:ignore code/eval reviewed by sec", []directive{{"ignore", "code/eval", "reviewed by sec"}}},
		{"x = 1  # clad:allow data/* test data", []directive{{"allow", "data/*", "test data"}}},
		{"/* clad:ignore code/eval trusted input */", []directive{{"ignore", "code/eval", "trusted input"}}},
		{"<!-- clad:ignore code/xss escaped by the template -->", []directive{{"ignore", "code/xss", "escaped by the template"}}},
		{"-- clad:ignore code/sql-injection constant query\r", []directive{{"ignore", "code/sql-injection", "constant query"}}},
		{"// clad:ignore code/eval: reviewed", []directive{{"ignore", "code/eval", "reviewed"}}},
		{"// clad:ignore code/eval -- reviewed", []directive{{"ignore", "code/eval", "reviewed"}}},
		{"// clad:ignore code/eval", []directive{{"ignore", "code/eval", ""}}},
		{"/* clad:ignore code/eval */", []directive{{"ignore", "code/eval", ""}}},
		{"# clad:allow", []directive{{"allow", "", ""}}},
		{"// clad:ignore code/a first; clad:allow data/b second", []directive{
			{"ignore", "code/a", "first;"}, {"allow", "data/b", "second"}}},
		{"// clad:ignored code/eval no", []directive{}},
		{"// nothing here", []directive{}},
	}
	for _, tt := range tests {
		got := parseDirectives(tt.line)
		if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(directive{})); diff != "" {
			t.Errorf("parseDirectives(%q) mismatch (-want +got):\n%s", tt.line, diff)
		}
	}
}

func TestCommentOnly(t *testing.T) {
	tests := map[string]bool{
		"    # clad:ignore a/b r":         true,
		"// clad:ignore a/b r":            true,
		"  /* clad:ignore a/b r */":       true,
		"<!-- clad:ignore a/b r -->":      true,
		" * clad:ignore a/b r":            true,
		"x = 1 # clad:ignore a/b r":       false,
		"KEY: v # clad:ignore a/b r":      false,
		"no directive":                    false,
		`s = "clad:ignore a/b r"`:         false,
		"-- clad:ignore a/b r":            true,
		"; clad:allow a/b in an ini file": true,
	}
	for line, want := range tests {
		if got := commentOnly(line); got != want {
			t.Errorf("commentOnly(%q) = %v, want %v", line, got, want)
		}
	}
}

// at builds a finding of rule at file:line.
func at(rule, file string, line int) finding.Finding {
	return finding.Finding{Rule: rule, File: file, Line: line, Fingerprint: rule + file}
}

func TestApplyInline(t *testing.T) {
	tree, err := walk.Open(context.Background(), filepath.Join("testdata", "inline"), walk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	findings := []finding.Finding{
		// JavaScript
		at("data/hardcoded-secret", "handler.js", 2), // same line
		at("code/eval", "handler.js", 4),             // clad:allow on the line above
		at("data/weak-random", "handler.js", 6),      // rule glob in /* */ above
		at("code/eval", "handler.js", 7),             // no reason: kept
		at("code/eval", "handler.js", 8),             // directive for another rule: kept
		at("code/eval", "handler.js", 9),             // trailing directive above is not for this line
		// Python
		at("code/command-injection", "app.py", 7), // comment line above
		at("code/command-injection", "app.py", 8), // glob on the same line
		at("code/code-injection", "app.py", 9),    // no rule: kept
		// YAML
		at("data/secret-in-env", "serverless.yml", 6),  // clad:allow above
		at("data/secret-in-env", "serverless.yml", 7),  // same line
		at("data/secret-in-env", "serverless.yml", 8),  // trailing comment above: kept
		at("data/secret-in-env", "serverless.yml", 10), // no reason above: kept
		// no line, no file
		at("access/admin-role", "serverless.yml", 0),
		at("library/vulnerable-package", "", 0),
	}
	res := Apply(findings, Options{ReadFile: tree.ReadFile})
	wantSuppressed := []string{
		"data/hardcoded-secret@handler.js:2", "code/eval@handler.js:4", "data/weak-random@handler.js:6",
		"code/command-injection@app.py:7", "code/command-injection@app.py:8",
		"data/secret-in-env@serverless.yml:6", "data/secret-in-env@serverless.yml:7",
	}
	if diff := cmp.Diff(wantSuppressed, ids(res.Suppressed)); diff != "" {
		t.Errorf("suppressed mismatch (-want +got):\n%s", diff)
	}
	wantKept := []string{
		"code/eval@handler.js:7", "code/eval@handler.js:8", "code/eval@handler.js:9",
		"code/code-injection@app.py:9",
		"data/secret-in-env@serverless.yml:8", "data/secret-in-env@serverless.yml:10",
		"access/admin-role@serverless.yml:0", "library/vulnerable-package@:0",
	}
	if diff := cmp.Diff(wantKept, ids(res.Kept)); diff != "" {
		t.Errorf("kept mismatch (-want +got):\n%s", diff)
	}
	wantProblems := []model.Problem{
		{File: "handler.js", Line: 7, Level: model.LevelWarning, Kind: "config", Stage: Stage,
			Message: "clad:ignore without a reason at handler.js:7: it suppresses nothing; write clad:ignore <rule> <reason>"},
		{File: "app.py", Line: 9, Level: model.LevelWarning, Kind: "config", Stage: Stage,
			Message: "clad:ignore without a rule at app.py:9: it suppresses nothing; write clad:ignore <rule> <reason>"},
		{File: "serverless.yml", Line: 9, Level: model.LevelWarning, Kind: "config", Stage: Stage,
			Message: "clad:ignore without a reason at serverless.yml:9: it suppresses nothing; write clad:ignore <rule> <reason>"},
	}
	if diff := cmp.Diff(wantProblems, res.Problems); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
}

func TestApplyInlineInArchive(t *testing.T) {
	dir := t.TempDir()
	writeZip(t, filepath.Join(dir, "fn.zip"), "src/handler.js",
		"const a = 1;\n// clad:ignore code/eval the input is a constant\nconst b = eval(\"1+1\");\n")
	tree, err := walk.Open(context.Background(), dir, walk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	findings := []finding.Finding{at("code/eval", "fn.zip!/src/handler.js", 3), at("code/eval", "fn.zip!/src/handler.js", 1)}
	res := Apply(findings, Options{ReadFile: tree.ReadFile})
	if diff := cmp.Diff([]string{"code/eval@fn.zip!/src/handler.js:3"}, ids(res.Suppressed)); diff != "" {
		t.Errorf("suppressed mismatch (-want +got):\n%s", diff)
	}
}

func writeZip(t *testing.T, path, name, content string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, err := zw.Create(name)
	if err == nil {
		_, err = w.Write([]byte(content))
	}
	if err == nil {
		err = zw.Close()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}

func TestApplyReadsEachFileOnce(t *testing.T) {
	files := map[string]string{
		"a.js": "// clad:ignore code/eval constant\neval(x)\neval(y)\n",
		"b.js": "eval(z)\n",
	}
	reads := map[string]int{}
	read := func(p string) ([]byte, error) {
		reads[p]++
		if s, ok := files[p]; ok {
			return []byte(s), nil
		}
		return nil, errors.New("no such file")
	}
	findings := []finding.Finding{
		at("code/eval", "a.js", 2), at("code/eval", "a.js", 3), at("code/eval", "a.js", 3),
		at("code/eval", "gone.js", 1), at("code/eval", "gone.js", 2),
	}
	res := Apply(findings, Options{ReadFile: read})
	if diff := cmp.Diff(map[string]int{"a.js": 1, "gone.js": 1}, reads); diff != "" {
		t.Errorf("reads mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"code/eval@a.js:2"}, ids(res.Suppressed)); diff != "" {
		t.Errorf("suppressed mismatch (-want +got):\n%s", diff)
	}
	want := []string{"cannot read the file to look for clad:ignore comments: no such file"}
	if diff := cmp.Diff(want, messages(res.Problems)); diff != "" {
		t.Errorf("problems mismatch (-want +got):\n%s", diff)
	}
}

func TestApplyConfigAndInline(t *testing.T) {
	read := func(string) ([]byte, error) {
		return []byte("eval(a) // clad:ignore code/eval checked\neval(b)\n"), nil
	}
	findings := []finding.Finding{at("code/eval", "a.js", 1), at("code/eval", "a.js", 2), at("data/x", "a.js", 2)}
	ignores := []config.Ignore{{Rule: "data/*", Reason: "r", Line: 4}}
	res := Apply(findings, Options{Ignores: ignores, ReadFile: read})
	if diff := cmp.Diff([]string{"code/eval@a.js:1", "data/x@a.js:2"}, ids(res.Suppressed)); diff != "" {
		t.Errorf("suppressed mismatch (-want +got):\n%s", diff)
	}
	if len(res.Problems) != 0 {
		t.Errorf("unexpected problems: %v", messages(res.Problems))
	}
	if res := Apply(findings, Options{}); len(res.Suppressed) != 0 {
		t.Errorf("without ReadFile, inline comments suppressed %v", ids(res.Suppressed))
	}
}
