package maven

import (
	"context"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/walk"
)

// POM reads the declared dependencies of a Maven pom.xml.
type POM struct{}

// NewPOM returns the pom.xml parser.
func NewPOM() *POM { return &POM{} }

// Name implements deps.Parser.
func (*POM) Name() string { return "maven/pom" }

// FileRequired implements deps.Parser.
func (*POM) FileRequired(p string) bool { return path.Base(p) == "pom.xml" }

// managed is a <dependencyManagement> entry.
type managed struct{ version, scope string }

// Parse implements deps.Parser. The lockfile is DeclaredOnly: Maven
// resolves transitive dependencies from a repository, so only the declared
// ones are listed, each a root. Test, provided and system scopes are Dev.
// Unresolved properties and version ranges leave Version empty (Declared
// keeps the text) and come back as warnings.
func (*POM) Parse(ctx context.Context, tree *walk.Tree, file string) (*deps.Lockfile, error) {
	p, warn, err := loadPOM(tree, file)
	if err != nil {
		return nil, err
	}
	props := newProperties(p)
	mgmt := dependencyManagement(p, props)
	b := lockbuild.New(file, deps.Maven, "pom.xml")
	b.Lockfile().DeclaredOnly = true
	for cur := p; cur != nil; cur = cur.parent { // dependencies are inherited
		for _, d := range cur.root.child("dependencies").all("dependency") {
			if w := addDependency(b, cur.file, d, props, mgmt); w != nil {
				warn = append(warn, w)
			}
		}
	}
	return b.Finish(false), warn.Err()
}

// dependencyManagement collects managed versions and scopes, the child's
// entries winning over its parents'.
func dependencyManagement(p *pom, props *properties) map[string]managed {
	out := map[string]managed{}
	for cur := p; cur != nil; cur = cur.parent {
		for _, d := range cur.root.child("dependencyManagement").child("dependencies").all("dependency") {
			g, _ := props.resolve(d.value("groupId"))
			a, _ := props.resolve(d.value("artifactId"))
			key := g + ":" + a
			if _, set := out[key]; set {
				continue
			}
			v, _ := props.resolve(d.value("version"))
			out[key] = managed{version: v, scope: d.value("scope")}
		}
	}
	return out
}

// addDependency adds one <dependency>; it returns a warning when its
// version stays unknown.
func addDependency(b *lockbuild.Builder, file string, d *node, props *properties, mgmt map[string]managed) error {
	g, gok := props.resolve(d.value("groupId"))
	a, aok := props.resolve(d.value("artifactId"))
	if g == "" || a == "" || !gok || !aok {
		return lockbuild.Errorf(file, d.line, "dependency without a resolvable groupId and artifactId skipped")
	}
	m := mgmt[g+":"+a]
	raw := d.value("version")
	if raw == "" {
		raw = m.version
	}
	scope := d.value("scope")
	if scope == "" {
		scope = m.scope
	}
	if scope == "import" {
		return nil
	}
	declared, ok := props.resolve(raw)
	version := declared
	var warn error
	switch {
	case raw == "":
		warn = lockbuild.Errorf(file, d.line, "%s:%s has no version (managed by a parent or BOM outside the tree)", g, a)
	case !ok:
		version = ""
		warn = lockbuild.Errorf(file, d.line, "%s:%s version %s: property not defined in the tree", g, a, declared)
	case isRange(declared):
		version = ""
	}
	p := newArtifact(g, a, version, file, d.line)
	p.Declared = declared
	p.Scope = pomScope(scope)
	got := b.Add(p)
	b.Root(got.ID, got.Scope)
	return warn
}

// isRange tells Maven version ranges ("[1.0,2.0)", "(,1.5]").
func isRange(v string) bool { return strings.ContainsAny(v, "[](),") }

// pomScope maps Maven scopes: test, provided and system are not packaged.
func pomScope(s string) deps.Scope {
	switch s {
	case "test", "provided", "system":
		return deps.Dev
	}
	return deps.Runtime
}
