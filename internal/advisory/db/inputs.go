package db

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// readZip reads every *.json entry of an OSV export without extracting
// anything to disk. Entries are counted and bounded; an entry larger than
// the record limit (by its header or by what it really inflates to), one
// that cannot be opened or fails its checksum is skipped as a problem; more
// entries or more inflated bytes than allowed fail the whole input.
func readZip(ctx context.Context, b *batch, r io.ReaderAt, size int64, name string) error {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return fmt.Errorf("%s: not a readable zip: %w", name, err)
	}
	if len(zr.File) > b.limits.MaxEntries {
		return fmt.Errorf("%s: %d entries exceeds the limit of %d: refusing the archive", name, len(zr.File), b.limits.MaxEntries)
	}
	for i, f := range zr.File {
		if i%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if f.FileInfo().IsDir() || !strings.HasSuffix(strings.ToLower(f.Name), ".json") {
			continue
		}
		if err := readZipEntry(b, f, name); err != nil {
			return err
		}
	}
	return nil
}

// readZipEntry reads one entry within the limits.
func readZipEntry(b *batch, f *zip.File, archive string) error {
	where := fmt.Sprintf("%s!/%q", archive, truncName(f.Name))
	max := b.limits.MaxRecordBytes
	if f.UncompressedSize64 > uint64(max) {
		b.problem("%s: %d bytes exceeds the record limit", where, f.UncompressedSize64)
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		b.problem("%s: %v", where, err)
		return nil
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, max+1))
	if aerr := b.account(int64(len(data))); aerr != nil {
		return aerr
	}
	switch {
	case int64(len(data)) > max:
		b.problem("%s: inflates past the record limit", where)
	case err != nil:
		b.problem("%s: %v", where, err)
	default:
		b.add(data, where)
	}
	return nil
}

func truncName(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}

// readLines reads one record per line (JSON Lines); blank lines are
// skipped, overlong lines are problems.
func readLines(ctx context.Context, b *batch, r io.Reader, name string) error {
	br := bufio.NewReaderSize(r, 1<<20)
	max := int(b.limits.MaxRecordBytes)
	for lineNo := 1; ; lineNo++ {
		if lineNo%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		line, n, tooLong, err := readLine(br, max)
		if aerr := b.account(n); aerr != nil {
			return aerr
		}
		where := fmt.Sprintf("%s:%d", name, lineNo)
		switch {
		case tooLong:
			b.problem("%s: line exceeds the record limit", where)
		case len(bytes.TrimSpace(line)) > 0:
			b.add(line, where)
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
	}
}

// readLine reads up to the next newline keeping at most max bytes (the
// rest of a longer line is discarded) and returns the bytes consumed.
func readLine(br *bufio.Reader, max int) ([]byte, int64, bool, error) {
	var line []byte
	var n int64
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		n += int64(len(chunk))
		if !tooLong {
			if len(line)+len(chunk) > max+1 {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), n, tooLong, err
	}
}

// readFile reads one input file by its kind: *.zip, *.jsonl(.gz), *.json.
func readFile(ctx context.Context, b *batch, path string) error {
	lower := strings.ToLower(path)
	switch {
	case strings.HasSuffix(lower, ".zip"):
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("open %s: %w", path, err)
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return fmt.Errorf("stat %s: %w", path, err)
		}
		return readZip(ctx, b, f, st.Size(), filepath.Base(path))
	case strings.HasSuffix(lower, ".jsonl.gz"), strings.HasSuffix(lower, ".jsonl"):
		return readJSONL(ctx, b, path)
	case strings.HasSuffix(lower, ".json"):
		return readJSONFile(b, path)
	}
	return fmt.Errorf("%s: not an OSV input (want a .zip, .json, .jsonl or .jsonl.gz file or a directory)", path)
}

// readJSONL reads a JSON Lines file, gzip-compressed when named .gz.
func readJSONL(ctx context.Context, b *batch, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	// The cap stops a decompression bomb inside an endless line, before
	// the line is ever accounted.
	capped := &capReader{r: r, left: b.limits.MaxTotalBytes - b.total + 1, name: path}
	return readLines(ctx, b, capped, filepath.Base(path))
}

// capReader fails once more than left bytes were read.
type capReader struct {
	r    io.Reader
	left int64
	name string
}

// Read reads from the underlying reader within the cap.
func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, fmt.Errorf("%s: decompresses past the input limit: refusing it", c.name)
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// readJSONFile reads one OSV JSON record.
func readJSONFile(b *batch, path string) error {
	f, err := os.Open(path)
	if err != nil {
		b.problem("%s: %v", path, err)
		return nil
	}
	defer f.Close()
	max := b.limits.MaxRecordBytes
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if aerr := b.account(int64(len(data))); aerr != nil {
		return aerr
	}
	switch {
	case err != nil:
		b.problem("%s: %v", path, err)
	case int64(len(data)) > max:
		b.problem("%s: exceeds the record limit", path)
	default:
		b.add(data, filepath.Base(path))
	}
	return nil
}

// readDir reads every input file under dir (symbolic links and other
// non-regular files are not followed).
func readDir(ctx context.Context, b *batch, dir string) error {
	n := 0
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			b.problem("%s: %v", path, err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if d.IsDir() || !d.Type().IsRegular() || !isInput(path) {
			return nil
		}
		if n++; n > b.limits.MaxEntries {
			return fmt.Errorf("%s: more than %d files: refusing the directory", dir, b.limits.MaxEntries)
		}
		return readFile(ctx, b, path)
	})
}

// isInput reports whether a file name is one readFile handles.
func isInput(path string) bool {
	l := strings.ToLower(path)
	for _, s := range []string{".zip", ".jsonl.gz", ".jsonl", ".json"} {
		if strings.HasSuffix(l, s) {
			return true
		}
	}
	return false
}
