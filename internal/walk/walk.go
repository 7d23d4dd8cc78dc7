// Package walk is clad's single file walker. It lists a directory tree or a
// deployment package (.zip) once, applying size limits and skip rules, reads
// zip archives in place without unpacking them, and refuses symlink escapes,
// zip-slip names and decompression bombs with a Problem instead of failing.
package walk

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// ArchiveSep separates an archive's path from the path of an entry inside it.
const ArchiveSep = "!/"

// Options configure a walk. Zero values take the defaults.
type Options struct {
	// MaxFileSize is the largest file ReadFile returns (default 8 MiB).
	MaxFileSize int64
	// Zip bounds each archive.
	Zip ZipLimits
	// Skip holds extra path globs to leave out (from .clad.yaml).
	Skip []string
	// NoDefaultSkips walks the directories skipped by default too.
	NoDefaultSkips bool
}

// DefaultSkipDirs are directory names not walked unless they are the scan
// root: VCS data, installed dependencies (their versions come from the
// lockfiles), and build output that would count every function twice.
var DefaultSkipDirs = []string{
	".git", ".hg", ".svn", "node_modules", "bower_components", ".serverless", ".aws-sam",
	"__pycache__", ".venv", "venv", ".tox", ".mypy_cache", ".pytest_cache", ".terraform",
	".idea", ".vscode", ".next", ".nuxt", ".cache", "coverage", ".nyc_output",
}

// File is one regular file in the tree.
type File struct {
	// Path is slash-separated and relative to the root; entries inside a
	// nested archive read "dist/fn.zip!/handler.js".
	Path string
	Size int64
	// archive is the index in Tree.archives, or -1 for a file on disk.
	archive int
	// entry is the zip entry name for archived files.
	entry string
}

// InArchive reports whether the file lives inside a zip.
func (f File) InArchive() bool { return f.archive >= 0 }

// Tree is the walked input.
type Tree struct {
	// Root is the scan target as given by the user.
	Root string
	// Files are sorted by Path.
	Files []File
	// Problems met while walking.
	Problems []model.Problem
	// IsArchive is true when the root itself is a zip file.
	IsArchive bool

	opts     Options
	base     string // directory on disk the relative paths start from
	index    map[string]int
	archives []*archive
}

// Open walks target (a directory, a .zip, or a single file).
func Open(ctx context.Context, target string, opts Options) (*Tree, error) {
	opts = opts.withDefaults()
	st, err := os.Stat(target)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", target, err)
	}
	t := &Tree{Root: target, opts: opts, index: map[string]int{}}
	switch {
	case st.IsDir():
		t.base = target
		if err := t.walkDir(ctx); err != nil {
			return nil, err
		}
	case isZipName(target):
		t.base = filepath.Dir(target)
		t.IsArchive = true
		a, err := openArchive(target, filepath.Base(target), opts.Zip)
		if err != nil {
			return nil, fmt.Errorf("cannot read deployment package %s: %w", target, err)
		}
		t.addArchive(a, "")
	default:
		t.base = filepath.Dir(target)
		t.add(File{Path: filepath.ToSlash(filepath.Base(target)), Size: st.Size(), archive: -1})
	}
	sort.Slice(t.Files, func(i, j int) bool { return t.Files[i].Path < t.Files[j].Path })
	for i, f := range t.Files {
		t.index[f.Path] = i
	}
	return t, nil
}

func (o Options) withDefaults() Options {
	if o.MaxFileSize <= 0 {
		o.MaxFileSize = 8 << 20
	}
	o.Zip = o.Zip.withDefaults()
	return o
}

func (t *Tree) problem(file, level, kind, msg string) {
	t.Problems = append(t.Problems, model.Problem{File: file, Level: level, Kind: kind, Stage: "walk", Message: msg})
}

func (t *Tree) add(f File) { t.Files = append(t.Files, f) }

func (t *Tree) walkDir(ctx context.Context) error {
	root := t.base
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return fmt.Errorf("cannot resolve %s: %w", root, err)
	}
	skip := map[string]bool{}
	if !t.opts.NoDefaultSkips {
		for _, d := range DefaultSkipDirs {
			skip[d] = true
		}
	}
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if err != nil {
			if rel != "." {
				t.problem(rel, model.LevelError, "io", fmt.Sprintf("cannot read: %v", unwrapPath(err)))
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if rel == "." {
			return nil
		}
		if d.IsDir() {
			if skip[d.Name()] || t.skipped(rel+"/") {
				return fs.SkipDir
			}
			return nil
		}
		if t.skipped(rel) {
			return nil
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			t.symlink(p, rel, realRoot)
		case d.Type().IsRegular():
			info, err := d.Info()
			if err != nil {
				t.problem(rel, model.LevelError, "io", fmt.Sprintf("cannot stat: %v", unwrapPath(err)))
				return nil
			}
			t.regular(p, rel, info.Size())
		}
		return nil
	})
}

