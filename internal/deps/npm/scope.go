package npm

import (
	"sort"

	"github.com/cladsec/clad/internal/deps"
)

// ScopeRank orders scopes from the one that ships the most: runtime,
// optional, dev, unknown.
func ScopeRank(s deps.Scope) int {
	switch s {
	case deps.Runtime:
		return 0
	case deps.Optional:
		return 1
	case deps.Dev:
		return 2
	}
	return 3
}

// propagate gives every package reachable from a direct dependency the
// scope that ships the most among the paths that reach it: a path keeps
// its root's scope, and an optional edge turns runtime into optional.
// Packages no direct dependency reaches keep the scope the parser gave them
// (npm's own flags, or unknown).
func (b *Builder) propagate() {
	got := map[string]deps.Scope{}
	var carry []string // optional targets met during the runtime pass
	for _, s := range []deps.Scope{deps.Runtime, deps.Optional, deps.Dev, deps.Unknown} {
		queue := append([]string(nil), carry...)
		carry = nil
		for _, id := range sortedKeys(b.start) {
			if b.start[id] == s {
				queue = append(queue, id)
			}
		}
		for len(queue) > 0 {
			id := queue[0]
			queue = queue[1:]
			if _, done := got[id]; done || b.byID[id] == nil {
				continue
			}
			got[id] = s
			for _, e := range b.edges[id] {
				if s == deps.Runtime && e.optional {
					carry = append(carry, e.to)
					continue
				}
				queue = append(queue, e.to)
			}
		}
	}
	for id, s := range got {
		b.byID[id].Scope = s
	}
}

func sortedKeys(m map[string]deps.Scope) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
