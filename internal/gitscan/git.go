// Package gitscan reads what clad's secrets modes need from a git
// repository: the staged changes of the index (pre-commit) and the patches
// of the history, and finds the secrets those changes add.
//
// It runs the git CLI (never a shell), with a timeout, and treats the
// repository as hostile: its configuration must not make git run anything.
// Every git process gets the overrides in safeConfig (no hooks, no
// fsmonitor, no pager, no external diff or textconv, no network, fixed
// diff prefixes and quoting), GIT_CONFIG_NOSYSTEM=1 and GIT_OPTIONAL_LOCKS=0,
// and the diff commands pass --no-ext-diff --no-textconv. Output is parsed
// as a stream with bounded lines and files.
package gitscan

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Defaults.
const (
	// DefaultTimeout bounds a staged scan; a history scan gets
	// DefaultHistoryTimeout.
	DefaultTimeout        = 2 * time.Minute
	DefaultHistoryTimeout = 30 * time.Minute
	// DefaultMaxFileBytes bounds the added text kept for one file of one
	// commit, and the size of a staged blob read.
	DefaultMaxFileBytes = 8 << 20
	// maxLine bounds one line of git output; the rest of a longer line is
	// dropped (minified bundles).
	maxLine = 1 << 20
)

// ErrNotRepo is returned when the path is not inside a git work tree.
var ErrNotRepo = errors.New("not inside a git work tree")

// safeConfig overrides, for every git process, the settings a hostile
// repository could use to run a program or to change the output this
// package parses.
var safeConfig = []string{
	"core.hooksPath=/dev/null",
	"core.fsmonitor=false",
	"core.pager=cat",
	"core.quotePath=false",
	"protocol.allow=never",
	"diff.noprefix=false",
	"diff.mnemonicPrefix=false",
	"diff.relative=false",
	"diff.suppressBlankEmpty=false",
	"diff.interHunkContext=0",
	"diff.submodule=short",
	"diff.ignoreSubmodules=all",
	"color.ui=false",
	"log.showSignature=false",
	"log.showRoot=true",
	"log.follow=false",
}

// droppedEnv are variables of the caller's environment that would make git
// run a program or read another repository.
var droppedEnv = []string{"GIT_EXTERNAL_DIFF", "GIT_PAGER", "PAGER", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_ASKPASS", "GIT_EDITOR", "GIT_CONFIG_SYSTEM"}

// Options configure a Repo.
type Options struct {
	// Git is the git program (default "git", looked up on PATH).
	Git string
	// Timeout bounds every command (default DefaultTimeout).
	Timeout time.Duration
	// MaxFileBytes bounds the text read for one file (default
	// DefaultMaxFileBytes).
	MaxFileBytes int
	// Env is the environment git runs in (default os.Environ()); the
	// variables in droppedEnv are removed and the safety variables added.
	// The caller's GIT_INDEX_FILE is kept, so a hook run by "git commit -a"
	// sees the index being committed.
	Env []string
}

func (o Options) withDefaults() Options {
	if o.Git == "" {
		o.Git = "git"
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxFileBytes <= 0 {
		o.MaxFileBytes = DefaultMaxFileBytes
	}
	if o.Env == nil {
		o.Env = os.Environ()
	}
	return o
}

// Repo is a git work tree.
type Repo struct {
	// Root is the top of the work tree; paths are relative to it.
	Root string
	// Prefix is the scanned path relative to Root ("" for the whole
	// repository), slash-separated.
	Prefix string
	opts   Options
	env    []string
}

// Open finds the repository holding path (a directory or a file).
func Open(ctx context.Context, path string, opts Options) (*Repo, error) {
	opts = opts.withDefaults()
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("resolve %s: %w", path, err)
	}
	st, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	dir := abs
	if !st.IsDir() {
		dir = filepath.Dir(abs)
	}
	r := &Repo{opts: opts, env: safeEnv(opts.Env)}
	out, err := r.output(ctx, dir, "rev-parse", "--is-inside-work-tree", "--show-toplevel")
	if err != nil || !strings.HasPrefix(out, "true\n") {
		return nil, fmt.Errorf("%s: %w", path, ErrNotRepo)
	}
	r.Root = strings.TrimSpace(strings.TrimPrefix(out, "true\n"))
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	if rel, err := filepath.Rel(r.Root, abs); err == nil && rel != "." && !strings.HasPrefix(rel, "..") {
		r.Prefix = filepath.ToSlash(rel)
	}
	return r, nil
}

// safeEnv returns env without droppedEnv and with the safety variables.
func safeEnv(env []string) []string {
	out := make([]string, 0, len(env)+4)
	for _, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		drop := k == "LC_ALL" || k == "LANGUAGE" || k == "GIT_CONFIG_NOSYSTEM" || k == "GIT_OPTIONAL_LOCKS" || k == "GIT_TERMINAL_PROMPT"
		for _, d := range droppedEnv {
			drop = drop || k == d
		}
		if !drop {
			out = append(out, kv)
		}
	}
	return append(out, "GIT_CONFIG_NOSYSTEM=1", "GIT_OPTIONAL_LOCKS=0", "GIT_TERMINAL_PROMPT=0", "LC_ALL=C", "LANGUAGE=C")
}

