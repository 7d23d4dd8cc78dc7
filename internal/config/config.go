// Package config reads the project configuration file, .clad.yaml. The file
// is strict: unknown keys, wrong types and invalid values are errors that
// name the key and the line, every ignore needs a reason, and an ignore may
// carry an expiry date.
package config

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/cladsec/clad/internal/finding"
)

// FileNames are the names Find looks for in the scan root, in order.
var FileNames = []string{".clad.yaml", ".clad.yml"}

// MaxSize bounds the config file Load reads.
const MaxSize = 1 << 20

// Version is the only config schema version there is.
const Version = 1

// Config is a parsed .clad.yaml.
type Config struct {
	// File is the path the config was loaded from (empty for defaults).
	File string
	// Skip holds path globs (walk.MatchGlob syntax) left out of the scan.
	Skip []string
	// FailOn is the severity at or above which the scan fails. A --fail-on
	// flag on the command line wins over it.
	FailOn finding.Severity
	// FailOnSet records whether the file set fail-on (FailOn holds the
	// default otherwise).
	FailOnSet bool
	// Categories are the CLAD categories to run (default all).
	Categories []finding.Category
	// Ignores are the config suppressions, in file order.
	Ignores []Ignore
}

// Ignore is one entry of the ignores list. Every condition it sets must hold
// for a finding to be suppressed.
type Ignore struct {
	// Rule is a rule ID or a path.Match glob over rule IDs ("data/*").
	Rule string
	// Fingerprint suppresses one exact finding (alternative to Rule).
	Fingerprint string
	// Path is an optional walk.MatchGlob pattern over the finding's file.
	Path string
	// Function is an optional path.Match glob over function IDs.
	Function string
	// Reason says why the finding is accepted; always set.
	Reason string
	// Until is the last day the ignore applies (UTC midnight); zero for
	// no expiry.
	Until time.Time
	// Line is the line of the entry in the config file.
	Line int
}

// Default returns the configuration used when there is no config file.
func Default() *Config {
	return &Config{
		FailOn:     finding.SeverityHigh,
		Categories: append([]finding.Category(nil), finding.Categories...),
	}
}

// Find looks for a config file in the scan root. A root that is not a
// directory (a deployment zip, a single file) has none.
func Find(root string) (path string, ok bool) {
	st, err := os.Stat(root)
	if err != nil || !st.IsDir() {
		return "", false
	}
	for _, name := range FileNames {
		p := filepath.Join(root, name)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p, true
		}
	}
	return "", false
}

// Load reads and validates the config file at path. A file that cannot be
// read or is invalid is an error; an empty file yields the defaults.
func Load(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read config: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read config %s: %w", path, err)
	}
	if len(data) > MaxSize {
		return nil, &Error{File: path, Issues: []Issue{{Message: fmt.Sprintf("file is larger than %d KiB", MaxSize>>10)}}}
	}
	return Parse(data, path)
}

// Parse validates config file content; name is used in error messages.
// All issues found are reported together in one *Error.
func Parse(data []byte, name string) (*Config, error) {
	raw, issues := decode(data)
	var cfg *Config
	if raw != nil {
		var more []Issue
		cfg, more = raw.build()
		issues = append(issues, more...)
	}
	if len(issues) > 0 {
		sortIssues(issues)
		return nil, &Error{File: name, Issues: issues}
	}
	cfg.File = name
	return cfg, nil
}
