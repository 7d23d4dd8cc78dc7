// Package ruby reads Bundler's Gemfile.lock (and gems.locked), with the
// Gemfile beside it for the groups that tell development gems.
package ruby

import (
	"context"
	"path"
	"regexp"
	"strings"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/walk"
)

// GemfileLock reads Gemfile.lock.
type GemfileLock struct{}

// NewGemfileLock returns the Gemfile.lock parser.
func NewGemfileLock() *GemfileLock { return &GemfileLock{} }

// Name implements deps.Parser.
func (*GemfileLock) Name() string { return "ruby/gemfile-lock" }

// FileRequired implements deps.Parser.
func (*GemfileLock) FileRequired(p string) bool {
	b := path.Base(p)
	return b == "Gemfile.lock" || b == "gems.locked"
}

// spec is one gem of a GEM, GIT or PATH section.
type spec struct {
	name, version string
	deps          []string
	line          int
	local         bool // from a PATH source: the project itself or a local gem
}

// lockFile is what clad reads from a Gemfile.lock.
type lockFile struct {
	specs   []*spec
	direct  []direct
	bundler string
	bundLn  int
}

type direct struct {
	name, constraint string
	line             int
}

var (
	specLine = regexp.MustCompile(`^    ([^ (]+) \(([^)]+)\)$`)
	depLine  = regexp.MustCompile(`^      ([^ (]+)(?: \(([^)]+)\))?$`)
	topLine  = regexp.MustCompile(`^  ([^ (!]+)(!)?(?: \(([^)]+)\))?$`)
)

// Parse implements deps.Parser. Gems are linked by their dependencies;
// DEPENDENCIES gives the roots (with the declared constraint), the
// Gemfile's groups give their scope, which flows through the graph. Gems
// from PATH sources (the project's own gemspec) pass their dependencies on
// as roots. BUNDLED WITH adds bundler itself as a dev package.
func (*GemfileLock) Parse(ctx context.Context, tree *walk.Tree, file string) (*deps.Lockfile, error) {
	data, err := lockbuild.ReadText(tree, file)
	if err != nil {
		return nil, err
	}
	lf, err := parseLock(file, string(data))
	if err != nil {
		return nil, err
	}
	groups := gemfileGroups(tree, file)
	return lf.build(file, groups), nil
}

func parseLock(file, data string) (*lockFile, error) {
	lf := &lockFile{}
	section := ""
	inSpecs := false
	var cur *spec
	for i, raw := range strings.Split(data, "\n") {
		line := strings.TrimRight(raw, "\r ")
		n := i + 1
		switch {
		case line == "":
			continue
		case line[0] != ' ':
			section, inSpecs, cur = line, false, nil
			continue
		}
		switch section {
		case "GEM", "GIT", "PATH", "PLUGIN SOURCE":
			if strings.TrimSpace(line) == "specs:" {
				inSpecs = true
				continue
			}
			if !inSpecs {
				continue
			}
			if m := specLine.FindStringSubmatch(line); m != nil {
				cur = &spec{name: m[1], version: gemVersion(m[2]), line: n, local: section == "PATH"}
				lf.specs = append(lf.specs, cur)
				continue
			}
			if m := depLine.FindStringSubmatch(line); m != nil && cur != nil {
				cur.deps = append(cur.deps, m[1])
				continue
			}
			return nil, lockbuild.Errorf(file, n, "unexpected line in %s specs: %q", section, truncate(line, 80))
		case "DEPENDENCIES":
			m := topLine.FindStringSubmatch(line)
			if m == nil {
				return nil, lockbuild.Errorf(file, n, "unexpected line in DEPENDENCIES: %q", truncate(line, 80))
			}
			lf.direct = append(lf.direct, direct{name: m[1], constraint: m[3], line: n})
		case "BUNDLED WITH":
			lf.bundler, lf.bundLn = strings.TrimSpace(line), n
		}
	}
	if len(lf.specs) == 0 && len(lf.direct) == 0 {
		return nil, lockbuild.Errorf(file, 0, "not a Gemfile.lock: no specs and no DEPENDENCIES")
	}
	return lf, nil
}

// gemVersion drops the platform of "1.13.10-x86_64-linux" (gem versions
// contain no "-").
func gemVersion(v string) string {
	v, _, _ = strings.Cut(strings.TrimSpace(v), "-")
	return v
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func newGem(name, version, file string, line int) *deps.Package {
	p := &deps.Package{
		ID: name + "@" + version, Ecosystem: deps.RubyGems, Name: name, Version: version,
		PURL: lockbuild.PURL("gem", "", name, version),
	}
	p.Source.File, p.Source.Line = file, line
	return p
}
