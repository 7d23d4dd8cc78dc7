package scan

import (
	"path"
	"sort"

	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/extract/handler"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/walk"
)

// buildProject turns extractor output into the function map: unique IDs,
// stable order, exposure and role sharing derived once for every detector.
// Handler code is parsed through sources; nil skips it (no handler lines
// or reach).
func buildProject(tree *walk.Tree, ex *extract.Result, sources *source.Cache) *model.Project {
	p := &model.Project{Root: tree.Root, Functions: ex.Functions, Manifests: ex.Manifests}
	if p.Functions == nil {
		p.Functions = []*model.Function{}
	}
	if p.Manifests == nil {
		p.Manifests = []model.Manifest{}
	}
	for _, fn := range p.Functions {
		if fn.Manifest == "" {
			fn.Manifest = fn.Source.File
		}
	}
	assignIDs(p.Functions)
	sort.SliceStable(p.Functions, func(i, j int) bool { return p.Functions[i].ID < p.Functions[j].ID })
	sort.SliceStable(p.Manifests, func(i, j int) bool { return p.Manifests[i].File < p.Manifests[j].File })
	for _, fn := range p.Functions {
		normalize(fn)
		summarizeExposure(fn)
	}
	shareRoles(p.Functions)
	if sources != nil {
		locateHandlers(sources, p.Functions)
	}
	return p
}

// assignIDs gives every function "<service>/<name>", made unique with the
// manifest path when two manifests declare the same pair.
func assignIDs(fns []*model.Function) {
	count := map[string]int{}
	for _, fn := range fns {
		if fn.Service == "" {
			fn.Service = serviceFromFile(fn.Source.File)
		}
		fn.ID = fn.Service + "/" + fn.Name
		count[fn.ID]++
	}
	for _, fn := range fns {
		if count[fn.ID] > 1 {
			fn.ID += "@" + fn.Manifest
		}
	}
}

func serviceFromFile(f string) string {
	d := path.Dir(f)
	if d == "." || d == "" {
		return "root"
	}
	return path.Base(d)
}

// normalize replaces nil lists with empty ones so the JSON says [] not null.
func normalize(fn *model.Function) {
	if fn.Triggers == nil {
		fn.Triggers = []model.Trigger{}
	}
	if fn.Statements == nil {
		fn.Statements = []model.Statement{}
	}
	if fn.Environment == nil {
		fn.Environment = []model.EnvVar{}
	}
	if fn.HandlerStatus == "" {
		fn.HandlerStatus = model.HandlerUnresolved
	}
}

// authRank orders trigger auth from most to least exposed.
var authRank = map[string]int{
	"none": 0, "function": 1, "api-key": 2, "private": 2, "custom": 3,
	"jwt": 4, "cognito": 4, "iam": 5, "admin": 5,
}

// summarizeExposure sets Function.Public and Function.Auth from triggers.
func summarizeExposure(fn *model.Function) {
	best := -1
	for _, t := range fn.Triggers {
		if t.Public {
			fn.Public = true
		}
		if t.Auth == "" {
			continue
		}
		r, ok := authRank[t.Auth]
		if !ok {
			r = 3
		}
		if best == -1 || r < best {
			best, fn.Auth = r, t.Auth
		}
	}
}

// shareRoles records, for every role used by several functions of the same
// service, who else holds it.
func shareRoles(fns []*model.Function) {
	groups := map[string][]*model.Function{}
	for _, fn := range fns {
		if fn.Role == "" || fn.Role == "function" {
			continue
		}
		k := fn.Provider + "\x00" + fn.Role
		if fn.Role == "provider" { // the generated role is per service
			k += "\x00" + fn.Manifest
		}
		groups[k] = append(groups[k], fn)
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		for _, fn := range g {
			for _, other := range g {
				if other != fn {
					fn.RoleSharedWith = append(fn.RoleSharedWith, other.ID)
				}
			}
			sort.Strings(fn.RoleSharedWith)
		}
	}
}

// locateHandlers fills HandlerLine and Files for resolved handlers.
func locateHandlers(sources *source.Cache, fns []*model.Function) {
	c := newSourceCache(sources)
	for _, fn := range fns {
		if fn.HandlerStatus != model.HandlerResolved || fn.File == "" {
			continue
		}
		if fn.HandlerLine == 0 {
			fn.HandlerLine = c.handlerLine(fn.File, handler.Symbol(fn.Provider, fn.Runtime, fn.Handler))
		}
		if fn.Files == nil {
			fn.Files = c.reach(fn.File, fn.CodeDir)
		}
	}
}
