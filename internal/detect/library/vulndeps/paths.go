package vulndeps

import (
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/deps"
)

// maxPaths bounds the dependency paths a finding lists; the fix advice
// weighs up to maxAdvicePaths (one per direct dependency that brings the
// package in).
const (
	maxPaths       = 3
	maxAdvicePaths = 64
)

// depPath is one path from a direct dependency to the vulnerable package.
type depPath struct {
	ids    []string
	labels []string
}

// paths returns findPaths, computed once per lockfile, packages and roots:
// the advisories of one package share them.
func (r *run) paths(lf *deps.Lockfile, ids []string, rootSets [][]string) []depPath {
	var b strings.Builder
	b.WriteString(lf.File)
	for _, id := range ids {
		b.WriteString("\x00")
		b.WriteString(id)
	}
	for _, roots := range rootSets {
		b.WriteString("\x01")
		b.WriteString(joinIDs(roots))
	}
	k := b.String()
	if ps, ok := r.pathCache[k]; ok {
		return ps
	}
	ps := findPaths(lf, ids, rootSets)
	r.pathCache[k] = ps
	return ps
}

// findPaths returns, over every roots set, the shortest paths to any of the
// package IDs and the shortest from each root (direct dependency), shortest
// first, at most maxAdvicePaths.
func findPaths(lf *deps.Lockfile, ids []string, rootSets [][]string) []depPath {
	seen := map[string]bool{}
	var out []depPath
	for _, roots := range rootSets {
		for _, id := range ids {
			// The shortest paths (through different parents), and one path
			// from every direct dependency that brings the package in.
			found := append(lf.Paths(id, roots, maxPaths), lf.PathsFromEachRoot(id, roots, maxAdvicePaths)...)
			for _, p := range found {
				dp := depPath{ids: p, labels: labels(lf, p)}
				k := strings.Join(dp.labels, "\x00")
				if !seen[k] {
					seen[k] = true
					out = append(out, dp)
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].ids) != len(out[j].ids) {
			return len(out[i].ids) < len(out[j].ids)
		}
		return strings.Join(out[i].labels, " ") < strings.Join(out[j].labels, " ")
	})
	if len(out) > maxAdvicePaths {
		out = out[:maxAdvicePaths]
	}
	return out
}

// labels spells a path of IDs as name@version.
func labels(lf *deps.Lockfile, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = label(lf.Get(id))
	}
	return out
}

func label(p *deps.Package) string {
	if p == nil {
		return "?"
	}
	if p.Version == "" {
		return p.Name
	}
	return p.Name + "@" + p.Version
}

// packagesOf returns the packages of a path.
func packagesOf(lf *deps.Lockfile, ids []string) []*deps.Package {
	out := make([]*deps.Package, 0, len(ids))
	for _, id := range ids {
		if p := lf.Get(id); p != nil {
			out = append(out, p)
		}
	}
	return out
}
