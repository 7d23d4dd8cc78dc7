package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/cladsec/clad/internal/advisory"
	"github.com/cladsec/clad/internal/advisory/db"
)

const dbUsage = `Usage: clad db <command> [flags]

Manage the local advisory database the library checks match against
(OSV data, merged at match time with clad's enrichment feed). It lives in
--db-dir, else $CLAD_DB_DIR, else clad/db under the user cache directory.

Commands:
  update [--ecosystem npm,PyPI,...] [--url BASE]
                  download OSV's export (<BASE>/<Ecosystem>/all.zip) and replace
                  the local copy atomically
  import PATH     import an OSV all.zip, a folder of OSV JSON files, or
                  *.jsonl.gz snapshot files (works offline)
  status          show sources, record counts and age

Exit codes: 0 done, 2 usage or runtime error (including "no data" for status).
`

func runDB(ctx context.Context, args []string, env Env) error {
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, dbUsage)
		return &exitError{code: ExitError}
	}
	switch args[0] {
	case "update":
		return runDBUpdate(ctx, args[1:], env)
	case "import":
		return runDBImport(ctx, args[1:], env)
	case "status":
		return runDBStatus(args[1:], env)
	case "help", "--help", "-h":
		fmt.Fprint(env.Stdout, dbUsage)
		return nil
	}
	return usagef("unknown db command %q (want update, import or status)", args[0])
}

// dbFlagSet is the flag set every db command shares: --db-dir.
func dbFlagSet(name, usage string, env Env, dir *string) *pflag.FlagSet {
	fs := pflag.NewFlagSet("db "+name, pflag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.StringVar(dir, "db-dir", "", "advisory database directory (default $CLAD_DB_DIR, else clad/db in the user cache directory)")
	fs.Usage = func() { fmt.Fprint(env.Stderr, usage); fs.PrintDefaults() }
	return fs
}

// dbDir resolves the database directory: the flag, else $CLAD_DB_DIR from
// the command's environment, else "" (db.DefaultDir decides).
func dbDir(flag string, env Env) string {
	if flag != "" {
		return flag
	}
	return strings.TrimSpace(env.Getenv(db.EnvDir))
}

func runDBUpdate(ctx context.Context, args []string, env Env) error {
	var dir, base string
	var ecos []string
	fs := dbFlagSet("update", "Usage: clad db update [--ecosystem npm,PyPI,...] [--url BASE] [--db-dir DIR]\n\n", env, &dir)
	fs.StringSliceVar(&ecos, "ecosystem", nil, "ecosystems to download (default: "+strings.Join(advisory.ScannedEcosystems, ",")+")")
	fs.StringVar(&base, "url", "", "base URL of the OSV export (default "+db.DefaultBaseURL+")")
	if err := fs.Parse(args); err != nil {
		return flagError(err)
	}
	if fs.NArg() > 0 {
		return usagef("db update takes no arguments, got %q", fs.Args())
	}
	for i, e := range ecos {
		ecos[i] = advisory.EcosystemKey(e)
	}
	return db.RunUpdate(ctx, db.UpdateOptions{
		Dir: dbDir(dir, env), Ecosystems: ecos, BaseURL: base, Progress: env.Stderr, Out: env.Stdout,
	})
}

func runDBImport(ctx context.Context, args []string, env Env) error {
	var dir string
	fs := dbFlagSet("import", "Usage: clad db import PATH [--db-dir DIR]\n\nPATH is an OSV all.zip, a folder of OSV JSON files, or a folder or file of *.jsonl.gz snapshots.\n\n", env, &dir)
	if err := fs.Parse(args); err != nil {
		return flagError(err)
	}
	if fs.NArg() != 1 {
		return usagef("db import takes one PATH, got %d", fs.NArg())
	}
	return db.RunImport(ctx, dbDir(dir, env), fs.Arg(0), env.Stdout)
}

func runDBStatus(args []string, env Env) error {
	var dir string
	fs := dbFlagSet("status", "Usage: clad db status [--db-dir DIR]\n\n", env, &dir)
	if err := fs.Parse(args); err != nil {
		return flagError(err)
	}
	if fs.NArg() > 0 {
		return usagef("db status takes no arguments, got %q", fs.Args())
	}
	err := db.RunStatus(dbDir(dir, env), time.Now(), env.Stdout)
	if errors.Is(err, db.ErrNoData) {
		return &exitError{code: ExitError} // RunStatus said so on stdout
	}
	return err
}
