package vulndeps

import (
	"context"

	"github.com/cladsec/clad/internal/advisory"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/detect/library/npmreg"
)

// onlineBump asks the npm registry (with --online) for the lowest release
// of the direct dependency at the head of path whose tree admits a fixed
// version of the vulnerable package, walking one or two hops up from it.
// It returns "" when it cannot tell.
func (r *run) onlineBump(ctx context.Context, g *group, path []*deps.Package) string {
	if r.online == nil || len(path) < 2 || len(path) > 3 {
		return ""
	}
	recs, err := r.flawRecords(g)
	if err != nil {
		return ""
	}
	w := &walker{ctx: ctx, reg: r.online, recs: recs, vuln: g.name}
	parent := path[len(path)-2]
	pv, err := w.lowestFixedParent(parent)
	if err == nil && pv != "" && len(path) == 3 {
		pv, err = w.lowestFixedGrand(path[0], parent.Name)
	}
	if err != nil {
		r.warnRegistry(err)
		return ""
	}
	return pv
}

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

// lowestFixedParent is the lowest release of parent above its installed
// version whose range on the vulnerable package admits a fix.
func (w *walker) lowestFixedParent(parent *deps.Package) (string, error) {
	doc, err := w.reg.Get(w.ctx, parent.Name)
	if err != nil {
		return "", err
	}
	for _, v := range doc.After(parent.Version) {
		ok, err := w.fixedUnder(doc.Versions[v])
		if err != nil {
			return "", err
		}
		if ok {
			return v, nil
		}
	}
	return "", nil
}

// lowestFixedGrand is the lowest release of the direct dependency above
// its installed version that resolves parent (by name) to a release whose
// tree is fixed.
func (w *walker) lowestFixedGrand(direct *deps.Package, parent string) (string, error) {
	doc, err := w.reg.Get(w.ctx, direct.Name)
	if err != nil {
		return "", err
	}
	pdoc, err := w.reg.Get(w.ctx, parent)
	if err != nil {
		return "", err
	}
	for _, v := range doc.After(direct.Version) {
		rng, has := doc.Versions[v].Requires(parent)
		if !has {
			return v, nil
		}
		pv, ok := pdoc.Highest(rng)
		if !ok {
			continue
		}
		fixed, err := w.fixedUnder(pdoc.Versions[pv])
		if err != nil {
			return "", err
		}
		if fixed {
			return v, nil
		}
	}
	return "", nil
}
