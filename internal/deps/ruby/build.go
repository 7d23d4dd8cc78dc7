package ruby

import (
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
)

// build turns the parsed lock into a lockfile.
func (lf *lockFile) build(file string, groups map[string]deps.Scope) *deps.Lockfile {
	b := lockbuild.New(file, deps.RubyGems, "Gemfile.lock")
	byName := map[string][]*spec{}
	for _, s := range lf.specs {
		byName[s.name] = append(byName[s.name], s)
		if !s.local {
			b.Add(newGem(s.name, s.version, file, s.line))
		}
	}
	for _, s := range lf.specs {
		if s.local {
			continue
		}
		for _, d := range s.deps {
			for _, t := range byName[d] {
				if !t.local {
					b.Edge(s.name+"@"+s.version, t.name+"@"+t.version)
				}
			}
		}
	}
	for _, d := range lf.direct {
		scope := deps.Runtime
		if s, ok := groups[d.name]; ok {
			scope = s
		}
		lf.markRoot(b, byName, d.name, d.constraint, scope, map[string]bool{})
	}
	if lf.bundler != "" {
		p := newGem("bundler", lf.bundler, file, lf.bundLn)
		p.Scope = deps.Dev
		b.Add(p)
	}
	return b.Finish(true)
}

// markRoot marks the gems named name as roots; a local (PATH) gem passes
// its own dependencies on instead.
func (lf *lockFile) markRoot(b *lockbuild.Builder, byName map[string][]*spec, name, constraint string, scope deps.Scope, seen map[string]bool) {
	if seen[name] {
		return
	}
	seen[name] = true
	for _, s := range byName[name] {
		if s.local {
			for _, d := range s.deps {
				lf.markRoot(b, byName, d, "", scope, seen)
			}
			continue
		}
		id := s.name + "@" + s.version
		if p := b.Get(id); p != nil && p.Declared == "" {
			p.Declared = constraint
		}
		b.Root(id, scope)
	}
}
