package orphan

import (
	"path"
	"strings"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/entrypoints"
	"github.com/cladsec/clad/internal/model"
)

// service is one manifest's directory and what clad knows of it.
type service struct {
	manifest string
	dir      string
	kindName string
	name     string
	azure    bool
	// partial is true when clad could not map every handler of it.
	partial bool
	fns     []*model.Function
}

// kind names the service for messages.
func (s *service) kind() string {
	name := s.name
	if name == "" {
		name = s.dir
	}
	if s.azure {
		return "function app " + name
	}
	if s.kindName == "serverless" {
		return "service " + name
	}
	return "stack " + name
}

// services indexes the manifests of a project.
type services struct {
	exists func(string) bool
	list   []*service
	// blocked are directories holding a deployment description clad does
	// not read (serverless.ts, CDK, Terraform…).
	blocked map[string]bool
}

// readKinds are the manifest kinds whose directory is a service directory.
var readKinds = map[string]bool{"serverless": true, "sam": true, "cloudformation": true, "azure": true}

func newServices(in *detect.Input) *services {
	s := &services{blocked: map[string]bool{}, exists: in.Tree.Exists}
	known := map[string]bool{}
	byManifest := map[string]*service{}
	for _, m := range in.Project.Manifests {
		known[m.File] = true
		if !readKinds[m.Kind] || strings.Contains(m.File, "!/") {
			continue
		}
		svc := &service{manifest: m.File, dir: path.Dir(m.File), kindName: m.Kind, name: m.Service, azure: m.Kind == "azure"}
		s.list = append(s.list, svc)
		byManifest[m.File] = svc
	}
	for _, fn := range in.Project.Functions {
		svc := byManifest[fn.Manifest]
		if svc == nil {
			continue
		}
		svc.fns = append(svc.fns, fn)
		if fn.HandlerStatus == model.HandlerUnresolved || fn.HandlerStatus == model.HandlerExternal {
			svc.partial = true
		}
	}
	for _, f := range in.Tree.Files {
		if foreign(f.Path, known) {
			s.blocked[path.Dir(f.Path)] = true
		}
	}
	return s
}

// foreignNames are deployment descriptions of tools clad does not read,
// and manifests it does read but did not recognise.
var foreignNames = map[string]bool{
	"serverless.ts": true, "serverless.js": true, "serverless.cjs": true, "serverless.mjs": true,
	"serverless.yml": true, "serverless.yaml": true, "serverless.json": true,
	"template.yaml": true, "template.yml": true, "template.json": true,
	"cdk.json": true, "netlify.toml": true, "vercel.json": true, "firebase.json": true,
	"sst.config.ts": true, "sst.json": true, "pulumi.yaml": true, "amplify.yml": true, "arc.json": true,
	"app.arc": true, "claudia.json": true, "zappa_settings.json": true, "chalice.json": true, "now.json": true,
}

func foreign(p string, known map[string]bool) bool {
	if !entrypoints.DirInScope(path.Dir(p)) {
		return false
	}
	base := strings.ToLower(path.Base(p))
	if strings.HasSuffix(base, ".tf") {
		return true
	}
	return foreignNames[base] && !known[p]
}

// deepest returns the service whose directory most closely contains file.
func (s *services) deepest(file string) *service {
	var best *service
	for _, svc := range s.list {
		if !under(file, svc.dir) {
			continue
		}
		if best == nil || len(svc.dir) > len(best.dir) {
			best = svc
		}
	}
	return best
}

// codeDir is the directory a file's Python imports resolve from.
func (s *services) codeDir(file string) string {
	if svc := s.deepest(file); svc != nil {
		return svc.dir
	}
	return ""
}

// owner returns the service an entry point belongs to when clad can
// vouch that nothing of that service uses it.
func (s *services) owner(e entrypoints.Entry) (*service, bool) {
	svc := s.deepest(e.File)
	if svc == nil || svc.partial || len(svc.fns) == 0 && !svc.azure || !knownProvider(svc) || s.isBlocked(e.File) {
		return nil, false
	}
	switch e.Style {
	case entrypoints.StyleAzure:
		dir := path.Dir(e.File)
		if !svc.azure || dir == svc.dir || path.Dir(dir) != svc.dir || !azureScript(e.File) || existsIn(svc, dir) || s.exists(path.Join(dir, "function.json")) {
			return nil, false
		}
	case entrypoints.StyleAWS:
		if svc.azure {
			return nil, false
		}
	}
	if meantByMissing(svc, e) {
		return nil, false
	}
	return svc, true
}

// knownProvider reports a service on AWS or Azure, whose handler
// conventions clad knows.
func knownProvider(svc *service) bool {
	for _, fn := range svc.fns {
		if fn.Provider != model.AWS && fn.Provider != model.Azure {
			return false
		}
	}
	return true
}

// isBlocked reports a file below a directory with an unread deployment
// description.
func (s *services) isBlocked(file string) bool {
	for d := path.Dir(file); ; d = path.Dir(d) {
		if s.blocked[d] {
			return true
		}
		if d == "." || d == "/" || d == "" {
			return false
		}
	}
}

// azureScript reports the default script names of Azure v3 functions.
func azureScript(p string) bool {
	switch path.Base(p) {
	case "index.js", "index.ts", "index.mjs", "index.cjs", "__init__.py":
		return true
	}
	return false
}

// existsIn reports a folder that is an Azure function of the service.
func existsIn(svc *service, dir string) bool {
	for _, fn := range svc.fns {
		if path.Dir(fn.Source.File) == dir {
			return true
		}
	}
	return false
}

// meantByMissing reports an entry point that a function of the same
// service whose handler is missing probably meant: handler-missing names
// it, so it is not reported twice.
func meantByMissing(svc *service, e entrypoints.Entry) bool {
	x := &entrypoints.Index{Entries: []entrypoints.Entry{e}}
	for _, fn := range svc.fns {
		if got, ok := entrypoints.Suggest(x, fn); ok && got.File == e.File {
			return true
		}
	}
	return false
}

func under(file, dir string) bool {
	return dir == "." || dir == "" || strings.HasPrefix(file, dir+"/")
}
