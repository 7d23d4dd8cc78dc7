// Package orphan reports handler files no manifest references
// (access/orphan-handler): entry-point-shaped source files of a service
// directory that no function maps and no other file imports, and Azure
// function.json folders that no host.json app contains.
package orphan

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/entrypoints"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Detector implements detect.Detector.
type Detector struct{}

// New returns the detector.
func New() *Detector { return &Detector{} }

// Name implements detect.Detector.
func (*Detector) Name() string { return "orphan-handler" }

// Category implements detect.Detector.
func (*Detector) Category() finding.Category { return finding.Access }

// Rules implements detect.Detector.
func (*Detector) Rules() []finding.Rule { return []finding.Rule{Rule} }

// Detect implements detect.Detector.
func (*Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	if in.Project == nil || in.Tree == nil {
		return nil
	}
	s := newServices(in)
	if len(s.list) == 0 && !anyFunctionJSON(in) {
		return nil
	}
	idx, err := entrypoints.Scan(ctx, in.Tree, s.codeDir)
	if err != nil {
		return err
	}
	if idx.Truncated {
		in.NotRun(fmt.Sprintf("orphan handlers: only the first %d source files were read", entrypoints.MaxFiles))
	}
	mapped := mappedFiles(in.Project.Functions)
	for _, e := range idx.Entries {
		if mapped[e.File] || idx.Imported[e.File] {
			continue
		}
		if svc, ok := s.owner(e); ok {
			report(entryFinding(e, svc))
		}
	}
	declared := map[string]bool{}
	for _, fn := range in.Project.Functions {
		declared[fn.Source.File] = true
	}
	for _, a := range idx.Azure {
		if !declared[a.File] && !underApp(in, a.Dir) {
			report(azureFinding(a))
		}
	}
	return nil
}

// mappedFiles are the files the function map's functions run.
func mappedFiles(fns []*model.Function) map[string]bool {
	m := map[string]bool{}
	for _, fn := range fns {
		if fn.File != "" {
			m[fn.File] = true
		}
		for _, f := range fn.Files {
			m[f] = true
		}
	}
	return m
}

// underApp reports a directory at or below a host.json.
func underApp(in *detect.Input, dir string) bool {
	for d := dir; ; d = path.Dir(d) {
		if in.Tree.Exists(path.Join(d, "host.json")) {
			return true
		}
		if d == "." || d == "/" || d == "" {
			return false
		}
	}
}

func anyFunctionJSON(in *detect.Input) bool {
	for _, f := range in.Tree.Files {
		if path.Base(f.Path) == "function.json" {
			return true
		}
	}
	return false
}

func entryFinding(e entrypoints.Entry, svc *service) finding.Finding {
	f := Rule.New()
	f.File, f.Line = e.File, e.Line
	f.Key = e.File
	f.Evidence = exportText(e)
	what := fmt.Sprintf("exports %s", exportText(e))
	where := svc.kind()
	if e.Style == entrypoints.StyleAzure {
		f.Message = fmt.Sprintf("%s %s, the entry point of an Azure function, but its folder %s has no function.json and no function of %s uses it: the Functions host never loads it, and it ships in the app's package. Remove it, or restore its function.json if the function is still wanted.",
			e.File, what, path.Dir(e.File), where)
		return f
	}
	dead := "dead code"
	if svc.kindName == "serverless" {
		dead = "dead code the framework packages with the service's functions"
	}
	f.Message = fmt.Sprintf("%s %s, the shape of a function handler, but no function of %s (%s) uses it and no other source file imports it. It is either %s or a function deployed some other way that nobody reviews here; remove it, or declare it in %s.",
		e.File, what, where, svc.manifest, dead, svc.manifest)
	return f
}

func exportText(e entrypoints.Entry) string {
	if e.Symbol == "default" {
		return "function " + e.Params
	}
	return e.Symbol + e.Params
}

func azureFinding(a entrypoints.AzureFolder) finding.Finding {
	f := Rule.New()
	f.File, f.Line = a.File, 1
	f.Key = a.File
	f.Evidence = "trigger " + a.Trigger
	f.Message = fmt.Sprintf("%s declares an Azure function (%s) in folder %s, but no host.json is above it, so it belongs to no function app clad can see: the Functions host never loads it from here. Move it into its app, or remove it if it is left over.",
		a.File, a.Trigger, strings.TrimSuffix(a.Dir, "/"))
	return f
}
