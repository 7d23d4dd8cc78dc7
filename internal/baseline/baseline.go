// Package baseline records accepted findings so that later scans report
// only new ones. A baseline is a JSON file of hashed fingerprints; it never
// holds a secret, a line of code or a message.
//
// Format (version 1):
//
//	{
//	  "version": 1,
//	  "tool": "clad 0.3.0",
//	  "created": "2025-01-02T03:04:05Z",
//	  "entries": [
//	    {"fingerprint": "<64 hex>", "rule": "data/github-token", "file": "src/config.js"}
//	  ]
//	}
//
// fingerprint is the hex SHA-256 of "clad-baseline-v1", the rule ID, the
// file and the finding's identity, NUL-separated. For a secret the identity
// is the rule ID and the engine's fingerprint of the secret (itself a
// SHA-256 of rule and secret), so the entry survives line moves and edits
// elsewhere in the file, matches the same secret in tree, staged and
// history scans, and does not match a different secret in the same place.
// For other findings it is the finding's key or fingerprint. rule and file
// are there for people reading the file; entries are sorted by file, rule
// and fingerprint so the file diffs well. Unknown fields are an error.
package baseline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/cladsec/clad/internal/finding"
)

// Version is the format version this package writes and reads.
const Version = 1

// File is a baseline.
type File struct {
	Version int       `json:"version"`
	Tool    string    `json:"tool"`
	Created time.Time `json:"created"`
	Entries []Entry   `json:"entries"`

	index map[string]bool
}

// Entry is one accepted finding.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
}

// Fingerprint is the baseline fingerprint of a finding: see the package
// documentation.
func Fingerprint(f finding.Finding) string {
	id := f.Key
	if id == "" {
		id = f.Fingerprint
	}
	h := sha256.Sum256([]byte("clad-baseline-v1\x00" + f.Rule + "\x00" + f.File + "\x00" + id))
	return hex.EncodeToString(h[:])
}

// New builds a baseline accepting findings.
func New(tool string, created time.Time, findings []finding.Finding) *File {
	b := &File{Version: Version, Tool: tool, Created: created.UTC().Truncate(time.Second), Entries: []Entry{}}
	seen := map[string]bool{}
	for _, f := range findings {
		fp := Fingerprint(f)
		if !seen[fp] {
			seen[fp] = true
			b.Entries = append(b.Entries, Entry{Fingerprint: fp, Rule: f.Rule, File: f.File})
		}
	}
	sort.Slice(b.Entries, func(i, j int) bool {
		x, y := b.Entries[i], b.Entries[j]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Fingerprint < y.Fingerprint
	})
	return b
}

// Load reads a baseline. A missing file returns an error satisfying
// errors.Is(err, os.ErrNotExist).
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	b, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	return b, nil
}

// Parse decodes a baseline strictly.
func Parse(data []byte) (*File, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var b File
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("not a baseline file: %w", err)
	}
	if dec.More() {
		return nil, errors.New("not a baseline file: data after the JSON object")
	}
	if b.Version != Version {
		return nil, fmt.Errorf("version %d is not supported (want %d)", b.Version, Version)
	}
	for i, e := range b.Entries {
		if len(e.Fingerprint) != 64 {
			return nil, fmt.Errorf("entry %d: fingerprint must be 64 hex characters", i+1)
		}
	}
	return &b, nil
}

// Contains reports whether the finding is accepted.
func (b *File) Contains(f finding.Finding) bool {
	if b.index == nil {
		b.index = make(map[string]bool, len(b.Entries))
		for _, e := range b.Entries {
			b.index[e.Fingerprint] = true
		}
	}
	return b.index[Fingerprint(f)]
}

// Filter splits findings into new ones and accepted ones, in order.
func (b *File) Filter(findings []finding.Finding) (kept, accepted []finding.Finding) {
	for _, f := range findings {
		if b.Contains(f) {
			accepted = append(accepted, f)
		} else {
			kept = append(kept, f)
		}
	}
	return kept, accepted
}

// Save writes the baseline. With exclusive set it creates the file and
// fails if it exists (so a baseline written meanwhile is never replaced);
// otherwise it replaces the file atomically (a temporary file in the same
// directory, then a rename).
func (b *File) Save(path string, exclusive bool) error {
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return fmt.Errorf("encode baseline: %w", err)
	}
	data = append(data, '\n')
	if exclusive {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err != nil {
			return fmt.Errorf("write baseline: %w", err)
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(path)
			return fmt.Errorf("write baseline: %w", err)
		}
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".clad-baseline-*")
	if err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	return nil
}
