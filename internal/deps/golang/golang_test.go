package golang

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild/locktest"
	"github.com/cladsec/clad/internal/walk"
)

func TestGoModGolden(t *testing.T) {
	for _, dir := range []string{"modern", "legacy", "localreplace"} {
		t.Run(dir, func(t *testing.T) {
			tree := locktest.Tree(t, filepath.Join("testdata", dir))
			got := locktest.ParseAll(t, NewGoMod(), tree)
			locktest.Golden(t, filepath.Join("testdata", "golden", dir+".txt"), got)
		})
	}
}

func TestGoModBad(t *testing.T) {
	tests := map[string]string{
		"unclosed": "module a\nrequire (\n\tb v1.0.0\n",
		"args":     "module a\nrequire b\n",
		"replace":  "module a\nreplace b =>\n",
		"quote":    "module \"a\n",
		"notgomod": "hello world\n",
		"binary":   "module a\x00\n",
	}
	wantLine := map[string]string{"unclosed": "go.mod:2:", "args": "go.mod:2:", "replace": "go.mod:2:", "quote": "go.mod:1:"}
	for name, body := range tests {
		t.Run(name, func(t *testing.T) {
			tree := locktest.MemTree(t, map[string]string{"go.mod": body})
			_, err := NewGoMod().Parse(context.Background(), tree, "go.mod")
			if err == nil {
				t.Fatal("no error")
			}
			if w := wantLine[name]; w != "" && !strings.Contains(err.Error(), w) {
				t.Errorf("error %q, want it to name %s", err, w)
			}
		})
	}
}

func TestNormalizeGoVersion(t *testing.T) {
	for in, want := range map[string]string{
		"go1.21.5": "1.21.5", "1.21": "1.21.0", "go1.16": "1.16.0", "go1.22rc2": "1.22.0-rc.2",
		"go1.20-pre3 +a813be86df": "1.20.0", "devel go1.23-abcdef": "", "": "", "go1.x": "",
		"go1.22.0 X:boringcrypto": "1.22.0",
	} {
		if got := normalizeGoVersion(in); got != want {
			t.Errorf("normalizeGoVersion(%q) = %q, want %q", in, got, want)
		}
	}
}

// testBinary copies the running test executable (a Go binary with build
// information) to dir/name.
func testBinary(t *testing.T, dir, name string) []byte {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Skipf("no executable: %v", err)
	}
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o755); err != nil {
		t.Fatal(err)
	}
	return data
}

// checkBinaryLockfile checks the lockfile of the running test binary.
// Test binaries record the main module and toolchain but not their
// dependencies (go test does not stamp them), so the standard library is
// what can be asserted; the hand-built ELF of TestBinaryGolden covers
// modules and replacements.
func checkBinaryLockfile(t *testing.T, lf *deps.Lockfile, file string) {
	t.Helper()
	if lf == nil {
		t.Fatal("no lockfile for a Go binary")
	}
	if lf.Format != "go-binary" || lf.File != file || lf.Ecosystem != deps.Go {
		t.Errorf("lockfile %s %s %s", lf.File, lf.Format, lf.Ecosystem)
	}
	want := map[string]string{Stdlib: normalizeGoVersion(runtime.Version())}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps { // present when go test stamps them
			want[m.Path] = strings.TrimPrefix(m.Version, "v")
		}
	}
	for name, version := range want {
		found := false
		for _, p := range lf.Packages {
			if p.Name == name && p.Version == version {
				found = true
				if p.Scope != deps.Runtime || !strings.HasPrefix(p.PURL, "pkg:golang/") {
					t.Errorf("%s: scope %s purl %s", p.ID, p.Scope, p.PURL)
				}
			}
		}
		if !found {
			t.Errorf("%s@%s not found in %d packages", name, version, len(lf.Packages))
		}
	}
}

func TestBinaryInDirectory(t *testing.T) {
	dir := t.TempDir()
	testBinary(t, dir, "bootstrap")
	if err := os.WriteFile(filepath.Join(dir, "NOTES"), []byte("plain text"), 0o644); err != nil {
		t.Fatal(err)
	}
	tree, err := walk.Open(context.Background(), dir, walk.Options{MaxFileSize: 1 << 30})
	if err != nil {
		t.Fatal(err)
	}
	p := NewBinary()
	lf, err := p.Parse(context.Background(), tree, "bootstrap")
	if err != nil {
		t.Fatal(err)
	}
	checkBinaryLockfile(t, lf, "bootstrap")
	if lf, err := p.Parse(context.Background(), tree, "NOTES"); lf != nil || err != nil {
		t.Errorf("text file: %v, %v; want nil, nil", lf, err)
	}
}

func TestBinaryInZip(t *testing.T) {
	dir := t.TempDir()
	data := testBinary(t, dir, "bootstrap")
	fh, err := os.Create(filepath.Join(dir, "fn.zip"))
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(fh)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "bin/handler", Method: zip.Store})
	if err == nil {
		_, err = w.Write(data)
	}
	if err == nil {
		err = zw.Close()
	}
	if err == nil {
		err = fh.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "bootstrap")); err != nil {
		t.Fatal(err)
	}
	tree, err := walk.Open(context.Background(), dir, walk.Options{MaxFileSize: 1 << 30, Zip: walk.ZipLimits{}})
	if err != nil {
		t.Fatal(err)
	}
	p := NewBinary()
	if !p.FileRequired("fn.zip!/bin/handler") {
		t.Fatal("FileRequired(bin/handler) = false")
	}
	lf, err := p.Parse(context.Background(), tree, "fn.zip!/bin/handler")
	if err != nil {
		t.Fatal(err)
	}
	checkBinaryLockfile(t, lf, "fn.zip!/bin/handler")
}

