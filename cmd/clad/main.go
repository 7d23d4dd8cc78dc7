// Command clad secures serverless applications: it maps every function of a
// project and reports Code, Library, Access and Data findings against them.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/mattn/go-isatty"

	"github.com/cladsec/clad/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], cli.Env{
		Stdin:      os.Stdin,
		Stdout:     os.Stdout,
		Stderr:     os.Stderr,
		IsTerminal: isatty.IsTerminal(os.Stdout.Fd()),
		Getenv:     os.Getenv,
		Environ:    os.Environ,
	})
	stop()
	os.Exit(code)
}
