package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/cladsec/clad/internal/config"
	"github.com/cladsec/clad/internal/deployed"
	depslist "github.com/cladsec/clad/internal/deps/list"
	"github.com/cladsec/clad/internal/detect/registry"
	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/extract/list"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/report"
	"github.com/cladsec/clad/internal/scan"
	"github.com/cladsec/clad/internal/suppress"
)

// scanFlags are the flags of `clad scan`.
type scanFlags struct {
	format     string
	output     string
	failOn     string
	categories []string
	offline    bool
	quiet      bool
	configPath string
	stage      string
	region     string
	params     []string
	resolveEnv bool
	color      string
	baseline   string
	deployed   []string
}

func (f *scanFlags) register(fs *pflag.FlagSet) {
	fs.StringVarP(&f.format, "format", "f", "table", "output format: table, json, sarif or markdown")
	fs.StringVarP(&f.output, "output", "o", "", "write the report to this file instead of standard output")
	fs.StringVar(&f.failOn, "fail-on", "", "exit 1 when a finding is at or above: critical, high, medium, low or none (default high, or fail-on in .clad.yaml)")
	fs.StringSliceVar(&f.categories, "category", nil, "only run these categories: code, library, access, data (comma-separated)")
	fs.BoolVar(&f.offline, "offline", false, "never touch the network")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "print only findings and errors: no function map, no notes on standard error")
	fs.StringVar(&f.configPath, "config", "", "project config file (default: .clad.yaml in the scanned directory)")
	fs.StringVar(&f.stage, "stage", "", "deployment stage for ${opt:stage} / ${sls:stage} (default: the manifest's default)")
	fs.StringVar(&f.region, "region", "", "region for ${opt:region}")
	fs.StringArrayVar(&f.params, "param", nil, "KEY=VALUE for ${param:KEY} and CloudFormation parameters (repeatable)")
	fs.BoolVar(&f.resolveEnv, "resolve-env", false, "resolve ${env:NAME} from this process's environment (off by default: a scan should not depend on the shell)")
	fs.StringVar(&f.color, "color", "auto", "colour the table: auto, always or never")
	fs.StringVar(&f.baseline, "baseline", "", "baseline file: written with the current findings when missing, else the findings it lists are suppressed")
	fs.StringArrayVar(&f.deployed, "deployed", nil, "inventory of deployed functions: the JSON of `aws lambda list-functions` or `az functionapp function list`; deployed functions no manifest declares are reported (repeatable)")
}

const scanUsage = `Usage: clad scan [PATH] [flags]

Build the function map of PATH (default ".") — a project directory, a monorepo,
a deployment package (.zip) or a .serverless/ folder — and report the findings
grouped by function, most severe first.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 usage or runtime error (unreadable path, bad flag, bad config, nothing readable).

Flags:
`

