package gitscan

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/cladsec/clad/internal/detect/data/secrets/engine"
)

// Commit identifies a commit and its author.
type Commit struct {
	SHA     string
	Parents []string
	Author  string
	Email   string
	Date    time.Time
}

// Short is the abbreviated commit id.
func (c *Commit) Short() string {
	if len(c.SHA) > 12 {
		return c.SHA[:12]
	}
	return c.SHA
}

// HistoryOptions select the commits of a history scan.
type HistoryOptions struct {
	// Since limits the scan to the commits after this revision
	// (Since..HEAD); "" scans the whole history of HEAD.
	Since string
	// MaxCommits scans only the last n commits (0: all).
	MaxCommits int
	// Timeout bounds the whole walk (default DefaultHistoryTimeout).
	Timeout time.Duration
}

// HistoryResult is the outcome of a history scan.
type HistoryResult struct {
	// Hits holds each secret once, at the commit that introduced it first.
	Hits []Hit
	// Commits counts the commits read; Files the file changes scanned.
	Commits, Files int
	// Binary counts file changes git showed as binary (not scanned).
	Binary int
	// Truncated lists "file@commit" changes cut at the size limit.
	Truncated []string
}

// historyFormat starts every commit with a line that no patch line can
// start with (NUL) and carries the fields NUL-separated.
const historyFormat = "--format=%x00%H%x00%P%x00%an%x00%ae%x00%aI"

// ScanHistory walks the commits of HEAD (oldest first; merges as dense
// combined diffs, so only what a merge itself adds counts) and returns the
// secret each change adds, the first time it appears.
func ScanHistory(ctx context.Context, r *Repo, sc *engine.Scanner, opts HistoryOptions) (*HistoryResult, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultHistoryTimeout
	}
	if strings.HasPrefix(opts.Since, "-") {
		return nil, fmt.Errorf("--since %q: not a revision", opts.Since)
	}
	if _, err := r.output(ctx, r.Root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}"); err != nil {
		return &HistoryResult{}, nil // no commit yet
	}
	rng := "HEAD"
	if opts.Since != "" {
		if _, err := r.output(ctx, r.Root, "rev-parse", "--verify", "--quiet", "--end-of-options", opts.Since+"^{commit}"); err != nil {
			return nil, fmt.Errorf("--since %q: no such commit", opts.Since)
		}
		rng = opts.Since + "..HEAD"
	}
	args := []string{"log", "-p", "--cc", "--no-color", "--no-ext-diff", "--no-textconv", "-U0", "-M", "--full-index",
		"--src-prefix=a/", "--dst-prefix=b/", "--reverse", "--date-order", "--root", "--no-show-signature",
		"--no-mailmap", historyFormat}
	if opts.MaxCommits > 0 {
		args = append(args, "-n", strconv.Itoa(opts.MaxCommits))
	}
	args = append(args, "--end-of-options", rng)
	args = append(args, r.pathspec()...)
	w := newWalker(sc)
	w.blobs = &batch{r: r}
	defer w.blobs.close()
	err := r.stream(ctx, opts.Timeout, args, func(rd io.Reader) error {
		p := newPatchReader(rd, r.opts.MaxFileBytes, true)
		p.onCommit = w.commit
		p.onFile = func(f *fileDiff) error { return w.file(ctx, f) }
		return p.run()
	})
	if err != nil {
		return nil, err
	}
	return w.result(), nil
}

// walker follows secrets through the commits.
type walker struct {
	sc    *engine.Scanner
	blobs *batch
	cur   *Commit
	res   HistoryResult
	first map[string]int // fingerprint -> index in res.Hits
	// live counts the occurrences of each secret in the tree, per path,
	// as changes add and remove lines holding it.
	live    map[string]map[string]int // path -> fingerprint -> count
	secrets map[string]string         // fingerprint -> secret
	removed map[string]*Commit        // fingerprint -> last commit that took it out
}

func newWalker(sc *engine.Scanner) *walker {
	return &walker{sc: sc, first: map[string]int{}, live: map[string]map[string]int{},
		secrets: map[string]string{}, removed: map[string]*Commit{}}
}

func (w *walker) commit(fields [][]byte) error {
	if len(fields) < 5 {
		return fmt.Errorf("git log: unexpected commit header")
	}
	c := &Commit{SHA: string(fields[0]), Parents: strings.Fields(string(fields[1])),
		Author: string(fields[2]), Email: string(fields[3])}
	c.Date, _ = time.Parse(time.RFC3339, string(fields[4]))
	w.cur = c
	w.res.Commits++
	return nil
}