// command builds a git command run in dir with the safety overrides. The
// caller owns ctx's deadline.
func (r *Repo) command(ctx context.Context, dir string, args ...string) *exec.Cmd {
	full := make([]string, 0, 2*len(safeConfig)+len(args)+3)
	full = append(full, "--no-pager", "-C", dir)
	for _, c := range safeConfig {
		full = append(full, "-c", c)
	}
	full = append(full, args...)
	cmd := exec.CommandContext(ctx, r.opts.Git, full...)
	cmd.Env = r.env
	cmd.Dir = dir
	cmd.WaitDelay = 2 * time.Second
	return cmd
}

// output runs a short git command and returns its standard output.
func (r *Repo) output(ctx context.Context, dir string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, r.opts.Timeout)
	defer cancel()
	cmd := r.command(ctx, dir, args...)
	var out, errb bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &limitedBuffer{buf: &errb, max: 4 << 10}
	if err := cmd.Run(); err != nil {
		return "", gitError(args, err, errb.String())
	}
	return out.String(), nil
}

// stream runs a git command and hands its standard output to read; it
// returns read's error or git's, whichever says more.
func (r *Repo) stream(ctx context.Context, timeout time.Duration, args []string, read func(io.Reader) error) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := r.command(ctx, r.Root, args...)
	var errb bytes.Buffer
	cmd.Stderr = &limitedBuffer{buf: &errb, max: 4 << 10}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("git %s: %w", args[0], err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("cannot run git: %w", err)
	}
	rerr := read(out)
	if rerr != nil {
		cancel() // stop git: nobody reads its output any more
		_, _ = io.Copy(io.Discard, out)
	}
	werr := cmd.Wait()
	switch {
	case ctx.Err() == context.DeadlineExceeded:
		return fmt.Errorf("git %s: timed out after %s", args[0], timeout)
	case rerr != nil:
		return rerr
	case werr != nil:
		return gitError(args, werr, errb.String())
	}
	return nil
}

func gitError(args []string, err error, stderr string) error {
	msg := strings.TrimSpace(stderr)
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	if msg == "" {
		return fmt.Errorf("git %s: %w", args[0], err)
	}
	return fmt.Errorf("git %s: %s: %w", args[0], msg, err)
}

// limitedBuffer keeps the first max bytes written to it.
type limitedBuffer struct {
	buf *bytes.Buffer
	max int
}

func (l *limitedBuffer) Write(p []byte) (int, error) {
	if room := l.max - l.buf.Len(); room > 0 {
		if len(p) > room {
			l.buf.Write(p[:room])
		} else {
			l.buf.Write(p)
		}
	}
	return len(p), nil
}

// pathspec limits a command to the scanned prefix, literally (no glob
// magic from the user's path).
func (r *Repo) pathspec() []string {
	if r.Prefix == "" {
		return nil
	}
	return []string{"--", ":(top,literal)" + r.Prefix}
}
