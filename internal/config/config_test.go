package config

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/finding"
)

var update = flag.Bool("update", false, "rewrite golden files")

func date(s string) time.Time {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestLoadFull(t *testing.T) {
	path := filepath.Join("testdata", "full.clad.yaml")
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		File:       path,
		Skip:       []string{"test/fixtures/**", "*.min.js"},
		FailOn:     finding.SeverityMedium,
		FailOnSet:  true,
		Categories: []finding.Category{finding.Code, finding.Access, finding.Data},
		Ignores: []Ignore{
			{Rule: "data/secret-in-env", Path: "src/legacy/**", Reason: "rotated weekly by ops; tracked in SEC-12", Until: date("2027-01-31"), Line: 13},
			{Rule: "access/*", Function: "aws-orders/*", Reason: "the orders service is internal only", Line: 18},
			{Fingerprint: "3f2a9c0d11b2e4f5", Reason: "false positive: the value is a public test key", Line: 22},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load(%s) mismatch (-want +got):\n%s", path, diff)
	}
}

func TestParseDefaults(t *testing.T) {
	for name, src := range map[string]string{
		"empty":         "",
		"comments only": "# nothing configured yet\n",
		"null document": "---\n~\n",
		"version only":  "version: 1\n",
		"empty keys":    "skip:\nignores:\nfail-on:\ncategories:\n",
		"trailing doc":  "version: 1\n---\n",
	} {
		t.Run(name, func(t *testing.T) {
			got, err := Parse([]byte(src), ".clad.yaml")
			if err != nil {
				t.Fatal(err)
			}
			want := Default()
			want.File = ".clad.yaml"
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseValid(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Ignore
	}{
		{
			name: "anchors and merge keys",
			src: "ignores:\n  - &base {rule: code/eval, reason: shared}\n  - *base\n" +
				"  - <<: *base\n    path: src/**\n",
			want: []Ignore{
				{Rule: "code/eval", Reason: "shared", Line: 2},
				{Rule: "code/eval", Reason: "shared", Line: 2},
				{Rule: "code/eval", Reason: "shared", Path: "src/**", Line: 4},
			},
		},
		{
			name: "quoted date and trimmed values",
			src:  "ignores:\n  - rule: ' data/* '\n    reason: \"  ok  \"\n    until: \"2026-12-31\"\n",
			want: []Ignore{{Rule: "data/*", Reason: "ok", Until: date("2026-12-31"), Line: 2}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.src), ".clad.yaml")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got.Ignores); diff != "" {
				t.Errorf("ignores mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		// want are substrings of the error; the first names file and line.
		want []string
	}{
		{"unknown top-level key", "version: 1\nfail_on: high\n",
			[]string{".clad.yaml:2:", `unknown key "fail_on"`, "fail-on"}},
		{"unknown key inside an ignore", "ignores:\n  - rule: code/eval\n    reason: ok\n    expires: 2027-01-01\n",
			[]string{".clad.yaml:4:", `unknown key "expires" in ignore entry`, "until"}},
		{"missing reason", "ignores:\n  - rule: code/eval\n",
			[]string{".clad.yaml:2:", `needs a reason`, `"reason"`}},
		{"empty reason", "ignores:\n  - rule: code/eval\n    reason: '  '\n",
			[]string{".clad.yaml:3:", `needs a reason`}},
		{"missing rule and fingerprint", "ignores:\n  - path: src/**\n    reason: ok\n",
			[]string{".clad.yaml:2:", `needs "rule"`, `"fingerprint"`}},
		{"rule and fingerprint", "ignores:\n  - rule: code/eval\n    fingerprint: ab12\n    reason: ok\n",
			[]string{".clad.yaml:2:", `both "rule" and "fingerprint"`}},
		{"bad date", "ignores:\n  - rule: code/eval\n    reason: ok\n    until: 2027-02-30\n",
			[]string{".clad.yaml:4:", "until", `"2027-02-30"`, "YYYY-MM-DD"}},
		{"date with time", "ignores:\n  - rule: code/eval\n    reason: ok\n    until: 2027-01-31T10:00:00Z\n",
			[]string{".clad.yaml:4:", "until"}},
		{"bad severity", "fail-on: severe\n",
			[]string{".clad.yaml:1:", "fail-on", `"severe"`}},
		{"bad category", "categories:\n  - code\n  - secrets\n",
			[]string{".clad.yaml:3:", "categories", `"secrets"`}},
		{"empty categories", "categories: []\n",
			[]string{".clad.yaml:1:", "categories is empty"}},
		{"wrong type scalar for list", "skip: dist/**\n",
			[]string{".clad.yaml:1:", "skip must be a list"}},
		{"wrong type list for scalar", "fail-on: [high]\n",
			[]string{".clad.yaml:1:", "fail-on must be a single value, not a list"}},
		{"wrong type in ignore", "ignores:\n  - rule: code/eval\n    reason:\n      text: ok\n",
			[]string{".clad.yaml:4:", "reason must be a single value, not a mapping"}},
		{"wrong type list item", "skip:\n  - a/**\n  - [b]\n",
			[]string{".clad.yaml:3:", "skip: each item"}},
		{"ignores not a list", "ignores:\n  rule: code/eval\n",
			[]string{".clad.yaml:2:", "ignores must be a list"}},
		{"ignore not a mapping", "ignores:\n  - code/eval\n",
			[]string{".clad.yaml:2:", "ignore entry must be a mapping"}},
		{"empty ignore", "ignores:\n  -\n",
			[]string{".clad.yaml:2:", "empty ignore entry"}},
		{"unsupported version", "version: 2\n",
			[]string{".clad.yaml:1:", "unsupported version 2"}},
		{"version not a number", "version: \"1\"\n",
			[]string{".clad.yaml:1:", "version must be a number"}},
		{"bad rule glob", "ignores:\n  - rule: 'code/['\n    reason: ok\n",
			[]string{".clad.yaml:2:", "rule: invalid glob"}},
		{"bad path glob", "skip: ['src/[']\n",
			[]string{".clad.yaml:1:", "skip: invalid path glob"}},
		{"bad fingerprint", "ignores:\n  - fingerprint: not-hex\n    reason: ok\n",
			[]string{".clad.yaml:2:", "fingerprint", `"not-hex"`}},
		{"not a mapping", "- a\n- b\n",
			[]string{".clad.yaml:1:", "must be a mapping"}},
		{"duplicate key", "fail-on: high\nfail-on: low\n",
			[]string{".clad.yaml:2:", `"fail-on" already defined at line 1`}},
		{"invalid yaml", "ignores:\n  - rule: a\n   reason: b\n",
			[]string{".clad.yaml:", "invalid YAML"}},
		{"two documents", "version: 1\n---\nfail-on: low\n",
			[]string{".clad.yaml:2:", "single YAML document"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.src), ".clad.yaml")
			if err == nil {
				t.Fatal("Parse succeeded, want an error")
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %T is not a *config.Error: %v", err, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// TestInvalidGolden keeps the full wording of the errors for files with
// several problems: all of them are reported at once, in line order.
func TestInvalidGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "invalid", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			_, err := Load(file)
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			got := strings.ReplaceAll(err.Error(), filepath.ToSlash(file), filepath.Base(file)) + "\n"
			golden := strings.TrimSuffix(file, ".yaml") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("error mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Load(missing) = %v, want a not-exist error", err)
	}
	big := filepath.Join(dir, "big.yaml")
	data := []byte("# " + strings.Repeat("x", MaxSize) + "\n")
	if err := os.WriteFile(big, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var ce *Error
	if _, err := Load(big); !errors.As(err, &ce) || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("Load(big) = %v, want a size error", err)
	}
}

func TestFind(t *testing.T) {
	write := func(t *testing.T, dir, name string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte("version: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) string // returns the root
		want  string                                // base name found, "" for none
	}{
		{"yaml", func(t *testing.T, d string) string { write(t, d, ".clad.yaml"); return d }, ".clad.yaml"},
		{"yml", func(t *testing.T, d string) string { write(t, d, ".clad.yml"); return d }, ".clad.yml"},
		{"yaml wins", func(t *testing.T, d string) string {
			write(t, d, ".clad.yml")
			write(t, d, ".clad.yaml")
			return d
		}, ".clad.yaml"},
		{"none", func(t *testing.T, d string) string { return d }, ""},
		{"directory named like it", func(t *testing.T, d string) string {
			if err := os.Mkdir(filepath.Join(d, ".clad.yaml"), 0o755); err != nil {
				t.Fatal(err)
			}
			return d
		}, ""},
		{"zip root", func(t *testing.T, d string) string {
			write(t, d, ".clad.yaml")
			write(t, d, "fn.zip")
			return filepath.Join(d, "fn.zip")
		}, ""},
		{"missing root", func(t *testing.T, d string) string { return filepath.Join(d, "nope") }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := tt.setup(t, t.TempDir())
			path, ok := Find(root)
			if ok != (tt.want != "") || (ok && filepath.Base(path) != tt.want) {
				t.Errorf("Find = %q, %v; want %q", path, ok, tt.want)
			}
		})
	}
}

func TestIgnoreExpiredAt(t *testing.T) {
	ig := Ignore{Rule: "data/x", Reason: "r", Until: date("2027-01-31")}
	tests := []struct {
		now  time.Time
		want bool
	}{
		{time.Date(2027, 1, 30, 12, 0, 0, 0, time.UTC), false},
		{time.Date(2027, 1, 31, 23, 59, 0, 0, time.UTC), false},
		{time.Date(2027, 1, 31, 23, 59, 0, 0, time.FixedZone("east", 10*3600)), false},
		{time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC), true},
		{time.Date(2030, 6, 1, 0, 0, 0, 0, time.UTC), true},
	}
	for _, tt := range tests {
		if got := ig.ExpiredAt(tt.now); got != tt.want {
			t.Errorf("ExpiredAt(%v) = %v, want %v", tt.now, got, tt.want)
		}
	}
	if (Ignore{Rule: "data/x"}).ExpiredAt(time.Now()) {
		t.Error("an ignore without until expired")
	}
}

func TestIgnoreString(t *testing.T) {
	tests := []struct {
		ig   Ignore
		want string
	}{
		{Ignore{Rule: "data/*"}, "data/*"},
		{Ignore{Rule: "data/x", Path: "src/**"}, "data/x (path src/**)"},
		{Ignore{Fingerprint: "ab12", Function: "svc/*"}, "fingerprint ab12 (function svc/*)"},
		{Ignore{Rule: "a/b", Path: "p", Function: "f"}, "a/b (path p, function f)"},
	}
	for _, tt := range tests {
		if got := tt.ig.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}
