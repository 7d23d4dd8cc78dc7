package db

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// old is the live generation a write starts from.
type old struct {
	meta *Meta
	dir  string
}

// loadOld reads the live generation; an unreadable one is reported in the
// returned note and replaced by the write.
func (s *Store) loadOld() (old, string) {
	gen, err := s.current()
	if errors.Is(err, ErrNoData) {
		return old{}, ""
	}
	if err == nil {
		dir := filepath.Join(s.Dir, gen)
		m, merr := readMeta(dir)
		if merr == nil {
			return old{meta: m, dir: dir}, ""
		}
		err = merr
	}
	return old{}, fmt.Sprintf("the previous database could not be read and was replaced: %v", err)
}

// commit writes a new generation holding the live records minus those of
// the sources being replaced, plus the batches, and publishes it.
func (s *Store) commit(ctx context.Context, batches []*batch) (*Meta, []string, error) {
	unlock, err := s.lock()
	if err != nil {
		return nil, nil, err
	}
	defer unlock()
	prev, note := s.loadOld()
	var notes []string
	if note != "" {
		notes = append(notes, note)
	}
	tmp, err := s.tempDir(".tmp-")
	if err != nil {
		return nil, nil, err
	}
	done := false
	defer func() {
		if !done {
			_ = os.RemoveAll(tmp)
		}
	}()
	w := newWriter(s, prev, batches, tmp)
	for _, eco := range w.ecosystems() {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		n, err := w.writeEco(eco)
		if err != nil {
			return nil, nil, err
		}
		notes = append(notes, n...)
		if err := s.stage("ecosystem-written"); err != nil {
			return nil, nil, err
		}
	}
	meta := w.meta()
	if err := writeMeta(tmp, meta); err != nil {
		return nil, nil, err
	}
	gen, err := s.publish(tmp)
	if err != nil {
		return nil, nil, err
	}
	done = true
	meta.Generation = gen
	s.cleanup(gen)
	return meta, notes, nil
}

// writer builds one generation.
type writer struct {
	s        *Store
	prev     old
	batches  []*batch
	replaced map[string]bool
	tmp      string
	used     map[string]bool
	ecos     map[string]*EcoInfo
	// counts[source][eco] records after the write.
	counts map[string]map[string]int
	// fresh lists the new records per ecosystem, per batch, sorted by id.
	fresh map[string][][]*item
}

func newWriter(s *Store, prev old, batches []*batch, tmp string) *writer {
	w := &writer{s: s, prev: prev, batches: batches, tmp: tmp, replaced: map[string]bool{},
		used: map[string]bool{}, ecos: map[string]*EcoInfo{}, counts: map[string]map[string]int{}}
	w.fresh = map[string][][]*item{}
	for bi, b := range batches {
		w.replaced[b.info.ID] = true
		for _, it := range b.items {
			for eco := range it.pkgs {
				if w.fresh[eco] == nil {
					w.fresh[eco] = make([][]*item, len(batches))
				}
				w.fresh[eco][bi] = append(w.fresh[eco][bi], it)
			}
		}
	}
	for _, per := range w.fresh {
		for _, items := range per {
			sort.Slice(items, func(i, j int) bool { return items[i].id < items[j].id })
		}
	}
	return w
}

// ecosystems lists the old and new ecosystems, sorted.
func (w *writer) ecosystems() []string {
	set := map[string]bool{}
	if w.prev.meta != nil {
		for e := range w.prev.meta.Ecosystems {
			set[e] = true
		}
	}
	for e := range w.fresh {
		set[e] = true
	}
	out := make([]string, 0, len(set))
	for e := range set {
		out = append(out, e)
	}
	sort.Strings(out)
	return out
}

// oldInfo returns the live ecosystem info, if any.
func (w *writer) oldInfo(eco string) *EcoInfo {
	if w.prev.meta == nil {
		return nil
	}
	return w.prev.meta.Ecosystems[eco]
}

// touched reports whether an ecosystem must be rebuilt.
func (w *writer) touched(eco string) bool {
	if info := w.oldInfo(eco); info != nil {
		for _, src := range info.Sources {
			if w.replaced[src] {
				return true
			}
		}
	}
	return len(w.fresh[eco]) > 0
}

// writeEco links an untouched index into the new generation or rebuilds it.
func (w *writer) writeEco(eco string) ([]string, error) {
	info := w.oldInfo(eco)
	if !w.touched(eco) {
		name := fileNameFor(eco, w.used)
		if err := linkOrCopy(filepath.Join(w.prev.dir, info.File), filepath.Join(w.tmp, name)); err != nil {
			return nil, err
		}
		cp := *info
		cp.File = name
		w.ecos[eco] = &cp
		for _, src := range info.Sources {
			if si, ok := w.prev.meta.source(src); ok {
				w.count(src, eco, si.Ecosystems[eco])
			}
		}
		return nil, nil
	}
	g := &gather{eco: eco, srcIdx: map[string]uint16{}, ids: map[string]bool{}, perSrc: map[string]int{}}
	var notes []string
	if info != nil {
		if err := g.addOld(w, info); err != nil {
			if errors.Is(err, ErrCorrupt) {
				notes = append(notes, fmt.Sprintf("%s: the previous index was unreadable; its other sources' records were dropped: %v", eco, err))
				g.reset()
			} else {
				return nil, err
			}
		}
	}
	g.addNew(w.batches, w.fresh[eco])
	if len(g.entries) == 0 {
		return notes, nil
	}
	name := fileNameFor(eco, w.used)
	st, err := writeIndex(filepath.Join(w.tmp, name), g.entries)
	if err != nil {
		return nil, err
	}
	w.ecos[eco] = &EcoInfo{File: name, Records: len(g.ids), Packages: st.packages, Sources: g.sources,
		Updated: w.updated(g.sources), Newest: g.newest, Size: st.size}
	for src, n := range g.perSrc {
		w.count(src, eco, n)
	}
	return notes, nil
}

func (w *writer) count(src, eco string, n int) {
	if n <= 0 {
		return
	}
	if w.counts[src] == nil {
		w.counts[src] = map[string]int{}
	}
	w.counts[src][eco] += n
}

// sourceInfo returns the info of a source: a new batch's, else the old.
func (w *writer) sourceInfo(id string) (SourceInfo, bool) {
	for _, b := range w.batches {
		if b.info.ID == id {
			return b.info, true
		}
	}
	if w.prev.meta != nil {
		return w.prev.meta.source(id)
	}
	return SourceInfo{}, false
}

// updated is the latest fetch time of the sources.
func (w *writer) updated(sources []string) time.Time {
	var t time.Time
	for _, id := range sources {
		if si, ok := w.sourceInfo(id); ok && si.Fetched.After(t) {
			t = si.Fetched
		}
	}
	return t
}

// meta assembles the generation's metadata: the new sources, and the old
// ones that still contribute records.
func (w *writer) meta() *Meta {
	m := &Meta{Format: metaFormat, Created: w.s.now(), Ecosystems: w.ecos}
	if w.prev.meta != nil {
		for _, si := range w.prev.meta.Sources {
			if !w.replaced[si.ID] && len(w.counts[si.ID]) > 0 {
				si.Ecosystems = w.counts[si.ID]
				m.Sources = append(m.Sources, si)
			}
		}
	}
	for _, b := range w.batches {
		si := b.info
		si.Records = len(b.items)
		si.Ecosystems = w.counts[si.ID]
		m.Sources = append(m.Sources, si)
	}
	return m
}
