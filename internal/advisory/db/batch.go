package db

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/cladsec/clad/internal/advisory"
)

// maxProblems bounds the problems kept per source (all are counted).
const maxProblems = 20

// item is one record ready to index.
type item struct {
	id       string
	modified time.Time
	blob     []byte
	// pkgs maps ecosystem key to the normalised package names.
	pkgs map[string][]string
}

// newItem encodes a record and lists the packages it is indexed under.
func newItem(r *advisory.Record) (*item, error) {
	blob, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", r.ID, err)
	}
	it := &item{id: r.ID, modified: r.Modified.Time, blob: blob, pkgs: map[string][]string{}}
	seen := map[string]bool{}
	for _, a := range r.Affected {
		eco := advisory.EcosystemKey(a.Package.Ecosystem)
		name := advisory.NormalizeName(eco, a.Package.Name)
		if k := eco + "\x00" + name; !seen[k] {
			seen[k] = true
			it.pkgs[eco] = append(it.pkgs[eco], name)
		}
	}
	return it, nil
}

// batch gathers the records of one source.
type batch struct {
	info     SourceInfo
	limits   Limits
	items    map[string]*item
	problems []string
	total    int64
}

func newBatch(info SourceInfo, limits Limits) *batch {
	return &batch{info: info, limits: limits.withDefaults(), items: map[string]*item{}}
}

// problem records a skipped record or file.
func (b *batch) problem(format string, args ...any) {
	b.info.Skipped++
	if len(b.problems) < maxProblems {
		b.problems = append(b.problems, fmt.Sprintf(format, args...))
	}
}

// account adds decompressed bytes read and fails past the limit.
func (b *batch) account(n int64) error {
	b.total += n
	if b.total > b.limits.MaxTotalBytes {
		return fmt.Errorf("%s: more than %d bytes of records: refusing the input", b.info.Location, b.limits.MaxTotalBytes)
	}
	return nil
}

// add decodes one record; a malformed record is a problem, not an error.
// Among records with the same id the most recently modified is kept.
func (b *batch) add(data []byte, where string) {
	r, err := advisory.Decode(data)
	if err != nil {
		b.problem("%s: %v", where, err)
		return
	}
	if len(r.Affected) == 0 {
		return // nothing to index (GIT-only entries)
	}
	it, err := newItem(r)
	if err != nil {
		b.problem("%s: %v", where, err)
		return
	}
	if old, ok := b.items[it.id]; ok && !it.modified.After(old.modified) {
		return
	}
	b.items[it.id] = it
}

// Problems returns the first problems met reading the source.
func (b *batch) Problems() []string { return b.problems }
