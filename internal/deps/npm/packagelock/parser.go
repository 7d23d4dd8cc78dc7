// Package packagelock parses npm's package-lock.json and npm-shrinkwrap.json
// (lockfileVersion 1, 2 and 3) into a dependency graph: one package per
// node_modules path, edges resolved the way Node resolves require, scopes
// computed from the project's dependency sections through the graph, and
// workspace members with their own direct dependencies.
package packagelock

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/npm"
	"github.com/cladsec/clad/internal/deps/npm/jsontree"
	"github.com/cladsec/clad/internal/walk"
)

var _ deps.Parser = (*Parser)(nil)

// Parser reads package-lock.json and npm-shrinkwrap.json.
type Parser struct{}

// New returns the package-lock parser.
func New() *Parser { return &Parser{} }

// Name identifies the parser.
func (*Parser) Name() string { return "package-lock" }

// FileRequired matches package-lock.json and npm-shrinkwrap.json outside
// node_modules (shrinkwraps published inside packages are not the
// project's).
func (*Parser) FileRequired(p string) bool {
	base := path.Base(p)
	return (base == "package-lock.json" || base == "npm-shrinkwrap.json") && !strings.Contains(p, "node_modules/")
}

// Parse reads the lockfile at file. A JSON file without lockfile fields
// returns nil, nil.
func (*Parser) Parse(ctx context.Context, tree *walk.Tree, file string) (*deps.Lockfile, error) {
	data, err := tree.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	root, err := jsontree.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return parse(tree, file, root)
}

func parse(tree *walk.Tree, file string, root *cfgtree.Node) (*deps.Lockfile, error) {
	if root.Kind != cfgtree.Map {
		return nil, fmt.Errorf("%s: line %d: a lockfile is a JSON object", file, root.Line)
	}
	version, hasVersion := root.Get("lockfileVersion").Int()
	pkgs, v1deps := root.Get("packages"), root.Get("dependencies")
	if !hasVersion && pkgs == nil && v1deps == nil {
		return nil, nil
	}
	if !hasVersion {
		version = 1
		if pkgs != nil {
			version = 2
		}
	}
	format := strings.TrimSuffix(path.Base(file), ".json") + fmt.Sprintf("@%d", version)
	b := npm.NewBuilder(file, format)
	switch {
	case pkgs != nil && pkgs.Kind == cfgtree.Map:
		newV2(tree, b, pkgs).build()
	case v1deps != nil && v1deps.Kind == cfgtree.Map:
		newV1(tree, b).build(v1deps)
	case pkgs != nil || v1deps != nil:
		return nil, fmt.Errorf("%s: line %d: \"packages\" or \"dependencies\" is not an object", file, firstLine(pkgs, v1deps))
	}
	return b.Finish(), nil
}

func firstLine(ns ...*cfgtree.Node) int {
	for _, n := range ns {
		if n != nil {
			return n.Line
		}
	}
	return 0
}
