package vulndeps

import (
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/model"
)

// attribution says, per lockfile, which functions ship and load each
// package.
type attribution struct {
	// none is true when the project has no function: there is nobody to
	// attribute to, so every lockfile counts as what the project ships.
	none bool
	per  map[*deps.Lockfile]*lockUse
	// foreign maps a lockfile to the functions whose code directory it
	// governs but whose runtime loads another ecosystem (a package.json of
	// Serverless plugins beside Python functions).
	foreign map[*deps.Lockfile][]*model.Function
	// elsewhere maps a lockfile to the functions it governs that take
	// their packages of its ecosystem from a deeper file.
	elsewhere map[*deps.Lockfile][]use
}

// use is a function and the lockfile it takes its packages from.
type use struct {
	fn *model.Function
	lf *deps.Lockfile
}

// lockUse is what the functions take from one lockfile.
type lockUse struct {
	// ships: package ID → IDs of the functions that deploy it.
	ships map[string]map[string]bool
	// loads: package ID → IDs of the functions whose code imports it,
	// directly or through another package (only functions whose imports
	// are known).
	loads map[string]map[string]bool
	// unknown holds the functions whose imports could not be read: they
	// count as loading everything they ship.
	unknown map[string]bool
	// excluded: package ID → the packaging pattern that leaves it out.
	excluded map[string]exclusion
	// roots: function ID → its direct dependencies that ship.
	roots map[string][]string
	// loadRoots: function ID → the packages its code imports (functions
	// whose imports are known).
	loadRoots map[string][]string
}

// exclusion is a packaging pattern that keeps a package out of a function.
type exclusion struct {
	pattern, manifest string
}

func newLockUse() *lockUse {
	return &lockUse{
		ships: map[string]map[string]bool{}, loads: map[string]map[string]bool{},
		unknown: map[string]bool{}, excluded: map[string]exclusion{}, roots: map[string][]string{},
		loadRoots: map[string][]string{},
	}
}

// attribute computes the attribution of every function. Only functions
// that take packages from a vulnerable lockfile (a key of vulnerable) have
// their code read for imports.
func attribute(in *detect.Input, lfs []*deps.Lockfile, vulnerable map[*deps.Lockfile][]*group) *attribution {
	a := &attribution{per: map[*deps.Lockfile]*lockUse{}, foreign: map[*deps.Lockfile][]*model.Function{}, elsewhere: map[*deps.Lockfile][]use{}}
	if in.Project == nil || len(in.Project.Functions) == 0 {
		a.none = true
		return a
	}
	imp := newImports(in.SourceCache())
	cache := map[string][]deps.Shipped{}
	for _, fn := range in.Project.Functions {
		dir, ok := codeDir(fn)
		if !ok {
			continue
		}
		from := loadDir(fn, dir)
		key := from + "\x00" + strings.Join(deps.Ecosystems(fn.Runtime), ",")
		shipped, ok := cache[key]
		if !ok {
			shipped = deps.ForFunction(lfs, from, fn.Runtime)
			cache[key] = shipped
		}
		var names []string
		known := false
		if takesFrom(shipped, vulnerable) {
			names, known = imp.packages(fn)
		}
		for _, s := range shipped {
			if vulnerable[s.Lockfile] == nil {
				continue
			}
			u := a.per[s.Lockfile]
			if u == nil {
				u = newLockUse()
				a.per[s.Lockfile] = u
			}
			u.add(fn, dir, s, names, known)
		}
		a.noteOthers(lfs, fn, from, shipped)
	}
	return a
}

// takesFrom reports whether any shipped lockfile is vulnerable.
func takesFrom(shipped []deps.Shipped, vulnerable map[*deps.Lockfile][]*group) bool {
	for _, s := range shipped {
		if vulnerable[s.Lockfile] != nil {
			return true
		}
	}
	return false
}

