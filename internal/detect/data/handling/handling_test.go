package handling_test

import (
	"flag"
	"testing"

	"github.com/cladsec/clad/internal/detect/access/accesstest"
	"github.com/cladsec/clad/internal/detect/data/handling"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestFixtures scans every project under testdata/fixtures with all the
// extractors and this detector; "safe" fixtures must yield nothing.
func TestFixtures(t *testing.T) { accesstest.Fixtures(t, *update, handling.New()) }
