package python

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/walk"
)

// fuzzParser writes data as name in a fresh directory and parses it; any
// outcome but a panic is fine.
func fuzzParser(f *testing.F, p deps.Parser, name string, seeds ...string) {
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		tree, err := walk.Open(context.Background(), dir, walk.Options{})
		if err != nil {
			t.Fatal(err)
		}
		lf, err := p.Parse(context.Background(), tree, name)
		if lf != nil {
			for _, pkg := range lf.Packages {
				lf.Paths(pkg.ID, lf.Roots, 2)
			}
		}
	})
}

func FuzzRequirements(f *testing.F) {
	fuzzParser(f, NewRequirements(), "requirements.txt", "testdata/requirements/requirements.txt", "testdata/requirements/prod-requirements.txt")
}

func FuzzPipfileLock(f *testing.F) {
	fuzzParser(f, NewPipfile(), "Pipfile.lock", "testdata/pipenv/Pipfile.lock")
}

func FuzzPoetryLock(f *testing.F) {
	fuzzParser(f, NewPoetry(), "poetry.lock", "testdata/poetry1/poetry.lock", "testdata/poetry2/poetry.lock")
}

func FuzzUVLock(f *testing.F) {
	fuzzParser(f, NewUV(), "uv.lock", "testdata/uv/uv.lock")
}

func FuzzMetadata(f *testing.F) {
	f.Add("Metadata-Version: 2.1\nName: a\nVersion: 1\nLicense: MIT\n  more\nRequires-Dist: b (>=1) ; extra == 'x'\n\nbody")
	f.Fuzz(func(t *testing.T, s string) {
		m := parseMetadata(s)
		_ = m.spdxLicense()
		for _, r := range m.requires {
			ParseRequirement(r)
		}
	})
}

func FuzzRequirementLines(f *testing.F) {
	f.Add("-r a.txt\nrequests[x]==1 \\\n  --hash=sha256:ab ; python_version<'3'\n# via\n#   flask\n-e git+https://x#egg=y\n")
	f.Fuzz(func(t *testing.T, s string) {
		for _, l := range logicalLines(s) {
			if strings.HasPrefix(l.text, "-") {
				parseOption(l.text)
				continue
			}
			spec, _ := splitLineOptions(l.text)
			if r, ok := ParseRequirement(spec); ok {
				r.Pinned()
			}
		}
	})
}
