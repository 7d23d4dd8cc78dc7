package gitscan

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStaged covers what a pre-commit scan must and must not report.
func TestStaged(t *testing.T) {
	dir := newRepo(t)
	old := ghToken("committed-earlier")
	writeFile(t, dir, "src/config.js", "// settings\nconst old = '"+old+"';\nmodule.exports = { old };\n")
	writeFile(t, dir, "src/gone.js", "const k = '"+stripeKey("deleted")+"';\n")
	commitAll(t, dir, "one")

	// A new secret on line 3 of a modified file, the old one untouched.
	writeFile(t, dir, "src/config.js", "// settings\nconst old = '"+old+"';\nconst fresh = '"+ghToken("staged-new")+"';\nmodule.exports = { old, fresh };\n")
	// A deleted line that held a secret.
	writeFile(t, dir, "src/gone.js", "const k = process.env.STRIPE_KEY;\n")
	// A new file with a secret, staged.
	writeFile(t, dir, "deploy/.env", "PLAIN=1\nSTRIPE_SECRET_KEY="+stripeKey("new-file")+"\n")
	// An allowed line.
	writeFile(t, dir, "src/allowed.js", "const t = '"+ghToken("allowed")+"'; // clad:allow test token\n")
	gitRun(t, dir, "add", "-A")
	// An unstaged secret: written after git add.
	writeFile(t, dir, "src/later.js", "const t = '"+ghToken("unstaged")+"';\n")
	writeFile(t, dir, "src/config.js", "// settings\nconst old = '"+old+"';\nconst fresh = '"+ghToken("staged-new")+"';\nconst x = '"+ghToken("unstaged-edit")+"';\n")

	res, err := ScanStaged(context.Background(), openRepo(t, dir), scanner())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"deploy/.env:2 data/stripe-key", "src/config.js:3 data/github-token"}
	if d := cmp.Diff(want, hitLines(res.Hits)); d != "" {
		t.Errorf("hits (-want +got):\n%s", d)
	}
	if res.Files != 4 {
		t.Errorf("files scanned = %d, want 4", res.Files)
	}
	if b, err := res.ReadFile("src/config.js"); err != nil || !strings.Contains(string(b), "fresh") || strings.Contains(string(b), "const x") {
		t.Errorf("ReadFile gives the staged version: %q %v", b, err)
	}
}

// TestStagedFirstCommit scans the index of a repository without commits.
func TestStagedFirstCommit(t *testing.T) {
	dir := newRepo(t)
	writeFile(t, dir, "a b/tab\there.py", "TOKEN = \""+ghToken("first")+"\"\n")
	writeFile(t, dir, "ünï.js", "const t = '"+ghToken("unicode")+"';\n")
	gitRun(t, dir, "add", "-A")
	res, err := ScanStaged(context.Background(), openRepo(t, dir), scanner())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a b/tab\there.py:1 data/github-token", "ünï.js:1 data/github-token"}
	if d := cmp.Diff(want, hitLines(res.Hits)); d != "" {
		t.Errorf("hits (-want +got):\n%s", d)
	}
}

// TestStagedRenameAndPrefix: a renamed file without changes adds nothing;
// a scan of a subdirectory sees only its files.
func TestStagedRenameAndPrefix(t *testing.T) {
	dir := newRepo(t)
	writeFile(t, dir, "old/key.js", "const k = '"+ghToken("moved")+"';\nconst a = 1;\nconst b = 2;\n")
	commitAll(t, dir, "one")
	gitRun(t, dir, "mv", "old/key.js", "new-key.js")
	writeFile(t, dir, "sub/x.js", "const k = '"+ghToken("in-sub")+"';\n")
	writeFile(t, dir, "other/y.js", "const k = '"+ghToken("in-other")+"';\n")
	gitRun(t, dir, "add", "-A")
	res, err := ScanStaged(context.Background(), openRepo(t, dir), scanner())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"other/y.js:1 data/github-token", "sub/x.js:1 data/github-token"}
	if d := cmp.Diff(want, hitLines(res.Hits)); d != "" {
		t.Errorf("whole repo (-want +got):\n%s", d)
	}
	sub, err := Open(context.Background(), dir+"/sub", Options{Env: testEnv(t)})
	if err != nil {
		t.Fatal(err)
	}
	if sub.Prefix != "sub" {
		t.Errorf("prefix = %q", sub.Prefix)
	}
	res, err = ScanStaged(context.Background(), sub, scanner())
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"sub/x.js:1 data/github-token"}, hitLines(res.Hits)); d != "" {
		t.Errorf("sub (-want +got):\n%s", d)
	}
}

// TestStagedBinaryAttribute: a text file marked -diff in .gitattributes
// (git then prints "Binary files differ") is still scanned whole; a real
// binary is skipped.
func TestStagedBinaryAttribute(t *testing.T) {
	dir := newRepo(t)
	writeFile(t, dir, ".gitattributes", "*.cfg -diff\n")
	writeFile(t, dir, "hidden.cfg", "token = "+ghToken("hidden")+"\n")
	writeFile(t, dir, "blob.bin", "\x00\x01"+ghToken("binary")+"\x00")
	gitRun(t, dir, "add", "-A")
	res, err := ScanStaged(context.Background(), openRepo(t, dir), scanner())
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"hidden.cfg:1 data/github-token"}, hitLines(res.Hits)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestOpenNotRepo(t *testing.T) {
	_, err := Open(context.Background(), t.TempDir(), Options{Env: testEnv(t)})
	if !errors.Is(err, ErrNotRepo) {
		t.Errorf("err = %v, want ErrNotRepo", err)
	}
}
