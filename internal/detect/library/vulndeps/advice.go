package vulndeps

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/advisory"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/detect/library/semrange"
)

// advice is the fix of one finding: a sentence for the message and the
// concrete command for Fix.
type advice struct {
	text, fix string
}

// advise works out the upgrade for the vulnerable package at the end of
// each path, path[0] being the direct dependency that brings it in;
// paths[0] is the shortest and there is at least one.
func (r *run) advise(ctx context.Context, lf *deps.Lockfile, g *group, paths [][]*deps.Package) advice {
	eco := advisory.EcosystemKey(g.match.Ecosystem)
	path := paths[0]
	if !g.match.HasFix {
		return noFix(g, path)
	}
	if g.declared {
		return declaredFix(lf, eco, g)
	}
	if eco == advisory.NPM {
		return r.npmAdvice(ctx, g, paths)
	}
	return otherAdvice(lf, eco, g, path)
}

// noFix: no release fixes the flaw.
func noFix(g *group, path []*deps.Package) advice {
	via := ""
	if len(path) > 1 {
		via = fmt.Sprintf(" (it comes in through %s)", label(path[0]))
	}
	return advice{
		text: fmt.Sprintf("No fixed version of %s is published: remove or replace it%s.", g.name, via),
		fix:  fmt.Sprintf("No fixed release of %s exists: remove it or replace it with a maintained alternative%s.", g.name, via),
	}
}

// declaredFix: a range without a lockfile; raise its lower bound.
func declaredFix(lf *deps.Lockfile, eco string, g *group) advice {
	fixed := g.match.Fixed
	cmd := installCmd(eco, lf, g.name, fixed)
	return advice{
		text: fmt.Sprintf("Fixed in %s: require at least %s and commit a lockfile (%s).", fixed, fixed, cmd),
		fix:  cmd,
	}
}

// npmAdvice compares the fix with the ranges the lockfile records along
// every path (all of them must admit it for one install to be fixed).
func (r *run) npmAdvice(ctx context.Context, g *group, paths [][]*deps.Package) advice {
	if len(paths[0]) <= 1 {
		return npmDirect(g, paths[0])
	}
	var steps []step
	seen := map[string]bool{}
	for _, p := range paths {
		k := p[0].Name + "\x00" + p[len(p)-2].ID // direct dependency and parent
		if !seen[k] {
			seen[k] = true
			steps = append(steps, r.npmStep(ctx, g, p))
		}
	}
	return combine(g, steps)
}

// step is what one path needs for the fix to reach the vulnerable package.
type step struct {
	direct, parent *deps.Package
	// rng is the range parent declares for the vulnerable package (has
	// says whether the lockfile records one); inRange whether it admits
	// the fix.
	rng          string
	has, inRange bool
	// bump is the direct dependency's lowest fixing release (--online).
	bump string
}

func (r *run) npmStep(ctx context.Context, g *group, p []*deps.Package) step {
	parent, child := p[len(p)-2], p[len(p)-1]
	st := step{direct: p[0], parent: parent}
	st.rng, st.has = parent.Requires[child.ID]
	in, known := semrange.Satisfies(advisory.NPM, st.rng, g.match.Fixed)
	st.inRange = st.has && known && in
	if !st.inRange {
		st.bump = r.onlineBump(ctx, g, p)
	}
	return st
}

// combine words the advice of every path.
func combine(g *group, steps []step) advice {
	fixed, name := g.match.Fixed, g.name
	var blocked []step
	var ranges []string
	for _, st := range steps {
		if st.inRange {
			ranges = append(ranges, fmt.Sprintf("%s declares %s", label(st.parent), st.rng))
		} else {
			blocked = append(blocked, st)
		}
	}
	if len(blocked) == 0 {
		return advice{
			text: fmt.Sprintf("Fixed in %s, within the ranges of its dependents (%s), so `npm update %s` suffices.", fixed, strings.Join(ranges, "; "), name),
			fix:  fmt.Sprintf("npm update %s", name),
		}
	}
	why := make([]string, 0, len(blocked))
	said := map[string]bool{}
	for _, st := range blocked {
		w := fmt.Sprintf("the lockfile does not record the range %s declares", label(st.parent))
		if st.has {
			w = fmt.Sprintf("%s declares %s %s", label(st.parent), name, st.rng)
		}
		if !said[w] { // one parent on the paths of several direct dependencies
			said[w] = true
			why = append(why, w)
		}
	}
	if a, ok := bumps(g, blocked, why); ok {
		return a
	}
	override := fmt.Sprintf(`"overrides": {%q: %q}`, name, fixed)
	directs := directNames(blocked)
	return advice{
		text: fmt.Sprintf("Fixed in %s, but %s: upgrade %s to a release whose dependencies allow %s %s or later (`clad scan --online` finds the lowest), or force it with %s in package.json.",
			fixed, strings.Join(why, "; "), directs, name, fixed, override),
		fix: fmt.Sprintf("Upgrade %s to a release that depends on %s >= %s, or add %s to package.json and run npm install.", directs, name, fixed, override),
	}
}

