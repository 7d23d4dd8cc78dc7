package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	depslist "github.com/cladsec/clad/internal/deps/list"
	"github.com/cladsec/clad/internal/extract/list"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/sbom"
	"github.com/cladsec/clad/internal/scan"
)

// projectFlags are the flags sbom and inventory share with scan: what to
// read and how to resolve the manifests.
type projectFlags struct {
	configPath string
	stage      string
	region     string
	params     []string
	quiet      bool
}

func (f *projectFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.configPath, "config", "", "project config file (default: .clad.yaml in the scanned directory)")
	fs.StringVar(&f.stage, "stage", "", "deployment stage for ${opt:stage} / ${sls:stage} (default: the manifest's default)")
	fs.StringVar(&f.region, "region", "", "region for ${opt:region}")
	fs.StringArrayVar(&f.params, "param", nil, "KEY=VALUE for ${param:KEY} and CloudFormation parameters (repeatable)")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "no notes on standard error")
}

const sbomUsage = `Usage: clad sbom [PATH] [--format cyclonedx|spdx] [--output FILE] [flags]

Write the software bill of materials of PATH (default "."): every package its
dependency files pin, with version, purl, license, scope and the functions
that ship it.

  cyclonedx  CycloneDX 1.6 JSON: packages as library components (property
             clad:function per function that ships it, clad:lockfile per
             file:line), functions as services, the dependency graph.
  spdx       SPDX 2.3 JSON: the project, one APPLICATION package per function
             CONTAINS what it ships, DEPENDS_ON edges from the lockfiles.

The creation time is now, or SOURCE_DATE_EPOCH (seconds) when set, for
reproducible output.

Exit codes: 0 written, 2 usage or runtime error.

Flags:
`

func runSBOM(ctx context.Context, args []string, env Env) error {
	var pf projectFlags
	var format, output string
	fs := pflag.NewFlagSet("sbom", pflag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.StringVarP(&format, "format", "f", "cyclonedx", "output format: cyclonedx or spdx")
	fs.StringVarP(&output, "output", "o", "", "write the SBOM to this file instead of standard output")
	pf.register(fs)
	fs.Usage = func() { fmt.Fprint(env.Stderr, sbomUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		return flagError(err)
	}
	write, ok := map[string]func(io.Writer, *sbom.Inventory, sbom.Meta) error{
		"cyclonedx": sbom.WriteCycloneDX, "spdx": sbom.WriteSPDX,
	}[strings.ToLower(format)]
	if !ok {
		return usagef("unknown --format %q for sbom (want cyclonedx or spdx)", format)
	}
	created, err := creationTime(env)
	if err != nil {
		return err
	}
	target, err := targetArg(fs, "sbom")
	if err != nil {
		return err
	}
	inv, err := buildInventory(ctx, target, &pf, env)
	if err != nil {
		return err
	}
	meta := sbom.Meta{Name: projectName(target), ToolVersion: version(), Time: created}
	return writeOutput(output, env, "SBOM", func(w io.Writer) error { return write(w, inv, meta) })
}

// targetArg returns the one optional PATH argument, "." by default, and
// checks that it exists.
func targetArg(fs *pflag.FlagSet, cmd string) (string, error) {
	if fs.NArg() > 1 {
		return "", usagef("%s takes one PATH, got %d", cmd, fs.NArg())
	}
	target := "."
	if fs.NArg() == 1 {
		target = fs.Arg(0)
	}
	if _, err := os.Stat(target); err != nil {
		return "", fmt.Errorf("cannot read %s: %w", target, unwrapOS(err))
	}
	return target, nil
}

// buildInventory scans target for its function map and dependency files
// (no detectors) and builds the inventory.
func buildInventory(ctx context.Context, target string, pf *projectFlags, env Env) (*sbom.Inventory, error) {
	cfg, err := loadConfig(target, pf.configPath)
	if err != nil {
		return nil, err
	}
	vars, err := scanVars(&scanFlags{stage: pf.stage, region: pf.region, params: pf.params}, env)
	if err != nil {
		return nil, err
	}
	opts := scan.Options{Target: target, Vars: vars, Extractors: list.All(), Parsers: depslist.All(), Offline: true}
	opts.Walk.Skip = cfg.Skip
	res, err := scan.Run(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("scan of %s failed: %w", target, err)
	}
	defer res.Close()
	if !pf.quiet {
		depNotes(env.Stderr, res)
	}
	return sbom.Build(filepath.ToSlash(target), res.Project, res.Lockfiles), nil
}

// depNotes tells on standard error what the inventory may miss: files
// that could not be read, and a project without dependency files.
func depNotes(w io.Writer, res *scan.Result) {
	for _, p := range res.Problems {
		if p.Level == model.LevelError {
			loc := p.File
			if p.Line > 0 {
				loc += ":" + strconv.Itoa(p.Line)
			}
			fmt.Fprintf(w, "clad: warning: %s: %s (its packages are missing from the inventory)\n", loc, p.Message)
		}
	}
	if len(res.Lockfiles) == 0 {
		fmt.Fprintln(w, "clad: no dependency file (lockfile, requirements, go.mod…) was found: the inventory is empty")
	}
}

// creationTime is SOURCE_DATE_EPOCH when set (reproducible builds), else now.
func creationTime(env Env) (time.Time, error) {
	s := strings.TrimSpace(env.Getenv("SOURCE_DATE_EPOCH"))
	if s == "" {
		return time.Now().UTC().Truncate(time.Second), nil
	}
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil || sec < 0 {
		return time.Time{}, usagef("SOURCE_DATE_EPOCH %q: want a non-negative number of seconds", s)
	}
	return time.Unix(sec, 0).UTC(), nil
}

// projectName is the base name of the scanned path ("." becomes the
// current directory's name).
func projectName(target string) string {
	abs, err := filepath.Abs(target)
	if err != nil {
		abs = target
	}
	name := filepath.Base(abs)
	if name == "." || name == string(filepath.Separator) || name == "" {
		return "project"
	}
	return name
}

// writeOutput writes to the named file, or to standard output when file
// is empty.
func writeOutput(file string, env Env, what string, write func(io.Writer) error) error {
	if file == "" {
		if err := write(env.Stdout); err != nil {
			return fmt.Errorf("cannot write %s: %w", what, err)
		}
		return nil
	}
	fh, err := os.Create(file)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", what, err)
	}
	if err := write(fh); err != nil {
		fh.Close()
		return fmt.Errorf("cannot write %s to %s: %w", what, file, err)
	}
	if err := fh.Close(); err != nil {
		return fmt.Errorf("cannot write %s to %s: %w", what, file, err)
	}
	return nil
}
