package registry

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Detectors read handler code through the scan's parse cache
// (detect.Input.SourceCache), so each file is parsed once per scan. A
// detector that calls source.Parse itself parses again; only the listed
// places may, each for a stated reason.
func TestDetectorsParseThroughTheCache(t *testing.T) {
	allowed := map[string]string{
		// Indexes every source file of the tree (orphan handlers), one at
		// a time, freeing each: caching them all would hold every tree.
		"../access/entrypoints/index.go": "",
		// iam.New (clad iam suggest) runs without a scan; iam.NewShared
		// uses the cache.
		"../../iam/workspace.go": "",
	}
	for _, root := range []string{"..", "../../taint", "../../iam"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "testdata" {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if _, ok := allowed[filepath.ToSlash(p)]; !ok && strings.Contains(string(data), "source.Parse(") {
				t.Errorf("%s calls source.Parse: read code through detect.Input.SourceCache()", p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
