package azure

import (
	"fmt"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/model"
)

// function reads <app>/<dir>/function.json. A file that cannot be read or
// parsed is a Problem and yields nil.
func (a *app) function(dir string, out *extract.Result) *model.Function {
	fnDir := a.path(dir)
	file := fnDir + "/" + functionFile
	root, ok := a.parseFunction(file, out)
	if !ok {
		return nil
	}
	runtime, lang := workerRuntime(a.settings)
	if lang == "" && a.host.custom { // local.settings.json is usually not committed
		runtime, lang = langCustom, langCustom
	}
	scriptFile := root.GetFold("scriptFile").Str()
	entry := root.GetFold("entryPoint").Str()
	s := a.resolveScript(fnDir, lang, scriptFile)
	if runtime == "" {
		runtime = s.lang
	}
	fn := &model.Function{
		ID:            a.name + "/" + dir,
		Name:          dir,
		DeployedName:  dir,
		Service:       a.name,
		Provider:      model.Azure,
		Runtime:       runtime,
		Handler:       handlerString(scriptFile, entry, s, a.host.customExe),
		File:          s.file,
		HandlerStatus: s.status,
		CodeDir:       fnDir,
		Manifest:      a.hostPath,
		Source:        model.Location{File: file, Line: 1},
		Triggers:      a.triggers(root.GetFold("bindings"), dir, file),
		Statements:    []model.Statement{},
		Environment:   a.settings.environment(),
		Timeout:       copyInt(a.host.timeout),
	}
	fn.Disabled = a.disabled(root, dir)
	fn.Auth = weakestAuth(fn.Triggers)
	for _, t := range fn.Triggers {
		fn.Public = fn.Public || t.Public
	}
	return fn
}

// parseFunction reads and parses a function.json; failures are Problems.
func (a *app) parseFunction(file string, out *extract.Result) (*cfgtree.Node, bool) {
	data, err := a.tree.ReadFile(file)
	if err != nil {
		problem(out, file, 0, readKind(err), fmt.Sprintf("cannot read function definition: %v", err))
		return nil, false
	}
	root, err := cfgtree.Parse(data)
	if err != nil {
		parseProblem(out, file, "function definition", err)
		return nil, false
	}
	if root.Kind != cfgtree.Map {
		problem(out, file, root.Line, "parse", "function definition is not a JSON object")
		return nil, false
	}
	return root, true
}

// handlerString is the handler as declared: scriptFile, with "#entryPoint"
// when one is set; a custom handler's executable when the app uses one; the
// runtime's default script name (index.js, __init__.py…) when none is set.
func handlerString(scriptFile, entry string, s script, customExe string) string {
	switch {
	case scriptFile == "" && s.lang == langCustom:
		return customExe
	case scriptFile == "" && s.file != "":
		scriptFile = path.Base(s.file)
	}
	if entry != "" {
		return scriptFile + "#" + entry
	}
	return scriptFile
}

// copyInt gives each function its own copy of a shared limit.
func copyInt(p *int) *int {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// disabled reads function.json "disabled" and the app setting
// AzureWebJobs.<name>.Disabled, either of which switches a function off.
func (a *app) disabled(root *cfgtree.Node, name string) bool {
	if v, ok := root.GetFold("disabled").Bool(); ok && v {
		return true
	}
	for _, e := range a.settings.environment() {
		if strings.EqualFold(e.Name, "AzureWebJobs."+name+".Disabled") && strings.EqualFold(strings.TrimSpace(e.Value), "true") {
			return true
		}
	}
	return false
}
