// Package runtimes is the dated table of managed function runtimes and the
// day each stops (or stopped) receiving security patches, for AWS Lambda,
// Azure Functions and Google Cloud Functions. The table lives in
// runtimes.csv, one row per runtime with the public page it comes from;
// update it there.
package runtimes

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

//go:embed runtimes.csv
var tableCSV []byte

// Statuses of a row's date.
const (
	Confirmed   = "confirmed"   // stated by the provider, in the past when written
	Scheduled   = "scheduled"   // announced for the future when written; may move
	Unconfirmed = "unconfirmed" // sources disagree on the day
)

// Runtime is one row of the table.
type Runtime struct {
	Provider string // aws, azure, gcp
	// ID is the runtime identifier as the function map holds it:
	// "nodejs12.x" (AWS), "nodejs14" or "python3.7" (Azure worker), "host~3"
	// (Azure Functions host), "python37" (GCP).
	ID         string
	Name       string
	Deprecated time.Time
	Status     string
	Source     string
}

// Certain reports a date the provider stated and that is not a forecast.
func (r Runtime) Certain() bool { return r.Status == Confirmed }

// Table is the parsed runtime table.
type Table struct {
	rows map[string]Runtime
	all  []Runtime
}

// Default parses the embedded table.
func Default() (*Table, error) { return Parse(tableCSV) }

// Parse reads a runtime table: comment lines start with "#", then a header
// row, then provider,runtime,name,deprecated (YYYY-MM-DD),status,source.
func Parse(data []byte) (*Table, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comment = '#'
	r.FieldsPerRecord = 6
	t := &Table{rows: map[string]Runtime{}}
	header := true
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("runtime table: %w", err)
		}
		if header {
			header = false
			continue
		}
		row, err := parseRow(rec)
		if err != nil {
			return nil, fmt.Errorf("runtime table row %q: %w", strings.Join(rec, ","), err)
		}
		k := key(row.Provider, row.ID)
		if _, dup := t.rows[k]; dup {
			return nil, fmt.Errorf("runtime table: %s %s listed twice", row.Provider, row.ID)
		}
		t.rows[k] = row
		t.all = append(t.all, row)
	}
	return t, nil
}

func parseRow(rec []string) (Runtime, error) {
	for i := range rec {
		rec[i] = strings.TrimSpace(rec[i])
	}
	row := Runtime{Provider: rec[0], ID: rec[1], Name: rec[2], Status: rec[4], Source: rec[5]}
	switch {
	case row.Provider != "aws" && row.Provider != "azure" && row.Provider != "gcp":
		return row, fmt.Errorf("unknown provider %q", row.Provider)
	case row.ID == "" || row.Name == "":
		return row, errors.New("runtime and name are required")
	case row.Status != Confirmed && row.Status != Scheduled && row.Status != Unconfirmed:
		return row, fmt.Errorf("unknown status %q", row.Status)
	case !strings.HasPrefix(row.Source, "https://"):
		return row, fmt.Errorf("source %q is not an https URL", row.Source)
	}
	d, err := time.Parse("2006-01-02", rec[3])
	if err != nil {
		return row, fmt.Errorf("date: %w", err)
	}
	row.Deprecated = d
	return row, nil
}

func key(provider, id string) string { return provider + "\x00" + strings.ToLower(id) }

// Lookup finds a runtime of a provider, case-insensitively.
func (t *Table) Lookup(provider, id string) (Runtime, bool) {
	r, ok := t.rows[key(provider, strings.TrimSpace(id))]
	return r, ok
}

// All returns every row in table order.
func (t *Table) All() []Runtime { return append([]Runtime(nil), t.all...) }
