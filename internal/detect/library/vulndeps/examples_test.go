package vulndeps

import (
	"path/filepath"
	"testing"
)

// TestExamples scans the demo apps against the shared snapshot; the
// golden files are compared with the Library sections of their
// EXPECTED.md.
func TestExamples(t *testing.T) {
	dbDir := sharedDB(t)
	for _, demo := range []string{"aws-orders", "azure-todo"} {
		t.Run(demo, func(t *testing.T) {
			res := scanWith(t, filepath.Join("..", "..", "..", "..", "examples", demo), dbDir, true, New())
			if len(res.notRun) > 0 {
				t.Errorf("not run: %v", res.notRun)
			}
			golden(t, "examples/"+demo+".golden", render(res.findings))
		})
	}
}
