package db

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"sort"
	"sync"

	"github.com/cladsec/clad/internal/advisory"
)

// readerAtCloser is an open index file.
type readerAtCloser interface {
	io.ReaderAt
	io.Closer
}

// ecoIndex is one opened ecosystem index file.
type ecoIndex struct {
	path   string
	f      readerAtCloser
	l      layout
	region []byte

	mu    sync.Mutex
	cache map[uint32]*advisory.Record
}

// openIndex opens an index file and loads its index region.
func openIndex(path string) (*ecoIndex, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("stat index: %w", err)
	}
	x, err := newIndex(path, f, st.Size())
	if err != nil {
		f.Close()
		return nil, err
	}
	return x, nil
}

// newIndex loads the index region of an open index.
func newIndex(path string, f readerAtCloser, size int64) (*ecoIndex, error) {
	l, region, err := readIndexRegion(f, size)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &ecoIndex{path: path, f: f, l: l, region: region, cache: map[uint32]*advisory.Record{}}, nil
}

// close releases the file.
func (x *ecoIndex) close() error { return x.f.Close() }

// section offsets inside region.
func (x *ecoIndex) stringsAt() int { return int(x.l.names) * nameEntrySize }
func (x *ecoIndex) refsAt() int    { return x.stringsAt() + int(x.l.strings) }
func (x *ecoIndex) recsAt() int    { return x.refsAt() + int(x.l.refs)*4 }

// nameAt returns the name of entry i and its refs range.
func (x *ecoIndex) nameAt(i int) ([]byte, uint32, uint32, error) {
	le := binary.LittleEndian
	e := x.region[i*nameEntrySize : (i+1)*nameEntrySize]
	off, n, first, count := le.Uint32(e), le.Uint32(e[4:]), le.Uint32(e[8:]), le.Uint32(e[12:])
	if uint64(off)+uint64(n) > uint64(x.l.strings) || uint64(first)+uint64(count) > uint64(x.l.refs) {
		return nil, 0, 0, fmt.Errorf("%s: %w: name entry %d out of bounds", x.path, ErrCorrupt, i)
	}
	s := x.stringsAt() + int(off)
	return x.region[s : s+int(n)], first, count, nil
}

// lookup returns the record numbers indexed under a normalised name.
func (x *ecoIndex) lookup(name string) ([]uint32, error) {
	key := []byte(name)
	var ferr error
	n := int(x.l.names)
	i := sort.Search(n, func(i int) bool {
		b, _, _, err := x.nameAt(i)
		if err != nil {
			ferr = err
			return true
		}
		return bytes.Compare(b, key) >= 0
	})
	if ferr != nil {
		return nil, ferr
	}
	if i == n {
		return nil, nil
	}
	b, first, count, err := x.nameAt(i)
	if err != nil || !bytes.Equal(b, key) {
		return nil, err
	}
	out := make([]uint32, count)
	refs := x.region[x.refsAt():]
	for k := range out {
		out[k] = binary.LittleEndian.Uint32(refs[(int(first)+k)*4:])
	}
	return out, nil
}

// recordAt returns the blob location and source of record i.
func (x *ecoIndex) recordAt(i uint32) (int64, int, uint16, error) {
	if i >= x.l.records {
		return 0, 0, 0, fmt.Errorf("%s: %w: record %d out of range", x.path, ErrCorrupt, i)
	}
	le := binary.LittleEndian
	e := x.region[x.recsAt()+int(i)*recEntrySize:]
	off, n, src := le.Uint64(e), le.Uint32(e[8:]), le.Uint16(e[12:])
	if n > advisory.MaxRecordBytes || off > uint64(x.l.fileSize) || x.l.blobOff+int64(off)+int64(n) > x.l.fileSize {
		return 0, 0, 0, fmt.Errorf("%s: %w: record %d out of bounds", x.path, ErrCorrupt, i)
	}
	return x.l.blobOff + int64(off), int(n), src, nil
}

// blob reads the encoded record i and its source number.
func (x *ecoIndex) blob(i uint32) ([]byte, uint16, error) {
	off, n, src, err := x.recordAt(i)
	if err != nil {
		return nil, 0, err
	}
	b := make([]byte, n)
	if _, err := x.f.ReadAt(b, off); err != nil {
		return nil, 0, fmt.Errorf("%s: read record %d: %w", x.path, i, err)
	}
	return b, src, nil
}

// record decodes record i, cached.
func (x *ecoIndex) record(i uint32) (*advisory.Record, error) {
	x.mu.Lock()
	r, ok := x.cache[i]
	x.mu.Unlock()
	if ok {
		return r, nil
	}
	b, _, err := x.blob(i)
	if err != nil {
		return nil, err
	}
	r, err = advisory.Decode(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: record %d: %v", x.path, ErrCorrupt, i, err)
	}
	x.mu.Lock()
	x.cache[i] = r
	x.mu.Unlock()
	return r, nil
}

// each calls fn with every record's blob and source number, in file order.
func (x *ecoIndex) each(fn func(blob []byte, src uint16) error) error {
	for i := uint32(0); i < x.l.records; i++ {
		b, src, err := x.blob(i)
		if err != nil {
			return err
		}
		if err := fn(b, src); err != nil {
			return err
		}
	}
	return nil
}
