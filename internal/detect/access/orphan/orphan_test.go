package orphan_test

import (
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/detect/access/accesstest"
	"github.com/cladsec/clad/internal/detect/access/orphan"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestRules(t *testing.T) { accesstest.CheckRules(t, orphan.New()) }

// TestFixtures compares each fixture's findings with its golden file.
// Orphan findings are project-wide (an orphan belongs to no function), so
// they carry no function IDs; everything else a finding needs is checked.
func TestFixtures(t *testing.T) {
	root := filepath.Join("testdata", "fixtures")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			fs := accesstest.Scan(t, filepath.Join(root, name), orphan.New())
			if strings.HasPrefix(name, "safe") && len(fs) > 0 {
				t.Errorf("safe fixture %s reports:\n%s", name, accesstest.Render(fs))
			}
			for _, f := range fs {
				if f.File == "" || f.Line < 1 || f.Message == "" || f.Key == "" || len(f.Functions) != 0 {
					t.Errorf("malformed finding: %+v", f)
				}
			}
			accesstest.Golden(t, filepath.Join("testdata", "golden", name+".txt"), accesstest.Render(fs), *update)
		})
	}
}
