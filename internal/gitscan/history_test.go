package gitscan

import (
	"context"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// histHit is the part of a hit the history tests compare.
type histHit struct {
	Where   string
	Commit  string
	Removed string
}

func histHits(res *HistoryResult) []histHit {
	var out []histHit
	for _, h := range res.Hits {
		hh := histHit{Where: h.File + ":" + strconv.Itoa(h.Match.Line) + " " + h.Match.Rule, Commit: h.Commit.SHA}
		if h.RemovedIn != nil {
			hh.Removed = h.RemovedIn.SHA
		}
		out = append(out, hh)
	}
	return out
}

func scanHistory(t *testing.T, dir string, opts HistoryOptions) *HistoryResult {
	t.Helper()
	res, err := ScanHistory(context.Background(), openRepo(t, dir), scanner(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestHistory: a secret added in commit 2 and removed in commit 3 is
// reported at commit 2 with the removal; --since and --max-commits leave
// older commits out; binary files are skipped.
func TestHistory(t *testing.T) {
	dir := newRepo(t)
	writeFile(t, dir, "README.md", "# app\n")
	c1 := commitAll(t, dir, "one")
	writeFile(t, dir, "src/a.js", "const x = 1;\nconst token = '"+ghToken("history-a")+"';\nconst y = 2;\n")
	writeFile(t, dir, "img/logo.png", "\x89PNG\x00\x00"+ghToken("in-binary")+"\x00")
	c2 := commitAll(t, dir, "two")
	writeFile(t, dir, "src/a.js", "const x = 1;\nconst token = process.env.TOKEN;\nconst y = 2;\n")
	c3 := commitAll(t, dir, "three")
	writeFile(t, dir, "src/b.js", "// b\nmodule.exports = '"+stripeKey("history-b")+"';\n")
	c4 := commitAll(t, dir, "four")

	res := scanHistory(t, dir, HistoryOptions{})
	want := []histHit{
		{Where: "src/a.js:2 data/github-token", Commit: c2, Removed: c3},
		{Where: "src/b.js:2 data/stripe-key", Commit: c4},
	}
	if d := cmp.Diff(want, histHits(res)); d != "" {
		t.Errorf("all (-want +got):\n%s", d)
	}
	if res.Commits != 4 || res.Binary != 1 {
		t.Errorf("commits %d binary %d, want 4 and 1", res.Commits, res.Binary)
	}
	if h := res.Hits[0]; h.Commit.Author != "Test Author" || h.Commit.Email != "author@example.test" || h.Commit.Date.IsZero() {
		t.Errorf("commit = %+v", h.Commit)
	}

	res = scanHistory(t, dir, HistoryOptions{Since: c2})
	if d := cmp.Diff(want[1:], histHits(res)); d != "" {
		t.Errorf("since %s (-want +got):\n%s", c2, d)
	}
	res = scanHistory(t, dir, HistoryOptions{Since: c1})
	if d := cmp.Diff(want, histHits(res)); d != "" {
		t.Errorf("since %s (-want +got):\n%s", c1, d)
	}
	res = scanHistory(t, dir, HistoryOptions{MaxCommits: 1})
	if d := cmp.Diff(want[1:], histHits(res)); d != "" || res.Commits != 1 {
		t.Errorf("max 1 (-want +got):\n%s", d)
	}
	if _, err := ScanHistory(context.Background(), openRepo(t, dir), scanner(), HistoryOptions{Since: "--output=/tmp/x"}); err == nil {
		t.Error("an option as --since is refused")
	}
	if _, err := ScanHistory(context.Background(), openRepo(t, dir), scanner(), HistoryOptions{Since: "no-such-rev"}); err == nil {
		t.Error("an unknown --since is an error")
	}
}

// TestHistoryDedupRenameReAdd: a secret copied later keeps its first
// commit; a rename keeps it tracked; removed then re-added is alive.
func TestHistoryDedupRenameReAdd(t *testing.T) {
	dir := newRepo(t)
	tok, other := ghToken("dedup"), stripeKey("readd")
	writeFile(t, dir, "a.js", "const t = '"+tok+"';\nconst s = '"+other+"';\nconst pad = [1, 2, 3, 4, 5, 6, 7, 8];\n")
	c1 := commitAll(t, dir, "one")
	writeFile(t, dir, "copy.js", "const again = '"+tok+"';\n")
	commitAll(t, dir, "two")
	gitRun(t, dir, "rm", "-q", "copy.js")
	gitRun(t, dir, "mv", "a.js", "renamed.js")
	commitAll(t, dir, "three")
	writeFile(t, dir, "renamed.js", "const s = '"+other+"';\nconst pad = [1, 2, 3, 4, 5, 6, 7, 8];\n")
	c4 := commitAll(t, dir, "four")
	writeFile(t, dir, "renamed.js", "const s = process.env.S;\nconst pad = [1, 2, 3, 4, 5, 6, 7, 8];\n")
	commitAll(t, dir, "five")
	writeFile(t, dir, "back.js", "const s = '"+other+"';\n")
	commitAll(t, dir, "six")

	res := scanHistory(t, dir, HistoryOptions{})
	want := []histHit{
		{Where: "a.js:1 data/github-token", Commit: c1, Removed: c4},
		{Where: "a.js:2 data/stripe-key", Commit: c1},
	}
	if d := cmp.Diff(want, histHits(res)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// TestHistoryMerge: a secret added on a branch is attributed to the
// branch commit, not to the merge; a line only the merge adds (an evil
// merge) is attributed to the merge.
func TestHistoryMerge(t *testing.T) {
	dir := newRepo(t)
	writeFile(t, dir, "app.js", "line 1\nline 2\nline 3\n")
	commitAll(t, dir, "base")
	gitRun(t, dir, "checkout", "-q", "-b", "feature")
	writeFile(t, dir, "feature.js", "const f = '"+ghToken("feature")+"';\n")
	cf := commitAll(t, dir, "feature")
	gitRun(t, dir, "checkout", "-q", "main")
	writeFile(t, dir, "main.js", "const m = 1;\n")
	commitAll(t, dir, "main work")
	gitRun(t, dir, "merge", "-q", "--no-ff", "--no-commit", "feature")
	writeFile(t, dir, "app.js", "line 1\nconst evil = '"+ghToken("evil-merge")+"';\nline 2\nline 3\n")
	gitRun(t, dir, "add", "-A")
	gitRun(t, dir, "commit", "-q", "-m", "merge")
	cm := gitRun(t, dir, "rev-parse", "HEAD")

	res := scanHistory(t, dir, HistoryOptions{})
	want := []histHit{
		{Where: "feature.js:1 data/github-token", Commit: cf},
		{Where: "app.js:2 data/github-token", Commit: cm},
	}
	if d := cmp.Diff(want, histHits(res)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// TestHistoryEmptyRepo: no commit, nothing to report, no error.
func TestHistoryEmptyRepo(t *testing.T) {
	res := scanHistory(t, newRepo(t), HistoryOptions{})
	if len(res.Hits) != 0 || res.Commits != 0 {
		t.Errorf("got %+v", res)
	}
}
