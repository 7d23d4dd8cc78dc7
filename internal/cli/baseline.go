package cli

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/cladsec/clad/internal/baseline"
	"github.com/cladsec/clad/internal/finding"
)

// applyBaselineFile writes the baseline at path when it is missing (every
// current finding is then accepted) or suppresses the findings it lists.
// An empty path changes nothing.
func applyBaselineFile(path string, quiet bool, fs []finding.Finding, env Env) (kept, accepted []finding.Finding, err error) {
	if path == "" {
		return fs, nil, nil
	}
	b, err := baseline.Load(path)
	if errors.Is(err, os.ErrNotExist) {
		b = baseline.New("clad "+version(), time.Now(), fs)
		if err := b.Save(path, true); err != nil {
			return nil, nil, err
		}
		if !quiet {
			fmt.Fprintf(env.Stderr, "clad: wrote baseline %s with %d accepted findings\n", path, len(b.Entries))
		}
		return nil, fs, nil
	}
	if err != nil {
		return nil, nil, err
	}
	kept, accepted = b.Filter(fs)
	return kept, accepted, nil
}
