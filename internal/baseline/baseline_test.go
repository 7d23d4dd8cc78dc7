package baseline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/finding"
)

func secretFinding(file, key string) finding.Finding {
	return finding.Finding{Rule: "data/github-token", File: file, Line: 3, Key: "data/github-token:" + key}
}

// TestRoundTrip: a saved baseline loads back and suppresses exactly its
// findings, whatever their line; a new secret or the same secret in
// another file is still reported.
func TestRoundTrip(t *testing.T) {
	accepted := []finding.Finding{secretFinding("b.js", "k1"), secretFinding("a.js", "k2"), secretFinding("a.js", "k2"),
		{Rule: "access/wildcard-action", File: "serverless.yml", Fingerprint: "0123456789abcdef"}}
	b := New("clad test", time.Date(2025, 1, 2, 3, 4, 5, 6, time.UTC), accepted)
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := b.Save(path, true); err != nil {
		t.Fatal(err)
	}
	if err := b.Save(path, true); !errors.Is(err, os.ErrExist) {
		t.Errorf("exclusive save over an existing file: %v", err)
	}
	data, _ := os.ReadFile(path)
	for _, leak := range []string{"k1", "k2", "Key", "line"} {
		if strings.Contains(string(data), `"`+leak) || strings.Contains(string(data), leak+`"`) {
			t.Errorf("baseline holds %q:\n%s", leak, data)
		}
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Entries) != 3 || got.Entries[0].File != "a.js" || got.Created != time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC) {
		t.Errorf("entries %+v created %v", got.Entries, got.Created)
	}
	moved := secretFinding("b.js", "k1")
	moved.Line = 99
	later := []finding.Finding{moved, secretFinding("b.js", "new"), secretFinding("c.js", "k1"), accepted[3]}
	kept, acc := got.Filter(later)
	if d := cmp.Diff([]finding.Finding{later[1], later[2]}, kept); d != "" {
		t.Errorf("kept (-want +got):\n%s", d)
	}
	if len(acc) != 2 {
		t.Errorf("accepted %d, want 2", len(acc))
	}
	if err := got.Save(path, false); err != nil {
		t.Errorf("replace: %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	for name, in := range map[string]string{
		"not json":      "nope",
		"version":       `{"version": 2, "entries": []}`,
		"unknown field": `{"version": 1, "entries": [], "secret": "x"}`,
		"bad entry":     `{"version": 1, "entries": [{"fingerprint": "abc", "rule": "r", "file": "f"}]}`,
		"trailing":      `{"version": 1, "entries": []} {}`,
	} {
		if _, err := Parse([]byte(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// FuzzParse: no input panics the parser.
func FuzzParse(f *testing.F) {
	f.Add(`{"version": 1, "tool": "clad", "created": "2025-01-02T03:04:05Z", "entries": []}`)
	f.Add(`{"version": 1, "entries": [{"fingerprint": "` + strings.Repeat("a", 64) + `", "rule": "r", "file": "f"}]}`)
	f.Fuzz(func(t *testing.T, in string) { _, _ = Parse([]byte(in)) })
}
