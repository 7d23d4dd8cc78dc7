package db

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"sort"
)

// Index file format (little endian), one file per ecosystem:
//
//	header   64 bytes: magic "CLADIDX1", format u32, crc32c of the index
//	         region u32, names u32, records u32, refs u32, strings u32,
//	         blobs offset u64, file size u64, 16 reserved bytes
//	names    16 bytes each, sorted by name bytes: string offset u32,
//	         string length u32, first ref u32, ref count u32
//	strings  the normalised package names, concatenated
//	refs     u32 record numbers, grouped per name
//	records  16 bytes each: blob offset u64 (from the blobs offset), blob
//	         length u32, source number u16, 2 reserved bytes
//	blobs    one canonical JSON OSV record per record
//
// Opening reads the header and the index region (everything before the
// blobs) in one read and checks its CRC; nothing is parsed or allocated per
// name. Lookups binary-search the name entries in place and read and decode
// only the records of the packages asked about.
const (
	magic         = "CLADIDX1"
	formatVersion = 1
	headerSize    = 64
	nameEntrySize = 16
	recEntrySize  = 16
	// maxCount bounds every count read from a header.
	maxCount = 1 << 28
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// ErrCorrupt reports a database file that fails its checks.
var ErrCorrupt = errors.New("advisory database is corrupt")

// ecoEntry is one record to write into an ecosystem's index.
type ecoEntry struct {
	id     string
	blob   []byte
	source uint16
	names  []string
}

// indexStats describes a written index.
type indexStats struct {
	records, packages int
	size              int64
}

// writeIndex writes entries (sorted by id for a deterministic file) to
// path and fsyncs it.
func writeIndex(path string, entries []ecoEntry) (indexStats, error) {
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].id < entries[j].id })
	byName := map[string][]uint32{}
	for i, e := range entries {
		for _, n := range e.names {
			byName[n] = append(byName[n], uint32(i))
		}
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	var body bytes.Buffer
	layout := encodeIndex(&body, names, byName, entries)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return indexStats{}, fmt.Errorf("create index: %w", err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	if _, err := w.Write(layout.header(body.Bytes())); err != nil {
		return indexStats{}, fmt.Errorf("write index %s: %w", path, err)
	}
	if _, err := w.Write(body.Bytes()); err != nil {
		return indexStats{}, fmt.Errorf("write index %s: %w", path, err)
	}
	for _, e := range entries {
		if _, err := w.Write(e.blob); err != nil {
			return indexStats{}, fmt.Errorf("write index %s: %w", path, err)
		}
	}
	if err := w.Flush(); err != nil {
		return indexStats{}, fmt.Errorf("write index %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return indexStats{}, fmt.Errorf("sync index %s: %w", path, err)
	}
	return indexStats{records: len(entries), packages: len(names), size: layout.fileSize}, nil
}

// layout holds the counts of an encoded index.
type layout struct {
	names, records, refs, strings uint32
	blobOff, fileSize             int64
}

// encodeIndex writes the index region (names, strings, refs, records).
func encodeIndex(w *bytes.Buffer, names []string, byName map[string][]uint32, entries []ecoEntry) layout {
	var strs bytes.Buffer
	var refs []uint32
	le := binary.LittleEndian
	var b [nameEntrySize]byte
	for _, n := range names {
		le.PutUint32(b[0:], uint32(strs.Len()))
		le.PutUint32(b[4:], uint32(len(n)))
		le.PutUint32(b[8:], uint32(len(refs)))
		le.PutUint32(b[12:], uint32(len(byName[n])))
		w.Write(b[:])
		strs.WriteString(n)
		refs = append(refs, byName[n]...)
	}
	w.Write(strs.Bytes())
	for _, r := range refs {
		var rb [4]byte
		le.PutUint32(rb[:], r)
		w.Write(rb[:])
	}
	var off uint64
	for _, e := range entries {
		var rb [recEntrySize]byte
		le.PutUint64(rb[0:], off)
		le.PutUint32(rb[8:], uint32(len(e.blob)))
		le.PutUint16(rb[12:], e.source)
		w.Write(rb[:])
		off += uint64(len(e.blob))
	}
	l := layout{names: uint32(len(names)), records: uint32(len(entries)), refs: uint32(len(refs)), strings: uint32(strs.Len())}
	l.blobOff = headerSize + int64(w.Len())
	l.fileSize = l.blobOff + int64(off)
	return l
}

// header encodes the header for an index region.
func (l layout) header(region []byte) []byte {
	le := binary.LittleEndian
	h := make([]byte, headerSize)
	copy(h, magic)
	le.PutUint32(h[8:], formatVersion)
	le.PutUint32(h[12:], crc32.Checksum(region, castagnoli))
	le.PutUint32(h[16:], l.names)
	le.PutUint32(h[20:], l.records)
	le.PutUint32(h[24:], l.refs)
	le.PutUint32(h[28:], l.strings)
	le.PutUint64(h[32:], uint64(l.blobOff))
	le.PutUint64(h[40:], uint64(l.fileSize))
	return h
}

// parseHeader validates a header against the file size.
func parseHeader(h []byte, size int64) (layout, uint32, error) {
	le := binary.LittleEndian
	if len(h) < headerSize || string(h[:8]) != magic {
		return layout{}, 0, fmt.Errorf("%w: not a clad index file", ErrCorrupt)
	}
	if v := le.Uint32(h[8:]); v != formatVersion {
		return layout{}, 0, fmt.Errorf("%w: index format %d, want %d (run clad db update)", ErrCorrupt, v, formatVersion)
	}
	l := layout{
		names: le.Uint32(h[16:]), records: le.Uint32(h[20:]), refs: le.Uint32(h[24:]), strings: le.Uint32(h[28:]),
		blobOff: int64(le.Uint64(h[32:])), fileSize: int64(le.Uint64(h[40:])),
	}
	if l.names > maxCount || l.records > maxCount || l.refs > maxCount {
		return layout{}, 0, fmt.Errorf("%w: counts out of range", ErrCorrupt)
	}
	want := int64(headerSize) + int64(l.names)*nameEntrySize + int64(l.strings) + int64(l.refs)*4 + int64(l.records)*recEntrySize
	if l.blobOff != want || l.fileSize != size || l.blobOff > size {
		return layout{}, 0, fmt.Errorf("%w: section sizes do not add up", ErrCorrupt)
	}
	return l, le.Uint32(h[12:]), nil
}

// readIndexRegion reads and checks the header and index region of an
// index of the given size.
func readIndexRegion(f io.ReaderAt, size int64) (layout, []byte, error) {
	h := make([]byte, headerSize)
	if _, err := io.ReadFull(io.NewSectionReader(f, 0, headerSize), h); err != nil {
		return layout{}, nil, fmt.Errorf("%w: short header: %v", ErrCorrupt, err)
	}
	l, sum, err := parseHeader(h, size)
	if err != nil {
		return layout{}, nil, err
	}
	region := make([]byte, l.blobOff-headerSize)
	if _, err := f.ReadAt(region, headerSize); err != nil {
		return layout{}, nil, fmt.Errorf("%w: read index region: %v", ErrCorrupt, err)
	}
	if crc32.Checksum(region, castagnoli) != sum {
		return layout{}, nil, fmt.Errorf("%w: index checksum mismatch", ErrCorrupt)
	}
	return l, region, nil
}
