package rotation_test

import (
	"path/filepath"
	"testing"

	"github.com/cladsec/clad/internal/detect/access/accesstest"
	"github.com/cladsec/clad/internal/detect/data/rotation"
)

// TestDemos: neither demo declares a KMS key or a Secrets Manager secret,
// and their EXPECTED.md lists no rotation finding.
func TestDemos(t *testing.T) {
	for _, demo := range []string{"aws-orders", "azure-todo"} {
		if fs := accesstest.Scan(t, filepath.Join("..", "..", "..", "..", "examples", demo), rotation.New()); len(fs) > 0 {
			t.Errorf("%s: unexpected findings:\n%s", demo, accesstest.Render(fs))
		}
	}
}
