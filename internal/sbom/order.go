package sbom

import (
	"sort"
	"strings"
)

// dedupOccurrences sorts occurrences by file and line and merges those at
// the same place (a requirements file included by another is read twice).
func dedupOccurrences(in []Occurrence) []Occurrence {
	sort.SliceStable(in, func(i, j int) bool {
		if in[i].File != in[j].File {
			return in[i].File < in[j].File
		}
		return in[i].Line < in[j].Line
	})
	out := in[:0]
	for _, o := range in {
		if n := len(out); n > 0 && out[n-1].File == o.File && out[n-1].Line == o.Line && out[n-1].ID == o.ID {
			last := &out[n-1]
			if scopeRank(o.Scope) < scopeRank(last.Scope) {
				last.Scope = o.Scope
			}
			last.Direct = last.Direct || o.Direct
			continue
		}
		out = append(out, o)
	}
	return out
}

// less orders packages by name (case-insensitive), version (numbers as
// numbers), ecosystem, then key.
func less(a, b *Package) bool {
	if x, y := strings.ToLower(a.Name), strings.ToLower(b.Name); x != y {
		return x < y
	}
	if a.Name != b.Name {
		return a.Name < b.Name
	}
	if c := compareVersions(a.Version, b.Version); c != 0 {
		return c < 0
	}
	if a.Ecosystem != b.Ecosystem {
		return a.Ecosystem < b.Ecosystem
	}
	return a.Key < b.Key
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
