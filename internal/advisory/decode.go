package advisory

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// MaxRecordBytes bounds the size of one encoded record.
const MaxRecordBytes = 16 << 20

// maxIDLen bounds an id or alias.
const maxIDLen = 256

// ErrMalformed wraps every decoding failure of a record.
var ErrMalformed = errors.New("malformed OSV record")

// Decode parses one OSV JSON record. Unknown fields are ignored; a record
// that is not a JSON object, has fields of the wrong type, or lacks a usable
// id returns an error wrapping ErrMalformed. Affected entries without a
// package name or ecosystem (GIT-only entries of C libraries) are dropped.
func Decode(data []byte) (*Record, error) {
	if len(data) > MaxRecordBytes {
		return nil, fmt.Errorf("%w: %d bytes exceeds the %d byte limit", ErrMalformed, len(data), MaxRecordBytes)
	}
	var r Record
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	if err := r.clean(); err != nil {
		return nil, err
	}
	return &r, nil
}

// clean validates the id and drops what clad cannot use.
func (r *Record) clean() error {
	r.ID = strings.TrimSpace(r.ID)
	if !validID(r.ID) {
		return fmt.Errorf("%w: invalid id %q", ErrMalformed, truncate(r.ID, 40))
	}
	r.Aliases = cleanIDs(r.Aliases, r.ID)
	r.Related = cleanIDs(r.Related, r.ID)
	kept := r.Affected[:0]
	for _, a := range r.Affected {
		a.Package.Name = strings.TrimSpace(a.Package.Name)
		a.Package.Ecosystem = strings.TrimSpace(a.Package.Ecosystem)
		if a.Package.Name == "" || a.Package.Ecosystem == "" {
			continue
		}
		kept = append(kept, a)
	}
	r.Affected = kept
	return nil
}

// validID accepts printable ids without spaces, bounded in length.
func validID(id string) bool {
	if id == "" || len(id) > maxIDLen {
		return false
	}
	for _, c := range id {
		if unicode.IsSpace(c) || !unicode.IsPrint(c) {
			return false
		}
	}
	return true
}

// cleanIDs drops invalid ids, duplicates and self references.
func cleanIDs(ids []string, self string) []string {
	var out []string
	seen := map[string]bool{self: true}
	for _, id := range ids {
		id = strings.TrimSpace(id)
		if !validID(id) || seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, id)
	}
	return out
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// IsWithdrawn reports whether the record was withdrawn by its database.
func (r *Record) IsWithdrawn() bool { return !r.Withdrawn.IsZero() }

// IDs returns the record id followed by its aliases.
func (r *Record) IDs() []string {
	return append([]string{r.ID}, r.Aliases...)
}
