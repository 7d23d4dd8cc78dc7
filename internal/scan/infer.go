package scan

import (
	"path"
	"strings"

	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// entryPoints are the files a bare deployment package is recognised by, with
// the runtime family and the handler AWS's console defaults to.
var entryPoints = []struct{ file, runtime, handler string }{
	{"bootstrap", "provided", "bootstrap"},
	{"index.mjs", "nodejs", "index.handler"},
	{"index.js", "nodejs", "index.handler"},
	{"lambda_function.py", "python", "lambda_function.lambda_handler"},
	{"handler.js", "nodejs", "handler.handler"},
	{"handler.py", "python", "handler.handler"},
	{"app.py", "python", "app.lambda_handler"},
	{"main.py", "python", "main.handler"},
}

// inferPackages adds one function for each deployment package (a zip) that
// no manifest describes, so `clad scan fn.zip` has a function to attribute
// findings to. The runtime and handler are guessed from the entry file and
// marked unresolved.
func inferPackages(tree *walk.Tree, out *extract.Result) {
	used := map[string]bool{}
	for _, fn := range out.Functions {
		if i := strings.Index(fn.CodeDir, walk.ArchiveSep); i >= 0 {
			used[fn.CodeDir[:i+len(walk.ArchiveSep)]] = true
		}
	}
	for _, prefix := range tree.Archives() {
		if used[prefix] {
			continue
		}
		fn := inferOne(tree, prefix)
		if fn == nil {
			continue
		}
		out.Functions = append(out.Functions, fn)
		out.Manifests = append(out.Manifests, model.Manifest{File: fn.Source.File, Kind: "deployment-package", Service: fn.Service, Functions: 1})
	}
}

func inferOne(tree *walk.Tree, prefix string) *model.Function {
	for _, ep := range entryPoints {
		p := prefix + ep.file
		if !tree.Exists(p) {
			continue
		}
		display := strings.TrimSuffix(prefix, walk.ArchiveSep)
		if display == "" {
			display = path.Base(tree.Root)
		}
		name := strings.TrimSuffix(path.Base(display), path.Ext(display))
		return &model.Function{
			Name: name, Service: "package", Provider: model.AWS,
			Runtime: ep.runtime, Handler: ep.handler, File: p, CodeDir: prefix,
			HandlerStatus: model.HandlerResolved,
			Source:        model.Location{File: display},
			Unresolved:    []string{"runtime", "handler", "triggers", "role"},
		}
	}
	return nil
}
