// Package feed is clad's enrichment feed: OSV-format records, kept in this
// directory and embedded in the binary, for real, publicly documented
// vulnerabilities that the OSV database lacks. They are merged with OSV
// data at match time by the advisory database.
//
// Rules for a record (checked by the tests):
//   - file name = id + ".json", id CLAD-YYYY-NNNN where YYYY is the year the
//     flaw was first publicly documented and NNNN counts within that year;
//   - database_specific.source names the public source (an https URL) that
//     states the affected range, and the same URL is among references;
//   - database_specific.source_note says how the range was established;
//   - at least one affected package with a range or versions list.
package feed

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

//go:embed *.json
var files embed.FS

// File is one feed record as stored.
type File struct {
	Name string
	Data []byte
}

// Files returns the feed's records, sorted by file name.
func Files() ([]File, error) {
	names, err := fs.Glob(files, "*.json")
	if err != nil {
		return nil, fmt.Errorf("list feed records: %w", err)
	}
	sort.Strings(names)
	out := make([]File, 0, len(names))
	for _, n := range names {
		data, err := files.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("read feed record %s: %w", n, err)
		}
		out = append(out, File{Name: n, Data: data})
	}
	return out, nil
}
