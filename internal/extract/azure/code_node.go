package azure

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/source"
)

// Node.js v4 programming model: package.json "main" names the files (a
// path or a glob) the worker loads, and those files, or the modules they
// import, register each function with app.http('name', {...}) and its
// siblings.

// Bounds of the Node.js model's file search.
const (
	maxNodeFiles = 500
	maxNodeReach = 200
)

// azureFunctionsPkg is the package a module registering functions loads.
const azureFunctionsPkg = "@azure/functions"

// nodePkg is what clad reads from an app's package.json.
type nodePkg struct {
	file string
	main string
}

// nodeMethod is what an app.<method> registration declares.
type nodeMethod struct {
	typ    string
	method string // the HTTP method of the shorthands (app.get…)
}

// nodeMethods maps the app methods that register a function.
var nodeMethods = map[string]nodeMethod{
	"http": {typ: typeHTTP}, "get": {typeHTTP, "GET"}, "post": {typeHTTP, "POST"}, "put": {typeHTTP, "PUT"},
	"patch": {typeHTTP, "PATCH"}, "deleteRequest": {typeHTTP, "DELETE"},
	"timer":           {typ: "timerTrigger"},
	"storageQueue":    {typ: "queueTrigger"},
	"storageBlob":     {typ: "blobTrigger"},
	"serviceBusQueue": {typ: "serviceBusTrigger"},
	"serviceBusTopic": {typ: "serviceBusTrigger"},
	"eventHub":        {typ: "eventHubTrigger"},
	"eventGrid":       {typ: "eventGridTrigger"},
	"cosmosDB":        {typ: "cosmosDBTrigger"},
	"sql":             {typ: "sqlTrigger"},
	"mySql":           {typ: "mysqlTrigger"},
	"webPubSub":       {typ: "webPubSubTrigger"},
	"warmup":          {typ: "warmupTrigger"},
	"generic":         {},
}

// nodeOutDirs are the build directories package.json "main" may point
// into; the TypeScript source is looked for when the build is absent.
var nodeOutDirs = map[string]bool{"dist": true, "out": true, "build": true, "lib": true}

// nodePackage reads the app's package.json. It is an app on the v4 model
// when it depends on @azure/functions 4 or later (or an unknown version).
func (a *app) nodePackage(out *extract.Result) (nodePkg, bool) {
	p := a.path("package.json")
	if !a.tree.Exists(p) {
		return nodePkg{}, false
	}
	data, err := a.tree.ReadFile(p)
	if err != nil {
		problem(out, p, 0, readKind(err), fmt.Sprintf("cannot read package.json: %v", err))
		return nodePkg{}, false
	}
	root, err := cfgtree.Parse(data)
	if err != nil {
		parseProblem(out, p, "package.json", err)
		return nodePkg{}, false
	}
	version := root.Path("dependencies", "@azure/functions")
	if version == nil {
		version = root.Path("devDependencies", "@azure/functions")
	}
	if version == nil || !isV4(version.Str()) {
		return nodePkg{}, false
	}
	main := strings.TrimPrefix(strings.TrimSpace(root.Get("main").Str()), "./")
	if main == "" {
		main = "index.js"
	}
	return nodePkg{file: p, main: main}, true
}

// isV4 reports whether a dependency range allows @azure/functions 4 or
// later; a range clad cannot read counts as yes.
func isV4(rng string) bool {
	r := strings.TrimLeft(strings.TrimSpace(rng), "^~>=v ")
	end := strings.IndexFunc(r, func(c rune) bool { return c < '0' || c > '9' })
	if end < 0 {
		end = len(r)
	}
	major, err := strconv.Atoi(r[:end])
	return err != nil || major >= 4
}

// nodeFunctions maps the registrations in the files package.json "main"
// loads and the modules they import.
func (a *app) nodeFunctions(pkg nodePkg, out *extract.Result) []codeFunc {
	mains, tried := a.nodeMainFiles(pkg.main)
	if len(mains) == 0 {
		out.Warn(name, pkg.file, 0, "resolve", fmt.Sprintf(
			"package.json main %q matches no file (looked for %s); the app's functions are not mapped", pkg.main, strings.Join(tried, ", ")))
		return nil
	}
	var fns []codeFunc
	for _, file := range a.nodeFiles(mains) {
		f := a.parseSource(file, azureFunctionsPkg, out)
		if f == nil {
			continue
		}
		for _, r := range f.AzureNodeRegistrations() {
			if c, ok := a.nodeFunction(file, r, out); ok {
				fns = append(fns, c)
			}
		}
		f.Close()
	}
	return fns
}

// nodeMainFiles lists the files "main" matches in the app directory. When
// nothing matches, the TypeScript sources of a missing build output are
// tried ("dist/src/functions/*.js" → "src/functions/*.ts").
func (a *app) nodeMainFiles(main string) (files, tried []string) {
	for _, pat := range nodeMainPatterns(main) {
		tried = append(tried, a.path(pat))
		if files = a.globApp(pat); len(files) > 0 {
			return files, tried
		}
	}
	return nil, tried
}

// nodeMainPatterns lists the patterns tried for "main", in order.
func nodeMainPatterns(main string) []string {
	pats := []string{main}
	ts := toTS(main)
	if ts != main {
		pats = append(pats, ts)
	}
	if first, rest, ok := strings.Cut(main, "/"); ok && nodeOutDirs[first] {
		pats = append(pats, toTS(rest))
		if !strings.HasPrefix(rest, "src/") {
			pats = append(pats, "src/"+toTS(rest))
		}
	}
	return pats
}

// toTS maps a JavaScript path or glob to its TypeScript source.
func toTS(p string) string {
	for js, ts := range map[string]string{".js": ".ts", ".mjs": ".mts", ".cjs": ".cts"} {
		if strings.HasSuffix(p, js) {
			return strings.TrimSuffix(p, js) + ts
		}
	}
	return p
}

// globApp returns the app's files (outside node_modules) matching pat,
// relative to the app directory.
func (a *app) globApp(pat string) []string {
	prefix := a.path("")
	var out []string
	for _, f := range a.tree.Under(a.dir) {
		rel := strings.TrimPrefix(f.Path, prefix)
		if strings.HasPrefix(rel, "node_modules/") || strings.Contains(rel, "/node_modules/") || strings.Contains(rel, "!/") {
			continue
		}
		if ok, err := doublestar.Match(pat, rel); err == nil && ok && source.DetectLang(rel).IsJS() {
			out = append(out, f.Path)
			if len(out) >= maxNodeFiles {
				break
			}
		}
	}
	return out
}

// nodeFiles returns the main files and the app files they reach through
// local imports (an index file importing ./functions/*), each once.
func (a *app) nodeFiles(mains []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range mains {
		for _, f := range source.Reach(a.tree, m, a.codeRoot(), maxNodeReach) {
			if !seen[f] && source.DetectLang(f).IsJS() && len(out) < maxNodeFiles {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}
