package handling

import (
	"path"
	"strings"

	"github.com/cladsec/clad/internal/walk"
)

// testDirs are directory names that hold tests, mocks and fixtures.
var testDirs = map[string]bool{
	"test": true, "tests": true, "__tests__": true, "spec": true, "specs": true, "__mocks__": true,
	"testdata": true, "fixtures": true, "__fixtures__": true, "e2e": true,
}

// isTestFile reports whether p is test code: a test, spec or fixture file
// by name, or any file under a test directory. Test code talks to local
// servers and self-signed certificates on purpose and never ships.
func isTestFile(p string) bool {
	if i := strings.LastIndex(p, walk.ArchiveSep); i >= 0 {
		p = p[i+len(walk.ArchiveSep):]
	}
	base := strings.ToLower(path.Base(p))
	stem := strings.TrimSuffix(base, path.Ext(base))
	switch {
	case strings.HasSuffix(base, "_test.go"), strings.HasSuffix(stem, "_test"), strings.HasPrefix(base, "test_"),
		base == "conftest.py", strings.HasSuffix(stem, ".test"), strings.HasSuffix(stem, ".spec"),
		strings.HasSuffix(stem, "-test"), strings.HasSuffix(stem, ".e2e"):
		return true
	}
	for _, dir := range strings.Split(path.Dir(p), "/") {
		if testDirs[strings.ToLower(dir)] {
			return true
		}
	}
	return false
}
