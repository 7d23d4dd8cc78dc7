// Package npmreg reads package metadata from an npm registry: the
// abbreviated document ("application/vnd.npm.install-v1+json") that lists
// every version of a package with the dependency ranges it declares. The
// library checks use it, with --online only, to find the lowest release of
// a direct dependency whose tree admits a fixed version of a vulnerable
// package. Documents are cached on disk with a time to live, so a second
// scan does not ask again.
package npmreg

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// DefaultRegistry is the public npm registry.
const DefaultRegistry = "https://registry.npmjs.org"

// DefaultTTL is how long a cached document is used before asking again.
const DefaultTTL = 24 * time.Hour

// maxDocument bounds a metadata document (the largest public packages'
// abbreviated documents are a few tens of MB).
const maxDocument = 64 << 20

// Client fetches package documents. The zero value is not usable: use New.
type Client struct {
	// Registry is the base URL (DefaultRegistry when empty).
	Registry string
	// CacheDir holds cached documents; "" disables the disk cache.
	CacheDir string
	// TTL of cached documents (DefaultTTL when zero).
	TTL time.Duration
	// HTTP is the client used (a client with a 30 s timeout when nil).
	HTTP *http.Client
	// Now returns the current time (tests fix it).
	Now func() time.Time

	mu  sync.Mutex
	mem map[string]*Packument
	// Fetches counts documents requested from the registry (not the
	// cache), for tests and progress.
	Fetches int
}

// New returns a client for registry (DefaultRegistry when empty) caching
// in cacheDir ("" = no disk cache).
func New(registry, cacheDir string) *Client {
	return &Client{Registry: registry, CacheDir: cacheDir, mem: map[string]*Packument{}}
}

// DefaultCacheDir is clad/npm under the user cache directory.
func DefaultCacheDir() (string, error) {
	c, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("locate the cache directory: %w", err)
	}
	return filepath.Join(c, "clad", "npm"), nil
}

// Packument is the part of a package document clad reads.
type Packument struct {
	Name     string              `json:"name"`
	Versions map[string]Manifest `json:"versions"`
}

// Manifest is one published version.
type Manifest struct {
	Version              string            `json:"version"`
	Dependencies         map[string]string `json:"dependencies,omitempty"`
	OptionalDependencies map[string]string `json:"optionalDependencies,omitempty"`
	PeerDependencies     map[string]string `json:"peerDependencies,omitempty"`
	// Deprecated is a message (a string) when the version is deprecated.
	Deprecated json.RawMessage `json:"deprecated,omitempty"`
}

// Requires returns the range the version declares for dependency name, and
// whether it declares one (dependencies, then optional, then peer).
func (m Manifest) Requires(name string) (string, bool) {
	for _, set := range []map[string]string{m.Dependencies, m.OptionalDependencies, m.PeerDependencies} {
		if r, ok := set[name]; ok {
			return r, true
		}
	}
	return "", false
}

// ErrNotFound is returned for a package the registry does not know.
var ErrNotFound = errors.New("package not found in the registry")

// Get returns the document of package name, from memory, the disk cache
// (when younger than TTL) or the registry.
func (c *Client) Get(ctx context.Context, name string) (*Packument, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.mem == nil {
		c.mem = map[string]*Packument{}
	}
	if p, ok := c.mem[name]; ok {
		return p, nil
	}
	data, err := c.cached(name)
	if err != nil {
		data, err = c.fetch(ctx, name)
		if err != nil {
			return nil, err
		}
		c.store(name, data)
	}
	var p Packument
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, fmt.Errorf("npm registry document of %s: %w", name, err)
	}
	c.mem[name] = &p
	return &p, nil
}

// docURL is the document's URL: scoped names keep "@" and escape "/".
func (c *Client) docURL(name string) string {
	base := strings.TrimRight(c.Registry, "/")
	if base == "" {
		base = DefaultRegistry
	}
	return base + "/" + strings.Replace(url.PathEscape(name), "%40", "@", 1)
}

func (c *Client) fetch(ctx context.Context, name string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.docURL(name), nil)
	if err != nil {
		return nil, fmt.Errorf("npm registry request for %s: %w", name, err)
	}
	req.Header.Set("Accept", "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8")
	hc := c.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: 30 * time.Second}
	}
	c.Fetches++
	resp, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("npm registry: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return nil, fmt.Errorf("%s: %w", name, ErrNotFound)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("npm registry: %s: HTTP %d", name, resp.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxDocument+1))
	if err != nil {
		return nil, fmt.Errorf("npm registry: read %s: %w", name, err)
	}
	if len(data) > maxDocument {
		return nil, fmt.Errorf("npm registry: document of %s larger than %d MB", name, maxDocument>>20)
	}
	return data, nil
}
