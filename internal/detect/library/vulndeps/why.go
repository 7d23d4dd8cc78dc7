package vulndeps

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/model"
)

// whyNotShipped explains why no deployed function ships a package.
func (r *run) whyNotShipped(lf *deps.Lockfile, g *group, u *lockUse) string {
	if u != nil {
		for _, id := range g.ids {
			if ex, ok := u.excluded[id]; ok {
				return fmt.Sprintf("the deployment leaves it out (package.patterns %q in %s)", ex.pattern, ex.manifest)
			}
		}
	}
	if devOnlyGroup(lf, g) {
		return "only development dependencies bring it in"
	}
	if u == nil {
		var parts []string
		if us := r.att.elsewhere[lf]; len(us) > 0 {
			parts = append(parts, fmt.Sprintf("the functions below %s that load %s packages take them from their own files (e.g. %s uses %s)",
				dirName(lf.Dir), lf.Ecosystem, us[0].fn.ID, us[0].lf.File))
		}
		if fns := r.att.foreign[lf]; len(fns) > 0 {
			parts = append(parts, foreignReason(lf, fns, len(parts) > 0))
		}
		if len(parts) == 0 {
			return lf.File + " governs no function's code"
		}
		return strings.Join(parts, "; ")
	}
	return "none of the functions' dependencies reach it (an extraneous entry of " + lf.File + ")"
}

// devOnlyGroup reports whether every install of the package is a
// development dependency.
func devOnlyGroup(lf *deps.Lockfile, g *group) bool {
	for _, id := range g.ids {
		if p := lf.Get(id); p == nil || p.Scope != deps.Dev {
			return false
		}
	}
	return true
}

// foreignReason names the runtimes of the functions a lockfile sits
// beside but cannot serve.
func foreignReason(lf *deps.Lockfile, fns []*model.Function, others bool) string {
	rts := map[string]bool{}
	for _, fn := range fns {
		rts[fn.Runtime] = true
	}
	names := make([]string, 0, len(rts))
	for rt := range rts {
		names = append(names, rt)
	}
	sort.Strings(names)
	which := "the functions"
	if others {
		which = "the other functions"
	}
	return fmt.Sprintf("%s below %s run %s, which do not load %s packages (e.g. %s)",
		which, dirName(lf.Dir), strings.Join(names, ", "), lf.Ecosystem, fns[0].ID)
}

// dirName spells a directory for a message.
func dirName(dir string) string {
	if dir == "." || dir == "" {
		return "the project root"
	}
	return dir
}
