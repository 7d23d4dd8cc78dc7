package npmreg

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"time"
)

// cachePath is where the document of name from this registry is kept:
// one folder per registry (a hash of its URL), one file per package.
func (c *Client) cachePath(name string) string {
	h := sha256.Sum256([]byte(c.docURL("")))
	return filepath.Join(c.CacheDir, hex.EncodeToString(h[:6]), url.PathEscape(name)+".json")
}

// cached returns the cached document when it is younger than the TTL.
func (c *Client) cached(name string) ([]byte, error) {
	if c.CacheDir == "" {
		return nil, errors.New("no cache")
	}
	p := c.cachePath(name)
	info, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if c.now().Sub(info.ModTime()) > c.ttl() {
		return nil, errors.New("expired")
	}
	if info.Size() > maxDocument {
		return nil, errors.New("too large")
	}
	return os.ReadFile(p)
}

// store writes the document atomically; a cache that cannot be written
// only costs a fetch next time.
func (c *Client) store(name string, data []byte) {
	if c.CacheDir == "" {
		return
	}
	p := c.cachePath(name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), p) != nil {
		_ = os.Remove(tmp.Name())
		return
	}
	now := c.now()
	_ = os.Chtimes(p, now, now)
}

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

func (c *Client) ttl() time.Duration {
	if c.TTL > 0 {
		return c.TTL
	}
	return DefaultTTL
}
