package iam

import (
	"sort"
	"strings"
)

// Weighing wildcards: what a pattern covers and what the code needs of it.

// patternPower returns the most powerful level an action pattern covers,
// and powerful actions it grants (for wildcards).
func patternPower(p string) (Level, []string) {
	if !strings.ContainsAny(p, "*?") {
		prefix, name, _ := strings.Cut(p, ":")
		return actionLevel(strings.ToLower(prefix), name), nil
	}
	level := LevelUnknown
	var ex []string
	for _, act := range coveredActions(p) {
		prefix, name, _ := strings.Cut(act, ":")
		lv := actionLevel(prefix, name)
		if lv > level {
			level = lv
		}
		if lv.Powerful() && (strings.Contains(name, "Delete") || lv == LevelPermissions) {
			ex = append(ex, act)
		}
	}
	if level == LevelUnknown {
		level = levelByVerb(strings.TrimSuffix(p[strings.Index(p, ":")+1:], "*"))
	}
	sortByPower(ex)
	return level, ex
}

// coveredActions lists the actions the table knows that a pattern covers.
func coveredActions(p string) []string {
	var out []string
	prefixes := catalogPrefixes()
	if pre, _, ok := strings.Cut(p, ":"); ok && !strings.ContainsAny(pre, "*?") {
		prefixes = []string{strings.ToLower(pre)}
	}
	for _, pre := range prefixes {
		for _, act := range knownActions(pre) {
			if actionMatch(p, act) {
				out = append(out, act)
			}
		}
	}
	return out
}

// narrowable builds the finding for a wildcard whose used actions are
// fewer than those it grants.
func narrowable(base Grant, p string, used []holderUse) (Narrowable, bool) {
	byAction := map[string]*Use{}
	for _, h := range used {
		u := byAction[h.need.Action]
		if u == nil {
			u = &Use{Action: h.need.Action}
			byAction[h.need.Action] = u
		}
		u.Functions = appendUnique(u.Functions, h.fn.ID)
		for _, ci := range h.need.Calls {
			if len(u.Evidence) < 3 && ci < len(h.u.Calls) {
				u.Evidence = append(u.Evidence, h.u.Calls[ci])
			}
		}
	}
	covered := coveredActions(p)
	extra := 0
	var examples []string
	for _, act := range covered {
		if byAction[act] != nil {
			continue
		}
		extra++
		prefix, name, _ := strings.Cut(act, ":")
		if lv := actionLevel(prefix, name); lv.Powerful() && (strings.Contains(name, "Delete") || lv == LevelPermissions) {
			examples = append(examples, act)
		}
	}
	if extra == 0 || len(byAction) == 0 {
		return Narrowable{}, false
	}
	sortByPower(examples)
	n := Narrowable{Grant: base, Pattern: p, Extra: extra, Examples: firstN(examples, 5)}
	for _, k := range sortedKeys(byAction) {
		u := byAction[k]
		sort.Strings(u.Functions)
		n.Needed = append(n.Needed, *u)
	}
	return n, true
}
