// Package maven reads the dependencies of Java projects: the declared
// dependencies of a Maven pom.xml (properties, dependency management and
// parents inside the tree resolved) and Gradle's dependency lockfiles.
package maven

import (
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
)

// newArtifact builds a Maven package named "group:artifact" as OSV does;
// an empty version means unresolved or a range.
func newArtifact(group, artifact, version, file string, line int) *deps.Package {
	name := group + ":" + artifact
	id := name
	if version != "" {
		id = name + "@" + version
	}
	p := &deps.Package{
		ID: id, Ecosystem: deps.Maven, Name: name, Version: version,
		PURL: lockbuild.PURL("maven", group, artifact, version),
	}
	p.Source.File, p.Source.Line = file, line
	return p
}
