package python

import (
	"strings"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
)

// viaComment reads pip-compile annotations after a requirement:
// "# via flask", or "# via" followed by "#   name" lines. It returns
// whether a multi-line via list is open.
func (r *reqReader) viaComment(last *entry, comment string, inVia bool) bool {
	if last == nil {
		return false
	}
	if rest, ok := strings.CutPrefix(comment, "via"); ok && (rest == "" || rest[0] == ' ') {
		last.hasVia = true
		if rest = strings.TrimSpace(rest); rest != "" {
			last.addVia(rest)
			return false
		}
		return true
	}
	if inVia && comment != "" && !strings.Contains(comment, ":") {
		last.addVia(comment)
		return true
	}
	return false
}

func (e *entry) addVia(v string) {
	switch {
	case strings.HasPrefix(v, "-r ") || strings.HasPrefix(v, "-c ") || strings.HasPrefix(v, "--"):
		e.direct = true
	case strings.HasPrefix(v, "("):
		// "(pyproject.toml)" and similar: declared by the project
		e.direct = true
	default:
		name, _, _ := strings.Cut(strings.Fields(v)[0], "[")
		e.via = append(e.via, Normalize(name))
	}
}

// build turns the entries into the lockfile: constraints pin unpinned
// requirements, an unpinned duplicate of a pinned name is dropped, and
// pip-compile annotations give edges and tell direct requirements.
func (r *reqReader) build(file string) *deps.Lockfile {
	b := lockbuild.New(file, deps.PyPI, "requirements")
	pinned := map[string]bool{}
	for _, e := range r.entries {
		if e.version(r.constraints) != "" {
			pinned[Normalize(e.req.Name)] = true
		}
	}
	ids := map[string][]string{}
	anyVersion := false
	for _, e := range r.entries {
		name, v := Normalize(e.req.Name), e.version(r.constraints)
		if v == "" && pinned[name] {
			continue
		}
		anyVersion = anyVersion || v != ""
		p := newPackage(e.req.Name, v, e.file, e.line)
		if e.req.URL == "" {
			p.Declared = e.req.Specifier
		}
		p.Scope = e.scope
		got := b.Add(p)
		if got != p && e.scope == deps.Runtime {
			got.Scope = deps.Runtime
		}
		if got == p {
			ids[name] = append(ids[name], p.ID)
		}
		if !e.hasVia || e.direct {
			b.Root(got.ID, got.Scope)
		}
	}
	for _, e := range r.entries {
		child := pyID(Normalize(e.req.Name), e.version(r.constraints))
		for _, parent := range e.via {
			for _, pid := range ids[parent] {
				b.Edge(pid, child)
			}
		}
	}
	lf := b.Finish(false)
	lf.DeclaredOnly = !anyVersion && len(lf.Packages) > 0
	return lf
}

// version is the pinned version of the entry, from its own specifier, a
// wheel or sdist file name, or a -c constraint.
func (e *entry) version(constraints map[string]string) string {
	if v := e.req.Pinned(); v != "" {
		return v
	}
	if e.req.URL != "" || e.req.Editable {
		return ""
	}
	return constraints[Normalize(e.req.Name)]
}