// bumps words the upgrades the registry found, when it found one for
// every blocked path; a direct dependency on several paths takes the
// highest release any of them needs.
func bumps(g *group, blocked []step, why []string) (advice, bool) {
	need := map[string]string{}
	var order []*deps.Package
	for _, st := range blocked {
		if st.bump == "" {
			return advice{}, false
		}
		cur, ok := need[st.direct.Name]
		if !ok {
			order = append(order, st.direct)
		}
		if !ok || advisory.CompareSemver(st.bump, cur) > 0 {
			need[st.direct.Name] = st.bump
		}
	}
	var parts, cmds []string
	for _, d := range order {
		v := need[d.Name]
		cmd := fmt.Sprintf("npm install %s@%s", d.Name, v)
		if in, known := semrange.Satisfies(advisory.NPM, d.Declared, v); known && in {
			cmd = fmt.Sprintf("npm update %s", d.Name)
		}
		parts = append(parts, fmt.Sprintf("%s to %s (`%s`)", d.Name, v, cmd))
		cmds = append(cmds, cmd)
	}
	lowest := "the lowest release whose dependencies admit"
	if len(parts) > 1 {
		lowest = "the lowest releases whose dependencies admit"
	}
	return advice{
		text: fmt.Sprintf("Fixed in %s, but %s: upgrade %s, %s a fixed %s (npm registry).",
			g.match.Fixed, strings.Join(why, "; "), strings.Join(parts, " and "), lowest, g.name),
		fix: strings.Join(cmds, " && "),
	}, true
}

// directNames lists the direct dependencies of the steps, once each.
func directNames(steps []step) string {
	var names []string
	seen := map[string]bool{}
	for _, st := range steps {
		if !seen[st.direct.Name] {
			seen[st.direct.Name] = true
			names = append(names, st.direct.Name)
		}
	}
	return strings.Join(names, " and ")
}

// npmDirect: the vulnerable package is a direct dependency.
func npmDirect(g *group, path []*deps.Package) advice {
	fixed, name := g.match.Fixed, g.name
	decl := ""
	if len(path) == 1 {
		decl = path[0].Declared
	}
	in, known := semrange.Satisfies(advisory.NPM, decl, fixed)
	switch {
	case decl != "" && known && in:
		return advice{
			text: fmt.Sprintf("Fixed in %s, within the declared range %s, so `npm update %s` suffices.", fixed, decl, name),
			fix:  fmt.Sprintf("npm update %s", name),
		}
	case decl != "" && known:
		major := ""
		if majorOf(fixed) != majorOf(g.version) {
			major = " (a major upgrade: check the changelog)"
		}
		return advice{
			text: fmt.Sprintf("Fixed in %s, outside the declared range %s%s: `npm install %s@%s` updates package.json.", fixed, decl, major, name, fixed),
			fix:  fmt.Sprintf("npm install %s@%s", name, fixed),
		}
	}
	return advice{
		text: fmt.Sprintf("Fixed in %s: `npm install %s@%s`.", fixed, name, fixed),
		fix:  fmt.Sprintf("npm install %s@%s", name, fixed),
	}
}

// majorOf is the first numeric part of a version.
func majorOf(v string) string {
	v = strings.TrimPrefix(v, "v")
	if i := strings.IndexAny(v, ".-+"); i >= 0 {
		return v[:i]
	}
	return v
}

// otherAdvice: the upgrade command of the other ecosystems.
func otherAdvice(lf *deps.Lockfile, eco string, g *group, path []*deps.Package) advice {
	fixed := g.match.Fixed
	cmd := installCmd(eco, lf, g.name, fixed)
	if len(path) > 1 {
		return advice{
			text: fmt.Sprintf("Fixed in %s; %s comes in through %s: upgrade %s, or require %s %s or later directly (%s).",
				fixed, g.name, label(path[0]), path[0].Name, g.name, fixed, cmd),
			fix: cmd,
		}
	}
	return advice{text: fmt.Sprintf("Fixed in %s: %s.", fixed, cmd), fix: cmd}
}

// installCmd is the ecosystem's command to move to the fixed version.
func installCmd(eco string, lf *deps.Lockfile, name, fixed string) string {
	file := path.Base(lf.File)
	switch eco {
	case advisory.NPM:
		return fmt.Sprintf("npm install %s@%s", name, fixed)
	case advisory.PyPI:
		switch {
		case strings.HasPrefix(lf.Format, "poetry"):
			return fmt.Sprintf("poetry add '%s>=%s'", name, fixed)
		case strings.HasPrefix(lf.Format, "uv"):
			return fmt.Sprintf("uv add '%s>=%s'", name, fixed)
		case strings.HasPrefix(file, "Pipfile"):
			return fmt.Sprintf("pipenv install '%s>=%s'", name, fixed)
		}
		return fmt.Sprintf("pin %s==%s in %s (pip install '%s>=%s')", name, fixed, file, name, fixed)
	case advisory.Go:
		return fmt.Sprintf("go get %s@v%s && go mod tidy", name, strings.TrimPrefix(fixed, "v"))
	case advisory.Maven:
		return fmt.Sprintf("set the version of %s to %s in %s (in dependencyManagement when it is transitive)", name, fixed, file)
	case advisory.RubyGems:
		return fmt.Sprintf("bundle update %s (the Gemfile must allow >= %s)", name, fixed)
	case advisory.NuGet:
		return fmt.Sprintf("dotnet add package %s --version %s", name, fixed)
	case advisory.CratesIO:
		return fmt.Sprintf("cargo update -p %s --precise %s", name, fixed)
	case advisory.Packagist:
		return fmt.Sprintf("composer require %s:^%s", name, fixed)
	}
	return fmt.Sprintf("upgrade %s to %s", name, fixed)
}
