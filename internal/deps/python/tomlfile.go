package python

import (
	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/deps/toml"
	"github.com/cladsec/clad/internal/walk"
)

// readTOML reads and parses a TOML file of the tree; errors carry the
// file and line.
func readTOML(tree *walk.Tree, file string) (*toml.Table, error) {
	data, err := lockbuild.ReadText(tree, file)
	if err != nil {
		return nil, err
	}
	root, err := toml.Parse(data)
	if err != nil {
		return nil, lockbuild.Wrap(file, 0, err)
	}
	return root, nil
}
