package golang

import (
	"bytes"
	"context"
	"debug/buildinfo"
	"errors"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/walk"
)

// Binary reads the build information Go embeds in its executables.
type Binary struct{}

// NewBinary returns the Go binary parser.
func NewBinary() *Binary { return &Binary{} }

// Name implements deps.Parser.
func (*Binary) Name() string { return "go/binary" }

// notBinaries are extension-less names that are text files in practice.
var notBinaries = map[string]bool{
	"makefile": true, "dockerfile": true, "license": true, "licence": true, "readme": true,
	"procfile": true, "gemfile": true, "rakefile": true, "podfile": true, "vagrantfile": true,
	"jenkinsfile": true, "codeowners": true, "version": true, "authors": true, "notice": true,
	"changelog": true, "contributors": true, "copying": true, "pipfile": true, "brewfile": true,
	"metadata": true, "record": true, "wheel": true, "installer": true, "requested": true,
	"caddyfile": true, "justfile": true, "taskfile": true, "owners": true, "patents": true,
}

// FileRequired matches executables by name: "bootstrap", ".exe" files and
// extension-less files that are not well-known text files or dotfiles,
// outside installed JavaScript and Python package trees.
func (*Binary) FileRequired(p string) bool {
	base := path.Base(p)
	switch {
	case base == "bootstrap":
		return true
	case strings.HasPrefix(base, "."), strings.Contains(p, "node_modules/"),
		strings.Contains(p, "site-packages/"), strings.Contains(p, ".dist-info/"):
		return false
	case strings.EqualFold(path.Ext(base), ".exe"):
		return true
	}
	return !strings.Contains(base, ".") && !notBinaries[strings.ToLower(base)]
}

// Parse implements deps.Parser. Files that are not Go executables give
// nil, nil. A likely binary above the walker's read limit is an error.
func (*Binary) Parse(ctx context.Context, tree *walk.Tree, file string) (*deps.Lockfile, error) {
	data, err := tree.ReadFile(file)
	if errors.Is(err, walk.ErrTooLarge) {
		if path.Base(file) == "bootstrap" || strings.Contains(file, walk.ArchiveSep) || strings.EqualFold(path.Ext(file), ".exe") {
			return nil, lockbuild.Errorf(file, 0, "possible Go binary not read: %w", err)
		}
		return nil, nil
	}
	if err != nil {
		return nil, lockbuild.Errorf(file, 0, "cannot read: %w", err)
	}
	if !isExecutable(data) {
		return nil, nil
	}
	info, err := buildinfo.Read(bytes.NewReader(data))
	if err != nil {
		return nil, nil // an executable, but not one Go built with module information
	}
	b := lockbuild.New(file, deps.Go, "go-binary")
	if std := newStdlib(info.GoVersion, file, 0); std != nil {
		b.Add(std)
	}
	for _, m := range info.Deps {
		if m == nil || m.Path == "" {
			continue
		}
		p := newModule(m.Path, m.Version, file, 0)
		switch r := m.Replace; {
		case r == nil || r.Path == "":
		case r.Version == "":
			p = newModule(m.Path, "", file, 0) // replaced by a local directory
		default:
			p = newModule(r.Path, r.Version, file, 0)
		}
		p.Scope = deps.Runtime
		b.Add(p)
	}
	return b.Finish(false), nil
}

// isExecutable tells ELF, PE, Mach-O and XCOFF files by their magic.
func isExecutable(data []byte) bool {
	magics := [][]byte{
		[]byte("\x7fELF"), []byte("MZ"),
		{0xfe, 0xed, 0xfa, 0xce}, {0xfe, 0xed, 0xfa, 0xcf}, {0xce, 0xfa, 0xed, 0xfe}, {0xcf, 0xfa, 0xed, 0xfe},
		{0x01, 0xdf}, {0x01, 0xf7},
	}
	for _, m := range magics {
		if bytes.HasPrefix(data, m) {
			return true
		}
	}
	return false
}
