package gitscan

import (
	"context"
	"crypto/sha256"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/detect/data/secrets/engine"
)

// Secrets are built at run time so that clad's own sources hold none.

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// pseudo returns n characters of cs derived from seed.
func pseudo(seed string, n int, cs string) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		h := sha256.Sum256([]byte(seed + string(rune('a'+i))))
		for _, c := range h {
			if b.Len() < n {
				b.WriteByte(cs[int(c)%len(cs)])
			}
		}
	}
	return b.String()
}

// ghToken is a classic GitHub token with a valid checksum.
func ghToken(seed string) string {
	body := pseudo(seed, 30, alnum)
	const b62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	n := crc32.ChecksumIEEE([]byte(body))
	var sum [6]byte
	for i := 5; i >= 0; i-- {
		sum[i] = b62[n%62]
		n /= 62
	}
	return "gh" + "p_" + body + string(sum[:])
}

// stripeKey is a live-looking Stripe secret key.
func stripeKey(seed string) string { return "sk_" + "live_" + pseudo(seed, 24, alnum) }

// testEnv is the environment git runs in for the tests: no global or
// system config of the machine running them.
func testEnv(t *testing.T) []string {
	home := t.TempDir()
	env := []string{"HOME=" + home, "PATH=" + os.Getenv("PATH"), "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_DATE=2024-01-02T03:04:05Z", "GIT_COMMITTER_DATE=2024-01-02T03:04:05Z"}
	return env
}

// gitRun runs git in dir and returns its trimmed output.
func gitRun(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = testEnv(t)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

// newRepo makes an empty repository with a local identity.
func newRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	gitRun(t, dir, "init", "-q", "-b", "main")
	gitRun(t, dir, "config", "user.name", "Test Author")
	gitRun(t, dir, "config", "user.email", "author@example.test")
	gitRun(t, dir, "config", "commit.gpgsign", "false")
	return dir
}

func writeFile(t *testing.T, dir, name, body string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// commitAll stages everything and commits; it returns the commit id.
func commitAll(t *testing.T, dir, msg string) string {
	t.Helper()
	gitRun(t, dir, "add", "-A")
	gitRun(t, dir, "commit", "-q", "--allow-empty", "-m", msg)
	return gitRun(t, dir, "rev-parse", "HEAD")
}

func openRepo(t *testing.T, dir string) *Repo {
	t.Helper()
	r, err := Open(context.Background(), dir, Options{Env: testEnv(t)})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func scanner() *engine.Scanner {
	return engine.New(engine.WithAllowMarkers("clad:allow", "gitleaks:allow"))
}

// hitLines summarises hits as "file:line rule".
func hitLines(hs []Hit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.File+":"+strconv.Itoa(h.Match.Line)+" "+h.Match.Rule)
	}
	return out
}
