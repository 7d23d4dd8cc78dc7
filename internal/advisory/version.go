package advisory

import (
	"errors"
	"fmt"
	"strings"

	"github.com/google/osv-scalibr/semantic"
)

// ErrNoOrdering is returned when no version ordering is known for an
// ecosystem (ECOSYSTEM ranges of it cannot be evaluated).
var ErrNoOrdering = errors.New("no version ordering for ecosystem")

// ordering parses versions of one range type in one ecosystem.
type ordering struct {
	eco    string
	semver bool
}

// orderingFor returns the ordering of a range: SemVer 2.0 for SEMVER
// ranges whatever the ecosystem, else the ecosystem's own.
func orderingFor(rangeType, eco string) ordering {
	return ordering{eco: EcosystemKey(eco), semver: rangeType == RangeSemver}
}

// parse parses v in this ordering.
func (o ordering) parse(v string) (semantic.Version, error) {
	v = strings.TrimSpace(v)
	if o.semver {
		return semantic.ParseSemverVersion(v), nil
	}
	pv, err := semantic.Parse(v, o.eco)
	if errors.Is(err, semantic.ErrUnsupportedEcosystem) {
		return nil, fmt.Errorf("%w %q", ErrNoOrdering, o.eco)
	}
	if err != nil {
		return nil, fmt.Errorf("parse %s version %q: %w", o.eco, truncate(v, 40), err)
	}
	return pv, nil
}

// compare orders a and b; it fails when either does not parse.
func (o ordering) compare(a, b string) (int, error) {
	va, err := o.parse(a)
	if err != nil {
		return 0, err
	}
	vb, err := o.parse(b)
	if err != nil {
		return 0, err
	}
	return va.Compare(vb)
}

// CompareVersions orders two versions of an ecosystem with its native rules
// (npm/Go/crates.io SemVer with prereleases and Go pseudo-versions, PEP 440,
// Maven, RubyGems, NuGet, Packagist…): -1, 0 or +1. It fails for an
// ecosystem without a known ordering.
func CompareVersions(eco, a, b string) (int, error) {
	return ordering{eco: EcosystemKey(eco)}.compare(a, b)
}

// CompareSemver orders two versions by SemVer 2.0 precedence (a leading
// "v" and build metadata are ignored), as SEMVER ranges are evaluated.
func CompareSemver(a, b string) int {
	c, _ := ordering{semver: true}.compare(a, b)
	return c
}
