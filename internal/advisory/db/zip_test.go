package db

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// zipEntry is one entry to build; raw entries carry a forged header.
type zipEntry struct {
	name   string
	data   []byte
	method uint16
	// declared overrides the uncompressed size in the header (a lie).
	declared uint64
}

func buildZip(t testing.TB, entries ...zipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		if e.declared == 0 && e.method == 0 {
			w, err := zw.Create(e.name)
			if err != nil {
				t.Fatal(err)
			}
			w.Write(e.data)
			continue
		}
		writeRaw(t, zw, e)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeRaw writes a deflated entry with a forged header.
func writeRaw(t testing.TB, zw *zip.Writer, e zipEntry) {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write(e.data)
	fw.Close()
	method := e.method
	if method == 0 {
		method = zip.Deflate
	}
	size := e.declared
	if size == 0 {
		size = uint64(len(e.data))
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: method, CRC32: crc32.ChecksumIEEE(e.data),
		CompressedSize64: uint64(comp.Len()), UncompressedSize64: size})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
}

func writeZip(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "all.zip")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestImportHostileZip: hostile archives are bounded, nothing is
// extracted, and a refused archive leaves the database as it was.
func TestImportHostileZip(t *testing.T) {
	ctx := context.Background()
	good := []byte(npmRecord("TEST-Z-1", "zpkg", "2.0.0"))
	bomb := bytes.Repeat([]byte(" "), 2<<20) // 2 MiB of spaces, deflates to a few kB
	t.Run("skips what it cannot trust", func(t *testing.T) {
		s := newTestStore(t)
		s.Limits = Limits{MaxRecordBytes: 1 << 20}
		p := writeZip(t, buildZip(t,
			zipEntry{name: "TEST-Z-1.json", data: good},
			zipEntry{name: "../../escape/TEST-Z-2.json", data: []byte(npmRecord("TEST-Z-2", "zpkg", "2.0.0"))},
			zipEntry{name: "/abs/TEST-Z-3.json", data: []byte(npmRecord("TEST-Z-3", "zpkg", "2.0.0"))},
			zipEntry{name: "bomb.json", data: bomb, declared: uint64(len(bomb))},
			zipEntry{name: "liar.json", data: bomb, declared: 100},
			zipEntry{name: "weird-method.json", data: good, method: 99},
			zipEntry{name: "broken.json", data: []byte(`{"id":`)},
			zipEntry{name: "nested.zip", data: buildZip(t, zipEntry{name: "x.json", data: good})},
			zipEntry{name: "README.txt", data: []byte("not a record")},
			zipEntry{name: "dir/", data: nil},
		))
		res, err := s.Import(ctx, p)
		if err != nil {
			t.Fatalf("Import: %v", err)
		}
		if res.Sources[0].Records != 3 || res.Sources[0].Skipped != 4 {
			t.Errorf("records %d skipped %d, want 3 and 4; problems: %v", res.Sources[0].Records, res.Sources[0].Skipped, res.Problems)
		}
		for _, want := range []string{"bomb.json", "liar.json", "weird-method.json", "broken.json"} {
			if !strings.Contains(strings.Join(res.Problems, "\n"), want) {
				t.Errorf("problems lack %s: %v", want, res.Problems)
			}
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(filepath.Dir(p)), "escape")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("an entry name escaped: %v", err)
		}
		if got := ids(t, openT(t, s), "npm", "zpkg", "1.0.0"); strings.Join(got, ",") != "TEST-Z-1,TEST-Z-2,TEST-Z-3" {
			t.Errorf("imported %v", got)
		}
	})
	refused := []struct {
		name   string
		limits Limits
		data   []byte
		want   string
	}{
		{"too many entries", Limits{MaxEntries: 3}, buildZip(t,
			zipEntry{name: "a.json", data: good}, zipEntry{name: "b.json", data: good},
			zipEntry{name: "c.json", data: good}, zipEntry{name: "d.json", data: good}), "entries exceeds the limit"},
		{"too many inflated bytes", Limits{MaxTotalBytes: 1 << 20, MaxRecordBytes: 1 << 20}, buildZip(t,
			zipEntry{name: "a.json", data: bomb[:900<<10]}, zipEntry{name: "b.json", data: bomb[:900<<10]}), "refusing the input"},
		{"not a zip", Limits{}, []byte("PK\x03\x04 garbage"), "not a readable zip"},
	}
	for _, c := range refused {
		t.Run(c.name, func(t *testing.T) {
			s := newTestStore(t)
			seed := writeJSONL(t, t.TempDir(), "seed.jsonl", npmRecord("TEST-SEED-1", "zpkg", "2.0.0"))
			if _, err := s.Import(ctx, seed); err != nil {
				t.Fatal(err)
			}
			gen0, _ := s.current()
			s.Limits = c.limits
			_, err := s.Import(ctx, writeZip(t, c.data))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want %q", err, c.want)
			}
			assertOnly(t, s.Dir, currentFile, gen0)
		})
	}
}

// TestImportJSONLLimits: an endless line in a gzip stream is cut by the
// input limit, an overlong line is skipped.
func TestImportJSONLLimits(t *testing.T) {
	s := newTestStore(t)
	s.Limits = Limits{MaxRecordBytes: 1024}
	long := `{"id":"TEST-LONG-1","summary":"` + strings.Repeat("x", 4096) + `"}`
	p := writeJSONL(t, t.TempDir(), "l.jsonl", long, npmRecord("TEST-L-1", "lpkg", "1.0.0"))
	res, err := s.Import(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	if res.Sources[0].Records != 1 || res.Sources[0].Skipped != 1 {
		t.Errorf("result %+v", res.Sources[0])
	}
	s.Limits = Limits{MaxRecordBytes: 1024, MaxTotalBytes: 2 << 10}
	if _, err := s.Import(context.Background(), p); err == nil {
		t.Error("input past MaxTotalBytes must be refused")
	}
}

// FuzzReadZip: arbitrary bytes as an OSV export never panic.
func FuzzReadZip(f *testing.F) {
	f.Add(buildZip(f, zipEntry{name: "a.json", data: []byte(npmRecord("TEST-1", "a", "1.0.0"))}))
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	f.Fuzz(func(t *testing.T, data []byte) {
		b := newBatch(SourceInfo{ID: "fuzz", Location: "fuzz"}, Limits{MaxEntries: 1000, MaxRecordBytes: 1 << 20, MaxTotalBytes: 8 << 20})
		_ = readZip(context.Background(), b, bytes.NewReader(data), int64(len(data)), "fuzz.zip")
	})
}
