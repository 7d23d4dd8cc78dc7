// Package pnpmlock parses pnpm-lock.yaml (lockfileVersion 5.x of pnpm 6
// and 7, 6.0 of pnpm 8, 9.0 of pnpm 9 and 10) into a dependency graph: one
// package per resolved instance (peer suffixes such as "(react@18.2.0)"
// make distinct instances), the importers as the project and its workspace
// members, and scopes from the importers' dependency sections.
package pnpmlock

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/walk"
)

var _ deps.Parser = (*Parser)(nil)

// Parser reads pnpm-lock.yaml.
type Parser struct{}

// New returns the pnpm-lock.yaml parser.
func New() *Parser { return &Parser{} }

// Name identifies the parser.
func (*Parser) Name() string { return "pnpm-lock" }

// FileRequired matches pnpm-lock.yaml outside node_modules.
func (*Parser) FileRequired(p string) bool {
	return path.Base(p) == "pnpm-lock.yaml" && !strings.Contains(p, "node_modules/")
}

// Parse reads the lockfile at file; YAML without lockfileVersion returns
// nil, nil.
func (*Parser) Parse(ctx context.Context, tree *walk.Tree, file string) (*deps.Lockfile, error) {
	data, err := tree.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	doc, err := cfgtree.Parse(lastDocument(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return parse(tree, file, doc)
}

func parse(tree *walk.Tree, file string, doc *cfgtree.Node) (*deps.Lockfile, error) {
	if doc.Kind == cfgtree.Null {
		return nil, nil
	}
	if doc.Kind != cfgtree.Map {
		return nil, fmt.Errorf("%s: line %d: a pnpm lockfile is a map", file, doc.Line)
	}
	v := doc.Get("lockfileVersion").Str()
	if v == "" {
		return nil, nil
	}
	major, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || major < 5 {
		return nil, fmt.Errorf("%s: line %d: unsupported lockfileVersion %q", file, doc.Get("lockfileVersion").Line, v)
	}
	return newLock(tree, file, "pnpm@"+v, int(major), doc).build(), nil
}

// lastDocument keeps the last non-empty YAML document of a stream (pnpm 10
// writes its configuration dependencies' lockfile first) and blanks what
// comes before it, so line numbers stay those of the file.
func lastDocument(data []byte) []byte {
	lines := bytes.SplitAfter(data, []byte("\n"))
	start := 0
	for i := len(lines) - 1; i >= 0; i-- {
		if !isDocStart(lines[i]) {
			continue
		}
		if hasContent(lines[i+1:]) {
			start = i + 1
			break
		}
	}
	if start == 0 {
		return data
	}
	out := make([]byte, 0, len(data))
	out = append(out, bytes.Repeat([]byte("\n"), start)...)
	for _, l := range lines[start:] {
		out = append(out, l...)
	}
	return out
}

func isDocStart(l []byte) bool {
	return bytes.Equal(bytes.TrimRight(l, " \r\n"), []byte("---"))
}

func hasContent(lines [][]byte) bool {
	for _, l := range lines {
		t := bytes.TrimSpace(l)
		if len(t) > 0 && t[0] != '#' {
			return true
		}
	}
	return false
}
