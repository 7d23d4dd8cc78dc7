package walk

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"sync"

	"github.com/cladsec/clad/internal/model"
)

// ZipLimits bound what one archive may make clad do.
type ZipLimits struct {
	// MaxEntries refuses archives with more entries (default 200 000).
	MaxEntries int
	// MaxTotal refuses archives whose entries declare more bytes in total
	// (default 4 GiB; a Lambda package unpacks to at most 250 MB).
	MaxTotal uint64
	// MaxRatio refuses entries that inflate more than this many times
	// (default 200) once they are larger than 1 MiB.
	MaxRatio uint64
}

func (z ZipLimits) withDefaults() ZipLimits {
	if z.MaxEntries <= 0 {
		z.MaxEntries = 200_000
	}
	if z.MaxTotal == 0 {
		z.MaxTotal = 4 << 30
	}
	if z.MaxRatio == 0 {
		z.MaxRatio = 200
	}
	return z
}

type archive struct {
	display  string // path shown to users
	osPath   string
	entries  []entry
	problems []model.Problem

	mu     sync.Mutex
	reader *zip.ReadCloser
	byName map[string]*zip.File
}

type entry struct {
	name string
	size int64
}

// openArchive lists a zip's entries, refusing unsafe ones. It returns an
// error only when the archive as a whole cannot be used.
func openArchive(osPath, display string, lim ZipLimits) (*archive, error) {
	r, err := zip.OpenReader(osPath)
	if err != nil {
		return nil, fmt.Errorf("not a readable zip archive: %w", err)
	}
	if len(r.File) > lim.MaxEntries {
		r.Close()
		return nil, fmt.Errorf("zip archive has %d entries, more than the limit of %d; not scanned", len(r.File), lim.MaxEntries)
	}
	a := &archive{display: display, osPath: osPath, reader: r, byName: map[string]*zip.File{}}
	var total uint64
	seen := map[string]bool{}
	for _, f := range r.File {
		name := f.Name
		if f.FileInfo().IsDir() {
			continue
		}
		if why := unsafeName(name); why != "" {
			a.problem(name, fmt.Sprintf("zip entry refused: %s", why))
			continue
		}
		clean := path.Clean(strings.ReplaceAll(name, "\\", "/"))
		if f.Mode()&os.ModeSymlink != 0 {
			a.problem(clean, "zip entry is a symbolic link; not followed")
			continue
		}
		if seen[clean] {
			a.problem(clean, "duplicate zip entry; only the first is scanned")
			continue
		}
		total += f.UncompressedSize64
		if total > lim.MaxTotal {
			a.problem("", fmt.Sprintf("zip entries declare more than %s in total; entries after %s not scanned", humanSize(int64(lim.MaxTotal)), clean))
			break
		}
		if f.UncompressedSize64 > 1<<20 && f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > lim.MaxRatio {
			a.problem(clean, fmt.Sprintf("zip entry refused: compression ratio %d:1 above the limit of %d:1 (possible zip bomb)", f.UncompressedSize64/f.CompressedSize64, lim.MaxRatio))
			continue
		}
		seen[clean] = true
		a.byName[clean] = f
		a.entries = append(a.entries, entry{name: clean, size: int64(f.UncompressedSize64)})
	}
	return a, nil
}

func (a *archive) problem(entry, msg string) {
	a.problems = append(a.problems, model.Problem{File: entry, Level: model.LevelWarning, Kind: "unsafe", Stage: "walk", Message: msg})
}

// unsafeName explains why an entry name may not be used, or returns "".
func unsafeName(name string) string {
	n := strings.ReplaceAll(name, "\\", "/")
	switch {
	case name == "":
		return "empty name"
	case strings.HasPrefix(n, "/") || (len(n) > 1 && n[1] == ':'):
		return fmt.Sprintf("absolute path %q", name)
	case strings.ContainsRune(n, 0):
		return "name contains a NUL byte"
	}
	for _, part := range strings.Split(n, "/") {
		if part == ".." {
			return fmt.Sprintf("path %q leaves the archive (zip-slip)", name)
		}
	}
	return ""
}

func (a *archive) read(name string, limit int64) ([]byte, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	f, ok := a.byName[name]
	if !ok {
		return nil, fmt.Errorf("%s: no such entry in %s", name, a.display)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s in %s: %w", name, a.display, err)
	}
	defer rc.Close()
	return readAllLimit(rc, limit, int64(f.UncompressedSize64))
}

// readAllLimit reads r fully, failing once more than limit bytes arrive (an
// entry that inflates beyond what its header declared). size is the
// expected length (0 if unknown), so the buffer is allocated once.
func readAllLimit(r io.Reader, limit, size int64) ([]byte, error) {
	var buf bytes.Buffer
	if size > 0 && size <= limit {
		buf.Grow(int(size) + 1) // +1: the read that sees EOF needs no regrowth
	}
	n, err := io.Copy(&buf, io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if n > limit {
		return nil, fmt.Errorf("%w (more than %s)", ErrTooLarge, humanSize(limit))
	}
	return buf.Bytes(), nil
}

// Close releases open archives.
func (t *Tree) Close() error {
	for _, a := range t.archives {
		a.mu.Lock()
		if a.reader != nil {
			a.reader.Close()
			a.reader = nil
		}
		a.mu.Unlock()
	}
	return nil
}
