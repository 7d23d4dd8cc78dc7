package vulndeps

import (
	"context"
	"fmt"

	"github.com/cladsec/clad/internal/advisory"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/detect/library/npmreg"
)

// onlineBump asks the npm registry (with --online) for the lowest release
// of the direct dependency at the head of path whose tree admits a fixed
// version of the vulnerable package, following the path down to it (up to
// maxOnlineDepth packages).
// It returns "" when it cannot tell.
func (r *run) onlineBump(ctx context.Context, g *group, path []*deps.Package) string {
	// After one registry failure the scan stops asking: a registry that is
	// down would otherwise cost a timeout per path.
	if r.online == nil || r.registryWarned || len(path) < 2 || len(path) > maxOnlineDepth {
		return ""
	}
	recs, err := r.flawRecords(g)
	if err != nil {
		return ""
	}
	w := &walker{ctx: ctx, reg: r.online, recs: recs, vuln: g.name, memo: map[string]bool{}}
	names := make([]string, len(path))
	for i, p := range path {
		names[i] = p.Name
	}
	v, err := w.lowestFixed(path[0], names)
	if err != nil {
		r.warnRegistry(err)
		return ""
	}
	return v
}

// maxOnlineDepth bounds the dependency paths the registry walk follows
// (direct dependency to vulnerable package, both included): each level is
// one more registry document per candidate release.
const maxOnlineDepth = 6

// flawRecords are the records merged into the group's match.
func (r *run) flawRecords(g *group) ([]*advisory.Record, error) {
	recs, err := r.lookup(g.match.Ecosystem, g.name)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, id := range g.match.Records {
		want[id] = true
	}
	var out []*advisory.Record
	for _, rec := range recs {
		if want[rec.ID] {
			out = append(out, rec)
		}
	}
	return out, nil
}

// walker answers "is this tree fixed" through registry documents.
type walker struct {
	ctx  context.Context
	reg  *npmreg.Client
	recs []*advisory.Record
	vuln string
	// memo holds fixedAt's answers by level and release.
	memo map[string]bool
}

// fixedUnder reports whether a package declaring dependency range rng on
// the vulnerable package resolves it to an unaffected version (npm takes
// the highest version in range); no declaration at all is fixed too.
func (w *walker) fixedUnder(m npmreg.Manifest) (bool, error) {
	rng, has := m.Requires(w.vuln)
	if !has {
		return true, nil
	}
	doc, err := w.reg.Get(w.ctx, w.vuln)
	if err != nil {
		return false, err
	}
	hv, ok := doc.Highest(rng)
	if !ok {
		return false, nil
	}
	for _, rec := range w.recs {
		if rec.Affects(advisory.NPM, w.vuln, hv) {
			return false, nil
		}
	}
	return true, nil
}

// lowestFixed is the lowest release of the direct dependency above its
// installed version whose dependency chain down to the vulnerable package
// (names: the path's package names, direct first, vulnerable last)
// resolves to an unaffected release; "" when none does.
func (w *walker) lowestFixed(direct *deps.Package, names []string) (string, error) {
	doc, err := w.reg.Get(w.ctx, direct.Name)
	if err != nil {
		return "", err
	}
	for _, v := range doc.After(direct.Version) {
		ok, err := w.fixedAt(names, 0, v, doc.Versions[v])
		if err != nil {
			return "", err
		}
		if ok {
			return v, nil
		}
	}
	return "", nil
}

// fixedAt reports whether release version (manifest m) of names[i]
// resolves the rest of the chain to an unaffected vulnerable package: npm
// installs the highest release in each declared range, and a release that
// no longer depends on the next package is fixed.
func (w *walker) fixedAt(names []string, i int, version string, m npmreg.Manifest) (bool, error) {
	if i == len(names)-2 {
		return w.fixedUnder(m)
	}
	key := fmt.Sprintf("%d\x00%s@%s", i, names[i], version)
	if ok, seen := w.memo[key]; seen {
		return ok, nil
	}
	next := names[i+1]
	rng, has := m.Requires(next)
	ok := !has
	if has {
		doc, err := w.reg.Get(w.ctx, next)
		if err != nil {
			return false, err
		}
		if hv, found := doc.Highest(rng); found {
			if ok, err = w.fixedAt(names, i+1, hv, doc.Versions[hv]); err != nil {
				return false, err
			}
		}
	}
	w.memo[key] = ok
	return ok, nil
}
