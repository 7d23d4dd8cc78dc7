package report

import (
	"sort"

	"github.com/cladsec/clad/internal/finding"
)

// group is the findings shown under one function; ID "" is project-wide.
type group struct {
	ID       string
	Findings []finding.Finding
}

// projectWide is how groups without a function are titled.
const projectWide = "project-wide"

// title names the group.
func (g group) title() string {
	if g.ID == "" {
		return projectWide
	}
	return g.ID
}

// groupFindings groups findings by their first function, each group most
// severe first; groups are ordered by their worst finding, then by ID,
// with the project-wide group after functions of the same worst severity.
func groupFindings(fs []finding.Finding) []group {
	idx := map[string]int{}
	var gs []group
	for _, f := range fs {
		id := ""
		if len(f.Functions) > 0 {
			id = f.Functions[0]
		}
		i, ok := idx[id]
		if !ok {
			i = len(gs)
			idx[id] = i
			gs = append(gs, group{ID: id})
		}
		gs[i].Findings = append(gs[i].Findings, f)
	}
	for i := range gs {
		finding.Sort(gs[i].Findings)
	}
	sort.SliceStable(gs, func(i, j int) bool {
		a, b := gs[i], gs[j]
		if wa, wb := a.Findings[0].Severity, b.Findings[0].Severity; wa != wb {
			return wa > wb
		}
		if (a.ID == "") != (b.ID == "") {
			return b.ID == ""
		}
		return a.ID < b.ID
	})
	return gs
}
