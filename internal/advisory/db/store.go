package db

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Store writes and reads the database in one directory.
type Store struct {
	// Dir is the database directory.
	Dir string
	// Client downloads for Update (default: a client with a 10 minute
	// timeout per archive).
	Client *http.Client
	// Limits bound imports and downloads.
	Limits Limits
	// Now returns the current time (tests fix it).
	Now func() time.Time
	// StaleTemp is how old a leftover temporary directory (of a crashed
	// or concurrent write) must be before a write removes it (default 1h).
	StaleTemp time.Duration

	// hook, when set, runs at each stage of a write; an error aborts it
	// (tests simulate failures midway).
	hook func(stage string) error
}

// NewStore returns a store for dir, or for DefaultDir when dir is empty.
func NewStore(dir string) (*Store, error) {
	if dir == "" {
		d, err := DefaultDir()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	return &Store{Dir: dir}, nil
}

func (s *Store) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// staleTemp is StaleTemp or its default.
func (s *Store) staleTemp() time.Duration {
	if s.StaleTemp > 0 {
		return s.StaleTemp
	}
	return time.Hour
}

func (s *Store) stage(name string) error {
	if s.hook == nil {
		return nil
	}
	return s.hook(name)
}

// ErrNoData means there is no advisory database yet: the caller should
// say plainly that library checks did not run and how to get data.
var ErrNoData = errors.New("no advisory data: run clad db update or clad db import PATH")

// current returns the live generation's name, or ErrNoData.
func (s *Store) current() (string, error) {
	b, err := readSmall(filepath.Join(s.Dir, currentFile))
	if errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("%w (%s is empty)", ErrNoData, s.Dir)
	}
	if err != nil {
		return "", fmt.Errorf("read %s: %w", currentFile, err)
	}
	gen := strings.TrimSpace(string(b))
	if !validGen(gen) {
		return "", fmt.Errorf("%w: %s names %q", ErrCorrupt, currentFile, gen)
	}
	return gen, nil
}

// randomSuffix returns 8 hex characters.
func randomSuffix() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// publish renames a finished temporary generation into place and points
// CURRENT at it, each step durable before the next.
func (s *Store) publish(tmp string) (string, error) {
	syncDir(tmp)
	gen := "gen-" + s.now().Format("20060102T150405Z") + "-" + randomSuffix()
	if err := s.stage("before-rename"); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, filepath.Join(s.Dir, gen)); err != nil {
		return "", fmt.Errorf("install generation: %w", err)
	}
	syncDir(s.Dir)
	if err := s.stage("before-current"); err != nil {
		_ = os.RemoveAll(filepath.Join(s.Dir, gen))
		return "", err
	}
	ptr := filepath.Join(s.Dir, ".CURRENT-"+randomSuffix())
	if err := writeFileSync(ptr, []byte(gen+"\n")); err != nil {
		_ = os.RemoveAll(filepath.Join(s.Dir, gen))
		return "", err
	}
	if err := os.Rename(ptr, filepath.Join(s.Dir, currentFile)); err != nil {
		_ = os.Remove(ptr)
		_ = os.RemoveAll(filepath.Join(s.Dir, gen))
		return "", fmt.Errorf("switch %s: %w", currentFile, err)
	}
	syncDir(s.Dir)
	return gen, nil
}

// cleanup removes generations other than live and temporary leftovers
// older than StaleTemp. Readers that already opened an old generation keep
// their open files.
func (s *Store) cleanup(live string) {
	entries, err := os.ReadDir(s.Dir)
	if err != nil {
		return
	}
	stale := s.staleTemp()
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, "gen-") && name != live:
			_ = os.RemoveAll(filepath.Join(s.Dir, name))
		case strings.HasPrefix(name, ".tmp-") || strings.HasPrefix(name, ".dl-") || strings.HasPrefix(name, ".CURRENT-"):
			if info, err := e.Info(); err == nil && s.now().Sub(info.ModTime()) > stale {
				_ = os.RemoveAll(filepath.Join(s.Dir, name))
			}
		}
	}
}

// tempDir creates a temporary directory inside the store.
func (s *Store) tempDir(prefix string) (string, error) {
	if err := os.MkdirAll(s.Dir, 0o755); err != nil {
		return "", fmt.Errorf("create %s: %w", s.Dir, err)
	}
	d, err := os.MkdirTemp(s.Dir, prefix)
	if err != nil {
		return "", fmt.Errorf("create a temporary directory in %s: %w", s.Dir, err)
	}
	return d, nil
}
