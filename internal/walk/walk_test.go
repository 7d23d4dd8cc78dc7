package walk

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func paths(t *Tree) []string {
	var out []string
	for _, f := range t.Files {
		out = append(out, f.Path)
	}
	return out
}

func TestWalkDirSkipsDefaultsAndConfigGlobs(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"serverless.yml":                "service: a",
		"src/handler.js":                "exports.handler = 1",
		"node_modules/lodash/index.js":  "x",
		".git/config":                   "x",
		".serverless/template.json":     "{}",
		"test/fixtures/secret.txt":      "x",
		"svc/node_modules/x/package.js": "x",
	})
	tr, err := Open(context.Background(), dir, Options{Skip: []string{"test/fixtures/**"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"serverless.yml", "src/handler.js"}
	if d := cmp.Diff(want, paths(tr)); d != "" {
		t.Errorf("files (-want +got):\n%s", d)
	}
	b, err := tr.ReadFile("src/handler.js")
	if err != nil || string(b) != "exports.handler = 1" {
		t.Errorf("ReadFile = %q, %v", b, err)
	}
	if !tr.Exists("./src/handler.js") || tr.Exists("src/missing.js") {
		t.Error("Exists does not clean paths or reports a missing file")
	}
}

func TestWalkRootThatIsADefaultSkipDirIsWalked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), ".serverless")
	writeFiles(t, dir, map[string]string{"cloudformation-template-update-stack.json": "{}"})
	tr, err := Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"cloudformation-template-update-stack.json"}, paths(tr)); d != "" {
		t.Error(d)
	}
}

func TestWalkSymlinks(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	writeFiles(t, dir, map[string]string{"a/real.js": "ok"})
	writeFiles(t, outside, map[string]string{"secret": "x"})
	mustSymlink(t, filepath.Join(dir, "a", "real.js"), filepath.Join(dir, "inside.js"))
	mustSymlink(t, filepath.Join(outside, "secret"), filepath.Join(dir, "escape"))
	mustSymlink(t, dir, filepath.Join(dir, "a", "loop"))                     // directory loop
	mustSymlink(t, filepath.Join(dir, "self1"), filepath.Join(dir, "self2")) // dangling chain
	mustSymlink(t, filepath.Join(dir, "self2"), filepath.Join(dir, "self1"))
	tr, err := Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"a/real.js", "inside.js"}, paths(tr)); d != "" {
		t.Errorf("files (-want +got):\n%s", d)
	}
	msgs := problemText(tr)
	if !strings.Contains(msgs, "escape: symbolic link points outside") {
		t.Errorf("escape not reported: %s", msgs)
	}
	if !strings.Contains(msgs, "self1: symbolic link not followed") {
		t.Errorf("link loop not reported: %s", msgs)
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks unsupported here: %v", err)
	}
}

func problemText(tr *Tree) string {
	var b strings.Builder
	for _, p := range tr.Problems {
		b.WriteString(p.File + ": " + p.Message + "\n")
	}
	return b.String()
}

type zipEntry struct {
	name     string
	body     string
	declared uint64 // if non-zero, the uncompressed size written into the header
	symlink  bool
}

func makeZip(t *testing.T, path string, entries []zipEntry) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		if e.declared != 0 {
			writeLyingEntry(t, zw, e)
			continue
		}
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
		if e.symlink {
			h.SetMode(os.ModeSymlink | 0o777)
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(e.body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeLyingEntry stores body uncompressed but declares a huge size.
func writeLyingEntry(t *testing.T, zw *zip.Writer, e zipEntry) {
	t.Helper()
	h := &zip.FileHeader{Name: e.name, Method: zip.Store, CompressedSize64: uint64(len(e.body)), UncompressedSize64: e.declared}
	w, err := zw.CreateRaw(h)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(e.body))
}

func TestZipPackageIsReadInPlaceAndHostileEntriesRefused(t *testing.T) {
	dir := t.TempDir()
	zp := filepath.Join(dir, "fn.zip")
	makeZip(t, zp, []zipEntry{
		{name: "index.js", body: "exports.handler = async () => 1"},
		{name: "node_modules/x/index.js", body: "module.exports = 2"},
		{name: "../../etc/passwd", body: "root"},
		{name: "/abs/path", body: "x"},
		{name: "C:\\windows\\x", body: "x"},
		{name: "lib/../../up", body: "x"},
		{name: "link", body: "/etc/passwd", symlink: true},
		{name: "big.bin", body: "small", declared: 1 << 30},
		{name: "index.js", body: "duplicate"},
	})
	tr, err := Open(context.Background(), zp, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	if !tr.IsArchive {
		t.Error("root zip not marked as archive")
	}
	if d := cmp.Diff([]string{"index.js", "node_modules/x/index.js"}, paths(tr)); d != "" {
		t.Errorf("files (-want +got):\n%s", d)
	}
	b, err := tr.ReadFile("index.js")
	if err != nil || !strings.Contains(string(b), "handler") {
		t.Errorf("ReadFile(index.js) = %q, %v", b, err)
	}
	msgs := problemText(tr)
	for _, want := range []string{"big.bin: zip entry refused: compression ratio", "zip-slip", "absolute path \"/abs/path\"", "absolute path \"C:\\\\windows\\\\x\"", "lib/../../up", "symbolic link", "duplicate zip entry"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("problems lack %q:\n%s", want, msgs)
		}
	}
	if got := tr.Archives(); len(got) != 1 || got[0] != "" {
		t.Errorf("Archives() = %q", got)
	}
}

func TestZipInsideDirectoryIsMounted(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"serverless.yml": "service: a"})
	os.MkdirAll(filepath.Join(dir, "dist"), 0o755)
	makeZip(t, filepath.Join(dir, "dist", "fn.zip"), []zipEntry{{name: "handler.js", body: "x"}})
	tr, err := Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	if d := cmp.Diff([]string{"dist/fn.zip!/handler.js", "serverless.yml"}, paths(tr)); d != "" {
		t.Error(d)
	}
	if b, err := tr.ReadFile("dist/fn.zip!/handler.js"); err != nil || string(b) != "x" {
		t.Errorf("ReadFile in nested zip = %q, %v", b, err)
	}
	if d := cmp.Diff([]string{"dist/fn.zip!/"}, tr.Archives()); d != "" {
		t.Error(d)
	}
}

