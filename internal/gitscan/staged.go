package gitscan

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/cladsec/clad/internal/detect/data/secrets/engine"
)

// Hit is a secret a change adds.
type Hit struct {
	// File is the path of the file, relative to the repository root.
	File  string
	Match engine.Match
	// Commit introduced the secret (history mode; nil for staged changes).
	Commit *Commit
	// RemovedIn is the last commit that took the secret out when it is no
	// longer in the tree at the end of the scanned range (history mode).
	RemovedIn *Commit
}

// Span is a range of 1-based line numbers, both ends included.
type Span struct{ From, To int }

// Change is a staged file and the lines the commit adds to it.
type Change struct {
	Path string
	Blob string
	// Added are the added lines of the staged version, sorted.
	Added []Span
	// Whole is set when git showed no line diff (a file git treats as
	// binary): every line of the staged version counts as added.
	Whole bool
}

// Staged lists the staged files (added, copied, modified, renamed) under
// the scanned prefix with the lines the commit adds. Submodules and
// symbolic links are left out.
func (r *Repo) Staged(ctx context.Context) ([]Change, error) {
	args := append([]string{"diff", "--cached", "--no-color", "--no-ext-diff", "--no-textconv", "-U0", "-M",
		"--full-index", "--diff-filter=ACMR", "--src-prefix=a/", "--dst-prefix=b/"}, r.pathspec()...)
	var out []Change
	err := r.stream(ctx, r.opts.Timeout, args, func(rd io.Reader) error {
		p := newPatchReader(rd, r.opts.MaxFileBytes, false)
		p.onFile = func(f *fileDiff) error {
			if c, ok := stagedChange(f); ok {
				out = append(out, c)
			}
			return nil
		}
		return p.run()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func stagedChange(f *fileDiff) (Change, bool) {
	if f.Deleted || f.Mode == "160000" || f.Mode == "120000" || f.NewBlob == "" || isZeroID(f.NewBlob) {
		return Change{}, false
	}
	c := Change{Path: f.Path, Blob: f.NewBlob, Whole: f.Binary}
	for _, l := range f.Added {
		if n := len(c.Added); n > 0 && c.Added[n-1].To+1 == l.No {
			c.Added[n-1].To = l.No
		} else {
			c.Added = append(c.Added, Span{l.No, l.No})
		}
	}
	return c, c.Whole || len(c.Added) > 0
}

func isZeroID(id string) bool {
	for i := 0; i < len(id); i++ {
		if id[i] != '0' {
			return false
		}
	}
	return true
}

// StagedResult is the outcome of a staged scan.
type StagedResult struct {
	Hits []Hit
	// Files counts the staged files read.
	Files int
	// Skipped lists staged files that were not scanned (too large).
	Skipped []string
	// content keeps the staged version of files with hits, for inline
	// suppression comments.
	content map[string][]byte
}

// ReadFile returns the staged version of a file that has a hit, for the
// suppress package's inline comments.
func (s *StagedResult) ReadFile(path string) ([]byte, error) {
	if b, ok := s.content[path]; ok {
		return b, nil
	}
	return nil, fmt.Errorf("%s: %w", path, os.ErrNotExist)
}

// ScanStaged finds the secrets the staged changes add: each staged blob is
// scanned whole (so a key and its pair, a multi-line private key or a fake
// marker two lines up are seen in context) and a match is kept when one of
// its lines, or of its partner's, is an added line.
func ScanStaged(ctx context.Context, r *Repo, sc *engine.Scanner) (*StagedResult, error) {
	changes, err := r.Staged(ctx)
	if err != nil {
		return nil, err
	}
	res := &StagedResult{content: map[string][]byte{}}
	ids := make([]string, len(changes))
	for i, c := range changes {
		ids[i] = c.Blob
	}
	i := 0
	err = r.readBlobs(ctx, ids, func(_ string, data []byte) {
		c := changes[i]
		i++
		if data == nil {
			res.Skipped = append(res.Skipped, c.Path)
			return
		}
		res.Files++
		for _, m := range sc.Scan(c.Path, data) {
			if c.Whole || touches(c.Added, m) {
				res.Hits = append(res.Hits, Hit{File: c.Path, Match: m})
				res.content[c.Path] = data
			}
		}
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(res.Hits, func(a, b int) bool { return res.Hits[a].File < res.Hits[b].File })
	return res, nil
}

// touches reports whether the match (or its partner) spans an added line.
func touches(added []Span, m engine.Match) bool {
	if overlaps(added, m.Line, max(m.Line, m.EndLine)) {
		return true
	}
	p := m.Partner
	return p != nil && overlaps(added, p.Line, max(p.Line, p.EndLine))
}

func overlaps(added []Span, from, to int) bool {
	i := sort.Search(len(added), func(i int) bool { return added[i].To >= from })
	return i < len(added) && added[i].From <= to
}