// regular adds a file, mounting zip archives so their entries are scanned.
func (t *Tree) regular(p, rel string, size int64) {
	if isZipName(rel) {
		a, err := openArchive(p, rel, t.opts.Zip)
		if err != nil {
			t.problem(rel, model.LevelError, "unsafe", err.Error())
			t.add(File{Path: rel, Size: size, archive: -1})
			return
		}
		t.addArchive(a, rel+ArchiveSep)
		return
	}
	t.add(File{Path: rel, Size: size, archive: -1})
}

// symlink follows a link to a regular file inside the root; links that leave
// the root, dangle, loop or point at directories are not followed.
func (t *Tree) symlink(p, rel, realRoot string) {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.problem(rel, model.LevelWarning, "unsafe", fmt.Sprintf("symbolic link not followed: %v", unwrapPath(err)))
		return
	}
	inside, err := filepath.Rel(realRoot, target)
	if err != nil || inside == ".." || strings.HasPrefix(inside, ".."+string(filepath.Separator)) {
		t.problem(rel, model.LevelWarning, "unsafe", "symbolic link points outside the scanned directory; not followed")
		return
	}
	st, err := os.Stat(target)
	if err != nil || !st.Mode().IsRegular() {
		return // a link to a directory inside the root: its files are walked there
	}
	t.add(File{Path: rel, Size: st.Size(), archive: -1})
}

func (t *Tree) skipped(rel string) bool {
	for _, g := range t.opts.Skip {
		if MatchGlob(g, rel) || MatchGlob(g, strings.TrimSuffix(rel, "/")) {
			return true
		}
	}
	return false
}

func (t *Tree) addArchive(a *archive, prefix string) {
	idx := len(t.archives)
	t.archives = append(t.archives, a)
	for _, p := range a.problems {
		p.File = prefix + p.File
		if prefix == "" && p.File == "" {
			p.File = a.display
		}
		t.Problems = append(t.Problems, p)
	}
	for _, e := range a.entries {
		t.add(File{Path: prefix + e.name, Size: e.size, archive: idx, entry: e.name})
	}
}

// Lookup returns the file at rel (slash-separated, relative to the root).
func (t *Tree) Lookup(rel string) (File, bool) {
	i, ok := t.index[cleanRel(rel)]
	if !ok {
		return File{}, false
	}
	return t.Files[i], true
}

// Exists reports whether a file is at rel.
func (t *Tree) Exists(rel string) bool {
	_, ok := t.index[cleanRel(rel)]
	return ok
}

// Under returns the files whose path starts with dir + "/" (all files for
// dir "" or ".").
func (t *Tree) Under(dir string) []File {
	dir = cleanRel(dir)
	if dir == "." || dir == "" {
		return t.Files
	}
	prefix := dir + "/"
	i := sort.Search(len(t.Files), func(i int) bool { return t.Files[i].Path >= prefix })
	j := i
	for j < len(t.Files) && strings.HasPrefix(t.Files[j].Path, prefix) {
		j++
	}
	return t.Files[i:j]
}

// ErrTooLarge is returned by ReadFile for files above MaxFileSize.
var ErrTooLarge = errors.New("file larger than the read limit")

// ReadFile returns the content of the file at rel, bounded by MaxFileSize.
func (t *Tree) ReadFile(rel string) ([]byte, error) {
	f, ok := t.Lookup(rel)
	if !ok {
		return nil, fmt.Errorf("%s: %w", rel, fs.ErrNotExist)
	}
	return t.Read(f)
}

// Read returns the content of f, bounded by MaxFileSize.
func (t *Tree) Read(f File) ([]byte, error) {
	if f.Size > t.opts.MaxFileSize {
		return nil, fmt.Errorf("%w (%s > %s)", ErrTooLarge, humanSize(f.Size), humanSize(t.opts.MaxFileSize))
	}
	if f.archive >= 0 {
		return t.archives[f.archive].read(f.entry, t.opts.MaxFileSize)
	}
	return readBounded(filepath.Join(t.base, filepath.FromSlash(f.Path)), t.opts.MaxFileSize, f.Size)
}

func readBounded(p string, limit, size int64) ([]byte, error) {
	fh, err := os.Open(p)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer fh.Close()
	return readAllLimit(fh, limit, size)
}

func cleanRel(rel string) string {
	if i := strings.Index(rel, ArchiveSep); i >= 0 {
		return path.Clean(rel[:i]) + ArchiveSep + path.Clean(rel[i+len(ArchiveSep):])
	}
	return path.Clean(rel)
}

func isZipName(p string) bool { return strings.EqualFold(path.Ext(p), ".zip") }

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// Archives returns the path prefix of every zip archive in the tree: "" for
// a root that is itself a zip, else "dir/fn.zip!/".
func (t *Tree) Archives() []string {
	out := make([]string, 0, len(t.archives))
	for _, a := range t.archives {
		if t.IsArchive && a.display == filepath.Base(t.Root) && len(t.archives) == 1 {
			out = append(out, "")
			continue
		}
		out = append(out, a.display+ArchiveSep)
	}
	return out
}
