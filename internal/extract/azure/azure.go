// Package azure extracts Azure Functions apps into the function map. An app
// is a directory holding host.json; each of its sub-directories holding a
// function.json is one function. Apps on the code-defined programming
// models declare their functions in code instead: decorators in
// function_app.py (Python v2) or app.http(...) registrations in the files
// package.json "main" loads (Node.js v4). App settings from
// local.settings.json become every function's environment.
package azure

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// name is the extractor's name, used as the Stage of its problems.
const name = "azure"

// Extractor reads Azure Functions apps (host.json, function.json,
// local.settings.json).
type Extractor struct{}

var _ extract.Extractor = (*Extractor)(nil)

// New returns the Azure Functions extractor.
func New() *Extractor { return &Extractor{} }

// Name identifies the extractor.
func (*Extractor) Name() string { return name }

// FileRequired selects host.json files outside installed dependencies.
func (*Extractor) FileRequired(p string) bool {
	if path.Base(p) != hostFile {
		return false
	}
	return !strings.HasPrefix(p, "node_modules/") && !strings.Contains(p, "/node_modules/")
}

// Extract maps the app whose host.json is in.File. A host.json that cannot
// be parsed is an error; a broken function.json or local.settings.json is a
// Problem and the rest of the app still comes out. A host.json that is not
// an Azure Functions one adds nothing.
func (*Extractor) Extract(ctx context.Context, in *extract.Input, out *extract.Result) error {
	data, err := in.Tree.Read(in.File)
	if err != nil {
		return fmt.Errorf("read %s: %w", in.File.Path, err)
	}
	h, err := parseHost(data)
	if err != nil {
		return fmt.Errorf("parse %s: %w", in.File.Path, err)
	}
	if parent, ok := strayHost(in.Tree, in.File.Path); ok {
		out.Warn(name, in.File.Path, 0, "config", fmt.Sprintf(
			"host.json inside the function folder of the app at %s is ignored (the Functions host reads only the app root's host.json); the function is mapped as part of that app", parent))
		return nil
	}
	a := newApp(in.Tree, in.File.Path, h)
	dirs := a.functionDirs()
	if !h.azure && len(dirs) == 0 {
		return nil
	}
	a.warnHost(out)
	a.settings = readSettings(in.Tree, a.path(settingsFile), out)
	n := 0
	seen := map[string]bool{}
	for _, d := range dirs {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("extract %s: %w", in.File.Path, err)
		}
		if fn := a.function(d, out); fn != nil {
			out.Functions = append(out.Functions, fn)
			seen[fn.ID] = true
			n++
		}
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("extract %s: %w", in.File.Path, err)
	}
	for _, fn := range a.codeFunctions(out, seen) {
		out.Functions = append(out.Functions, fn)
		n++
	}
	out.Manifests = append(out.Manifests, model.Manifest{File: in.File.Path, Kind: model.Azure, Service: a.name, Functions: n})
	return nil
}

// strayHost reports whether the host.json at p sits in a function folder
// (beside a function.json) whose parent directory is an app, returning the
// parent app's host.json.
func strayHost(t *walk.Tree, p string) (string, bool) {
	dir := path.Dir(p)
	if dir == "." || strings.HasSuffix(dir, "!") || !t.Exists(dir+"/"+functionFile) {
		return "", false
	}
	parent := path.Dir(dir) + "/" + hostFile
	if path.Dir(dir) == "." {
		parent = hostFile
	}
	return parent, t.Exists(parent)
}

// problem records an error-level Problem met while reading file.
func problem(out *extract.Result, file string, line int, kind, msg string) {
	out.Problems = append(out.Problems, model.Problem{File: file, Line: line, Level: model.LevelError, Kind: kind, Stage: name, Message: msg})
}

// parseProblem records a cfgtree parse failure of file as an error-level
// Problem at the line the parser points at.
func parseProblem(out *extract.Result, file, what string, err error) {
	line, msg := 0, err.Error()
	var pe *cfgtree.Error
	if errors.As(err, &pe) {
		line, msg = pe.Line, pe.Msg
	}
	problem(out, file, line, "parse", fmt.Sprintf("%s not parsed: %s", what, msg))
}

// readKind classifies a read error as a limit or an io problem.
func readKind(err error) string {
	if errors.Is(err, walk.ErrTooLarge) {
		return "limit"
	}
	return "io"
}
