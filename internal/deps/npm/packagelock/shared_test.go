package packagelock

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/npm/npmtest"
)

// sharedLocks holds lockfiles real npm wrote for the benchmark corpus
// (../shared/bench/locks beside the repository); the test skips without it.
const sharedLocks = "../../../../../shared/bench/locks"

// Over lockfiles npm wrote, the parser warns of nothing, reaches every
// package from a direct dependency, and its scopes agree with npm's own
// dev/optional flags.
func TestNpmWrittenLockfiles(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedLocks, "*.json"))
	if len(files) == 0 {
		t.Skip("no recorded lockfiles in " + sharedLocks)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			dir := t.TempDir()
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			npmtest.WriteFiles(t, dir, map[string]string{"package-lock.json": string(data)})
			l := parseFile(t, dir, "package-lock.json")
			for _, w := range l.Warnings {
				if !(l.Format == "package-lock@1" && strings.HasPrefix(w, "no package.json beside")) {
					t.Errorf("warning: %s", w)
				}
			}
			flags := npmFlags(t, dir+"/package-lock.json")
			roots := append([]string(nil), l.Roots...)
			for _, ids := range l.Workspaces {
				roots = append(roots, ids...)
			}
			for _, p := range l.Packages {
				if p.Local {
					continue
				}
				if len(l.Paths(p.ID, roots, 1)) == 0 {
					t.Errorf("%s: no direct dependency reaches it", p.ID)
				}
				if want := flags[p.ID]; p.Scope != want && !(want == deps.Optional && p.Scope == deps.Dev) {
					t.Errorf("%s: scope %s, npm says %s", p.ID, p.Scope, want)
				}
			}
		})
	}
}