// noteOthers records, for the lockfiles governing fn's code that fn does
// not take packages from, why: its runtime loads another ecosystem, or a
// deeper file of the same ecosystem serves it.
func (a *attribution) noteOthers(lfs []*deps.Lockfile, fn *model.Function, dir string, shipped []deps.Shipped) {
	ecos := deps.Ecosystems(fn.Runtime)
	for _, lf := range lfs {
		if !lf.Governs(dir) {
			continue
		}
		if len(ecos) > 0 && !contains(ecos, lf.Ecosystem) {
			a.foreign[lf] = append(a.foreign[lf], fn)
			continue
		}
		for _, s := range shipped {
			if s.Lockfile != lf && s.Lockfile.Ecosystem == lf.Ecosystem {
				a.elsewhere[lf] = append(a.elsewhere[lf], use{fn, s.Lockfile})
			}
		}
	}
}

// codeDir is the directory the function's code and packages live in: its
// code directory, else its manifest's (a handler clad could not resolve
// still ships the service's packages). Container images bring their own.
func codeDir(fn *model.Function) (string, bool) {
	if fn.Package != nil && fn.Package.Image != "" {
		return "", false
	}
	if fn.CodeDir != "" {
		return fn.CodeDir, true
	}
	if fn.Manifest != "" {
		return deps.Dir(fn.Manifest), true
	}
	return "", false
}

// loadDir is the directory the function's packages are resolved from: the
// handler file's, when it lies inside the code directory (a function in
// functions/x/ of a service loads functions/x/node_modules first and
// ships functions/x/requirements.txt), else the code directory.
func loadDir(fn *model.Function, codeDir string) string {
	if fn.File == "" || fn.HandlerStatus != model.HandlerResolved {
		return codeDir
	}
	d := deps.Dir(fn.File)
	if codeDir == "." && !strings.Contains(d, "!/") || d == codeDir || strings.HasPrefix(d, strings.TrimSuffix(codeDir, "/")+"/") {
		return d
	}
	return codeDir
}

// add records what fn ships and loads from one lockfile.
func (u *lockUse) add(fn *model.Function, dir string, s deps.Shipped, names []string, known bool) {
	lf := s.Lockfile
	var runtime []string
	for _, id := range s.Roots {
		if p := lf.Get(id); p != nil && p.Scope != deps.Dev {
			runtime = append(runtime, id)
		}
	}
	var patterns []string
	prefix, inside := relDir(dir, lf.Dir)
	if fn.Package != nil && inside {
		patterns = fn.Package.Patterns
	}
	for id := range s.Reach {
		p := lf.Get(id)
		if p == nil || p.Scope == deps.Dev {
			continue
		}
		if pat := excludedBy(patterns, prefix+id); pat != "" {
			u.excluded[id] = exclusion{pattern: pat, manifest: fn.Manifest}
			continue
		}
		set(u.ships, id, fn.ID)
	}
	u.roots[fn.ID] = runtime
	if !known || lf.Ecosystem != deps.NPM {
		u.unknown[fn.ID] = true
		return
	}
	lr := loadRoots(lf, s.Reach, names)
	u.loadRoots[fn.ID] = lr
	for id := range lf.Reachable(lr) {
		if u.ships[id][fn.ID] {
			set(u.loads, id, fn.ID)
		}
	}
}

// loadRoots finds, for each package name the code imports, the package
// it loads among those the function reaches: the shallowest install.
func loadRoots(lf *deps.Lockfile, reach map[string]bool, names []string) []string {
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	best := map[string]string{}
	for id := range reach {
		p := lf.Get(id)
		if p == nil || !want[p.Name] {
			continue
		}
		if cur, ok := best[p.Name]; !ok || idLess(id, cur) {
			best[p.Name] = id
		}
	}
	out := make([]string, 0, len(best))
	for _, id := range best {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// relDir returns the path of dir below base with a trailing slash ("" for
// base itself), and whether dir is base or below it.
func relDir(base, dir string) (string, bool) {
	base = strings.TrimSuffix(base, "/")
	d := strings.TrimSuffix(dir, "/")
	switch {
	case d == base:
		return "", true
	case base == "." && !strings.Contains(d, "!/"):
		return d + "/", true
	case strings.HasPrefix(d, base+"/"):
		return d[len(base)+1:] + "/", true
	}
	return "", false
}

func set(m map[string]map[string]bool, k, v string) {
	s := m[k]
	if s == nil {
		s = map[string]bool{}
		m[k] = s
	}
	s[v] = true
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
