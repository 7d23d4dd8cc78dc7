package npmreg

import (
	"sort"

	"github.com/Masterminds/semver/v3"

	"github.com/cladsec/clad/internal/detect/library/semrange"
)

// Sorted returns the published versions in ascending SemVer order,
// prereleases left out (npm never picks them for a plain range).
func (p *Packument) Sorted() []string {
	type pv struct {
		raw string
		v   *semver.Version
	}
	var vs []pv
	for raw := range p.Versions {
		v, err := semver.StrictNewVersion(raw)
		if err != nil || v.Prerelease() != "" {
			continue
		}
		vs = append(vs, pv{raw, v})
	}
	sort.Slice(vs, func(i, j int) bool { return vs[i].v.LessThan(vs[j].v) })
	out := make([]string, len(vs))
	for i, x := range vs {
		out[i] = x.raw
	}
	return out
}

// Highest returns the highest published version rng admits: the one a
// fresh install picks.
func (p *Packument) Highest(rng string) (string, bool) {
	vs := p.Sorted()
	for i := len(vs) - 1; i >= 0; i-- {
		if ok, _ := semrange.Satisfies("npm", rng, vs[i]); ok {
			return vs[i], true
		}
	}
	return "", false
}

// After returns the published versions above v, ascending.
func (p *Packument) After(v string) []string {
	cur, err := semver.NewVersion(v)
	var out []string
	for _, s := range p.Sorted() {
		if err != nil {
			out = append(out, s)
			continue
		}
		if x, _ := semver.NewVersion(s); x != nil && x.GreaterThan(cur) {
			out = append(out, s)
		}
	}
	return out
}
