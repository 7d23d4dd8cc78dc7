package db

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Result describes a completed import or update.
type Result struct {
	// Generation is the new live generation.
	Generation string
	// Sources are the inputs written, with their record counts.
	Sources []SourceInfo
	// Ecosystems counts the records per ecosystem of the whole database.
	Ecosystems map[string]int
	// Problems lists the first records or files skipped per source.
	Problems []string
	// Notes tell about recoveries (an unreadable previous database).
	Notes []string
}

// Import reads an OSV export (all.zip), a directory of OSV JSON files
// (and/or .jsonl(.gz) files and zips) or one .json/.jsonl/.jsonl.gz file,
// and merges it into the database: the records this same path contributed
// before are replaced, every other source's records are kept. Malformed
// records are skipped and reported in Result.Problems; limits that a
// hostile input exceeds fail the import and leave the database unchanged.
func (s *Store) Import(ctx context.Context, path string) (*Result, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", path, err)
	}
	st, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	b := newBatch(SourceInfo{ID: "import:" + abs, Kind: KindImport, Location: abs, Fetched: s.now()}, s.Limits)
	if st.IsDir() {
		err = readDir(ctx, b, abs)
	} else {
		err = readFile(ctx, b, abs)
	}
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", path, err)
	}
	return s.write(ctx, []*batch{b})
}

// write commits batches and summarises the outcome.
func (s *Store) write(ctx context.Context, batches []*batch) (*Result, error) {
	meta, notes, err := s.commit(ctx, batches)
	if err != nil {
		return nil, fmt.Errorf("write the advisory database: %w", err)
	}
	res := &Result{Generation: meta.Generation, Ecosystems: map[string]int{}, Notes: notes}
	for eco, info := range meta.Ecosystems {
		res.Ecosystems[eco] = info.Records
	}
	for _, b := range batches {
		for _, si := range meta.Sources {
			if si.ID == b.info.ID {
				res.Sources = append(res.Sources, si)
			}
		}
		for _, p := range b.Problems() {
			res.Problems = append(res.Problems, p)
		}
	}
	sort.SliceStable(res.Sources, func(i, j int) bool { return res.Sources[i].ID < res.Sources[j].ID })
	return res, nil
}
