package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/cladsec/clad/internal/config"
	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/data/secrets"
	"github.com/cladsec/clad/internal/detect/data/secrets/engine"
	"github.com/cladsec/clad/internal/extract/list"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/gitscan"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/report"
	"github.com/cladsec/clad/internal/scan"
	"github.com/cladsec/clad/internal/suppress"
	"github.com/cladsec/clad/internal/walk"
)

// secretsFlags are the flags of `clad secrets`: the report flags of scan
// plus the git modes and the baseline.
type secretsFlags struct {
	scanFlags
	staged     bool
	history    bool
	since      string
	maxCommits int
	baseline   string
	timeout    time.Duration
	allFiles   bool
}

func (f *secretsFlags) register(fs *pflag.FlagSet) {
	fs.StringVarP(&f.format, "format", "f", "table", "output format: table, json, sarif or markdown")
	fs.StringVarP(&f.output, "output", "o", "", "write the report to this file instead of standard output")
	fs.StringVar(&f.failOn, "fail-on", "", "exit 1 when a finding is at or above: critical, high, medium, low or none (default high, or fail-on in .clad.yaml; low with --staged)")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "print only findings and errors: no function map, no notes on standard error")
	fs.StringVar(&f.configPath, "config", "", "project config file (default: .clad.yaml in the scanned directory)")
	fs.StringVar(&f.color, "color", "auto", "colour the table: auto, always or never")
	fs.BoolVar(&f.staged, "staged", false, "scan only the lines the staged changes add (pre-commit)")
	fs.BoolVar(&f.history, "history", false, "scan the git history and report the commit that introduced each secret")
	fs.StringVar(&f.since, "since", "", "with --history: only the commits after this revision (REV..HEAD)")
	fs.IntVar(&f.maxCommits, "max-commits", 0, "with --history: only the last N commits")
	fs.StringVar(&f.baseline, "baseline", "", "baseline file: written with the current findings when missing, else its findings are suppressed")
	fs.DurationVar(&f.timeout, "timeout", 0, "bound on the git commands (default 2m with --staged, 30m with --history)")
	fs.BoolVar(&f.allFiles, "no-default-skips", false, "also walk node_modules, virtualenvs, build output and the other directories skipped by default")
}

const secretsUsage = `Usage: clad secrets [PATH] [flags]

Find hard-coded secrets. Without a mode flag, scan the files under PATH
(default "."), with the function map built so each secret names the
functions that receive it.

  --staged    pre-commit: scan the lines the staged changes of the git
              repository holding PATH add (a secret committed earlier is not
              reported again). Paths are relative to the repository root.
  --history   walk the commits of HEAD, oldest first, and report each secret
              once, at the commit that introduced it, also when a later
              commit removed it (it is still in history: rotate it).
  --baseline FILE
              when FILE is missing, write the fingerprints of the current
              findings to it (hashed, never the secret) and exit 0; when it
              exists, suppress the findings it lists and report the rest.

Inline "clad:ignore <rule> <reason>" comments and .clad.yaml ignores apply;
in --history mode a "clad:allow" or "clad:ignore" on the line itself does.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 usage or runtime error (unreadable path, not a git repository, bad flag).

Flags:
`

