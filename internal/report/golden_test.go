package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

// render writes r in format with opts and fails the test on error.
func render(t *testing.T, format string, r *Report, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, format, r, opts); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	tests := []struct {
		golden string
		format string
		report func() *Report
		opts   Options
	}{
		{"sample.json.golden", FormatJSON, sampleReport, Options{}},
		{"sample.table.golden", FormatTable, sampleReport, Options{}},
		{"sample.color.table.golden", FormatTable, sampleReport, Options{Color: true}},
		{"sample.narrow.table.golden", FormatTable, sampleReport, Options{Width: 60}},
		{"sample.quiet.table.golden", FormatTable, sampleReport, Options{Quiet: true}},
		{"sample.sarif.golden", FormatSARIF, sampleReport, Options{}},
		{"sample.md.golden", FormatMarkdown, sampleReport, Options{}},
		{"empty.json.golden", FormatJSON, emptyReport, Options{}},
		{"empty.table.golden", FormatTable, emptyReport, Options{}},
		{"empty.sarif.golden", FormatSARIF, emptyReport, Options{}},
		{"empty.md.golden", FormatMarkdown, emptyReport, Options{}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			golden(t, tt.golden, render(t, tt.format, tt.report(), tt.opts))
		})
	}
}

// emptyReport is a clean scan of an empty directory, with every list nil.
func emptyReport() *Report {
	return &Report{
		SchemaVersion: SchemaVersion,
		Tool:          Tool{Name: "clad", Version: "0.1.0"},
		Project:       Project{Root: "empty"},
		Summary:       Summary{FailOn: "high"},
	}
}
