// Package yarnlock parses yarn.lock files, both yarn v1's own format and the
// YAML lockfiles of yarn 2 and later ("berry"), into a dependency graph.
// yarn.lock records no dev flags, so scopes come from the package.json
// beside it and from the workspace members' package.json files.
package yarnlock

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/walk"
)

var _ deps.Parser = (*Parser)(nil)

// Parser reads yarn.lock.
type Parser struct{}

// New returns the yarn.lock parser.
func New() *Parser { return &Parser{} }

// Name identifies the parser.
func (*Parser) Name() string { return "yarn.lock" }

// FileRequired matches yarn.lock outside node_modules.
func (*Parser) FileRequired(p string) bool {
	return path.Base(p) == "yarn.lock" && !strings.Contains(p, "node_modules/")
}

// Parse reads the lockfile at file; the format is told by its content
// (berry lockfiles carry __metadata).
func (*Parser) Parse(ctx context.Context, tree *walk.Tree, file string) (*deps.Lockfile, error) {
	data, err := tree.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, fmt.Errorf("%s: binary content (NUL byte)", file)
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not valid UTF-8 text", file)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if isBerry(data) {
		return parseBerry(tree, file, data)
	}
	return parseV1File(tree, file, data)
}

// isBerry reports whether a top-level __metadata key is present.
func isBerry(data []byte) bool {
	return bytes.HasPrefix(data, []byte("__metadata:")) || bytes.Contains(data, []byte("\n__metadata:"))
}