func runScan(ctx context.Context, args []string, env Env) error {
	var f scanFlags
	fs := pflag.NewFlagSet("scan", pflag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	f.register(fs)
	var lib libFlags
	lib.register(fs)
	fs.Usage = func() { fmt.Fprint(env.Stderr, scanUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return flagError(err)
	}
	if fs.NArg() > 1 {
		return usagef("scan takes one PATH, got %d", fs.NArg())
	}
	target := "."
	if fs.NArg() == 1 {
		target = fs.Arg(0)
	}
	if _, err := os.Stat(target); err != nil {
		return fmt.Errorf("cannot scan %s: %w", target, unwrapOS(err))
	}
	plan, err := planScan(target, &f, env)
	if err != nil {
		return err
	}
	if err := prepareLibrary(plan, &lib, f.offline, f.quiet, env); err != nil {
		return err
	}
	res, err := scan.Run(ctx, plan.opts)
	if err != nil {
		return fmt.Errorf("scan of %s failed: %w", target, err)
	}
	defer res.Close()
	sup := suppress.Apply(res.Findings, suppress.Options{
		Ignores: plan.cfg.Ignores, ConfigFile: configName(target, plan.cfg.File), Now: time.Now(),
		ReadFile: res.Tree.ReadFile, NoUnused: plan.partial,
	})
	kept, accepted, err := applyBaselineFile(f.baseline, f.quiet, sup.Kept, env)
	if err != nil {
		return fmt.Errorf("baseline: %w", err)
	}
	sup.Kept, sup.Suppressed = kept, append(sup.Suppressed, accepted...)
	rep := buildReport(res, sup, plan)
	if err := writeReport(rep, &f, env); err != nil {
		return err
	}
	if !f.quiet {
		notes(env.Stderr, rep)
	}
	return &exitError{code: verdict(rep, len(res.Lockfiles))}
}

// scanPlan is everything decided before the scan starts.
type scanPlan struct {
	opts   scan.Options
	cfg    *config.Config
	failOn finding.Severity
	// partial is true when some categories are left out, so an ignore that
	// matched nothing may be fine.
	partial bool
}

func planScan(target string, f *scanFlags, env Env) (*scanPlan, error) {
	cfg, err := loadConfig(target, f.configPath)
	if err != nil {
		return nil, err
	}
	p := &scanPlan{cfg: cfg, failOn: cfg.FailOn}
	if f.failOn != "" {
		if p.failOn, err = finding.ParseSeverity(f.failOn); err != nil || p.failOn == finding.SeverityInfo {
			return nil, usagef("--fail-on %q: want critical, high, medium, low or none", f.failOn)
		}
	}
	p.opts.Categories = cfg.Categories
	if len(f.categories) > 0 {
		p.opts.Categories = nil
		for _, c := range f.categories {
			cat, err := finding.ParseCategory(c)
			if err != nil {
				return nil, usagef("--category: %v", err)
			}
			p.opts.Categories = append(p.opts.Categories, cat)
		}
	}
	p.partial = len(p.opts.Categories) < len(finding.Categories)
	if !validFormat(f.format) {
		return nil, usagef("unknown --format %q (want table, json, sarif or markdown)", f.format)
	}
	if f.color != "auto" && f.color != "always" && f.color != "never" {
		return nil, usagef("--color %q: want auto, always or never", f.color)
	}
	vars, err := scanVars(f, env)
	if err != nil {
		return nil, err
	}
	p.opts.Target = target
	p.opts.Offline = f.offline
	p.opts.Vars = vars
	p.opts.Walk.Skip = cfg.Skip
	p.opts.Extractors = list.All()
	p.opts.Detectors = registry.All()
	p.opts.Parsers = depslist.All()
	for _, file := range f.deployed {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("--deployed: %w", err)
		}
		fns, err := deployed.Parse(filepath.ToSlash(file), data)
		if err != nil {
			return nil, fmt.Errorf("--deployed: %w", err)
		}
		p.opts.Deployed = append(p.opts.Deployed, fns...)
	}
	return p, nil
}

func loadConfig(target, explicit string) (*config.Config, error) {
	path := explicit
	if path == "" {
		found, ok := config.Find(target)
		if !ok {
			return config.Default(), nil
		}
		path = found
	}
	cfg, err := config.Load(path)
	if err != nil {
		return nil, fmt.Errorf("bad config %s: %w", path, err)
	}
	return cfg, nil
}

// configName shows the config file relative to the scan root when it is inside it.
func configName(target, file string) string {
	if rel, err := filepath.Rel(target, file); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(file)
}

func scanVars(f *scanFlags, env Env) (extract.Vars, error) {
	v := extract.Vars{Stage: f.stage, Region: f.region}
	for _, kv := range f.params {
		k, val, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return v, usagef("--param %q: want KEY=VALUE", kv)
		}
		if v.Params == nil {
			v.Params = map[string]string{}
		}
		v.Params[k] = val
	}
	if f.resolveEnv {
		v.Env = map[string]string{}
		for _, kv := range env.Environ() {
			if k, val, ok := strings.Cut(kv, "="); ok {
				v.Env[k] = val
			}
		}
	}
	return v, nil
}

func validFormat(s string) bool {
	switch s {
	case "table", "json", "sarif", "markdown":
		return true
	}
	return false
}

