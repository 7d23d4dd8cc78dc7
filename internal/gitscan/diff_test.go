package gitscan

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// parsed is what the parser tests compare.
type parsed struct {
	Path, Old string
	Blob      string
	Mode      string
	Binary    bool
	Deleted   bool
	Added     []string // "no:text"
	Removed   []string
}

func parse(t *testing.T, patch string, budget int) ([]parsed, []string) {
	t.Helper()
	var files []parsed
	var commits []string
	p := newPatchReader(strings.NewReader(patch), budget, true)
	p.onCommit = func(f [][]byte) error {
		commits = append(commits, string(f[0]))
		return nil
	}
	p.onFile = func(f *fileDiff) error {
		pp := parsed{Path: f.Path, Old: f.OldPath, Blob: f.NewBlob, Mode: f.Mode, Binary: f.Binary, Deleted: f.Deleted}
		for _, l := range f.Added {
			pp.Added = append(pp.Added, itoa(l.No)+":"+string(l.Text))
		}
		for _, l := range f.Removed {
			pp.Removed = append(pp.Removed, string(l))
		}
		files = append(files, pp)
		return nil
	}
	if err := p.run(); err != nil {
		t.Fatal(err)
	}
	return files, commits
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func TestPatchReader(t *testing.T) {
	tests := []struct {
		name    string
		patch   string
		want    []parsed
		commits []string
	}{{
		name: "modify with hunk lines that look like headers",
		patch: "diff --git a/x.txt b/x.txt\nindex 1111111..2222222 100644\n--- a/x.txt\n+++ b/x.txt\n" +
			"@@ -2,2 +2,3 @@ ctx\n--- not a header\n-diff --git a/q b/q\n++++ b/fake\n+@@ -1 +1 @@\n+new\n\\ No newline at end of file\n",
		want: []parsed{{Path: "x.txt", Old: "x.txt", Blob: "2222222", Mode: "100644",
			Added: []string{"2:+++ b/fake", "3:@@ -1 +1 @@", "4:new"}, Removed: []string{"-- not a header", "diff --git a/q b/q"}}},
	}, {
		name: "quoted names, new file, rename, binary, deletion",
		patch: "diff --git \"a/sp ace/t\\tab\" \"b/sp ace/t\\tab\"\nnew file mode 100644\nindex 0000000..abcdef0\n--- /dev/null\n+++ \"b/sp ace/t\\tab\"\n@@ -0,0 +1 @@\n+x\n" +
			"diff --git a/old name.js b/new name.js\nsimilarity index 100%\nrename from old name.js\nrename to new name.js\n" +
			"diff --git a/img.png b/img.png\nindex 1234567..7654321 100644\nBinary files a/img.png and b/img.png differ\n" +
			"diff --git a/gone.txt b/gone.txt\ndeleted file mode 100644\nindex 1234567..0000000\n--- a/gone.txt\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n" +
			"diff --git \"a/caf\\303\\251.js\" \"b/caf\\303\\251.js\"\nindex 1..2 100644\n--- \"a/caf\\303\\251.js\"\n+++ \"b/caf\\303\\251.js\"\n@@ -1 +1 @@\n-o\n+n\n",
		want: []parsed{
			{Path: "sp ace/t\tab", Old: "sp ace/t\tab", Blob: "abcdef0", Mode: "100644", Added: []string{"1:x"}},
			{Path: "new name.js", Old: "old name.js"},
			{Path: "img.png", Old: "img.png", Blob: "7654321", Mode: "100644", Binary: true},
			{Path: "gone.txt", Old: "gone.txt", Blob: "0000000", Deleted: true, Removed: []string{"a", "b"}},
			{Path: "café.js", Old: "café.js", Blob: "2", Mode: "100644", Added: []string{"1:n"}, Removed: []string{"o"}},
		},
	}, {
		name: "commits and a combined diff",
		patch: "\x00c1\x00\x00A\x00a@x\x002024-01-02T03:04:05Z\n\ndiff --git a/f b/f\nnew file mode 100644\nindex 0..1\n--- /dev/null\n+++ b/f\n@@ -0,0 +1 @@\n+one\n" +
			"\x00c2\x00p1 p2\x00A\x00a@x\x002024-01-02T03:04:05Z\n\ndiff --cc f\nindex 1,2..3\n--- a/f\n+++ b/f\n@@@ -1,1 -1,1 +1,3 @@@\n  one\n++evil\n+ from-first-parent-side\n- dropped\n",
		want: []parsed{
			{Path: "f", Old: "f", Blob: "1", Mode: "100644", Added: []string{"1:one"}},
			{Path: "f", Old: "f", Blob: "3", Added: []string{"2:evil"}},
		},
		commits: []string{"c1", "c2"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, commits := parse(t, tt.patch, 1<<20)
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("files (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tt.commits, commits); d != "" {
				t.Errorf("commits (-want +got):\n%s", d)
			}
		})
	}
}

// TestPatchReaderBounds: the text kept per file stops at the budget, and
// a line longer than maxLine is cut.
func TestPatchReaderBounds(t *testing.T) {
	long := strings.Repeat("x", maxLine+100)
	patch := "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -0,0 +1,3 @@\n+" + long + "\n+short\n+" + strings.Repeat("y", 50) + "\n"
	var f *fileDiff
	p := newPatchReader(strings.NewReader(patch), maxLine+10, true)
	p.onFile = func(d *fileDiff) error { f = d; return nil }
	if err := p.run(); err != nil {
		t.Fatal(err)
	}
	if f == nil || !f.Truncated || len(f.Added) != 2 || len(f.Added[0].Text) != maxLine-1 || string(f.Added[1].Text) != "short" {
		t.Fatalf("got %+v", f)
	}
}

func TestSplitGitHeader(t *testing.T) {
	for _, tt := range []struct{ in, a, b string }{
		{"a/x b/x", "x", "x"},
		{"a/with b/space b/with b/space", "with b/space", "with b/space"},
		{"a/one b/two", "one", "two"},
		{`"a/q\"x" "b/q\"x"`, `q"x`, `q"x`},
		{"weird", "weird", "weird"},
	} {
		a, b := splitGitHeader(tt.in)
		if a != tt.a || b != tt.b {
			t.Errorf("splitGitHeader(%q) = %q, %q; want %q, %q", tt.in, a, b, tt.a, tt.b)
		}
	}
}

// FuzzPatchReader: any input parses without panicking and keeps line
// numbers positive.
func FuzzPatchReader(f *testing.F) {
	f.Add("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,3 @@\n-a\n+b\n+c\n")
	f.Add("\x00c\x00p\x00n\x00e\x00d\ndiff --cc f\n@@@ -1 -1 +1,2 @@@\n++x\n +y\n")
	f.Add("diff --git \"a/\\377\\1\" b/\n@@ -x +,, @@\n+\n@@@@\n")
	f.Fuzz(func(t *testing.T, patch string) {
		p := newPatchReader(strings.NewReader(patch), 1<<16, true)
		p.onCommit = func([][]byte) error { return nil }
		p.onFile = func(d *fileDiff) error {
			for _, l := range d.Added {
				if l.No < 0 {
					t.Fatalf("negative line %d", l.No)
				}
			}
			return nil
		}
		_ = p.run()
	})
}
