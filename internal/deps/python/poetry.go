package python

import (
	"context"
	"path"
	"slices"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/deps/toml"
	"github.com/cladsec/clad/internal/walk"
)

// Poetry reads poetry.lock (lock versions 1.x and 2.x), with the
// pyproject.toml beside it for the direct dependencies and their groups.
type Poetry struct{}

// NewPoetry returns the poetry.lock parser.
func NewPoetry() *Poetry { return &Poetry{} }

// Name implements deps.Parser.
func (*Poetry) Name() string { return "python/poetry-lock" }

// FileRequired implements deps.Parser.
func (*Poetry) FileRequired(p string) bool { return path.Base(p) == "poetry.lock" }

// Parse implements deps.Parser. Scopes come from the lock itself when it
// records them (category in 1.x, groups in 2.1); otherwise they are
// computed through the graph from the pyproject's groups.
func (*Poetry) Parse(ctx context.Context, tree *walk.Tree, file string) (*deps.Lockfile, error) {
	root, err := readTOML(tree, file)
	if err != nil {
		return nil, err
	}
	pkgs := root.Tables("package")
	if len(pkgs) == 0 && root.Table("metadata") == nil {
		return nil, lockbuild.Errorf(file, 1, "not a poetry.lock: no [[package]] or [metadata]")
	}
	version := root.Path("metadata").String("lock-version")
	if version == "" {
		version = "1.0"
	}
	b := lockbuild.New(file, deps.PyPI, "poetry@"+version)
	recorded := false
	for _, t := range pkgs {
		p, err := poetryPackage(file, t)
		if err != nil {
			return nil, err
		}
		if p.Scope != deps.Unknown {
			recorded = true
		}
		b.Add(p)
	}
	byName := b.ByName()
	for _, t := range pkgs {
		from := pyID(Normalize(t.String("name")), t.String("version"))
		for _, dep := range t.Table("dependencies").KeyNames() {
			for _, to := range byName[Normalize(dep)] {
				b.Edge(from, to.ID)
			}
		}
	}
	decl := manifestDeps(tree, file, "pyproject.toml")
	applyDeclared(b, decl)
	if len(decl) == 0 {
		b.RootOrphans()
	}
	return b.Finish(!recorded && len(decl) > 0), nil
}

func poetryPackage(file string, t *toml.Table) (*deps.Package, error) {
	name, version := t.String("name"), t.String("version")
	if name == "" || version == "" {
		return nil, lockbuild.Errorf(file, t.Line, "[[package]] without a name or version")
	}
	p := newPackage(name, version, file, t.Line)
	p.Scope = poetryScope(t)
	return p, nil
}

// poetryScope reads category (lock 1.x) or groups (lock 2.1).
func poetryScope(t *toml.Table) deps.Scope {
	optional := t.Get("optional")
	isOptional := optional != nil && optional.Kind == toml.Bool && optional.Bool
	runtime := deps.Runtime
	if isOptional {
		runtime = deps.Optional
	}
	if groups := t.Get("groups").Strings(); len(groups) > 0 {
		if slices.Contains(groups, "main") {
			return runtime
		}
		return deps.Dev
	}
	switch t.String("category") {
	case "main":
		return runtime
	case "dev":
		return deps.Dev
	}
	return deps.Unknown
}
