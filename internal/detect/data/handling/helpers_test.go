package handling

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/source"
)

// issuesOf analyses one file and renders its issues as "line rule"
// (rule without the data/ prefix, "+creds" for TLS issues on calls that
// carry credentials).
func issuesOf(t *testing.T, path string, src []byte) []string {
	t.Helper()
	f, err := source.Parse(path, src)
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	defer f.Close()
	a := analyze(f)
	out := []string{}
	for _, is := range a.issues {
		s := fmt.Sprintf("%d %s", is.line, strings.TrimPrefix(is.rule, "data/"))
		if is.creds {
			s += "+creds"
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

var wantRe = regexp.MustCompile(`(?://|#)\s*want\s+([a-z+\- ]+)\s*$`)

// wants reads the "// want rule…" (or "# want …") comments of a snippet
// file: every issue the line must yield.
func wants(src []byte) []string {
	out := []string{}
	for i, l := range strings.Split(string(src), "\n") {
		m := wantRe.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		for _, r := range strings.Fields(m[1]) {
			out = append(out, fmt.Sprintf("%d %s", i+1, r))
		}
	}
	sort.Strings(out)
	return out
}

// TestSnippets checks every file under testdata/snippets against its
// want comments: lines without one must yield nothing.
func TestSnippets(t *testing.T) {
	var files []string
	err := filepath.WalkDir(filepath.Join("testdata", "snippets"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil || len(files) == 0 {
		t.Fatalf("no snippets: %v", err)
	}
	for _, p := range files {
		t.Run(filepath.ToSlash(p), func(t *testing.T) {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(wants(src), issuesOf(t, filepath.ToSlash(p), src)); diff != "" {
				t.Errorf("issues of %s (-want +got):\n%s", p, diff)
			}
		})
	}
}
