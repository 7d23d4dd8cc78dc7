// Package nuget reads NuGet's packages.lock.json.
package nuget

import (
	"context"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/walk"
)

// PackagesLock reads packages.lock.json.
type PackagesLock struct{}

// NewPackagesLock returns the packages.lock.json parser.
func NewPackagesLock() *PackagesLock { return &PackagesLock{} }

// Name implements deps.Parser.
func (*PackagesLock) Name() string { return "nuget/packages-lock" }

// FileRequired implements deps.Parser.
func (*PackagesLock) FileRequired(p string) bool { return path.Base(p) == "packages.lock.json" }

// Parse implements deps.Parser. Every target framework (and runtime
// identifier) is read; a package resolved to the same version in several
// is listed once with the union of its edges. Direct entries are the
// roots (with their requested range); Project entries are the solution's
// own projects, whose dependencies become roots too.
func (*PackagesLock) Parse(ctx context.Context, tree *walk.Tree, file string) (*deps.Lockfile, error) {
	data, err := lockbuild.ReadText(tree, file)
	if err != nil {
		return nil, err
	}
	root, err := lockbuild.ParseJSON(file, data)
	if err != nil {
		return nil, err
	}
	targets := root.Get("dependencies")
	if root.Kind != cfgtree.Map || targets == nil || targets.Kind != cfgtree.Map {
		return nil, lockbuild.Errorf(file, root.Line, "not a packages.lock.json: no dependencies object")
	}
	format := "packages.lock.json"
	if v, ok := root.Get("version").Int(); ok {
		format = fmt.Sprintf("packages.lock.json@%d", v)
	}
	b := lockbuild.New(file, deps.NuGet, format)
	for _, tfm := range targets.Entries {
		if err := readTarget(b, file, tfm.Value); err != nil {
			return nil, err
		}
	}
	return b.Finish(true), nil
}

// entry is one package of a target framework.
type entry struct {
	name, typ, requested, resolved string
	deps                           []string
	ranges                         map[string]string // dependency → requested range
	line                           int
}

func readTarget(b *lockbuild.Builder, file string, tfm *cfgtree.Node) error {
	if tfm.Kind != cfgtree.Map {
		return lockbuild.Errorf(file, tfm.Line, "target framework is not an object")
	}
	byName := map[string]*entry{}
	var order []*entry
	for _, e := range tfm.Entries {
		if e.Value.Kind != cfgtree.Map {
			return lockbuild.Errorf(file, e.Line, "package %q is not an object", e.Key)
		}
		en := &entry{
			name: e.Key, typ: e.Value.Get("type").Str(), requested: e.Value.Get("requested").Str(),
			resolved: e.Value.Get("resolved").Str(), line: e.Line,
		}
		en.deps = e.Value.Get("dependencies").Keys()
		sort.Strings(en.deps)
		en.ranges = map[string]string{}
		for _, d := range en.deps {
			en.ranges[d] = e.Value.Get("dependencies").Get(d).Str()
		}
		byName[strings.ToLower(e.Key)] = en
		order = append(order, en)
	}
	for _, en := range order {
		if en.typ == "Project" || en.resolved == "" {
			continue
		}
		p := newNuGet(en.name, en.resolved, file, en.line)
		p.Scope = deps.Runtime
		b.Add(p)
	}
	for _, en := range order {
		for _, d := range en.deps {
			t := byName[strings.ToLower(d)]
			if t == nil || t.typ == "Project" || en.typ == "Project" || en.resolved == "" || t.resolved == "" {
				continue
			}
			b.Edge(id(en.name, en.resolved), id(t.name, t.resolved))
		}
	}
	for _, en := range order {
		if en.typ == "Direct" || en.typ == "Project" {
			markRoot(b, byName, en, en.requested, map[string]bool{})
		}
	}
	return nil
}

// markRoot marks a direct package as a root; a project reference passes
// its own dependencies on.
func markRoot(b *lockbuild.Builder, byName map[string]*entry, en *entry, requested string, seen map[string]bool) {
	key := strings.ToLower(en.name)
	if seen[key] {
		return
	}
	seen[key] = true
	if en.typ != "Project" {
		if en.resolved == "" {
			return
		}
		pid := id(en.name, en.resolved)
		if p := b.Get(pid); p != nil && p.Declared == "" {
			p.Declared = requested
		}
		b.Root(pid, deps.Runtime)
		return
	}
	for _, d := range en.deps {
		if t := byName[strings.ToLower(d)]; t != nil {
			markRoot(b, byName, t, en.ranges[d], seen)
		}
	}
}

func id(name, version string) string { return name + "@" + version }

func newNuGet(name, version, file string, line int) *deps.Package {
	p := &deps.Package{
		ID: id(name, version), Ecosystem: deps.NuGet, Name: name, Version: version,
		PURL: lockbuild.PURL("nuget", "", name, version),
	}
	p.Source.File, p.Source.Line = file, line
	return p
}