func TestZipLimits(t *testing.T) {
	dir := t.TempDir()
	many := filepath.Join(dir, "many.zip")
	var entries []zipEntry
	for i := 0; i < 20; i++ {
		entries = append(entries, zipEntry{name: strings.Repeat("a", i+1), body: "x"})
	}
	makeZip(t, many, entries)
	if _, err := Open(context.Background(), many, Options{Zip: ZipLimits{MaxEntries: 10}}); err == nil || !strings.Contains(err.Error(), "20 entries") {
		t.Errorf("entry limit: err = %v", err)
	}
	bomb := filepath.Join(dir, "bomb.zip")
	makeZip(t, bomb, []zipEntry{{name: "zeros", body: strings.Repeat("\x00", 4<<20)}, {name: "ok.js", body: "fine"}})
	tr, err := Open(context.Background(), bomb, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	if d := cmp.Diff([]string{"ok.js"}, paths(tr)); d != "" {
		t.Error(d)
	}
	if !strings.Contains(problemText(tr), "compression ratio") {
		t.Errorf("ratio not reported: %s", problemText(tr))
	}
	notZip := filepath.Join(dir, "broken.zip")
	os.WriteFile(notZip, []byte("PK\x03\x04 not really"), 0o644)
	if _, err := Open(context.Background(), notZip, Options{}); err == nil || !strings.Contains(err.Error(), "not a readable zip") {
		t.Errorf("broken zip: err = %v", err)
	}
}

func TestBrokenZipInsideDirectoryIsAProblemNotAFailure(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"pkg.zip": "garbage", "a.js": "x"})
	tr, err := Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"a.js", "pkg.zip"}, paths(tr)); d != "" {
		t.Error(d)
	}
	if !strings.Contains(problemText(tr), "pkg.zip: not a readable zip") {
		t.Errorf("problems: %s", problemText(tr))
	}
}

func TestReadFileLimit(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"big.txt": strings.Repeat("x", 2048), "bin": "\x00\x01\x02"})
	tr, err := Open(context.Background(), dir, Options{MaxFileSize: 1024})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tr.ReadFile("big.txt"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v", err)
	}
	if b, err := tr.ReadFile("bin"); err != nil || len(b) != 3 {
		t.Errorf("binary read = %v, %v", b, err)
	}
}

func TestUnder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"app/a/function.json": "", "app/b/function.json": "", "apple/x": "", "z": ""})
	tr, err := Open(context.Background(), dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range tr.Under("app") {
		got = append(got, f.Path)
	}
	if d := cmp.Diff([]string{"app/a/function.json", "app/b/function.json"}, got); d != "" {
		t.Error(d)
	}
}

func TestMatchGlob(t *testing.T) {
	cases := []struct {
		pat, name string
		want      bool
	}{
		{"*.md", "docs/readme.md", true},
		{"*.md", "readme.md", true},
		{"docs/*.md", "docs/readme.md", true},
		{"docs/*.md", "a/docs/readme.md", false},
		{"test/**", "test/a/b.js", true},
		{"fixtures/", "x/fixtures/y.yml", true},
		{"src/**/*.test.js", "src/a/b/c.test.js", true},
		{"src/**/*.test.js", "src/c.js", false},
		{"{a,b}.yml", "b.yml", true},
		{"[", "x", false},
	}
	for _, c := range cases {
		if got := MatchGlob(c.pat, c.name); got != c.want {
			t.Errorf("MatchGlob(%q, %q) = %v, want %v", c.pat, c.name, got, c.want)
		}
	}
}

func TestOpenMissingTarget(t *testing.T) {
	if _, err := Open(context.Background(), filepath.Join(t.TempDir(), "nope"), Options{}); err == nil {
		t.Fatal("no error for a missing target")
	}
}

func BenchmarkRead(b *testing.B) {
	dir := b.TempDir()
	os.WriteFile(filepath.Join(dir, "f.js"), bytes.Repeat([]byte("const x = 1;\n"), 50000), 0o644)
	tr, err := Open(context.Background(), dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tr.ReadFile("f.js"); err != nil {
			b.Fatal(err)
		}
	}
}
