package runtimes

import (
	"strings"
	"testing"
	"time"
)

func TestDefault(t *testing.T) {
	tab, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.All()) < 50 {
		t.Errorf("table has %d rows", len(tab.All()))
	}
	cases := []struct {
		provider, id, date string
	}{
		{"aws", "nodejs12.x", "2023-03-31"},
		{"aws", "python3.7", "2023-12-04"},
		{"aws", "nodejs14.x", "2023-12-04"},
		{"aws", "nodejs16.x", "2024-06-12"},
		{"aws", "python3.8", "2024-10-14"},
		{"aws", "go1.x", "2024-01-08"},
		{"aws", "java8", "2024-01-08"},
		{"aws", "dotnetcore3.1", "2023-04-03"},
		{"aws", "ruby2.7", "2023-12-07"},
		{"aws", "NodeJS18.x", "2025-09-01"},
		{"azure", "host~3", "2022-12-13"},
		{"azure", "python3.7", "2023-06-27"},
		{"gcp", "nodejs18", "2025-04-30"},
	}
	for _, c := range cases {
		r, ok := tab.Lookup(c.provider, c.id)
		if !ok || r.Deprecated.Format("2006-01-02") != c.date {
			t.Errorf("Lookup(%s, %s) = %+v, %v; want %s", c.provider, c.id, r, ok, c.date)
		}
	}
	if _, ok := tab.Lookup("aws", "nodejs"+"99.x"); ok {
		t.Error("found a runtime that is not in the table")
	}
	// A row marked confirmed must lie in the past of the day it was written.
	written := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for _, r := range tab.All() {
		if r.Status == Confirmed && r.Deprecated.After(written) {
			t.Errorf("%s %s is confirmed but dated %s", r.Provider, r.ID, r.Deprecated.Format("2006-01-02"))
		}
	}
}

func TestParseErrors(t *testing.T) {
	head := "provider,runtime,name,deprecated,status,source\n"
	for name, body := range map[string]string{
		"provider":  "ibm,x,X,2020-01-01,confirmed,https://x\n",
		"date":      "aws,x,X,2020-13-01,confirmed,https://x\n",
		"status":    "aws,x,X,2020-01-01,maybe,https://x\n",
		"source":    "aws,x,X,2020-01-01,confirmed,http://x\n",
		"fields":    "aws,x,X\n",
		"duplicate": "aws,x,X,2020-01-01,confirmed,https://x\naws,X,X,2020-01-01,confirmed,https://x\n",
		"empty":     "aws,,X,2020-01-01,confirmed,https://x\n",
	} {
		if _, err := Parse([]byte(head + body)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if tab, err := Parse([]byte("# only a comment\n" + head)); err != nil || len(tab.All()) != 0 {
		t.Errorf("empty table: %v", err)
	}
	if _, err := Parse([]byte(strings.Repeat("\"", 3))); err == nil {
		t.Error("broken CSV: no error")
	}
}

func FuzzParse(f *testing.F) {
	f.Add(tableCSV)
	f.Add([]byte("provider,runtime,name,deprecated,status,source\naws,x,X,2020-01-01,confirmed,https://x\n"))
	f.Add([]byte("\"\n,,,"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := Parse(data)
		if err == nil && tab == nil {
			t.Fatal("nil table without error")
		}
	})
}
