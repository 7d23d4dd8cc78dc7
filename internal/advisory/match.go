package advisory

import (
	"sort"
	"strings"
	"time"
)

// Match is one vulnerability affecting an installed package version. The
// records that describe the same flaw (linked through their ids and
// aliases: GHSA-x, CVE-y, PYSEC-z…) are merged into one Match.
type Match struct {
	// ID is the canonical id: a GHSA id if any, else a CVE id, else the id
	// of a matched record.
	ID string `json:"id"`
	// Aliases are every other id of the flaw, sorted.
	Aliases []string `json:"aliases,omitempty"`
	// Records are the ids of the matched records that were merged.
	Records   []string `json:"records"`
	Ecosystem string   `json:"ecosystem"`
	Package   string   `json:"package"`
	Version   string   `json:"version"`
	Summary   string   `json:"summary,omitempty"`
	Severity  Rating   `json:"severity"`
	// Fixed is the smallest fixed version above the installed one, taken
	// from the ranges that contain it, that no merged record still
	// affects; empty when there is none.
	Fixed string `json:"fixed,omitempty"`
	// HasFix says whether such a fixed version exists.
	HasFix     bool      `json:"has_fix"`
	CWEs       []string  `json:"cwes,omitempty"`
	References []string  `json:"references,omitempty"`
	Published  time.Time `json:"published,omitzero"`
	Modified   time.Time `json:"modified,omitzero"`
}

// hit is one record that affects the queried version.
type hit struct {
	rec     *Record
	fixes   []string
	entries []*Affected
}

// Evaluate matches one installed package version against records (those
// indexed under the package; others are ignored) and returns one Match per
// flaw, sorted by id. Withdrawn records never match.
func Evaluate(recs []*Record, eco, name, version string) []Match {
	hits := collectHits(dedupe(recs), eco, name, version)
	var out []Match
	for _, g := range groupHits(hits) {
		out = append(out, buildMatch(g, eco, name, version))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// dedupe keeps one record per id, the most recently modified.
func dedupe(recs []*Record) []*Record {
	byID := make(map[string]int, len(recs))
	var out []*Record
	for _, r := range recs {
		if r == nil {
			continue
		}
		if i, ok := byID[r.ID]; ok {
			if r.Modified.After(out[i].Modified.Time) {
				out[i] = r
			}
			continue
		}
		byID[r.ID] = len(out)
		out = append(out, r)
	}
	return out
}

// collectHits evaluates every record.
func collectHits(recs []*Record, eco, name, version string) []hit {
	var hits []hit
	for _, r := range recs {
		if r.IsWithdrawn() {
			continue
		}
		h := hit{rec: r}
		for i := range r.Affected {
			a := &r.Affected[i]
			if !a.Matches(eco, name) {
				continue
			}
			if ok, f := a.Includes(version); ok {
				h.entries = append(h.entries, a)
				h.fixes = append(h.fixes, f...)
			}
		}
		if len(h.entries) > 0 {
			hits = append(hits, h)
		}
	}
	return hits
}

// groupHits unites hits sharing any id (record id or alias), keeping the
// order of first appearance.
func groupHits(hits []hit) [][]hit {
	parent := make([]int, len(hits))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	owner := map[string]int{}
	for i, h := range hits {
		for _, id := range h.rec.IDs() {
			if j, ok := owner[id]; ok {
				parent[find(i)] = find(j)
			} else {
				owner[id] = i
			}
		}
	}
	idx := map[int]int{}
	var groups [][]hit
	for i, h := range hits {
		root := find(i)
		g, ok := idx[root]
		if !ok {
			g = len(groups)
			idx[root] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], h)
	}
	return groups
}

// buildMatch merges one group of hits.
func buildMatch(g []hit, eco, name, version string) Match {
	m := Match{Ecosystem: EcosystemKey(eco), Package: name, Version: version}
	var recs []*Record
	var entries []*Affected
	var fixes []string
	all := map[string]bool{}
	for _, h := range g {
		recs = append(recs, h.rec)
		entries = append(entries, h.entries...)
		fixes = append(fixes, h.fixes...)
		m.Records = append(m.Records, h.rec.ID)
		for _, id := range h.rec.IDs() {
			all[id] = true
		}
	}
	sort.Strings(m.Records)
	m.ID = canonicalID(all, m.Records)
	for id := range all {
		if id != m.ID {
			m.Aliases = append(m.Aliases, id)
		}
	}
	sort.Strings(m.Aliases)
	m.Severity = rate(recs, entries)
	m.Fixed = smallestFix(recs, eco, name, fixes)
	m.HasFix = m.Fixed != ""
	fillFacts(&m, recs)
	return m
}

// idRank prefers GHSA ids, then CVE ids, then the records' own ids.
func idRank(id string, records map[string]bool) int {
	switch {
	case strings.HasPrefix(id, "GHSA-"):
		return 0
	case strings.HasPrefix(id, "CVE-"):
		return 1
	case records[id]:
		return 2
	default:
		return 3
	}
}

// canonicalID picks the preferred id, ties broken by string order.
func canonicalID(all map[string]bool, recordIDs []string) string {
	isRec := map[string]bool{}
	for _, id := range recordIDs {
		isRec[id] = true
	}
	best := ""
	for id := range all {
		if best == "" {
			best = id
			continue
		}
		ri, rb := idRank(id, isRec), idRank(best, isRec)
		if ri < rb || ri == rb && id < best {
			best = id
		}
	}
	return best
}

// smallestFix returns the smallest candidate that no record of the group
// affects, in the ecosystem's order.
func smallestFix(recs []*Record, eco, name string, fixes []string) string {
	o := ordering{eco: EcosystemKey(eco)}
	uniq := map[string]bool{}
	var cands []string
	for _, f := range fixes {
		if !uniq[f] {
			uniq[f] = true
			cands = append(cands, f)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		c, err := o.compare(cands[i], cands[j])
		if err != nil {
			c = CompareSemver(cands[i], cands[j])
		}
		return c < 0
	})
	for _, c := range cands {
		still := false
		for _, r := range recs {
			if r.Affects(eco, name, c) {
				still = true
				break
			}
		}
		if !still {
			return c
		}
	}
	return ""
}

// fillFacts merges summary, CWEs, references and dates.
func fillFacts(m *Match, recs []*Record) {
	cwes := map[string]bool{}
	refs := map[string]bool{}
	ordered := append([]*Record(nil), recs...)
	sort.SliceStable(ordered, func(i, j int) bool {
		return ordered[i].ID == m.ID && ordered[j].ID != m.ID
	})
	for _, r := range ordered {
		if m.Summary == "" {
			m.Summary = r.Summary
		}
		for _, c := range r.DatabaseSpecific.CWEIDs {
			if c = strings.TrimSpace(c); c != "" && !cwes[c] {
				cwes[c] = true
				m.CWEs = append(m.CWEs, c)
			}
		}
		for _, ref := range r.References {
			if u := strings.TrimSpace(ref.URL); u != "" && !refs[u] {
				refs[u] = true
				m.References = append(m.References, u)
			}
		}
		if p := r.Published.Time; !p.IsZero() && (m.Published.IsZero() || p.Before(m.Published)) {
			m.Published = p
		}
		if r.Modified.After(m.Modified) {
			m.Modified = r.Modified.Time
		}
	}
	sort.Strings(m.CWEs)
}