func writeReport(rep *report.Report, f *scanFlags, env Env) error {
	var w io.Writer = env.Stdout
	color := f.color == "always" || (f.color == "auto" && env.IsTerminal && env.Getenv("NO_COLOR") == "")
	if f.output != "" {
		fh, err := os.Create(f.output)
		if err != nil {
			return fmt.Errorf("cannot write report: %w", err)
		}
		defer fh.Close()
		w = fh
		color = f.color == "always"
	}
	if err := report.Write(w, f.format, rep, report.Options{Color: color, Quiet: f.quiet}); err != nil {
		return fmt.Errorf("cannot write report: %w", err)
	}
	return nil
}

// buildReport assembles the output contract from the scan result.
func buildReport(res *scan.Result, sup suppress.Result, plan *scanPlan) *report.Report {
	problems := append(append([]model.Problem(nil), res.Problems...), sup.Problems...)
	if len(res.Project.Functions) == 0 && len(res.Project.Manifests) == 0 && len(res.Lockfiles) == 0 && !hasErrors(problems) {
		problems = append(problems, model.Problem{
			File: "", Level: model.LevelError, Kind: "unsupported", Stage: "scan",
			Message: "nothing recognisable: no serverless.yml, SAM/CloudFormation template, Azure Functions app (host.json), deployment package or dependency file was found, so nothing was analysed",
		})
	}
	findings := sup.Kept
	if findings == nil {
		findings = []finding.Finding{}
	}
	rep := &report.Report{
		SchemaVersion: report.SchemaVersion,
		Tool:          report.Tool{Name: "clad", Version: version()},
		Project: report.Project{
			Root: filepath.ToSlash(res.Project.Root), Functions: res.Project.Functions, Manifests: res.Project.Manifests,
		},
		Findings: findings,
		Errors:   problems,
		Rules:    usedRules(findings),
	}
	rep.Summary = summarize(res, rep, len(sup.Suppressed), plan.failOn)
	return rep
}

func usedRules(fs []finding.Finding) []finding.Rule {
	used := map[string]bool{}
	for _, f := range fs {
		used[f.Rule] = true
	}
	var out []finding.Rule
	for _, r := range registry.Rules() {
		if used[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

func summarize(res *scan.Result, rep *report.Report, suppressed int, failOn finding.Severity) report.Summary {
	s := report.Summary{
		Functions: len(rep.Project.Functions), Manifests: len(rep.Project.Manifests),
		FilesScanned: res.FilesScanned, Findings: len(rep.Findings), Suppressed: suppressed,
		BySeverity: map[string]int{}, ByCategory: map[string]int{}, FailOn: failOn.String(),
	}
	for _, c := range res.Categories {
		s.Categories = append(s.Categories, string(c))
	}
	s.NotRun = res.NotRun
	for _, f := range rep.Findings {
		s.BySeverity[f.Severity.String()]++
		s.ByCategory[string(f.Category)]++
		if f.Severity >= failOn {
			s.Failed = true
		}
	}
	failed := map[string]bool{}
	for _, p := range rep.Errors {
		if p.Level == model.LevelError && p.File != "" {
			failed[p.File] = true
		}
	}
	s.FilesFailed = len(failed)
	return s
}

// verdict maps the report to the exit code: 2 when nothing could be
// analysed (no manifest or dependency file could be read), else 1 when a
// finding reached the threshold.
func verdict(rep *report.Report, lockfiles int) int {
	if len(rep.Project.Manifests) == 0 && lockfiles == 0 && hasErrors(rep.Errors) {
		return ExitError
	}
	if rep.Summary.Failed {
		return ExitFindings
	}
	return ExitOK
}

func hasErrors(ps []model.Problem) bool {
	for _, p := range ps {
		if p.Level == model.LevelError {
			return true
		}
	}
	return false
}

// notes prints a one-line account on standard error, so a table piped
// elsewhere or a JSON file still leaves the user a verdict on the terminal.
func notes(w io.Writer, rep *report.Report) {
	s := rep.Summary
	fmt.Fprintf(w, "clad: %d functions in %d manifests, %d findings (%d suppressed), %d files could not be analysed\n",
		s.Functions, s.Manifests, s.Findings, s.Suppressed, s.FilesFailed)
	for _, n := range s.NotRun {
		fmt.Fprintf(w, "clad: not run: %s\n", n)
	}
}

func unwrapOS(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
