package python

import (
	"path"
	"strings"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/toml"
	"github.com/cladsec/clad/internal/walk"
)

// declared is one direct dependency a manifest (pyproject.toml, Pipfile)
// declares.
type declared struct {
	name  string // normalised
	spec  string
	scope deps.Scope
}

// manifestDeps reads the direct dependencies of a pyproject.toml or
// Pipfile next to a lockfile. A missing or unreadable manifest gives nil
// (the lockfile still stands on its own).
func manifestDeps(tree *walk.Tree, lockfile, manifest string) []declared {
	file := path.Join(path.Dir(lockfile), manifest)
	if !tree.Exists(file) {
		return nil
	}
	data, err := tree.ReadFile(file)
	if err != nil {
		return nil
	}
	root, err := toml.Parse(data)
	if err != nil {
		return nil
	}
	if manifest == "Pipfile" {
		return pipfileDeps(root)
	}
	return pyprojectDeps(root)
}

func pipfileDeps(root *toml.Table) []declared {
	out := tableDeps(root.Table("packages"), deps.Runtime)
	return append(out, tableDeps(root.Table("dev-packages"), deps.Dev)...)
}

// pyprojectDeps reads PEP 621 [project] dependencies and optional
// dependencies, PEP 735 [dependency-groups], and Poetry's
// [tool.poetry.dependencies], dev-dependencies and groups.
func pyprojectDeps(root *toml.Table) []declared {
	var out []declared
	project := root.Table("project")
	out = append(out, pep508Deps(project.Get("dependencies"), deps.Runtime)...)
	if opt := project.Table("optional-dependencies"); opt != nil {
		for _, k := range opt.Keys {
			out = append(out, pep508Deps(opt.Get(k), deps.Optional)...)
		}
	}
	if groups := root.Table("dependency-groups"); groups != nil {
		for _, k := range groups.Keys {
			out = append(out, pep508Deps(groups.Get(k), deps.Dev)...)
		}
	}
	poetry := root.Path("tool", "poetry")
	out = append(out, tableDeps(poetry.Table("dependencies"), deps.Runtime)...)
	out = append(out, tableDeps(poetry.Table("dev-dependencies"), deps.Dev)...)
	if groups := poetry.Table("group"); groups != nil {
		for _, g := range groups.Keys {
			scope := deps.Dev
			if g == "main" {
				scope = deps.Runtime
			}
			out = append(out, tableDeps(groups.Path(g, "dependencies"), scope)...)
		}
	}
	return out
}

// pep508Deps reads an array of PEP 508 strings.
func pep508Deps(v *toml.Value, scope deps.Scope) []declared {
	var out []declared
	for _, s := range v.Strings() {
		if r, ok := ParseRequirement(s); ok && r.Name != "" {
			out = append(out, declared{name: Normalize(r.Name), spec: r.Specifier, scope: scope})
		}
	}
	return out
}

// tableDeps reads name = "spec" or name = { version = "spec", … } tables
// (Poetry and Pipfile); "python" is the interpreter, not a package.
func tableDeps(t *toml.Table, scope deps.Scope) []declared {
	if t == nil {
		return nil
	}
	var out []declared
	for _, k := range t.Keys {
		if strings.EqualFold(k, "python") {
			continue
		}
		spec := ""
		switch v := t.Get(k); v.Kind {
		case toml.String:
			spec = v.Str
		case toml.TableKind:
			spec = v.Table.String("version")
		}
		if spec == "*" {
			spec = ""
		}
		out = append(out, declared{name: Normalize(k), spec: spec, scope: scope})
	}
	return out
}
