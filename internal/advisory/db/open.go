package db

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/cladsec/clad/internal/advisory"
	"github.com/cladsec/clad/internal/advisory/feed"
)

// DB is an opened advisory database merged with the enrichment feed. It is
// safe for concurrent use.
type DB struct {
	dir  string
	meta *Meta
	ecos map[string]*ecoIndex
	feed *advisory.MemIndex
}

// Open opens the live generation of the database in dir (DefaultDir when
// empty). It returns an error wrapping ErrNoData when there is none, and
// one wrapping ErrCorrupt when it fails its checks.
func Open(dir string) (*DB, error) {
	s, err := NewStore(dir)
	if err != nil {
		return nil, err
	}
	return s.Open()
}

// Open opens the store's live generation (see the package function Open).
func (s *Store) Open() (*DB, error) {
	fd, err := Feed()
	if err != nil {
		return nil, err
	}
	// A writer may remove the generation between reading CURRENT and
	// opening its files: read CURRENT again once.
	for attempt := 0; ; attempt++ {
		gen, err := s.current()
		if err != nil {
			return nil, err
		}
		d, err := openGen(filepath.Join(s.Dir, gen))
		if errors.Is(err, os.ErrNotExist) && attempt == 0 {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("open advisory database %s: %w", s.Dir, err)
		}
		d.dir, d.feed = s.Dir, fd
		d.meta.Generation = gen
		return d, nil
	}
}

// openGen opens every index of a generation.
func openGen(genDir string) (*DB, error) {
	m, err := readMeta(genDir)
	if err != nil {
		return nil, err
	}
	d := &DB{meta: m, ecos: make(map[string]*ecoIndex, len(m.Ecosystems))}
	for eco, info := range m.Ecosystems {
		x, err := openIndex(filepath.Join(genDir, info.File))
		if err != nil {
			d.Close()
			return nil, err
		}
		d.ecos[eco] = x
	}
	return d, nil
}

// Close releases the open files.
func (d *DB) Close() error {
	var first error
	for _, x := range d.ecos {
		if err := x.close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Meta returns the generation's metadata.
func (d *DB) Meta() *Meta { return d.meta }

// Ecosystems lists the ecosystems with records, sorted.
func (d *DB) Ecosystems() []string {
	out := make([]string, 0, len(d.ecos))
	for e := range d.ecos {
		out = append(out, e)
	}
	sort.Strings(out)
	return out
}

// Lookup returns the records (OSV and feed) indexed under a package, for
// callers that evaluate other versions (to find the smallest upgrade of a
// direct dependency) with advisory.Evaluate.
func (d *DB) Lookup(eco, name string) ([]*advisory.Record, error) {
	key := advisory.EcosystemKey(eco)
	var out []*advisory.Record
	if x := d.ecos[key]; x != nil {
		nums, err := x.lookup(advisory.NormalizeName(key, name))
		if err != nil {
			return nil, err
		}
		for _, n := range nums {
			r, err := x.record(n)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
	}
	return append(out, d.feed.Lookup(eco, name)...), nil
}

// Query matches one installed package version: one Match per flaw, with
// aliases merged, severity, smallest fix, CWEs and references.
func (d *DB) Query(eco, name, version string) ([]advisory.Match, error) {
	recs, err := d.Lookup(eco, name)
	if err != nil {
		return nil, fmt.Errorf("query %s %s@%s: %w", eco, name, version, err)
	}
	return advisory.Evaluate(recs, eco, name, version), nil
}

var (
	feedOnce sync.Once
	feedIx   *advisory.MemIndex
	feedErr  error
)

// Feed returns the enrichment feed embedded in clad, decoded once.
func Feed() (*advisory.MemIndex, error) {
	feedOnce.Do(func() {
		files, err := feed.Files()
		if err != nil {
			feedErr = err
			return
		}
		var recs []*advisory.Record
		for _, f := range files {
			r, err := advisory.Decode(f.Data)
			if err != nil {
				feedErr = fmt.Errorf("enrichment feed %s: %w", f.Name, err)
				return
			}
			recs = append(recs, r)
		}
		feedIx = advisory.NewMemIndex(recs)
	})
	return feedIx, feedErr
}

// QueryPURL matches the package a versioned package URL names.
func (d *DB) QueryPURL(purl string) ([]advisory.Match, error) {
	eco, name, version, err := advisory.FromPURL(purl)
	if err != nil {
		return nil, err
	}
	if version == "" {
		return nil, fmt.Errorf("package URL %q has no version", purl)
	}
	return d.Query(eco, name, version)
}
