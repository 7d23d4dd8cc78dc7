package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCRC62 checks the checksum against a token the secrets engine
// documents as valid.
func TestCRC62(t *testing.T) {
	if got := crc62("M0XvqZjxTW3xvboSRt5Mh3dAwVtRMf"); got != "3LeZiJ" {
		t.Errorf("crc62 = %s", got)
	}
}

// TestCorpus writes a small corpus and checks every label points at
// existing, non-empty lines of its file.
func TestCorpus(t *testing.T) {
	dir := t.TempDir()
	if err := run(dir, 3, 7); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truth Truth
	if err := json.Unmarshal(data, &truth); err != nil {
		t.Fatal(err)
	}
	if truth.count(labelSecret) < 20 || truth.count(labelDecoy) < 40 {
		t.Errorf("%d secrets and %d look-alikes: too few", truth.count(labelSecret), truth.count(labelDecoy))
	}
	for _, l := range truth.Labels {
		body, err := os.ReadFile(filepath.Join(dir, "corpus", filepath.FromSlash(l.File)))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(body), "\n")
		for _, n := range l.Lines {
			if n < 1 || n > len(lines) || strings.TrimSpace(lines[n-1]) == "" {
				t.Errorf("%s:%d (%s) is not a written line", l.File, n, l.Kind)
			}
		}
	}
}