func runSecrets(ctx context.Context, args []string, env Env) error {
	var f secretsFlags
	fs := pflag.NewFlagSet("secrets", pflag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	f.register(fs)
	fs.Usage = func() { fmt.Fprint(env.Stderr, secretsUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return flagError(err)
	}
	target, err := f.check(fs)
	if err != nil {
		return err
	}
	cfg, err := loadConfig(target, f.configPath)
	if err != nil {
		return err
	}
	failOn, err := f.threshold(cfg)
	if err != nil {
		return err
	}
	run, err := f.collect(ctx, target, cfg)
	if err != nil {
		return err
	}
	defer run.close()
	sup := suppress.Apply(run.findings, suppress.Options{
		Ignores: cfg.Ignores, ConfigFile: configName(target, cfg.File), Now: time.Now(),
		ReadFile: run.readFile, NoUnused: true,
	})
	kept, accepted, err := f.applyBaseline(sup.Kept, env)
	if err != nil {
		return err
	}
	run.problems = append(run.problems, sup.Problems...)
	rep := secretsReport(run, kept, len(sup.Suppressed)+len(accepted), failOn)
	if err := writeReport(rep, &f.scanFlags, env); err != nil {
		return err
	}
	if !f.quiet {
		fmt.Fprintf(env.Stderr, "clad: %d secrets (%d suppressed) %s\n", rep.Summary.Findings, rep.Summary.Suppressed, run.scope)
	}
	if rep.Summary.Failed {
		return &exitError{code: ExitFindings}
	}
	return &exitError{code: ExitOK}
}

// check validates the flags and returns the target.
func (f *secretsFlags) check(fs *pflag.FlagSet) (string, error) {
	switch {
	case fs.NArg() > 1:
		return "", usagef("secrets takes one PATH, got %d", fs.NArg())
	case f.staged && f.history:
		return "", usagef("--staged and --history cannot be combined")
	case !f.history && (f.since != "" || f.maxCommits != 0):
		return "", usagef("--since and --max-commits need --history")
	case f.allFiles && (f.staged || f.history):
		return "", usagef("--no-default-skips applies to a scan of files, not to --staged or --history")
	case f.maxCommits < 0:
		return "", usagef("--max-commits %d: want a positive number", f.maxCommits)
	case !validFormat(f.format):
		return "", usagef("unknown --format %q (want table, json, sarif or markdown)", f.format)
	case f.color != "auto" && f.color != "always" && f.color != "never":
		return "", usagef("--color %q: want auto, always or never", f.color)
	case f.timeout < 0:
		return "", usagef("--timeout %s: want a positive duration", f.timeout)
	}
	target := "."
	if fs.NArg() == 1 {
		target = fs.Arg(0)
	}
	if _, err := os.Stat(target); err != nil {
		return "", fmt.Errorf("cannot scan %s: %w", target, unwrapOS(err))
	}
	return target, nil
}

// threshold is --fail-on, else the config's fail-on, else low for a
// pre-commit scan (any secret blocks the commit) and high otherwise.
func (f *secretsFlags) threshold(cfg *config.Config) (finding.Severity, error) {
	if f.failOn != "" {
		s, err := finding.ParseSeverity(f.failOn)
		if err != nil || s == finding.SeverityInfo {
			return 0, usagef("--fail-on %q: want critical, high, medium, low or none", f.failOn)
		}
		return s, nil
	}
	if f.staged && !cfg.FailOnSet {
		return finding.SeverityLow, nil
	}
	return cfg.FailOn, nil
}

// secretsRun is what one mode found, before suppression.
type secretsRun struct {
	res      *scan.Result // the tree scan, or a stand-in carrying the counts
	findings []finding.Finding
	problems []model.Problem
	readFile func(string) ([]byte, error)
	root     string
	// scope ends the note on standard error ("in 12 files").
	scope string
}

func (r *secretsRun) close() {
	if r.res != nil {
		r.res.Close()
	}
}

func (f *secretsFlags) collect(ctx context.Context, target string, cfg *config.Config) (*secretsRun, error) {
	switch {
	case f.staged:
		return f.collectStaged(ctx, target, cfg.Skip)
	case f.history:
		return f.collectHistory(ctx, target, cfg.Skip)
	}
	return collectTree(ctx, target, walk.Options{Skip: cfg.Skip, NoDefaultSkips: f.allFiles})
}

// collectTree runs the walk, the extractors (for attribution) and the
// secrets detector alone.
func collectTree(ctx context.Context, target string, wo walk.Options) (*secretsRun, error) {
	res, err := scan.Run(ctx, scan.Options{
		Target: target, Categories: []finding.Category{finding.Data}, Offline: true,
		Walk: wo, Extractors: list.All(), Detectors: []detect.Detector{secrets.New()}, SkipSource: true,
	})
	if err != nil {
		return nil, fmt.Errorf("scan of %s failed: %w", target, err)
	}
	return &secretsRun{res: res, findings: res.Findings, problems: res.Problems, readFile: res.Tree.ReadFile,
		root: filepath.ToSlash(res.Project.Root), scope: fmt.Sprintf("in %d files", res.FilesScanned)}, nil
}

func (f *secretsFlags) openRepo(ctx context.Context, target string, timeout time.Duration) (*gitscan.Repo, error) {
	if f.timeout > 0 {
		timeout = f.timeout
	}
	repo, err := gitscan.Open(ctx, target, gitscan.Options{Timeout: timeout})
	if err != nil {
		return nil, fmt.Errorf("cannot read git: %w", err)
	}
	return repo, nil
}

// gitEngine is the engine of the git modes: lines marked for gitleaks are
// honoured as in a scan.
func gitEngine(markers ...string) *engine.Scanner {
	return engine.New(engine.WithAllowMarkers(append([]string{"gitleaks:allow"}, markers...)...))
}

func (f *secretsFlags) collectStaged(ctx context.Context, target string, skip []string) (*secretsRun, error) {
	repo, err := f.openRepo(ctx, target, gitscan.DefaultTimeout)
	if err != nil {
		return nil, err
	}
	st, err := gitscan.ScanStaged(ctx, repo, gitEngine())
	if err != nil {
		return nil, fmt.Errorf("staged scan: %w", err)
	}
	run := &secretsRun{readFile: st.ReadFile, root: filepath.ToSlash(repo.Root),
		res:   gitResult(st.Files),
		scope: fmt.Sprintf("in %d staged files", st.Files)}
	for _, h := range st.Hits {
		if skipped(skip, h.File) {
			continue
		}
		fd := secrets.Finding(h.File, h.Match)
		fd.Message = stagedMessage(h)
		fd.SetFingerprint()
		run.findings = append(run.findings, fd)
	}
	for _, p := range st.Skipped {
		run.problems = append(run.problems, model.Problem{File: p, Level: model.LevelWarning, Kind: "limit", Stage: "staged",
			Message: "the staged version is larger than the size limit and was not scanned"})
	}
	return run, nil
}

func (f *secretsFlags) collectHistory(ctx context.Context, target string, skip []string) (*secretsRun, error) {
	repo, err := f.openRepo(ctx, target, gitscan.DefaultTimeout)
	if err != nil {
		return nil, err
	}
	timeout := f.timeout
	if timeout == 0 {
		timeout = gitscan.DefaultHistoryTimeout
	}
	h, err := gitscan.ScanHistory(ctx, repo, gitEngine("clad:allow", "clad:ignore"),
		gitscan.HistoryOptions{Since: f.since, MaxCommits: f.maxCommits, Timeout: timeout})
	if err != nil {
		return nil, fmt.Errorf("history scan: %w", err)
	}
	run := &secretsRun{root: filepath.ToSlash(repo.Root), res: gitResult(h.Files),
		scope: fmt.Sprintf("in %d commits (%d file changes scanned, %d binary skipped)", h.Commits, h.Files, h.Binary)}
	for _, hit := range h.Hits {
		if skipped(skip, hit.File) {
			continue
		}
		fd := secrets.Finding(hit.File, hit.Match)
		fd.Message = historyMessage(hit)
		fd.Git = gitFacts(hit)
		fd.SetFingerprint()
		run.findings = append(run.findings, fd)
	}
	for _, t := range h.Truncated {
		run.problems = append(run.problems, model.Problem{File: t, Level: model.LevelWarning, Kind: "limit", Stage: "history",
			Message: "the change is larger than the size limit: only its first part was scanned"})
	}
	return run, nil
}

// skipped applies the skip globs of .clad.yaml to a path read from git,
// as the walker does: to the file and to each directory above it.
func skipped(globs []string, p string) bool {
	for _, g := range globs {
		for dir := p; ; {
			if walk.MatchGlob(g, dir) || walk.MatchGlob(g, dir+"/") {
				return true
			}
			i := strings.LastIndexByte(dir, '/')
			if i < 0 {
				break
			}
			dir = dir[:i]
		}
	}
	return false
}

// gitResult stands in for a tree scan in the summary of the git modes.
func gitResult(files int) *scan.Result {
	return &scan.Result{Project: &model.Project{}, FilesScanned: files, Categories: []finding.Category{finding.Data}}
}

// what names the secret: the rule's title, or the key a generic secret is
// assigned to.
func what(m engine.Match) string {
	rule, _ := engine.Lookup(m.Rule)
	if m.Rule == engine.RuleGeneric {
		if m.Key != "" {
			return "The literal value of " + m.Key
		}
		return "A literal secret"
	}
	return rule.Title
}

func encoded(m engine.Match) string {
	if m.Encoding == "" {
		return ""
	}
	return ", " + m.Encoding + "-encoded,"
}

func stagedMessage(h gitscan.Hit) string {
	m := h.Match
	return fmt.Sprintf("%s (%s)%s is staged for commit in %s. Recognised by: %s. Take it out of the change before committing "+
		"(read it from a secrets store or the environment instead, then git add the file again); if it was ever pushed or shared, revoke it.",
		what(m), m.Redacted(), encoded(m), h.File, m.Why)
}

// gitFacts are the commit facts of a history hit for the report.
func gitFacts(h gitscan.Hit) *finding.Git {
	if h.Commit == nil {
		return nil
	}
	g := &finding.Git{Commit: h.Commit.SHA, Author: h.Commit.Author, Email: h.Commit.Email}
	if !h.Commit.Date.IsZero() {
		g.Date = h.Commit.Date.UTC().Format(time.RFC3339)
	}
	if h.RemovedIn != nil {
		g.RemovedIn = h.RemovedIn.SHA
	}
	return g
}

func historyMessage(h gitscan.Hit) string {
	m, c := h.Match, h.Commit
	s := fmt.Sprintf("%s (%s)%s was introduced in %s by %s <%s> on %s in %s.", what(m), m.Redacted(), encoded(m),
		c.Short(), c.Author, c.Email, c.Date.UTC().Format("2006-01-02"), h.File)
	if h.RemovedIn != nil {
		s += fmt.Sprintf(" It was removed in %s but is still in history: rotate it.", h.RemovedIn.Short())
	} else {
		s += " It is still in the tree."
	}
	return s + fmt.Sprintf(" Recognised by: %s. Anyone with a clone has it: revoke or rotate it, then keep the new value in a secrets store; rewriting history does not undo the leak.", m.Why)
}

// applyBaseline applies --baseline (see applyBaselineFile).
func (f *secretsFlags) applyBaseline(fs []finding.Finding, env Env) (kept, accepted []finding.Finding, err error) {
	return applyBaselineFile(f.baseline, f.quiet, fs, env)
}

// secretsReport assembles the output contract. Unlike scan, a tree
// without any serverless manifest is fine: secrets are looked for
// everywhere.
func secretsReport(run *secretsRun, kept []finding.Finding, suppressed int, failOn finding.Severity) *report.Report {
	finding.Sort(kept)
	if kept == nil {
		kept = []finding.Finding{}
	}
	fns := run.res.Project.Functions
	if fns == nil {
		fns = []*model.Function{}
	}
	mans := run.res.Project.Manifests
	if mans == nil {
		mans = []model.Manifest{}
	}
	problems := run.problems
	if problems == nil {
		problems = []model.Problem{}
	}
	rep := &report.Report{
		SchemaVersion: report.SchemaVersion,
		Tool:          report.Tool{Name: "clad", Version: version()},
		Project:       report.Project{Root: run.root, Functions: fns, Manifests: mans},
		Findings:      kept,
		Errors:        problems,
		Rules:         usedRules(kept),
	}
	rep.Summary = summarize(run.res, rep, suppressed, failOn)
	return rep
}
