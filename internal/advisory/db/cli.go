package db

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"time"
)

// UpdateOptions configure RunUpdate.
type UpdateOptions struct {
	// Dir is the database directory (DefaultDir when empty).
	Dir string
	// Ecosystems to fetch (advisory.ScannedEcosystems when empty).
	Ecosystems []string
	// BaseURL of the OSV export (DefaultBaseURL when empty).
	BaseURL string
	// Timeout bounds each archive download (10 minutes when zero).
	Timeout time.Duration
	// Progress receives the progress lines (stderr in the CLI); may be nil.
	Progress io.Writer
	// Out receives the summary (stdout in the CLI); may be nil.
	Out    io.Writer
	Limits Limits
}

// RunUpdate is `clad db update`: download, replace atomically, summarise.
func RunUpdate(ctx context.Context, opts UpdateOptions) error {
	s, err := NewStore(opts.Dir)
	if err != nil {
		return err
	}
	s.Limits = opts.Limits
	if opts.Timeout > 0 {
		s.Client = &http.Client{Timeout: opts.Timeout}
	}
	res, err := s.Update(ctx, opts.Ecosystems, opts.BaseURL, opts.Progress)
	if err != nil {
		return err
	}
	return writeResult(orDiscard(opts.Out), "updated", s.Dir, res)
}

// RunImport is `clad db import PATH`.
func RunImport(ctx context.Context, dir, path string, out io.Writer) error {
	s, err := NewStore(dir)
	if err != nil {
		return err
	}
	res, err := s.Import(ctx, path)
	if err != nil {
		return err
	}
	return writeResult(orDiscard(out), "imported", s.Dir, res)
}

// RunStatus is `clad db status`. Without data it prints how to get some
// and returns the ErrNoData error.
func RunStatus(dir string, now time.Time, out io.Writer) error {
	s, err := NewStore(dir)
	if err != nil {
		return err
	}
	out = orDiscard(out)
	st, err := s.Status()
	if errors.Is(err, ErrNoData) {
		fmt.Fprintf(out, "No advisory data in %s: run clad db update (downloads OSV) or clad db import PATH.\n", s.Dir)
		return err
	}
	if err != nil {
		return err
	}
	return FormatStatus(out, st, now)
}

// StaleWarning returns the one-line warning a scan prints when the data in
// dir is older than 14 days, or "" (also when there is no data: the caller
// reports ErrNoData from Open instead).
func StaleWarning(dir string, now time.Time) string {
	s, err := NewStore(dir)
	if err != nil {
		return ""
	}
	st, err := s.Status()
	if err != nil || !st.Stale(now) {
		return ""
	}
	return fmt.Sprintf("the advisory data is %s old (more than 14 days): run clad db update", ago(st.Age(now)))
}

// writeResult prints the outcome of a write.
func writeResult(w io.Writer, verb, dir string, res *Result) error {
	var b strings.Builder
	for _, s := range res.Sources {
		fmt.Fprintf(&b, "%s %d records from %s", verb, s.Records, s.Location)
		if s.Skipped > 0 {
			fmt.Fprintf(&b, " (%d skipped)", s.Skipped)
		}
		b.WriteString("\n")
	}
	for _, p := range res.Problems {
		fmt.Fprintf(&b, "  skipped: %s\n", p)
	}
	for _, n := range res.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	ecos := make([]string, 0, len(res.Ecosystems))
	total := 0
	for e, n := range res.Ecosystems {
		ecos = append(ecos, fmt.Sprintf("%s %d", e, n))
		total += n
	}
	sort.Strings(ecos)
	fmt.Fprintf(&b, "advisory database %s: %d records (%s)\n", dir, total, strings.Join(ecos, ", "))
	_, err := io.WriteString(w, b.String())
	return err
}

func orDiscard(w io.Writer) io.Writer {
	if w == nil {
		return io.Discard
	}
	return w
}

// EnsureOpen opens the database in opts.Dir. When there is none it
// downloads it first (as RunUpdate, progress on opts.Progress) unless
// offline, in which case the ErrNoData error is returned for the caller to
// say plainly that library checks did not run.
func EnsureOpen(ctx context.Context, opts UpdateOptions, offline bool) (*DB, error) {
	d, err := Open(opts.Dir)
	if err == nil || !errors.Is(err, ErrNoData) || offline {
		return d, err
	}
	if opts.Progress != nil {
		fmt.Fprintln(opts.Progress, "no local advisory database: downloading it (use --offline to skip)")
	}
	if err := RunUpdate(ctx, opts); err != nil {
		return nil, fmt.Errorf("fetch the advisory database: %w", err)
	}
	return Open(opts.Dir)
}
