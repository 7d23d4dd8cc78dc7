// Package cargo reads Rust's Cargo.lock, with the workspace's Cargo.toml
// manifests for the direct dependencies and which of them are only for
// development.
package cargo

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/deps/toml"
	"github.com/cladsec/clad/internal/walk"
)

// CargoLock reads Cargo.lock.
type CargoLock struct{}

// NewCargoLock returns the Cargo.lock parser.
func NewCargoLock() *CargoLock { return &CargoLock{} }

// Name implements deps.Parser.
func (*CargoLock) Name() string { return "cargo/cargo-lock" }

// FileRequired implements deps.Parser.
func (*CargoLock) FileRequired(p string) bool { return path.Base(p) == "Cargo.lock" }

// crate is one [[package]] of the lock.
type crate struct {
	name, version, source string
	deps                  []string // raw "name [version [(source)]]"
	line                  int
}

func (c *crate) id() string  { return c.name + "@" + c.version }
func (c *crate) local() bool { return c.source == "" }

// Parse implements deps.Parser. Crates without a source are the
// workspace's own: they are not listed; their dependencies are the roots,
// Dev when the crate's Cargo.toml has them only under dev-dependencies
// (Unknown when no manifest is found), and scopes flow through the graph.
func (*CargoLock) Parse(ctx context.Context, tree *walk.Tree, file string) (*deps.Lockfile, error) {
	data, err := lockbuild.ReadText(tree, file)
	if err != nil {
		return nil, err
	}
	root, err := toml.Parse(data)
	if err != nil {
		return nil, lockbuild.Wrap(file, 0, err)
	}
	crates, err := readCrates(file, root)
	if err != nil {
		return nil, err
	}
	format := "Cargo.lock"
	if v := root.Get("version"); v != nil && v.Kind == toml.Integer {
		format = fmt.Sprintf("Cargo.lock@%d", v.Int)
	}
	g := &graph{b: lockbuild.New(file, deps.CratesIO, format), crates: crates, byName: map[string][]*crate{}}
	for _, c := range crates {
		g.byName[c.name] = append(g.byName[c.name], c)
		if !c.local() {
			g.b.Add(newCrate(c.name, c.version, file, c.line))
		}
	}
	g.edges()
	g.roots(findManifests(ctx, tree, lockbuild.Dir(file)))
	lf := g.b.Finish(true)
	if len(g.workspaces) > 1 {
		lf.Workspaces = g.workspaces
	}
	return lf, nil
}

func readCrates(file string, root *toml.Table) ([]*crate, error) {
	pkgs := root.Tables("package")
	if len(pkgs) == 0 && root.Get("version") == nil && root.Get("metadata") == nil {
		return nil, lockbuild.Errorf(file, 1, "not a Cargo.lock: no [[package]]")
	}
	var out []*crate
	for _, t := range pkgs {
		c := &crate{name: t.String("name"), version: t.String("version"), source: t.String("source"), line: t.Line}
		if c.name == "" || c.version == "" {
			return nil, lockbuild.Errorf(file, t.Line, "[[package]] without a name or version")
		}
		c.deps = t.Get("dependencies").Strings()
		out = append(out, c)
	}
	return out, nil
}

func newCrate(name, version, file string, line int) *deps.Package {
	p := &deps.Package{
		ID: name + "@" + version, Ecosystem: deps.CratesIO, Name: name, Version: version,
		PURL: lockbuild.PURL("cargo", "", name, version),
	}
	p.Source.File, p.Source.Line = file, line
	return p
}

// graph links the crates.
type graph struct {
	b          *lockbuild.Builder
	crates     []*crate
	byName     map[string][]*crate
	workspaces map[string][]string
}

// target resolves "name", "name version" or "name version (source)".
func (g *graph) target(ref string) []*crate {
	f := strings.Fields(ref)
	if len(f) == 0 {
		return nil
	}
	cands := g.byName[f[0]]
	if len(f) > 1 {
		for _, c := range cands {
			if c.version == f[1] {
				return []*crate{c}
			}
		}
	}
	return cands
}

func (g *graph) edges() {
	for _, c := range g.crates {
		if c.local() {
			continue
		}
		for _, d := range c.deps {
			for _, t := range g.target(d) {
				if !t.local() {
					g.b.Edge(c.id(), t.id())
				}
			}
		}
	}
}
