package cli

import (
	"crypto/sha256"
	"encoding/json"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/report"
)

// secToken is a classic GitHub token with a valid checksum, built at run
// time so that the sources hold no secret.
func secToken(seed string) string {
	const cs = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	const b62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	h := sha256.Sum256([]byte(seed))
	body := make([]byte, 30)
	for i := range body {
		body[i] = cs[int(h[i])%len(cs)]
	}
	n := crc32.ChecksumIEEE(body)
	var sum [6]byte
	for i := 5; i >= 0; i-- {
		sum[i] = b62[n%62]
		n /= 62
	}
	return "gh" + "p_" + string(body) + string(sum[:])
}

// secGit runs git in dir with a private HOME.
func secGit(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir+"/.home", "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

func secRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := writeTree(t, files)
	secGit(t, dir, "init", "-q", "-b", "main")
	secGit(t, dir, "config", "user.name", "Dana Dev")
	secGit(t, dir, "config", "user.email", "dana@example.test")
	secGit(t, dir, "config", "commit.gpgsign", "false")
	return dir
}

func secWrite(t *testing.T, dir, name, body string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func secCommit(t *testing.T, dir, msg string) string {
	t.Helper()
	secGit(t, dir, "add", "-A")
	secGit(t, dir, "commit", "-q", "-m", msg)
	return secGit(t, dir, "rev-parse", "HEAD")
}

// secretsJSON runs clad secrets with --format json, checks the exit code
// and the schema, and decodes the report.
func secretsJSON(t *testing.T, wantCode int, args ...string) *report.Report {
	t.Helper()
	code, out, errs := run(t, append([]string{"secrets", "--format", "json"}, args...)...)
	if code != wantCode {
		t.Fatalf("clad secrets %v: exit %d, want %d\nstderr: %s\nstdout: %.2000s", args, code, wantCode, errs, out)
	}
	if err := report.ValidateJSON([]byte(out)); err != nil {
		t.Fatalf("output does not match the schema: %v\n%.3000s", err, out)
	}
	var r report.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

func secWhere(r *report.Report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.File+":"+itoaSec(f.Line)+" "+f.Rule)
	}
	return out
}

