// Package suppress applies suppressions to findings: the ignores of the
// config file (rule or fingerprint, optional path and function, a reason,
// an optional expiry) and inline "clad:ignore <rule> <reason>" comments next
// to the flagged line. Suppressed findings are returned, not dropped, so
// reports can count and list them; expired, unused and malformed
// suppressions come back as warning problems.
package suppress

import (
	"fmt"
	"time"

	"github.com/cladsec/clad/internal/config"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Stage names this package in problems.
const Stage = "suppress"

// Options configure Apply.
type Options struct {
	// Ignores come from the config file.
	Ignores []config.Ignore
	// ConfigFile names the config file in problems (default ".clad.yaml").
	ConfigFile string
	// Now decides which ignores have expired (default time.Now()).
	Now time.Time
	// ReadFile reads a scanned file by its finding path (walk.Tree.ReadFile);
	// nil turns inline comments off.
	ReadFile func(path string) ([]byte, error)
	// NoUnused leaves out the "unused ignore" warnings: set it for partial
	// scans (some categories, staged files) where an ignore may rightly
	// match nothing.
	NoUnused bool
}

// Result splits the findings.
type Result struct {
	// Kept are the findings to report, in input order.
	Kept []finding.Finding
	// Suppressed are the findings an ignore or inline comment hid.
	Suppressed []finding.Finding
	// Problems are warnings about the suppressions themselves.
	Problems []model.Problem
}

// Apply splits findings into kept and suppressed.
func Apply(findings []finding.Finding, opts Options) Result {
	if opts.ConfigFile == "" {
		opts.ConfigFile = config.FileNames[0]
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	ig := newIgnores(opts.Ignores, opts.Now)
	in := newInline(opts.ReadFile)
	var res Result
	for _, f := range findings {
		if ig.suppress(f) || in.suppress(f) {
			res.Suppressed = append(res.Suppressed, f)
		} else {
			res.Kept = append(res.Kept, f)
		}
	}
	res.Problems = append(res.Problems, ig.expiredProblems(opts.ConfigFile)...)
	res.Problems = append(res.Problems, in.problems...)
	if !opts.NoUnused {
		res.Problems = append(res.Problems, ig.unusedProblems(opts.ConfigFile)...)
	}
	return res
}

// warning builds a warning problem of this stage.
func warning(file string, line int, kind, format string, args ...any) model.Problem {
	return model.Problem{
		File: file, Line: line, Level: model.LevelWarning, Kind: kind, Stage: Stage,
		Message: fmt.Sprintf(format, args...),
	}
}
