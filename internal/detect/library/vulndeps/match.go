package vulndeps

import (
	"fmt"
	"sort"

	"github.com/cladsec/clad/internal/advisory"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/detect/library/semrange"
)

// group is one vulnerable package version of a lockfile and one flaw (the
// records merged through their aliases).
type group struct {
	name, version string
	// ids are the lockfile's package IDs installing that name@version.
	ids   []string
	match advisory.Match
	// declared is set when the version is a declared range, not a pinned
	// version: the range admits an affected version.
	declared bool
	// example is, for a declared range, the affected version it admits.
	example string
}

// queryResult caches one lookup; several lockfiles pin the same versions.
type queryResult struct {
	matches []advisory.Match
	// examples maps a match's ID to the affected version a declared range
	// admits.
	examples map[string]string
	err      error
}

// checkable drops the lockfiles a better one of the same directory
// describes (they list the same packages) and those without packages.
func checkable(lfs []*deps.Lockfile) []*deps.Lockfile {
	shadowed := deps.Shadowed(lfs)
	var out []*deps.Lockfile
	for _, lf := range lfs {
		if !shadowed[lf] && len(lf.Packages) > 0 {
			out = append(out, lf)
		}
	}
	return out
}

// matchLockfile returns the vulnerable package versions of lf, one group
// per name@version and flaw, in package order.
func (r *run) matchLockfile(lf *deps.Lockfile) ([]*group, error) {
	byKey := map[string]*group{}
	var out []*group
	for _, p := range lf.Packages {
		if p.Local || p.Name == "" {
			continue
		}
		res, version, declared := r.matchPackage(lf, p)
		if res.err != nil {
			return nil, res.err
		}
		for _, m := range res.matches {
			k := p.Name + "@" + version + "\x00" + m.ID
			g := byKey[k]
			if g == nil {
				g = &group{name: p.Name, version: version, match: m, declared: declared, example: res.examples[m.ID]}
				byKey[k] = g
				out = append(out, g)
			}
			g.ids = append(g.ids, p.ID)
		}
	}
	for _, g := range out {
		sort.Slice(g.ids, func(i, j int) bool { return idLess(g.ids[i], g.ids[j]) })
	}
	return out, nil
}

// idLess puts the shallowest install first ("node_modules/qs" before
// "node_modules/x/node_modules/qs").
func idLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// matchPackage queries one package: its pinned version, or, in a
// declared-only file, the versions its range admits.
func (r *run) matchPackage(lf *deps.Lockfile, p *deps.Package) (queryResult, string, bool) {
	eco := p.Ecosystem
	if eco == "" {
		eco = lf.Ecosystem
	}
	if v, ok := semrange.Concrete(eco, p.Version); ok {
		return r.query(eco, p.Name, v), v, false
	}
	if !lf.DeclaredOnly {
		return queryResult{}, "", false
	}
	rng := p.Version
	if rng == "" {
		rng = p.Declared
	}
	return r.queryRange(eco, p.Name, rng), rng, true
}

// query matches one pinned version, once per run.
func (r *run) query(eco, name, version string) queryResult {
	k := eco + "\x00" + name + "\x00" + version
	if res, ok := r.cache[k]; ok {
		return res
	}
	recs, err := r.lookup(eco, name)
	res := queryResult{err: err}
	if err == nil && len(recs) > 0 {
		res.matches = advisory.Evaluate(recs, eco, name, version)
	}
	r.cache[k] = res
	return res
}

// lookup returns the records of a package (OSV and feed), decoded once
// per run whatever the number of versions asked about.
func (r *run) lookup(eco, name string) ([]*advisory.Record, error) {
	k := eco + "\x00" + name
	if recs, ok := r.records[k]; ok {
		return recs, nil
	}
	recs, err := r.db.Lookup(eco, name)
	if err != nil {
		return nil, fmt.Errorf("advisory lookup of %s %s: %w", eco, name, err)
	}
	r.records[k] = recs
	return recs, nil
}

// queryRange matches a declared range: the flaws that affect some version
// it admits, tried at its lowest version and at every version where an
// advisory's affected range begins.
func (r *run) queryRange(eco, name, rng string) queryResult {
	k := eco + "\x00" + name + "\x00range:" + rng
	if res, ok := r.cache[k]; ok {
		return res
	}
	res := queryResult{examples: map[string]string{}}
	recs, err := r.lookup(eco, name)
	if err != nil {
		res.err = err
		r.cache[k] = res
		return res
	}
	for _, c := range candidates(eco, name, rng, recs) {
		for _, m := range advisory.Evaluate(recs, eco, name, c) {
			if _, seen := res.examples[m.ID]; !seen {
				res.examples[m.ID] = c
				res.matches = append(res.matches, m)
			}
		}
	}
	r.cache[k] = res
	return res
}

// candidates are the versions of a range worth evaluating: its lowest,
// and the first affected version of every advisory range it admits.
func candidates(eco, name, rng string, recs []*advisory.Record) []string {
	var out []string
	seen := map[string]bool{}
	add := func(v string) {
		if v == "" || v == "0" || seen[v] {
			return
		}
		if ok, known := semrange.Satisfies(eco, rng, v); ok && known {
			seen[v] = true
			out = append(out, v)
		}
	}
	if lo, ok := semrange.Lowest(eco, rng); ok {
		add(lo)
	}
	for _, rec := range recs {
		for _, a := range rec.Affected {
			if !a.Matches(eco, name) {
				continue
			}
			for _, v := range a.Versions {
				add(v)
			}
			for _, rg := range a.Ranges {
				for _, e := range rg.Events {
					add(e.Introduced)
					add(e.LastAffected)
				}
			}
		}
	}
	return out
}
