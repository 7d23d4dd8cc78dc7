package deps

import (
	"context"

	"github.com/cladsec/clad/internal/walk"
)

// Parser reads one dependency file format.
type Parser interface {
	// Name identifies the parser in problems.
	Name() string
	// FileRequired is a cheap check on the path alone.
	FileRequired(path string) bool
	// Parse reads file from the tree. It returns nil, nil for a file that
	// turns out not to be of its format. Other files of the tree may be read
	// (a package.json beside a lockfile, -r includes).
	Parse(ctx context.Context, tree *walk.Tree, file string) (*Lockfile, error)
}
