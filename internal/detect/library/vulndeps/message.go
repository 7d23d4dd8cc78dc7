package vulndeps

import (
	"fmt"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/deps"
)

// message writes the finding's text: the flaw, the package, who ships it
// and through which path, and the fix.
func message(lf *deps.Lockfile, g *group, v verdict, ps []depPath, adv advice) string {
	var b strings.Builder
	if g.declared {
		fmt.Fprintf(&b, "%s declares %s %s, a range that admits %s@%s, affected by %s", path.Base(lf.File), g.name, g.version, g.name, g.example, ids(g.match))
	} else {
		fmt.Fprintf(&b, "%s@%s is affected by %s", g.name, g.version, ids(g.match))
	}
	if s := strings.TrimSpace(g.match.Summary); s != "" {
		fmt.Fprintf(&b, ": %s", strings.TrimSuffix(s, "."))
	}
	b.WriteString(". ")
	b.WriteString(who(lf, v, ps))
	if g.declared {
		b.WriteString(" Nothing pins the installed version (no lockfile): a fresh install may pick a fixed release, an old one may not.")
	}
	if adv.text != "" {
		b.WriteString(" ")
		b.WriteString(adv.text)
	}
	return b.String()
}

// who says which functions ship the package and through which path.
func who(lf *deps.Lockfile, v verdict, ps []depPath) string {
	via := ""
	if len(ps) > 0 {
		via = strings.Join(ps[0].labels, " > ")
	}
	switch {
	case !v.shipped:
		s := "No deployed function ships it: " + v.why + "."
		if via != "" && len(ps[0].labels) > 1 {
			s += " Path: " + via + "."
		}
		return s
	case len(v.functions) == 0:
		if via == "" {
			return "Pinned in " + lf.File + "."
		}
		return "Path: " + via + "."
	}
	var s string
	switch v.mode {
	case modeLoaded:
		s = "Loaded by " + fnList(v.functions)
		if v.shippedBy > len(v.functions) {
			s += fmt.Sprintf(" (packaged with %d functions)", v.shippedBy)
		}
	case modeUnused:
		s = "Packaged with " + fnList(v.functions) + ", though none of their code imports it"
	default:
		s = "Shipped by " + fnList(v.functions)
	}
	if via != "" {
		s += ": " + v.functions[0] + " > " + via
	}
	return s + "."
}