func TestBinaryTooLarge(t *testing.T) {
	dir := t.TempDir()
	testBinary(t, dir, "bootstrap")
	tree, err := walk.Open(context.Background(), dir, walk.Options{MaxFileSize: 1024})
	if err != nil {
		t.Fatal(err)
	}
	_, err = NewBinary().Parse(context.Background(), tree, "bootstrap")
	if err == nil || !strings.Contains(err.Error(), "bootstrap") || !strings.Contains(err.Error(), "read limit") {
		t.Errorf("got %v, want a size error naming the file", err)
	}
}

func TestBinaryFileRequired(t *testing.T) {
	p := NewBinary()
	for _, yes := range []string{"bootstrap", "fn.zip!/bootstrap", "bin/hello", "handler.exe", "fn.zip!/main"} {
		if !p.FileRequired(yes) {
			t.Errorf("FileRequired(%q) = false", yes)
		}
	}
	for _, no := range []string{"Makefile", "LICENSE", "main.go", ".gitignore", "x.dist-info/METADATA", "Dockerfile", "fn.zip!/node_modules/.bin/semver"} {
		if p.FileRequired(no) {
			t.Errorf("FileRequired(%q) = true", no)
		}
	}
}

func TestBinaryNotGo(t *testing.T) {
	tree := locktest.MemTree(t, map[string]string{
		"bootstrap": "\x7fELF\x02\x01\x01 not really an executable",
		"script":    "#!/bin/sh\necho hi\n",
	})
	for _, f := range []string{"bootstrap", "script"} {
		if lf, err := NewBinary().Parse(context.Background(), tree, f); lf != nil || err != nil {
			t.Errorf("%s: %v, %v; want nil, nil", f, lf, err)
		}
	}
}

func FuzzGoMod(f *testing.F) {
	for _, s := range []string{"testdata/modern/go.mod", "testdata/legacy/go.mod", "testdata/localreplace/go.mod"} {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		tree, err := walk.Open(context.Background(), dir, walk.Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = NewGoMod().Parse(context.Background(), tree, "go.mod")
	})
}

func FuzzBinary(f *testing.F) {
	f.Add([]byte("\x7fELF\x02\x01\x01\x00"))
	f.Add([]byte("MZ\x90\x00"))
	f.Add([]byte{0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "bootstrap"), data, 0o755); err != nil {
			t.Fatal(err)
		}
		tree, err := walk.Open(context.Background(), dir, walk.Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = NewBinary().Parse(context.Background(), tree, "bootstrap")
	})
}

const fakeModinfo = "path\tgithub.com/example/orders/cmd/api\n" +
	"mod\tgithub.com/example/orders\t(devel)\t\n" +
	"dep\tgithub.com/aws/aws-lambda-go\tv1.41.0\th1:l/5fyVb6Ud9uYd411xdHZzSf2n86TakxzpvIoz7l+3Y=\n" +
	"dep\tgolang.org/x/text\tv0.3.7\th1:olpwvP2KacW1ZWvsR7uQhoyTYvKAupfQrRGBFM352Gk=\n" +
	"=>\tgolang.org/x/text\tv0.3.8\th1:nAL+RVCQ9uMn3vJZbV+MRnydTJFPf8qqY42YiA6MrqY=\n" +
	"dep\texample.com/shared\tv0.0.0-00010101000000-000000000000\t\n" +
	"=>\t../shared\t\t\n" +
	"dep\tgithub.com/gin-gonic/gin\tv1.9.0+incompatible\th1:abc=\n" +
	"build\t-compiler=gc\n" +
	"build\tGOOS=linux\n"

func TestBinaryGolden(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "bootstrap", fakeGoELF(t, "go1.21.4", fakeModinfo))
	writeFile(t, dir, "bin/old", fakeGoELF(t, "go1.20rc3", "path\tx\n"))
	writeFile(t, dir, "bin/devel", fakeGoELF(t, "devel go1.23-abcdef", "path\tx\nmod\tx\t(devel)\t\ndep\ta.b/c\tv1.0.0\t\n"))
	tree, err := walk.Open(context.Background(), dir, walk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := locktest.ParseAll(t, NewBinary(), tree)
	locktest.Golden(t, filepath.Join("testdata", "golden", "binary.txt"), got)
}

func writeFile(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o755); err != nil {
		t.Fatal(err)
	}
}

func FuzzModFile(f *testing.F) {
	f.Add("module a\ngo 1.21\nrequire (\n\tb v1.0.0 // indirect\n)\nreplace b => c v1.0.1\n")
	f.Add("module \"a\"\nrequire `b` v1\nreplace b v1 => ../b\n")
	f.Fuzz(func(t *testing.T, s string) {
		mf, err := readModFile("go.mod", s)
		if err != nil {
			return
		}
		for _, r := range mf.requires {
			mf.resolve(r, "go.mod")
		}
		mf.stdlib("go.mod")
	})
}
