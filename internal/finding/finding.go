package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
)

// Finding is one problem clad reports. Paths are relative to the scan root.
type Finding struct {
	Rule     string   `json:"rule"`
	Category Category `json:"category"`
	Severity Severity `json:"severity"`
	Title    string   `json:"title"`
	Message  string   `json:"message"`
	File     string   `json:"file"`
	Line     int      `json:"line,omitempty"`
	EndLine  int      `json:"end_line,omitempty"`
	// Functions are the IDs of the functions the finding endangers.
	Functions []string `json:"functions"`
	// Evidence is the offending text, redacted for secrets.
	Evidence string   `json:"evidence,omitempty"`
	Fix      string   `json:"fix,omitempty"`
	CWE      []string `json:"cwe,omitempty"`
	// Fingerprint identifies the finding across runs and line moves.
	Fingerprint   string         `json:"fingerprint"`
	Vulnerability *Vulnerability `json:"vulnerability,omitempty"`
	Trace         []Step         `json:"trace,omitempty"`
	// Git locates a secret found in git history (clad secrets --history).
	Git *Git `json:"git,omitempty"`
	// Key is the stable part of the finding the detector chose for the
	// fingerprint (e.g. the function and the action); not rendered.
	Key string `json:"-"`
}

// Vulnerability carries the advisory facts of a library finding.
type Vulnerability struct {
	ID        string     `json:"id"`
	Aliases   []string   `json:"aliases,omitempty"`
	Ecosystem string     `json:"ecosystem"`
	Package   string     `json:"package"`
	Version   string     `json:"version"`
	Fixed     string     `json:"fixed,omitempty"`
	Paths     [][]string `json:"paths,omitempty"`
}

// Git is the commit that introduced a secret found in history, and the
// one that removed it from the tree when it is gone.
type Git struct {
	Commit string `json:"commit"`
	Author string `json:"author,omitempty"`
	Email  string `json:"email,omitempty"`
	// Date is the author date, RFC 3339 in UTC.
	Date string `json:"date,omitempty"`
	// RemovedIn is the commit that took the secret out of the tree; empty
	// while the secret is still in it.
	RemovedIn string `json:"removed_in,omitempty"`
}

// Step is one hop of a code finding's trace from source to sink.
type Step struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Note string `json:"note"`
}

// SetFingerprint computes the fingerprint from rule, file, functions and Key
// (or the evidence when no key was given). Line numbers are left out so a
// finding keeps its identity when code above it moves.
func (f *Finding) SetFingerprint() {
	key := f.Key
	if key == "" {
		key = f.Evidence
	}
	fns := append([]string(nil), f.Functions...)
	sort.Strings(fns)
	h := sha256.Sum256([]byte(strings.Join([]string{f.Rule, f.File, strings.Join(fns, ","), key}, "\x00")))
	f.Fingerprint = hex.EncodeToString(h[:8])
}

// Sort orders findings most severe first, then by file, line and rule.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Rule < b.Rule
	})
}
