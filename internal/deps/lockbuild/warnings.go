package lockbuild

import (
	"errors"
	"strings"
)

// Warnings is returned by a parser together with a usable lockfile when
// parts of the input were skipped (a refused include, an unresolved
// property): the lockfile stands, and each entry says what is missing.
type Warnings []error

func (w Warnings) Error() string {
	msgs := make([]string, len(w))
	for i, e := range w {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// Unwrap exposes the individual warnings to errors.Is and errors.As.
func (w Warnings) Unwrap() []error { return w }

// Err returns nil when there are no warnings, else w.
func (w Warnings) Err() error {
	if len(w) == 0 {
		return nil
	}
	return w
}

// IsWarnings reports whether err only carries warnings (the lockfile
// returned alongside it is usable).
func IsWarnings(err error) bool {
	var w Warnings
	return errors.As(err, &w)
}
