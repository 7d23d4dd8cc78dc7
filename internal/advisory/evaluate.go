package advisory

import (
	"sort"
	"strings"

	"github.com/google/osv-scalibr/semantic"
)

// kind is the type of a range event; the order breaks ties between events
// at the same version (an introduced and a fixed at 1.0 make an empty
// range, an introduced and a last_affected at 1.0 contain 1.0).
type kind int

const (
	introduced kind = iota
	fixed
	lastAffected
	limit
)

// event is a parsed range event.
type event struct {
	kind kind
	raw  string
	v    semantic.Version
	// min marks introduced "0", which sorts before every version; inf
	// marks a limit containing "*", which sorts after every version.
	min, inf bool
}

// parseEvents parses the events of a range; one version that does not
// parse makes the whole range unusable.
func parseEvents(o ordering, evs []Event) ([]event, error) {
	var out []event
	add := func(k kind, raw string) error {
		raw = strings.TrimSpace(raw)
		if raw == "" {
			return nil
		}
		e := event{kind: k, raw: raw}
		switch {
		case k == introduced && raw == "0":
			e.min = true
		case k == limit && strings.Contains(raw, "*"):
			e.inf = true
		default:
			v, err := o.parse(raw)
			if err != nil {
				return err
			}
			e.v = v
		}
		out = append(out, e)
		return nil
	}
	for _, ev := range evs {
		for _, f := range []struct {
			k   kind
			raw string
		}{{introduced, ev.Introduced}, {fixed, ev.Fixed}, {lastAffected, ev.LastAffected}, {limit, ev.Limit}} {
			if err := add(f.k, f.raw); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// cmp orders a parsed event against a version: <0 when the event is
// before v.
func (e event) cmp(v semantic.Version) int {
	switch {
	case e.min:
		return -1
	case e.inf:
		return 1
	}
	c, err := e.v.Compare(v)
	if err != nil {
		return 0
	}
	return c
}

// less orders two events by version, then by kind.
func less(a, b event) bool {
	switch {
	case a.min || b.min:
		if a.min && b.min {
			return false
		}
		return a.min
	case a.inf || b.inf:
		return b.inf && !a.inf
	}
	if c, err := a.v.Compare(b.v); err == nil && c != 0 {
		return c < 0
	}
	return a.kind < b.kind
}

// rangeHit evaluates one range as OSV's IncludedInRanges does for a single
// range and returns, when v is affected, the fixed versions after v.
func rangeHit(o ordering, r Range, v semantic.Version) (bool, []string) {
	evs, err := parseEvents(o, r.Events)
	if err != nil || !beforeLimits(evs, v) {
		return false, nil
	}
	sorted := make([]event, 0, len(evs))
	for _, e := range evs {
		if e.kind != limit {
			sorted = append(sorted, e)
		}
	}
	sort.SliceStable(sorted, func(i, j int) bool { return less(sorted[i], sorted[j]) })
	vulnerable := false
	for _, e := range sorted {
		c := e.cmp(v) // event relative to v
		switch {
		case e.kind == introduced && c <= 0:
			vulnerable = true
		case e.kind == fixed && c <= 0:
			vulnerable = false
		case e.kind == lastAffected && c < 0:
			vulnerable = false
		}
	}
	if !vulnerable {
		return false, nil
	}
	var fixes []string
	for _, e := range sorted {
		if e.kind == fixed && e.cmp(v) > 0 {
			fixes = append(fixes, e.raw)
		}
	}
	return true, fixes
}

// beforeLimits is OSV's BeforeLimits: without limit events every version
// is before the (implicit "*") limit; otherwise v must be below one.
func beforeLimits(evs []event, v semantic.Version) bool {
	has := false
	for _, e := range evs {
		if e.kind != limit {
			continue
		}
		has = true
		if e.cmp(v) > 0 {
			return true
		}
	}
	return !has
}

// inVersions is OSV's IncludedInVersions: the version is listed as is
// (Go versions compare with or without their "v").
func inVersions(eco, version string, versions []string) bool {
	goEco := EcosystemKey(eco) == Go
	for _, l := range versions {
		l = strings.TrimSpace(l)
		if l == version || goEco && strings.TrimPrefix(l, "v") == strings.TrimPrefix(version, "v") {
			return true
		}
	}
	return false
}

// Includes reports whether this affected entry includes version (OSV's
// evaluation for one entry whose package already matched) and returns the
// fixed versions after it offered by the ranges that contain it. GIT
// ranges, ranges of unknown types and ranges whose versions do not parse in
// the ecosystem's ordering are skipped.
func (a *Affected) Includes(version string) (bool, []string) {
	version = strings.TrimSpace(version)
	if version == "" {
		return false, nil
	}
	hit := inVersions(a.Package.Ecosystem, version, a.Versions)
	if !looksLikeVersion(version) {
		// A git URL, a path or a tag name ("latest") is no point in any
		// ordering: comparing it would match every "introduced 0" range.
		return hit, nil
	}
	var fixes []string
	for _, r := range a.Ranges {
		if r.Type != RangeSemver && r.Type != RangeEcosystem {
			continue
		}
		o := orderingFor(r.Type, a.Package.Ecosystem)
		v, err := o.parse(version)
		if err != nil {
			continue
		}
		if ok, f := rangeHit(o, r, v); ok {
			hit = true
			fixes = append(fixes, f...)
		}
	}
	return hit, fixes
}

// looksLikeVersion requires a digit first (after an optional "v").
func looksLikeVersion(v string) bool {
	v = strings.TrimPrefix(v, "v")
	return v != "" && v[0] >= '0' && v[0] <= '9'
}

// Matches reports whether the entry names the package (ecosystem and name
// compared per the ecosystem's rules).
func (a *Affected) Matches(eco, name string) bool {
	key := EcosystemKey(eco)
	return EcosystemKey(a.Package.Ecosystem) == key &&
		NormalizeName(key, a.Package.Name) == NormalizeName(key, name)
}

// Affects is OSV's IsVulnerable: whether the record, unless withdrawn,
// affects the version of the package.
func (r *Record) Affects(eco, name, version string) bool {
	ok, _ := r.hit(eco, name, version)
	return ok
}

// hit evaluates every affected entry of the package and gathers the fixed
// versions of the ranges that contain version.
func (r *Record) hit(eco, name, version string) (bool, []string) {
	if r.IsWithdrawn() {
		return false, nil
	}
	hit := false
	var fixes []string
	for i := range r.Affected {
		a := &r.Affected[i]
		if !a.Matches(eco, name) {
			continue
		}
		if ok, f := a.Includes(version); ok {
			hit = true
			fixes = append(fixes, f...)
		}
	}
	return hit, fixes
}