func itoaSec(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestSecretsTree: a directory without any serverless manifest is a fine
// target; the secret is found, only data checks run, the report is valid.
func TestSecretsTree(t *testing.T) {
	tok := secToken("tree")
	dir := writeTree(t, map[string]string{
		"scripts/release.js": "const token = '" + tok + "';\n",
		"README.md":          "# tools\n",
	})
	r := secretsJSON(t, 1, dir)
	if got := strings.Join(secWhere(r), ","); got != "scripts/release.js:1 data/github-token" {
		t.Errorf("findings = %s", got)
	}
	if len(r.Errors) != 0 || strings.Join(r.Summary.Categories, ",") != "data" {
		t.Errorf("errors %v categories %v", r.Errors, r.Summary.Categories)
	}
	if strings.Contains(mustJSON(t, r), tok) {
		t.Error("the report holds the secret")
	}
	secretsJSON(t, 0, writeTree(t, map[string]string{"a.js": "const a = 1;\n"}))
	secretsJSON(t, 0, "--fail-on", "critical", dir)

	deps := writeTree(t, map[string]string{"node_modules/lib/config.js": "const token = '" + secToken("dep") + "';\n"})
	secretsJSON(t, 0, deps)
	if r := secretsJSON(t, 1, "--no-default-skips", deps); strings.Join(secWhere(r), ",") != "node_modules/lib/config.js:1 data/github-token" {
		t.Errorf("--no-default-skips: %v", secWhere(r))
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSecretsStaged: only the staged, added lines count; paths and lines
// are those of the staged version; the default threshold is low.
func TestSecretsStaged(t *testing.T) {
	old := secToken("old")
	dir := secRepo(t, map[string]string{"src/app.js": "// app\nconst old = '" + old + "';\n"})
	secCommit(t, dir, "one")
	secWrite(t, dir, "src/app.js", "// app\nconst old = '"+old+"';\nconst fresh = '"+secToken("fresh")+"';\n")
	secWrite(t, dir, "test/fixture.js", "const t = '"+secToken("fixture")+"';\n")
	secGit(t, dir, "add", "-A")
	secWrite(t, dir, "src/unstaged.js", "const u = '"+secToken("unstaged")+"';\n")

	r := secretsJSON(t, 1, "--staged", dir)
	if got := strings.Join(secWhere(r), ","); got != "src/app.js:3 data/github-token,test/fixture.js:1 data/github-token" {
		t.Errorf("findings = %s", got)
	}
	if f := r.Findings[0]; !strings.Contains(f.Message, "staged for commit in src/app.js") || f.Fingerprint == "" {
		t.Errorf("message %q fingerprint %q", f.Message, f.Fingerprint)
	}
	if r.Summary.FailOn != "low" || r.Summary.FilesScanned != 2 {
		t.Errorf("summary %+v", r.Summary)
	}
	// inline suppression reads the staged version
	secWrite(t, dir, "test/fixture.js", "// clad:ignore data/github-token fixture for the client tests\nconst t = '"+secToken("fixture")+"';\n")
	secGit(t, dir, "add", "test/fixture.js")
	r = secretsJSON(t, 1, "--staged", dir)
	if len(r.Findings) != 1 || r.Summary.Suppressed != 1 {
		t.Errorf("after clad:ignore: %v suppressed %d", secWhere(r), r.Summary.Suppressed)
	}
	// .clad.yaml skip globs apply to staged paths as to walked ones
	secWrite(t, dir, ".clad.yaml", "skip:\n  - test/\n")
	if r := secretsJSON(t, 1, "--staged", dir); len(r.Findings) != 1 || r.Findings[0].File != "src/app.js" || r.Summary.Suppressed != 0 {
		t.Errorf("with skip: %v", secWhere(r))
	}
	for _, format := range []string{"sarif", "markdown", "table"} {
		if code, out, errs := run(t, "secrets", "--staged", "--format", format, dir); code != 1 || out == "" {
			t.Errorf("%s: exit %d, stderr %s", format, code, errs)
		}
	}
}

// TestSecretsHistory: the finding names the commit that introduced the
// secret and the one that removed it.
func TestSecretsHistory(t *testing.T) {
	dir := secRepo(t, map[string]string{"README.md": "# app\n"})
	secCommit(t, dir, "one")
	secWrite(t, dir, "config/prod.yml", "db: prod\ngithub_token: "+secToken("history")+"\n")
	c2 := secCommit(t, dir, "two")
	secWrite(t, dir, "config/prod.yml", "db: prod\ngithub_token: ${ssm:/prod/gh}\n")
	c3 := secCommit(t, dir, "three")

	r := secretsJSON(t, 1, "--history", dir)
	if got := strings.Join(secWhere(r), ","); got != "config/prod.yml:2 data/github-token" {
		t.Fatalf("findings = %s", got)
	}
	msg := r.Findings[0].Message
	for _, want := range []string{"introduced in " + c2[:12] + " by Dana Dev <dana@example.test> on 2", "removed in " + c3[:12] + " but is still in history: rotate it"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	// The commit facts are fields of the finding, for tools that read JSON.
	g := r.Findings[0].Git
	if g == nil || g.Commit != c2 || g.RemovedIn != c3 || g.Author != "Dana Dev" || g.Email != "dana@example.test" || !strings.HasPrefix(g.Date, "2") {
		t.Errorf("git = %+v, want commit %s removed in %s", g, c2, c3)
	}
	if code, out, _ := run(t, "secrets", "--history", "--format", "sarif", dir); code != 1 || !strings.Contains(out, `"removed_in": "`+c3+`"`) {
		t.Errorf("sarif lacks the git facts (exit %d)", code)
	}
	secretsJSON(t, 0, "--history", "--since", c2, dir)
	secretsJSON(t, 0, "--history", "--max-commits", "1", dir)
	// A secret still in the tree has no removed_in.
	secWrite(t, dir, "config/prod.yml", "db: prod\nstripe: "+secToken("still")+"\n")
	c4 := secCommit(t, dir, "four")
	r = secretsJSON(t, 1, "--history", "--since", c3, dir)
	if len(r.Findings) != 1 || r.Findings[0].Git == nil || r.Findings[0].Git.Commit != c4 || r.Findings[0].Git.RemovedIn != "" {
		t.Errorf("still in the tree: %v %+v", secWhere(r), r.Findings)
	}
}

// TestSecretsBaseline: a missing baseline is written (exit 0, no secret
// in it); then its findings are suppressed and only a new one fails.
func TestSecretsBaseline(t *testing.T) {
	tok := secToken("accepted")
	dir := writeTree(t, map[string]string{"src/a.js": "const a = '" + tok + "';\n"})
	bl := filepath.Join(t.TempDir(), "baseline.json")
	r := secretsJSON(t, 0, "--baseline", bl, dir)
	if r.Summary.Suppressed != 1 || len(r.Findings) != 0 {
		t.Errorf("writing: %v suppressed %d", secWhere(r), r.Summary.Suppressed)
	}
	data, err := os.ReadFile(bl)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), tok) || strings.Contains(string(data), tok[:10]) || !strings.Contains(string(data), `"rule": "data/github-token"`) {
		t.Errorf("baseline:\n%s", data)
	}
	r = secretsJSON(t, 0, "--baseline", bl, dir)
	if r.Summary.Suppressed != 1 {
		t.Errorf("reading: suppressed %d", r.Summary.Suppressed)
	}
	secWrite(t, dir, "src/a.js", "\n\nconst a = '"+tok+"';\nconst b = '"+secToken("new")+"';\n")
	r = secretsJSON(t, 1, "--baseline", bl, dir)
	if got := strings.Join(secWhere(r), ","); got != "src/a.js:4 data/github-token" || r.Summary.Suppressed != 1 {
		t.Errorf("new secret: %s suppressed %d", got, r.Summary.Suppressed)
	}
	// the same baseline serves the pre-commit mode
	repo := secRepo(t, map[string]string{"src/a.js": "const a = '" + tok + "';\n"})
	secGit(t, repo, "add", "-A")
	bl2 := filepath.Join(t.TempDir(), "b.json")
	secretsJSON(t, 0, "--baseline", bl2, repo)
	if r := secretsJSON(t, 0, "--staged", "--baseline", bl2, repo); r.Summary.Suppressed != 1 {
		t.Errorf("staged with a tree baseline: %v", secWhere(r))
	}
	if err := os.WriteFile(bl, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "secrets", "--baseline", bl, dir); code != 2 || !strings.Contains(errs, "version") {
		t.Errorf("bad baseline: exit %d %s", code, errs)
	}
}

// TestSecretsUsage: bad invocations exit 2 with a message.
func TestSecretsUsage(t *testing.T) {
	notRepo := t.TempDir()
	for _, args := range [][]string{
		{"--staged", "--history"},
		{"--staged", "--no-default-skips"},
		{"--since", "HEAD"},
		{"--history", "--max-commits", "-1", notRepo},
		{"--format", "xml", notRepo},
		{"--fail-on", "info", notRepo},
		{"--staged", notRepo},
		{"--history", notRepo},
		{notRepo, notRepo},
		{filepath.Join(notRepo, "missing")},
	} {
		code, _, errs := run(t, append([]string{"secrets"}, args...)...)
		if code != 2 || errs == "" {
			t.Errorf("clad secrets %v: exit %d, stderr %q", args, code, errs)
		}
	}
	if code, _, errs := run(t, "secrets", "--help"); code != 0 || !strings.Contains(errs, "--staged") {
		t.Errorf("--help: exit %d %q", code, errs)
	}
}
