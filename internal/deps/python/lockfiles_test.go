package python

import (
	"archive/zip"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild/locktest"
)

func TestGolden(t *testing.T) {
	tests := []struct {
		name   string
		parser deps.Parser
		dir    string
	}{
		{"pipfile", NewPipfile(), "pipenv"},
		{"poetry1", NewPoetry(), "poetry1"},
		{"poetry2", NewPoetry(), "poetry2"},
		{"poetry21", NewPoetry(), "poetry21"},
		{"uv", NewUV(), "uv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree := locktest.Tree(t, filepath.Join("testdata", tt.dir))
			got := locktest.ParseAll(t, tt.parser, tree)
			locktest.Golden(t, filepath.Join("testdata", "golden", tt.name+".txt"), got)
		})
	}
}

// zipDir packs dir into a zip named name inside a new temporary directory
// and returns that directory.
func zipDir(t *testing.T, dir, name string) string {
	t.Helper()
	out := t.TempDir()
	fh, err := os.Create(filepath.Join(out, name))
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(fh)
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		w, err := zw.Create(filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDistInfoGolden(t *testing.T) {
	dir := zipDir(t, filepath.Join("testdata", "distinfo", "site"), "fn.zip")
	tree := locktest.Tree(t, dir)
	got := locktest.ParseAll(t, NewDistInfo(), tree)
	locktest.Golden(t, filepath.Join("testdata", "golden", "distinfo.txt"), got)
}

func TestDistInfoOutsideArchives(t *testing.T) {
	p := NewDistInfo()
	if p.FileRequired(".venv/lib/python3.12/site-packages/x-1.dist-info/METADATA") {
		t.Error("a source tree's virtualenv must not be read as shipped packages")
	}
	if !p.FileRequired("fn.zip!/x-1.dist-info/METADATA") || p.FileRequired("fn.zip!/x-1.dist-info/RECORD") {
		t.Error("FileRequired on archive entries")
	}
}

func TestFileRequired(t *testing.T) {
	tests := []struct {
		parser deps.Parser
		yes    []string
		no     []string
	}{
		{NewRequirements(), []string{"requirements.txt", "a/requirements-dev.txt", "dev-requirements.txt", "requirements/base.txt", "fn.zip!/requirements.txt"},
			[]string{"constraints.txt", "requirements.in", "notes.txt", "requirements.txt.bak"}},
		{NewPipfile(), []string{"Pipfile.lock", "a/Pipfile.lock"}, []string{"Pipfile", "pipfile.lock.json"}},
		{NewPoetry(), []string{"poetry.lock", "x/poetry.lock"}, []string{"pyproject.toml"}},
		{NewUV(), []string{"uv.lock"}, []string{"uv.toml"}},
	}
	for _, tt := range tests {
		for _, p := range tt.yes {
			if !tt.parser.FileRequired(p) {
				t.Errorf("%s: FileRequired(%q) = false", tt.parser.Name(), p)
			}
		}
		for _, p := range tt.no {
			if tt.parser.FileRequired(p) {
				t.Errorf("%s: FileRequired(%q) = true", tt.parser.Name(), p)
			}
		}
	}
}

func TestBadInput(t *testing.T) {
	files := map[string]string{
		"bin/requirements.txt":      "requests==1\x00\xff",
		"broken/Pipfile.lock":       "{\n  \"default\": {\n    \"a\": [1,\n}\n",
		"notlock/Pipfile.lock":      "[1, 2]",
		"badpkg/Pipfile.lock":       "{\"default\": {\"a\": \"1.0\"}}",
		"broken/poetry.lock":        "[[package]]\nname = \"a\"\nversion = \n",
		"noversion/poetry.lock":     "[[package]]\nname = \"a\"\n",
		"broken/uv.lock":            "version = 1\n[[package]\n",
		"empty/uv.lock":             "",
		"poetry-binary/poetry.lock": "\x00\x01\x02",
	}
	tree := locktest.MemTree(t, files)
	parsers := []deps.Parser{NewRequirements(), NewPipfile(), NewPoetry(), NewUV()}
	for name := range files {
		for _, p := range parsers {
			if !p.FileRequired(name) {
				continue
			}
			lf, err := p.Parse(context.Background(), tree, name)
			if err == nil {
				t.Errorf("%s on %s: no error (lockfile %v)", p.Name(), name, lf != nil)
				continue
			}
			if !strings.Contains(err.Error(), name) {
				t.Errorf("%s on %s: error %q does not name the file", p.Name(), name, err)
			}
		}
	}
}

func TestHugeFile(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("requests==2.25.1\n", 600_000) // ~10 MiB, above the 8 MiB read limit
	if err := os.WriteFile(filepath.Join(dir, "requirements.txt"), []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	tree := locktest.Tree(t, dir)
	_, err := NewRequirements().Parse(context.Background(), tree, "requirements.txt")
	if err == nil || !strings.Contains(err.Error(), "larger than the read limit") {
		t.Errorf("got %v, want a size error", err)
	}
}
