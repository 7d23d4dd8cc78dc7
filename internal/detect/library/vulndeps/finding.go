package vulndeps

import (
	"context"
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/advisory"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/finding"
)

// finding builds the report of one vulnerable package version and flaw.
func (r *run) finding(ctx context.Context, lf *deps.Lockfile, g *group) finding.Finding {
	v := r.judge(lf, g)
	ps := r.paths(lf, g.ids, v.roots)
	first := lf.Get(g.ids[0])
	rule := RuleShipped
	if !v.shipped {
		rule = RuleDev
	}
	f := rule.New()
	f.File, f.Line = lf.File, first.Source.Line
	if first.Source.File != "" {
		f.File = first.Source.File
	}
	f.Functions = v.functions
	f.Severity = severity(g, v.shipped)
	if len(g.match.CWEs) > 0 {
		f.CWE = append([]string(nil), g.match.CWEs...)
	}
	f.Evidence = g.name + "@" + g.version
	f.Key = lf.File + "\x00" + g.name + "@" + g.version + "\x00" + g.match.ID
	f.Vulnerability = &finding.Vulnerability{
		ID: g.match.ID, Aliases: g.match.Aliases, Ecosystem: g.match.Ecosystem,
		Package: g.name, Version: g.version, Fixed: g.match.Fixed,
	}
	for _, p := range ps[:min(len(ps), maxPaths)] {
		f.Vulnerability.Paths = append(f.Vulnerability.Paths, p.labels)
	}
	var chains [][]*deps.Package
	for _, p := range ps {
		chains = append(chains, packagesOf(lf, p.ids))
	}
	if len(chains) == 0 {
		chains = [][]*deps.Package{{first}}
	}
	adv := r.advise(ctx, lf, g, chains)
	f.Fix = adv.fix
	f.Message = message(lf, g, v, ps, adv)
	return f
}

// severity maps the advisory's level: the shipped rule takes it as is (a
// declared range one step lower), the development rule is low, or info
// for low-severity advisories.
func severity(g *group, shipped bool) finding.Severity {
	s := levelSeverity(g.match.Severity.Level)
	if !shipped {
		if s <= finding.SeverityLow {
			return finding.SeverityInfo
		}
		return finding.SeverityLow
	}
	if g.declared {
		return s.Raise(-1)
	}
	return s
}

func levelSeverity(level string) finding.Severity {
	switch level {
	case advisory.LevelCritical:
		return finding.SeverityCritical
	case advisory.LevelHigh:
		return finding.SeverityHigh
	case advisory.LevelLow:
		return finding.SeverityLow
	case advisory.LevelNone:
		return finding.SeverityLow
	}
	return finding.SeverityMedium // medium, or no usable severity
}

// ids names the flaw: its canonical id and up to three aliases.
func ids(m advisory.Match) string {
	if len(m.Aliases) == 0 {
		return m.ID
	}
	as := m.Aliases
	more := ""
	if len(as) > 3 {
		as, more = as[:3], ", …"
	}
	return m.ID + " (" + strings.Join(as, ", ") + more + ")"
}

// fnList names up to three functions.
func fnList(fns []string) string {
	if len(fns) <= 3 {
		return strings.Join(fns, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(fns[:3], ", "), len(fns)-3)
}
