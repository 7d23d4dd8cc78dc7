package scan

import (
	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/walk"
)

// sourceCache parses each handler file once and computes each reach once,
// however many functions share them.
type sourceCache struct {
	tree    *walk.Tree
	parsed  map[string]*source.File // nil entry: could not parse
	reached map[[2]string][]string
}

func newSourceCache(t *walk.Tree) *sourceCache {
	return &sourceCache{tree: t, parsed: map[string]*source.File{}, reached: map[[2]string][]string{}}
}

// handlerLine returns the line of symbol in file, 0 when unknown.
func (c *sourceCache) handlerLine(file, symbol string) int {
	if symbol == "" || source.DetectLang(file) == source.Unsupported {
		return 0
	}
	f, ok := c.parsed[file]
	if !ok {
		if src, err := c.tree.ReadFile(file); err == nil {
			f, _ = source.Parse(file, src)
		}
		c.parsed[file] = f
	}
	if f == nil {
		return 0
	}
	return f.HandlerLine(symbol)
}

// reach returns the files the handler file reaches within codeDir.
func (c *sourceCache) reach(file, codeDir string) []string {
	k := [2]string{file, codeDir}
	if r, ok := c.reached[k]; ok {
		return r
	}
	r := source.Reach(c.tree, file, codeDir, 0)
	c.reached[k] = r
	return r
}

func (c *sourceCache) close() {
	for _, f := range c.parsed {
		if f != nil {
			f.Close()
		}
	}
}