func (w *walker) file(ctx context.Context, f *fileDiff) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if w.cur == nil {
		return errors.New("git log: patch before any commit header")
	}
	if f.Truncated {
		w.res.Truncated = append(w.res.Truncated, f.Path+"@"+w.cur.Short())
	}
	if f.OldPath != "" && f.OldPath != f.Path && !f.Created && w.live[f.OldPath] != nil && f.Parents == 1 {
		w.move(f.OldPath, f.Path)
	}
	if f.Mode == "160000" || f.Mode == "120000" {
		return nil
	}
	if f.Binary {
		return w.binary(ctx, f)
	}
	w.takeOut(f)
	if len(f.Added) > 0 {
		w.res.Files++
		w.scanAdded(f)
	}
	return nil
}

// binary handles a change git showed as "Binary files differ". Files
// with a binary extension are skipped. Others are read: a text file that
// .gitattributes marks binary (-diff, or a diff driver with binary=true)
// would otherwise hide its secrets, so its whole new version is scanned as
// added by this commit.
func (w *walker) binary(ctx context.Context, f *fileDiff) error {
	if f.Deleted || f.NewBlob == "" || isZeroID(f.NewBlob) || f.Parents > 1 || binaryExt(f.Path) {
		w.res.Binary++
		return nil
	}
	data, err := w.blobs.get(ctx, f.NewBlob)
	if err != nil {
		return err
	}
	if !textual(data) {
		w.res.Binary++
		return nil
	}
	w.res.Files++
	for _, m := range w.sc.Scan(f.Path, data) {
		w.record(f.Path, m)
	}
	return nil
}

// move carries the live secrets of a renamed file to its new path.
func (w *walker) move(from, to string) {
	dst := w.live[to]
	if dst == nil {
		dst = map[string]int{}
		w.live[to] = dst
	}
	for fp, n := range w.live[from] {
		dst[fp] += n
	}
	delete(w.live, from)
}

// takeOut counts the removed lines that hold a live secret of the file.
func (w *walker) takeOut(f *fileDiff) {
	path := f.Path
	if f.Deleted {
		path = f.OldPath
	}
	counts := w.live[path]
	if len(counts) == 0 {
		return
	}
	for _, l := range f.Removed {
		for fp, n := range counts {
			if n > 0 && strings.Contains(string(l), w.secrets[fp]) {
				counts[fp] = n - 1
				w.removed[fp] = w.cur
			}
		}
	}
}

// scanAdded scans the added lines of a change as one text (runs of
// consecutive lines stay together; a blank line separates runs) and
// records each secret.
func (w *walker) scanAdded(f *fileDiff) {
	var buf []byte
	lines := []int{0} // buffer line (1-based) -> line in the file
	prev := -1
	for _, l := range f.Added {
		if prev >= 0 && l.No != prev+1 {
			buf = append(buf, '\n')
			lines = append(lines, 0)
		}
		buf = append(append(buf, l.Text...), '\n')
		lines = append(lines, l.No)
		prev = l.No
	}
	for _, m := range w.sc.Scan(f.Path, buf) {
		remap(&m, lines)
		w.record(f.Path, m)
	}
}

// remap turns buffer line numbers into file line numbers.
func remap(m *engine.Match, lines []int) {
	at := func(n int) int {
		if n > 0 && n < len(lines) {
			return lines[n]
		}
		return 0
	}
	m.Line, m.EndLine = at(m.Line), at(m.EndLine)
	if m.Partner != nil {
		p := *m.Partner
		p.Line, p.EndLine = at(p.Line), at(p.EndLine)
		m.Partner = &p
	}
}

func (w *walker) record(path string, m engine.Match) {
	fp := m.Fingerprint()
	counts := w.live[path]
	if counts == nil {
		counts = map[string]int{}
		w.live[path] = counts
	}
	counts[fp]++
	delete(w.removed, fp)
	if _, seen := w.first[fp]; seen {
		return
	}
	w.first[fp] = len(w.res.Hits)
	w.secrets[fp] = m.Secret()
	w.res.Hits = append(w.res.Hits, Hit{File: path, Match: m, Commit: w.cur})
}

// result marks the secrets no longer in the tree with the commit that
// removed them.
func (w *walker) result() *HistoryResult {
	for fp, i := range w.first {
		alive := false
		for _, counts := range w.live {
			alive = alive || counts[fp] > 0
		}
		if !alive {
			w.res.Hits[i].RemovedIn = w.removed[fp]
		}
	}
	return &w.res
}
