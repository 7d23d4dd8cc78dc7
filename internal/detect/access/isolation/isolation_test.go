package isolation_test

import (
	"flag"
	"testing"

	"github.com/cladsec/clad/internal/detect/access/accesstest"
	"github.com/cladsec/clad/internal/detect/access/isolation"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestRules(t *testing.T) { accesstest.CheckRules(t, isolation.New()) }

func TestFixtures(t *testing.T) { accesstest.Fixtures(t, *update, isolation.New()) }
