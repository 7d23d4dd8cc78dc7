package maven

import (
	"strings"
)

// maxPropertyDepth bounds nested property references.
const maxPropertyDepth = 10

// properties resolves ${name} references against a POM and its parents.
type properties struct {
	values map[string]string
}

// newProperties collects <properties> from the parents first, so the
// child's values win, and the project.* built-ins.
func newProperties(p *pom) *properties {
	var chain []*pom
	for cur := p; cur != nil; cur = cur.parent {
		chain = append([]*pom{cur}, chain...)
	}
	pr := &properties{values: map[string]string{}}
	for _, c := range chain {
		for _, e := range c.root.child("properties").elements() {
			pr.values[e.name] = strings.TrimSpace(e.text)
		}
	}
	g, a, v := p.coordinates()
	par := p.root.child("parent")
	for k, val := range map[string]string{
		"project.groupId": g, "project.artifactId": a, "project.version": v,
		"pom.groupId": g, "pom.artifactId": a, "pom.version": v, "groupId": g, "artifactId": a, "version": v,
		"project.parent.groupId": par.value("groupId"), "project.parent.version": par.value("version"),
		"parent.version": par.value("version"),
	} {
		if _, set := pr.values[k]; !set && val != "" {
			pr.values[k] = val
		}
	}
	return pr
}

// resolve replaces every ${name}; ok is false when one stays unknown (or
// the references loop).
func (pr *properties) resolve(s string) (string, bool) {
	for depth := 0; strings.Contains(s, "${"); depth++ {
		if depth >= maxPropertyDepth {
			return s, false
		}
		var b strings.Builder
		ok := true
		rest := s
		for {
			i := strings.Index(rest, "${")
			if i < 0 {
				b.WriteString(rest)
				break
			}
			j := strings.IndexByte(rest[i:], '}')
			if j < 0 {
				b.WriteString(rest)
				break
			}
			name := rest[i+2 : i+j]
			b.WriteString(rest[:i])
			if v, found := pr.values[name]; found {
				b.WriteString(v)
			} else {
				b.WriteString(rest[i : i+j+1])
				ok = false
			}
			rest = rest[i+j+1:]
		}
		if !ok {
			return b.String(), false
		}
		s = b.String()
	}
	return s, true
}
