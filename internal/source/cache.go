package source

import (
	"io/fs"
	"sync"

	"github.com/cladsec/clad/internal/walk"
)

// Cache parses each file of one scanned tree once and keeps the parsed
// files until Close, so the scan's stages (handler lines, reach) and its
// detectors (taint, least privilege, data handling…) share one syntax tree
// per file instead of each parsing the same code again. Files it returns
// belong to the cache: callers never Close them, and must not use them after
// the cache's Close. Safe for concurrent use; the Files it returns are not
// (see File).
type Cache struct {
	tree  *walk.Tree
	mu    sync.Mutex
	files map[string]cached
	// Parsed counts the files parsed (for tests and benchmarks).
	Parsed int
}

type cached struct {
	f   *File
	err error
}

// NewCache returns an empty cache over t.
func NewCache(t *walk.Tree) *Cache {
	return &Cache{tree: t, files: map[string]cached{}}
}

// Tree returns the tree the cache reads from.
func (c *Cache) Tree() *walk.Tree { return c.tree }

// File returns path parsed, reading and parsing it on first use. The error
// (unreadable, unsupported language, refused by Parse) is remembered too.
func (c *Cache) File(path string) (*File, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if x, ok := c.files[path]; ok {
		return x.f, x.err
	}
	var x cached
	switch {
	case c.tree == nil:
		x.err = fs.ErrNotExist
	case DetectLang(path) == Unsupported:
		x.err = ErrUnsupported
	default:
		src, err := c.tree.ReadFile(path)
		if err != nil {
			x.err = err
			break
		}
		c.Parsed++
		x.f, x.err = Parse(path, src)
	}
	c.files[path] = x
	return x.f, x.err
}

// Close frees every parsed file. The cache stays usable: a later File call
// parses again.
func (c *Cache) Close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, x := range c.files {
		x.f.Close()
	}
	c.files = map[string]cached{}
}
