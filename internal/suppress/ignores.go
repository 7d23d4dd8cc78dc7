package suppress

import (
	"path"
	"strings"
	"time"

	"github.com/cladsec/clad/internal/config"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// ignores tracks the config ignores and which of them matched.
type ignores struct {
	list    []config.Ignore
	expired []bool
	used    []bool
}

func newIgnores(list []config.Ignore, now time.Time) *ignores {
	s := &ignores{list: list, expired: make([]bool, len(list)), used: make([]bool, len(list))}
	for i, ig := range list {
		s.expired[i] = ig.ExpiredAt(now)
	}
	return s
}

// suppress reports whether an active ignore matches f. Every matching
// ignore is marked used, so overlapping ignores are not reported unused.
func (s *ignores) suppress(f finding.Finding) bool {
	hit := false
	for i, ig := range s.list {
		if !s.expired[i] && Matches(ig, f) {
			s.used[i] = true
			hit = true
		}
	}
	return hit
}

// Matches reports whether every condition the ignore sets holds for f. An
// ignore with neither rule nor fingerprint matches nothing.
func Matches(ig config.Ignore, f finding.Finding) bool {
	if ig.Rule == "" && ig.Fingerprint == "" {
		return false
	}
	if ig.Fingerprint != "" && !strings.EqualFold(ig.Fingerprint, f.Fingerprint) {
		return false
	}
	if ig.Rule != "" && !ruleMatch(ig.Rule, f.Rule) {
		return false
	}
	if ig.Path != "" && !walk.MatchGlob(ig.Path, f.File) {
		return false
	}
	return ig.Function == "" || anyMatch(ig.Function, f.Functions)
}

// ruleMatch matches a rule ID or a path.Match glob over rule IDs.
func ruleMatch(pattern, rule string) bool {
	if pattern == rule {
		return true
	}
	ok, err := path.Match(pattern, rule)
	return err == nil && ok
}

// anyMatch reports whether the glob matches one of the function IDs.
func anyMatch(pattern string, ids []string) bool {
	for _, id := range ids {
		if ok, err := path.Match(pattern, id); err == nil && ok {
			return true
		}
	}
	return false
}

// expiredProblems warns once per expired ignore.
func (s *ignores) expiredProblems(file string) []model.Problem {
	var out []model.Problem
	for i, ig := range s.list {
		if s.expired[i] {
			out = append(out, warning(file, ig.Line, "config",
				"ignore for %s expired on %s; its findings are reported again", ig, ig.Until.Format(config.DateLayout)))
		}
	}
	return out
}

// unusedProblems warns once per active ignore that matched nothing.
func (s *ignores) unusedProblems(file string) []model.Problem {
	var out []model.Problem
	for i, ig := range s.list {
		if !s.expired[i] && !s.used[i] {
			out = append(out, warning(file, ig.Line, "config",
				"unused ignore for %s: it matched no finding; remove it or correct it", ig))
		}
	}
	return out
}
