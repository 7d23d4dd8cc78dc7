package db

import "github.com/cladsec/clad/internal/advisory"

// Limits bound what an import or download may read. Zero fields take the
// defaults.
type Limits struct {
	// MaxDownloadBytes bounds one downloaded archive (default 2 GiB).
	MaxDownloadBytes int64
	// MaxEntries bounds the entries of one zip and the files of one
	// directory (default 2,000,000).
	MaxEntries int
	// MaxRecordBytes bounds one record (one zip entry, one JSON file, one
	// JSONL line; default advisory.MaxRecordBytes). Larger ones are skipped.
	MaxRecordBytes int64
	// MaxTotalBytes bounds the decompressed bytes read from one source
	// (default 16 GiB); past it the import fails.
	MaxTotalBytes int64
}

func (l Limits) withDefaults() Limits {
	if l.MaxDownloadBytes <= 0 {
		l.MaxDownloadBytes = 2 << 30
	}
	if l.MaxEntries <= 0 {
		l.MaxEntries = 2_000_000
	}
	if l.MaxRecordBytes <= 0 || l.MaxRecordBytes > advisory.MaxRecordBytes {
		l.MaxRecordBytes = advisory.MaxRecordBytes
	}
	if l.MaxTotalBytes <= 0 {
		l.MaxTotalBytes = 16 << 30
	}
	return l
}
