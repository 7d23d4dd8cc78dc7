package yarnlock

import (
	"path"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/npm"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// member is a workspace of the project.
type member struct {
	dir string // relative to the scan root
	rel string // relative to the lockfile's directory: the package ID
	m   *npm.Manifest
}

// rootManifest reads the package.json beside the lockfile, warning when it
// is missing or broken.
func rootManifest(tree *walk.Tree, b *npm.Builder) *npm.Manifest {
	file := npm.JoinDir(b.Lockfile().Dir, "package.json")
	if !tree.Exists(file) {
		b.Warn("no package.json beside the lockfile: direct dependencies and scopes are unknown")
		return nil
	}
	m, err := npm.ReadManifest(tree, file)
	if err != nil {
		b.Warn("package.json beside the lockfile unreadable (%v): direct dependencies and scopes are unknown", err)
		return nil
	}
	return m
}

// memberManifest reads a workspace member's package.json; nil when absent.
func memberManifest(tree *walk.Tree, b *npm.Builder, dir string) *npm.Manifest {
	file := npm.JoinDir(dir, "package.json")
	if !tree.Exists(file) {
		return nil
	}
	m, err := npm.ReadManifest(tree, file)
	if err != nil {
		b.Warn("workspace package.json unreadable: %v", err)
		return nil
	}
	return m
}

// addMember records a workspace member as a local package.
func addMember(b *npm.Builder, mb member, name, version string, line int) {
	src := model.Location{File: b.Lockfile().File, Line: line}
	if mb.m != nil {
		name, version = mb.m.Name, mb.m.Version
		src = model.Location{File: mb.m.File, Line: mb.m.VersionLine}
	}
	if name == "" {
		name = path.Base(mb.rel)
	}
	b.Add(&deps.Package{ID: mb.rel, Name: name, Version: version, Local: true, Scope: deps.Runtime, Source: src})
	b.AddMember(mb.dir)
}

// declaredScope is the scope package.json gives a dependency: unknown
// without a manifest, runtime for one the lockfile lists but the manifest
// does not (a transitive pin cannot be told apart).
func declaredScope(m *npm.Manifest, name string) (deps.Scope, string, bool) {
	if m == nil {
		return deps.Unknown, "", false
	}
	s, spec, ok := m.Scope(name)
	if !ok {
		return deps.Runtime, "", false
	}
	return s, spec, true
}
