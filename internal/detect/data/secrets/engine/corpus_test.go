package engine

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// TestCorpus scans the directory named by CLAD_SECRETS_CORPUS (skipped when
// unset) and logs every match, redacted, with the throughput: a manual
// check for false positives on real code (node_modules, the Go module
// cache) and for speed.
func TestCorpus(t *testing.T) {
	root := os.Getenv("CLAD_SECRETS_CORPUS")
	if root == "" {
		t.Skip("set CLAD_SECRETS_CORPUS to a directory to scan")
	}
	s := New()
	var total int64
	counts := map[string]int{}
	start := time.Now()
	var elapsed time.Duration
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		total += int64(len(data))
		t0 := time.Now()
		rel, _ := filepath.Rel(root, p)
		ms := s.Scan(filepath.ToSlash(rel), data)
		elapsed += time.Since(t0)
		for _, m := range ms {
			counts[m.Rule]++
			t.Logf("%s:%d %v [%v] %s", p, m.Line, m, m.Confidence, m.Why)
		}
		return nil
	})
	var rules []string
	for r := range counts {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	for _, r := range rules {
		t.Logf("%-36s %d", r, counts[r])
	}
	t.Logf("%.1f MB in %v scanning (%v wall): %.0f MB/s", float64(total)/1e6, elapsed, time.Since(start), float64(total)/1e6/elapsed.Seconds())
}
