// Package scan is the orchestrator: walk the input once, run the extractors
// to build the function map, run the detectors, apply suppressions, and hand
// a Result to the reporters.
package scan

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sort"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/deployed"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/walk"
)

// Options configure a scan.
type Options struct {
	// Target is the directory, zip or file to scan.
	Target string
	// Categories limits the detectors run; empty means all.
	Categories []finding.Category
	Offline    bool
	Vars       extract.Vars
	Walk       walk.Options
	// Extractors and Detectors default to the registered lists.
	Extractors []extract.Extractor
	Detectors  []detect.Detector
	// Parsers read dependency files; nil means none (the library checks
	// then have nothing to match).
	Parsers []deps.Parser
	// AdvisoryDir is the advisory database directory ("" = the default).
	AdvisoryDir string
	// SkipSource leaves Function.HandlerLine and Function.Files empty: no
	// handler code is parsed. For scans whose checks need only the
	// manifests and raw files (clad secrets).
	SkipSource bool
	// Deployed is an inventory of the functions deployed in the cloud
	// (clad scan --deployed), matched against the function map.
	Deployed []deployed.Function
}

// Result is a finished scan before rendering.
type Result struct {
	Project  *model.Project
	Findings []finding.Finding
	Problems []model.Problem
	// Lockfiles are the dependency files found, with their graphs.
	Lockfiles []*deps.Lockfile
	// FilesScanned counts files the walker listed.
	FilesScanned int
	// Categories that ran.
	Categories []finding.Category
	// NotRun explains checks that could not run.
	NotRun []string
	// Tree stays open for suppression (inline comments) and reporters;
	// call Close when done.
	Tree *walk.Tree
}

// Close releases the walked tree.
func (r *Result) Close() error {
	if r.Tree != nil {
		return r.Tree.Close()
	}
	return nil
}

// Run scans opts.Target. It returns an error only when the target itself
// cannot be read; every other problem is in Result.Problems.
func Run(ctx context.Context, opts Options) (*Result, error) {
	tree, err := walk.Open(ctx, opts.Target, opts.Walk)
	if err != nil {
		return nil, err
	}
	res := &Result{Tree: tree, FilesScanned: len(tree.Files), Problems: append([]model.Problem(nil), tree.Problems...)}
	var probs []model.Problem
	ex := extractAll(ctx, tree, opts)
	res.Problems = append(res.Problems, ex.Problems...)
	// One parse per source file for the whole scan: the function map and
	// every detector read handler code through this cache.
	sources := source.NewCache(tree)
	defer sources.Close()
	if opts.SkipSource {
		res.Project = buildProject(tree, ex, nil)
	} else {
		res.Project = buildProject(tree, ex, sources)
	}
	res.Lockfiles, probs = parseDeps(ctx, tree, opts.Parsers)
	res.Problems = append(res.Problems, probs...)
	res.Categories = categories(opts.Categories)
	in := &detect.Input{
		Project: res.Project, Tree: tree, Sources: sources, Offline: opts.Offline, Deployed: opts.Deployed, Lockfiles: res.Lockfiles, AdvisoryDir: opts.AdvisoryDir,
		NotRun: func(reason string) { res.NotRun = append(res.NotRun, reason) },
		Warn:   func(p model.Problem) { res.Problems = append(res.Problems, p) },
	}
	res.Findings, probs = runDetectors(ctx, in, opts.Detectors, res.Categories)
	res.Problems = append(res.Problems, probs...)
	sortProblems(res.Problems)
	return res, ctx.Err()
}

// extractAll offers every file to every extractor whose FileRequired accepts it.
func extractAll(ctx context.Context, tree *walk.Tree, opts Options) *extract.Result {
	out := &extract.Result{}
	for _, f := range tree.Files {
		if ctx.Err() != nil {
			break
		}
		for _, ex := range opts.Extractors {
			if !ex.FileRequired(f.Path) {
				continue
			}
			in := &extract.Input{Tree: tree, File: f, Vars: opts.Vars}
			if err := safeExtract(ctx, ex, in, out); err != nil {
				out.Problems = append(out.Problems, extractProblem(ex.Name(), f.Path, err))
			}
		}
	}
	inferPackages(tree, out)
	return out
}

// safeExtract turns an extractor panic into an error: one bad file must
// never stop the scan.
func safeExtract(ctx context.Context, ex extract.Extractor, in *extract.Input, out *extract.Result) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error in the %s extractor (please report it): %v\n%s", ex.Name(), r, debug.Stack())
		}
	}()
	return ex.Extract(ctx, in, out)
}

func extractProblem(stage, file string, err error) model.Problem {
	p := model.Problem{File: file, Level: model.LevelError, Kind: "parse", Stage: stage, Message: err.Error()}
	var pe *cfgtree.Error
	if errors.As(err, &pe) {
		p.Line = pe.Line
		p.Message = fmt.Sprintf("cannot parse: %s", pe.Msg)
	}
	if errors.Is(err, walk.ErrTooLarge) {
		p.Kind = "limit"
	}
	return p
}

// categories resolves the categories to run.
func categories(cs []finding.Category) []finding.Category {
	if len(cs) == 0 {
		return finding.Categories
	}
	want := map[finding.Category]bool{}
	for _, c := range cs {
		want[c] = true
	}
	var out []finding.Category
	for _, c := range finding.Categories { // CLAD order, no duplicates
		if want[c] {
			out = append(out, c)
		}
	}
	return out
}

func runDetectors(ctx context.Context, in *detect.Input, ds []detect.Detector, cats []finding.Category) ([]finding.Finding, []model.Problem) {
	want := map[finding.Category]bool{}
	for _, c := range cats {
		want[c] = true
	}
	var out []finding.Finding
	var probs []model.Problem
	seen := map[string]bool{}
	public := publicFunctions(in.Project)
	for _, d := range ds {
		if !want[d.Category()] {
			continue
		}
		exposure := exposureRules(d)
		err := safeDetect(ctx, d, in, func(f finding.Finding) {
			if f.Category == "" {
				f.Category = d.Category()
			}
			if f.Functions == nil {
				f.Functions = []string{}
			}
			if exposure[f.Rule] && anyIn(f.Functions, public) {
				f.Severity = f.Severity.Raise(1)
			}
			f.SetFingerprint()
			if seen[f.Fingerprint] {
				return
			}
			seen[f.Fingerprint] = true
			out = append(out, f)
		})
		if err != nil {
			probs = append(probs, model.Problem{Level: model.LevelError, Kind: "detector", Stage: d.Name(), Message: err.Error()})
		}
	}
	finding.Sort(out)
	return out, probs
}

// publicFunctions returns the IDs of functions anonymous callers can invoke.
func publicFunctions(p *model.Project) map[string]bool {
	m := map[string]bool{}
	for _, fn := range p.Functions {
		if fn.Public {
			m[fn.ID] = true
		}
	}
	return m
}

// exposureRules returns the IDs of d's rules whose severity follows exposure.
func exposureRules(d detect.Detector) map[string]bool {
	m := map[string]bool{}
	for _, r := range d.Rules() {
		if r.Exposure {
			m[r.ID] = true
		}
	}
	return m
}

func anyIn(ids []string, set map[string]bool) bool {
	for _, id := range ids {
		if set[id] {
			return true
		}
	}
	return false
}

func safeDetect(ctx context.Context, d detect.Detector, in *detect.Input, report func(finding.Finding)) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error in the %s detector (please report it): %v\n%s", d.Name(), r, debug.Stack())
		}
	}()
	return d.Detect(ctx, in, report)
}

func sortProblems(ps []model.Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		return ps[i].Line < ps[j].Line
	})
}
