package advisory

// MemIndex is an in-memory set of records indexed by package, for the
// enrichment feed and for tests.
type MemIndex struct {
	byPkg map[string][]*Record
	n     int
}

// NewMemIndex indexes records under every package they affect.
func NewMemIndex(recs []*Record) *MemIndex {
	ix := &MemIndex{byPkg: map[string][]*Record{}}
	for _, r := range recs {
		if r == nil {
			continue
		}
		ix.n++
		seen := map[string]bool{}
		for _, a := range r.Affected {
			k := PackageKey(a.Package.Ecosystem, a.Package.Name)
			if !seen[k] {
				seen[k] = true
				ix.byPkg[k] = append(ix.byPkg[k], r)
			}
		}
	}
	return ix
}

// PackageKey is the key a package is indexed under: its ecosystem key and
// normalised name.
func PackageKey(eco, name string) string {
	key := EcosystemKey(eco)
	return key + "\x00" + NormalizeName(key, name)
}

// Lookup returns the records indexed under the package.
func (ix *MemIndex) Lookup(eco, name string) []*Record {
	if ix == nil {
		return nil
	}
	return ix.byPkg[PackageKey(eco, name)]
}

// Len is the number of records.
func (ix *MemIndex) Len() int {
	if ix == nil {
		return 0
	}
	return ix.n
}

// Query matches the installed version of a package against the index.
func (ix *MemIndex) Query(eco, name, version string) []Match {
	return Evaluate(ix.Lookup(eco, name), eco, name, version)
}
