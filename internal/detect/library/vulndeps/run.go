package vulndeps

import (
	"context"
	"sort"

	"github.com/cladsec/clad/internal/advisory"
	"github.com/cladsec/clad/internal/advisory/db"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/library/npmreg"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// run is one Detect call.
type run struct {
	in    *detect.Input
	db    *db.DB
	lfs   []*deps.Lockfile
	cache map[string]queryResult
	// records caches the decoded records of each package looked up.
	records map[string][]*advisory.Record
	att     *attribution
	online  *npmreg.Client
	// registryWarned is set once a registry failure was reported.
	registryWarned bool
	pathCache      map[string][]depPath
}

// check matches every lockfile, then attributes the vulnerable ones to
// functions and reports their findings.
func (r *run) check(ctx context.Context, report func(finding.Finding)) error {
	found := map[*deps.Lockfile][]*group{}
	for _, lf := range r.lfs {
		if err := ctx.Err(); err != nil {
			return err
		}
		groups, err := r.matchLockfile(lf)
		if err != nil {
			return err
		}
		if len(groups) > 0 {
			found[lf] = groups
		}
	}
	if len(found) == 0 {
		return nil
	}
	r.att = attribute(r.in, r.lfs, found)
	for _, lf := range r.lfs {
		for _, g := range found[lf] {
			report(r.finding(ctx, lf, g))
		}
	}
	return nil
}

// Attribution modes: how the functions of a shipped finding were chosen.
const (
	// modeLoaded: their code imports the package (directly or through
	// another package); functions whose imports could not be read are
	// added.
	modeLoaded = iota + 1
	// modeShipped: they deploy it and their imports could not be read.
	modeShipped
	// modeUnused: they deploy it but none of their code imports it.
	modeUnused
)

// verdict is where a vulnerable package version stands.
type verdict struct {
	shipped bool
	// functions are the IDs the finding names, sorted.
	functions []string
	mode      int
	// shippedBy counts the functions that deploy it.
	shippedBy int
	// why explains, for an unshipped package, why it does not ship.
	why string
	// roots are the direct dependencies the paths start from.
	roots [][]string
}

// judge decides the rule and the functions of a group.
func (r *run) judge(lf *deps.Lockfile, g *group) verdict {
	if r.att.none {
		// No function to attribute to: what the project ships is every
		// package but the development-only ones.
		v := verdict{shipped: !devOnlyGroup(lf, g), roots: [][]string{allRoots(lf)}}
		if !v.shipped {
			v.why = "only development dependencies bring it in"
		}
		return v
	}
	u := r.att.per[lf]
	if u == nil {
		return verdict{why: r.whyNotShipped(lf, g, nil), roots: [][]string{allRoots(lf)}}
	}
	ships, traced, unknown := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, id := range g.ids {
		for fn := range u.ships[id] {
			ships[fn] = true
			if u.unknown[fn] {
				unknown[fn] = true
			}
		}
		for fn := range u.loads[id] {
			traced[fn] = true
		}
	}
	if len(ships) == 0 {
		return verdict{why: r.whyNotShipped(lf, g, u), roots: [][]string{allRoots(lf)}}
	}
	v := verdict{shipped: true, shippedBy: len(ships)}
	pick := ships
	switch {
	case len(traced) > 0:
		v.mode, pick = modeLoaded, traced
		for fn := range unknown {
			pick[fn] = true
		}
	case len(unknown) > 0:
		v.mode, pick = modeShipped, unknown
	default:
		v.mode = modeUnused
	}
	v.functions = sortedKeys(pick)
	seen := map[string]bool{}
	for _, fn := range v.functions {
		roots := u.roots[fn]
		if v.mode == modeLoaded && !u.unknown[fn] {
			roots = u.loadRoots[fn]
		}
		k := joinIDs(roots)
		if !seen[k] {
			seen[k] = true
			v.roots = append(v.roots, roots)
		}
	}
	return v
}

// allRoots are every direct dependency of the lockfile, the project's and
// its workspace members'.
func allRoots(lf *deps.Lockfile) []string {
	set := map[string]bool{}
	for _, id := range lf.Roots {
		set[id] = true
	}
	for _, ids := range lf.Workspaces {
		for _, id := range ids {
			set[id] = true
		}
	}
	return sortedKeys(set)
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func joinIDs(ids []string) string {
	n := 0
	for _, id := range ids {
		n += len(id) + 1
	}
	b := make([]byte, 0, n)
	for _, id := range ids {
		b = append(b, id...)
		b = append(b, 0)
	}
	return string(b)
}

// warnRegistry reports the first npm registry failure of the run.
func (r *run) warnRegistry(err error) {
	if r.registryWarned {
		return
	}
	r.registryWarned = true
	r.in.Warn(model.Problem{Level: model.LevelWarning, Kind: "io", Stage: "vulnerable-dependencies",
		Message: "npm registry not consulted for upgrade advice (" + err.Error() + "); advice uses the lockfile only"})
}
