package db

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/cladsec/clad/internal/advisory"
)

// smallIndex writes an index of a few records and returns its bytes.
func smallIndex(t testing.TB) []byte {
	t.Helper()
	var entries []ecoEntry
	for i, name := range []string{"b", "a", "c"} {
		r, err := advisory.Decode([]byte(npmRecord("TEST-"+name, name, "1.0.0")))
		if err != nil {
			t.Fatal(err)
		}
		it, err := newItem(r)
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, ecoEntry{id: it.id, blob: it.blob, source: uint16(i % 2), names: it.pkgs["npm"]})
	}
	p := filepath.Join(t.TempDir(), "npm.idx")
	if _, err := writeIndex(p, entries); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestIndexRoundTrip(t *testing.T) {
	p := filepath.Join(t.TempDir(), "npm.idx")
	if err := os.WriteFile(p, smallIndex(t), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := openIndex(p)
	if err != nil {
		t.Fatal(err)
	}
	defer x.close()
	for _, name := range []string{"a", "b", "c"} {
		nums, err := x.lookup(name)
		if err != nil || len(nums) != 1 {
			t.Fatalf("lookup %s: %v %v", name, nums, err)
		}
		r, err := x.record(nums[0])
		if err != nil || r.ID != "TEST-"+name {
			t.Errorf("record of %s: %+v %v", name, r, err)
		}
	}
	if nums, err := x.lookup("zz"); err != nil || len(nums) != 0 {
		t.Errorf("lookup of a missing name: %v %v", nums, err)
	}
	if _, err := x.record(99); err == nil {
		t.Error("record out of range must fail")
	}
}

// FuzzOpenIndex: arbitrary bytes as an index file fail cleanly.
func FuzzOpenIndex(f *testing.F) {
	good := smallIndex(f)
	f.Add(good)
	f.Add(good[:headerSize])
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		x, err := newIndex("fuzz.idx", nopCloser{bytes.NewReader(data)}, int64(len(data)))
		if err != nil {
			return
		}
		defer x.close()
		for _, name := range []string{"a", "b", "c", ""} {
			nums, _ := x.lookup(name)
			for _, n := range nums {
				_, _ = x.record(n)
			}
		}
		_ = x.each(func([]byte, uint16) error { return nil })
	})
}

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }
