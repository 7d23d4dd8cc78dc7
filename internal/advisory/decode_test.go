package advisory

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDecodeTolerant(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "record.json"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Decode(data)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if r.ID != "GHSA-test-test-test" || len(r.Aliases) != 1 || r.Aliases[0] != "CVE-2099-0001" {
		t.Errorf("id/aliases = %q %v", r.ID, r.Aliases)
	}
	if len(r.Affected) != 1 {
		t.Fatalf("affected = %d, want 1 (the entry without a package is dropped)", len(r.Affected))
	}
	if got := r.DatabaseSpecific; got.Severity != "HIGH" || len(got.CWEIDs) != 1 {
		t.Errorf("database_specific = %+v", got)
	}
	if r.Published.IsZero() || !r.Modified.IsZero() {
		t.Errorf("published %v (want set), modified %v (malformed: want zero)", r.Published, r.Modified)
	}
	// Encoding is stable: decode(encode(r)) encodes to the same bytes and
	// keeps every field clad reads.
	enc, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode(enc)
	if err != nil {
		t.Fatalf("Decode(round trip): %v", err)
	}
	enc2, _ := json.Marshal(back)
	if string(enc) != string(enc2) {
		t.Errorf("round trip changed the encoding:\n%s\n%s", enc, enc2)
	}
	if back.ID != r.ID || len(back.Affected[0].Ranges) != 2 || back.Affected[0].Package.PURL == "" ||
		string(back.Affected[0].EcosystemSpecific) != `{"affects":["render"]}` {
		t.Errorf("round trip lost fields: %s", enc2)
	}
}

func TestDecodeMalformed(t *testing.T) {
	bad := []string{
		``, `null`, `[]`, `"x"`, `{`, `{"id":""}`, `{"id":"has space"}`,
		`{"id":"X-1","affected":"nope"}`, `{"id":"X-1","aliases":"CVE-1"}`,
		`{"id":"` + strings.Repeat("a", 300) + `"}`,
	}
	for _, b := range bad {
		if _, err := Decode([]byte(b)); !errors.Is(err, ErrMalformed) {
			t.Errorf("Decode(%.40q) err = %v, want ErrMalformed", b, err)
		}
	}
	// database_specific is free-form: odd types are ignored, not fatal.
	r, err := Decode([]byte(`{"id":"X-1","database_specific":{"severity":7,"cwe_ids":"CWE-1","source":["a"]}}`))
	if err != nil || !r.DatabaseSpecific.IsZero() {
		t.Errorf("free-form database_specific: %+v, %v", r, err)
	}
}

func FuzzDecode(f *testing.F) {
	seed, _ := os.ReadFile(filepath.Join("testdata", "record.json"))
	f.Add(seed)
	f.Add([]byte(`{"id":"X-1","affected":[{"package":{"ecosystem":"npm","name":"a"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1"}]}]}]}`))
	f.Add([]byte(`{"id":"X-1","affected":[{"package":{"ecosystem":"PyPI","name":"a"},"versions":["1"],"ranges":[{"type":"ECOSYSTEM","events":[{"limit":"*"},{"last_affected":"x"}]}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Decode(data)
		if err != nil {
			return
		}
		// Whatever decoded must evaluate and score without panicking.
		for _, a := range r.Affected {
			for _, v := range []string{"0", "1.0.0", "v2", "1.0a1", "x"} {
				Evaluate([]*Record{r}, a.Package.Ecosystem, a.Package.Name, v)
			}
		}
	})
}
