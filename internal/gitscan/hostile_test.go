package gitscan

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileRepo returns a repository whose configuration tries every way we
// know to make git run a program during a read (fsmonitor, hooks,
// external diff, textconv, diff drivers, filters, signature verification,
// pagers), with a staged change and a signed-looking commit in history,
// and the path of the marker file any of those programs would create.
func hostileRepo(t *testing.T) (string, string) {
	t.Helper()
	dir := newRepo(t)
	writeFile(t, dir, "src/app.js", "const a = 1;\n")
	commitAll(t, dir, "one")
	signedCommit(t, dir)
	writeFile(t, dir, "src/app.js", "const a = 1;\nconst t = '"+ghToken("hostile")+"';\n")
	writeFile(t, dir, "src/new.js", "const t = '"+ghToken("hostile-new")+"';\n")
	gitRun(t, dir, "add", "-A")

	marker := filepath.Join(t.TempDir(), "PWNED")
	evil := filepath.Join(t.TempDir(), "evil.sh")
	if err := os.WriteFile(evil, []byte("#!/bin/sh\ntouch '"+marker+"'\ncat\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	hooks := filepath.Join(dir, ".git", "hooks")
	for _, h := range []string{"pre-commit", "post-index-change", "post-checkout", "reference-transaction", "fsmonitor-watchman"} {
		if err := os.WriteFile(filepath.Join(hooks, h), []byte("#!/bin/sh\ntouch '"+marker+"'\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, dir, ".gitattributes", "* diff=evil filter=evil\n")
	cfg := `
[core]
	fsmonitor = ` + evil + `
	hooksPath = ` + hooks + `
	pager = ` + evil + `
	sshCommand = ` + evil + `
	untrackedCache = true
[diff]
	external = ` + evil + `
	noprefix = true
	relative = true
	context = 9
	submodule = log
[diff "evil"]
	textconv = ` + evil + `
	command = ` + evil + `
	binary = true
[filter "evil"]
	clean = ` + evil + `
	smudge = ` + evil + `
	process = ` + evil + `
[log]
	showSignature = true
	showRoot = false
[gpg]
	program = ` + evil + `
[pager]
	diff = ` + evil + `
	log = ` + evil + `
[color]
	ui = always
`
	f, err := os.OpenFile(filepath.Join(dir, ".git", "config"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(cfg); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return dir, marker
}

// signedCommit writes a commit object carrying a gpgsig header, so that
// log.showSignature would call gpg.program.
func signedCommit(t *testing.T, dir string) {
	t.Helper()
	tree := gitRun(t, dir, "rev-parse", "HEAD^{tree}")
	parent := gitRun(t, dir, "rev-parse", "HEAD")
	obj := "tree " + tree + "\nparent " + parent +
		"\nauthor Test Author <author@example.test> 1704164645 +0000\ncommitter Test Author <author@example.test> 1704164645 +0000\n" +
		"gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\nsigned\n"
	p := filepath.Join(t.TempDir(), "commit")
	if err := os.WriteFile(p, []byte(obj), 0o644); err != nil {
		t.Fatal(err)
	}
	sha := gitRun(t, dir, "hash-object", "-t", "commit", "-w", p)
	gitRun(t, dir, "update-ref", "HEAD", sha)
}

// TestHostileRepoRunsNothing: staged and history scans of the hostile
// repository find the secrets and create no marker file.
func TestHostileRepoRunsNothing(t *testing.T) {
	dir, marker := hostileRepo(t)
	ctx := context.Background()
	r := openRepo(t, dir)
	st, err := ScanStaged(ctx, r, scanner())
	if err != nil {
		t.Fatalf("staged: %v", err)
	}
	if got := strings.Join(hitLines(st.Hits), ","); got != "src/app.js:2 data/github-token,src/new.js:1 data/github-token" {
		t.Errorf("staged hits = %s", got)
	}
	gitRun(t, dir, "-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false", "-c", "filter.evil.clean=cat", "-c", "filter.evil.process=", "commit", "-q", "-m", "two")
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("test setup ran the hostile config; fix the test")
	}
	hist, err := ScanHistory(ctx, r, scanner(), HistoryOptions{})
	if err != nil {
		t.Fatalf("history: %v", err)
	}
	if len(hist.Hits) != 2 || hist.Commits != 3 {
		t.Errorf("history: %d hits in %d commits, want 2 in 3: %v", len(hist.Hits), hist.Commits, hitLines(hist.Hits))
	}
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("a program configured by the scanned repository was run")
	}
}

// TestSafeEnv drops variables that would run programs and adds the
// safety ones, keeping GIT_INDEX_FILE.
func TestSafeEnv(t *testing.T) {
	got := strings.Join(safeEnv([]string{"GIT_EXTERNAL_DIFF=x", "GIT_INDEX_FILE=/i", "PAGER=less", "GIT_CONFIG_NOSYSTEM=0", "HOME=/h"}), " ")
	want := "GIT_INDEX_FILE=/i HOME=/h GIT_CONFIG_NOSYSTEM=1 GIT_OPTIONAL_LOCKS=0 GIT_TERMINAL_PROMPT=0 LC_ALL=C LANGUAGE=C"
	if got != want {
		t.Errorf("safeEnv = %s\nwant      %s", got, want)
	}
}
