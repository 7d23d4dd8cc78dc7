// Package cli implements clad's command line: subcommands, flags, and the
// one place where outcomes become exit codes.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Exit codes.
const (
	ExitOK       = 0 // nothing at or above the --fail-on threshold
	ExitFindings = 1 // findings at or above the threshold
	ExitError    = 2 // usage or runtime error
)

// Env is the process environment a command runs in; tests supply their own.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// IsTerminal reports whether Stdout is a terminal (colour, default format).
	IsTerminal bool
	// Getenv reads environment variables (for --resolve-env and NO_COLOR).
	Getenv func(string) string
	// Environ lists KEY=VALUE pairs (for --resolve-env).
	Environ func() []string
}

// usageError is a bad invocation: exit code 2 with the usage hint.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{msg: fmt.Sprintf(format, args...)} }

// exitError carries an exit code chosen by a command.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

const mainUsage = `clad secures serverless applications: Code, Libraries, Access, Data.

Usage:
  clad scan [PATH] [flags]   build the function map of PATH (a directory, a deployment
                             .zip or a .serverless/ folder) and report findings
  clad secrets [PATH]        find hard-coded secrets only; --staged for pre-commit,
                             --history for the commits, --baseline FILE
  clad sbom [PATH]           write the SBOM (CycloneDX 1.6 or SPDX 2.3 JSON) with the
                             functions that ship each package
  clad inventory [PATH]      print package x version x license x functions, filterable
  clad db update|import|status
                             manage the advisory database of the library checks
  clad iam suggest [PATH]    write least-privilege IAM statements per function from the
                             SDK calls in its code (--format serverless|sam|json)
  clad rules [ID]            list every rule, or document one
  clad version               print the version

Run "clad <command> --help" for the flags of a command.
`

// Run executes clad with args (without the program name) and returns the
// exit code.
func Run(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if env.Environ == nil {
		env.Environ = func() []string { return nil }
	}
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, mainUsage)
		return ExitError
	}
	var err error
	switch args[0] {
	case "scan":
		err = runScan(ctx, args[1:], env)
	case "secrets":
		err = runSecrets(ctx, args[1:], env)
	case "sbom":
		err = runSBOM(ctx, args[1:], env)
	case "inventory":
		err = runInventory(ctx, args[1:], env)
	case "db":
		err = runDB(ctx, args[1:], env)
	case "iam":
		err = runIAM(ctx, args[1:], env)
	case "rules":
		err = runRules(args[1:], env)
	case "version", "--version", "-v":
		err = runVersion(args[1:], env)
	case "help", "--help", "-h":
		fmt.Fprint(env.Stdout, mainUsage)
		return ExitOK
	default:
		err = usagef("unknown command %q", args[0])
	}
	return exitCode(err, env)
}

func exitCode(err error, env Env) int {
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(env.Stderr, "clad: %s\n%s", ue.msg, hintFor(ue.msg))
		return ExitError
	}
	fmt.Fprintf(env.Stderr, "clad: %s\n", err)
	return ExitError
}

func hintFor(msg string) string {
	if strings.Contains(msg, "help requested") {
		return ""
	}
	return "Run \"clad --help\" for usage.\n"
}
