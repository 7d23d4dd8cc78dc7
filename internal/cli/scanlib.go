package cli

import (
	"strings"

	"github.com/spf13/pflag"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/library/npmreg"
	"github.com/cladsec/clad/internal/detect/library/vulndeps"
	"github.com/cladsec/clad/internal/finding"
)

// libFlags are the flags of `clad scan` for the library checks.
type libFlags struct {
	dbDir    string
	online   bool
	registry string
}

func (l *libFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&l.dbDir, "db-dir", "", "advisory database directory (default $CLAD_DB_DIR, else clad/db in the user cache directory)")
	fs.BoolVar(&l.online, "online", false, "consult the npm registry (cached on disk for a day) to find the lowest direct-dependency release that pulls a fix")
	fs.StringVar(&l.registry, "npm-registry", "", "npm registry for --online (default $npm_config_registry, else "+npmreg.DefaultRegistry+")")
}

// prepareLibrary points the scan at the advisory database and configures
// the library detector: it fetches the database on first use (progress
// on standard error) unless --offline, and consults the npm registry
// with --online.
func prepareLibrary(plan *scanPlan, l *libFlags, offline, quiet bool, env Env) error {
	if l.online && offline {
		return usagef("--online and --offline exclude each other")
	}
	if !runsCategory(plan.opts.Categories, finding.Library) {
		return nil
	}
	plan.opts.AdvisoryDir = dbDir(l.dbDir, env)
	opts := vulndeps.Options{Fetch: true, Progress: env.Stderr}
	if quiet {
		opts.Progress = nil
	}
	if l.online {
		cache, err := npmreg.DefaultCacheDir()
		if err != nil {
			cache = "" // no disk cache: every scan asks again
		}
		reg := l.registry
		if reg == "" {
			reg = strings.TrimSpace(env.Getenv("npm_config_registry"))
		}
		opts.Registry = npmreg.New(reg, cache)
	}
	plan.opts.Detectors = withDetector(plan.opts.Detectors, vulndeps.NewWithOptions(opts))
	return nil
}

// runsCategory reports whether the scan runs category c (none listed:
// all).
func runsCategory(cs []finding.Category, c finding.Category) bool {
	if len(cs) == 0 {
		return true
	}
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// withDetector replaces the registered detector of the same name by d, or
// adds d when none is registered.
func withDetector(ds []detect.Detector, d detect.Detector) []detect.Detector {
	out := make([]detect.Detector, 0, len(ds)+1)
	found := false
	for _, x := range ds {
		if x.Name() == d.Name() {
			x, found = d, true
		}
		out = append(out, x)
	}
	if !found {
		out = append(out, d)
	}
	return out
}
