package db

import (
	"context"
	"flag"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/cladsec/clad/internal/advisory/advtest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixedNow is the clock of the tests.
var fixedNow = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// newTestStore returns a store in a fresh directory with a fixed clock.
func newTestStore(t testing.TB) *Store {
	t.Helper()
	return &Store{Dir: t.TempDir(), Now: func() time.Time { return fixedNow }}
}

var (
	sharedOnce  sync.Once
	sharedStore *Store
	sharedErr   error
)

// importShared imports ../shared/advisories once per test binary (into a
// directory TestMain removes) and opens it; callers must not write to it.
func importShared(t testing.TB) (*Store, *DB) {
	t.Helper()
	dir := advtest.SharedDir(t)
	sharedOnce.Do(func() {
		var tmp string
		if tmp, sharedErr = os.MkdirTemp("", "clad-shared-db-"); sharedErr != nil {
			return
		}
		sharedStore = &Store{Dir: tmp, Now: func() time.Time { return fixedNow }}
		_, sharedErr = sharedStore.Import(context.Background(), dir)
	})
	if sharedErr != nil {
		t.Fatalf("Import %s: %v", dir, sharedErr)
	}
	s := sharedStore
	d, err := s.Open()
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { d.Close() })
	return s, d
}

// TestMain removes the databases shared between tests and benchmarks.
func TestMain(m *testing.M) {
	code := m.Run()
	if sharedStore != nil {
		os.RemoveAll(sharedStore.Dir)
	}
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}
