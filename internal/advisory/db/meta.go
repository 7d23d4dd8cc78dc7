package db

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

const (
	metaFile    = "meta.json"
	currentFile = "CURRENT"
	metaFormat  = 1
	// maxMetaBytes bounds meta.json and CURRENT when reading them.
	maxMetaBytes = 16 << 20
)

// Source kinds.
const (
	KindImport   = "import"
	KindDownload = "download"
)

// Meta describes one generation of the database.
type Meta struct {
	Format     int                 `json:"format"`
	Generation string              `json:"generation"`
	Created    time.Time           `json:"created"`
	Sources    []SourceInfo        `json:"sources"`
	Ecosystems map[string]*EcoInfo `json:"ecosystems"`
}

// SourceInfo is one input the database was filled from. Importing or
// downloading the same input again replaces its records.
type SourceInfo struct {
	// ID identifies the input: "import:<absolute path>" or
	// "osv:<base URL>/<ecosystem>".
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	Location string `json:"location"`
	// Fetched is when the input was imported or downloaded.
	Fetched time.Time `json:"fetched"`
	// Records counts the records read from it (unique ids).
	Records int `json:"records"`
	// Skipped counts malformed or oversized records left out.
	Skipped int `json:"skipped,omitempty"`
	// Ecosystems counts the records it contributes per ecosystem.
	Ecosystems map[string]int `json:"ecosystems,omitempty"`
}

// EcoInfo describes one ecosystem's index file.
type EcoInfo struct {
	File string `json:"file"`
	// Records counts unique record ids; Packages distinct package names.
	Records  int `json:"records"`
	Packages int `json:"packages"`
	// Sources lists the source ids; a record's source number indexes it.
	Sources []string `json:"sources"`
	// Updated is the latest Fetched time of its sources.
	Updated time.Time `json:"updated"`
	// Newest is the latest modified time of its records.
	Newest time.Time `json:"newest,omitzero"`
	Size   int64     `json:"size"`
}

// source returns the source info by id.
func (m *Meta) source(id string) (SourceInfo, bool) {
	for _, s := range m.Sources {
		if s.ID == id {
			return s, true
		}
	}
	return SourceInfo{}, false
}

// readSmall reads a bounded file.
func readSmall(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxMetaBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxMetaBytes {
		return nil, fmt.Errorf("%w: %s is too large", ErrCorrupt, path)
	}
	return b, nil
}

// readMeta reads a generation's meta.json.
func readMeta(genDir string) (*Meta, error) {
	b, err := readSmall(filepath.Join(genDir, metaFile))
	if err != nil {
		return nil, err
	}
	var m Meta
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, metaFile, err)
	}
	if m.Format != metaFormat {
		return nil, fmt.Errorf("%w: meta format %d, want %d (run clad db update)", ErrCorrupt, m.Format, metaFormat)
	}
	for eco, e := range m.Ecosystems {
		if e == nil || !validFileName(e.File) {
			return nil, fmt.Errorf("%w: bad index file name for %s", ErrCorrupt, eco)
		}
	}
	return &m, nil
}

// writeMeta writes meta.json into dir and fsyncs it.
func writeMeta(dir string, m *Meta) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("encode meta: %w", err)
	}
	return writeFileSync(filepath.Join(dir, metaFile), append(b, '\n'))
}

// writeFileSync creates a new file with data and fsyncs it.
func writeFileSync(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("create %s: %w", filepath.Base(path), err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("sync %s: %w", filepath.Base(path), err)
	}
	return f.Close()
}

// syncDir fsyncs a directory so renames in it are durable (best effort
// where directories cannot be synced).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
