package db

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

const lockFile = "LOCK"

// ErrBusy means another write holds the database lock.
var ErrBusy = errors.New("another clad db update or import is writing the advisory database")

// lock takes the writer lock: a file created exclusively, holding the
// writer's pid. A lock older than StaleTemp is taken over (its writer
// crashed). Readers never lock: they only follow CURRENT.
func (s *Store) lock() (func(), error) {
	if err := os.MkdirAll(s.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", s.Dir, err)
	}
	p := filepath.Join(s.Dir, lockFile)
	for attempt := 0; attempt < 2; attempt++ {
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			fmt.Fprintln(f, strconv.Itoa(os.Getpid()))
			f.Close()
			return func() { _ = os.Remove(p) }, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("lock the advisory database: %w", err)
		}
		info, serr := os.Stat(p)
		if serr != nil || s.now().Sub(info.ModTime()) <= s.staleTemp() {
			return nil, fmt.Errorf("%w (%s exists; remove it if no clad is running)", ErrBusy, p)
		}
		_ = os.Remove(p) // stale: its writer died
	}
	return nil, fmt.Errorf("%w (%s)", ErrBusy, p)
}
