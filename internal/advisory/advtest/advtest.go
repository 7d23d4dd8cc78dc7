// Package advtest helps the advisory tests find the shared advisory
// snapshot that lives outside the repository (../shared/advisories beside
// the repository root, the directory holding go.mod). The data is never
// copied into the repository; a test that needs it fails, not skips, when
// it is missing.
package advtest

import (
	"os"
	"path/filepath"
	"testing"
)

// SharedDir returns the absolute path of ../shared/advisories relative to
// the repository root found by walking up from the working directory (the
// package directory under go test). It fails the test when the directory
// or its npm file is missing.
func SharedDir(t testing.TB) string {
	t.Helper()
	root, err := repoRoot()
	if err != nil {
		t.Fatalf("advisory test data: %v", err)
	}
	dir := filepath.Join(filepath.Dir(root), "shared", "advisories")
	if _, err := os.Stat(filepath.Join(dir, "npm.jsonl.gz")); err != nil {
		t.Fatalf("advisory test data missing: %s must hold the OSV snapshot (<Ecosystem>.jsonl.gz, see its SOURCES.md); CI provides it beside the repository: %v", dir, err)
	}
	return dir
}

// SharedFile returns the path of one file of the snapshot.
func SharedFile(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join(SharedDir(t), name)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("advisory test data missing: %v", err)
	}
	return p
}

// repoRoot walks up from the working directory to the directory with
// go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
