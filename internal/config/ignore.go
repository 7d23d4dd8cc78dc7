package config

import (
	"strings"
	"time"
)

// ExpiredAt reports whether the ignore has stopped applying on the day of
// now: an ignore applies through its until date and expires the day after.
func (ig Ignore) ExpiredAt(now time.Time) bool {
	if ig.Until.IsZero() {
		return false
	}
	y, m, d := now.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).After(ig.Until)
}

// String describes the ignore for messages, e.g.
// "data/secret-in-env (path src/**)".
func (ig Ignore) String() string {
	s := ig.Rule
	switch {
	case s != "":
	case ig.Fingerprint != "":
		s = "fingerprint " + ig.Fingerprint
	default:
		s = "no rule"
	}
	var conds []string
	if ig.Path != "" {
		conds = append(conds, "path "+ig.Path)
	}
	if ig.Function != "" {
		conds = append(conds, "function "+ig.Function)
	}
	if len(conds) > 0 {
		s += " (" + strings.Join(conds, ", ") + ")"
	}
	return s
}
