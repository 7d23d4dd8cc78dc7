package scan

import (
	"github.com/cladsec/clad/internal/source"
)

// sourceCache computes each handler line and each reach once, however many
// functions share them; files are parsed through the scan's source cache.
type sourceCache struct {
	sources *source.Cache
	reached map[[2]string][]string
}

func newSourceCache(c *source.Cache) *sourceCache {
	return &sourceCache{sources: c, reached: map[[2]string][]string{}}
}

// handlerLine returns the line of symbol in file, 0 when unknown.
func (c *sourceCache) handlerLine(file, symbol string) int {
	if symbol == "" {
		return 0
	}
	f, err := c.sources.File(file)
	if err != nil {
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
	r := c.sources.Reach(file, codeDir, 0)
	c.reached[k] = r
	return r
}
