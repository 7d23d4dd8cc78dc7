package db

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

// StaleAfter is the age past which scans warn that the data is old.
const StaleAfter = 14 * 24 * time.Hour

// Status summarises the database for `clad db status` and scan warnings.
type Status struct {
	Dir        string
	Generation string
	Created    time.Time
	Sources    []SourceInfo
	Ecosystems []EcoStatus
	// FeedRecords counts the records of the embedded enrichment feed.
	FeedRecords int
}

// EcoStatus is one ecosystem's line.
type EcoStatus struct {
	Name     string
	Records  int
	Packages int
	// Updated is when its newest source was imported or downloaded;
	// Newest the latest modified time of its records.
	Updated, Newest time.Time
}

// Status reads the live generation's metadata (without opening indexes).
// It returns an error wrapping ErrNoData when there is none.
func (s *Store) Status() (*Status, error) {
	gen, err := s.current()
	if err != nil {
		return nil, err
	}
	m, err := readMeta(filepath.Join(s.Dir, gen))
	if err != nil {
		return nil, fmt.Errorf("advisory database status: %w", err)
	}
	st := &Status{Dir: s.Dir, Generation: gen, Created: m.Created, Sources: m.Sources}
	for eco, info := range m.Ecosystems {
		st.Ecosystems = append(st.Ecosystems, EcoStatus{Name: eco, Records: info.Records, Packages: info.Packages, Updated: info.Updated, Newest: info.Newest})
	}
	sort.Slice(st.Ecosystems, func(i, j int) bool { return st.Ecosystems[i].Name < st.Ecosystems[j].Name })
	if fd, err := Feed(); err == nil {
		st.FeedRecords = fd.Len()
	}
	return st, nil
}

// Updated is the update time of the stalest ecosystem: the data is as
// fresh as its oldest part.
func (st *Status) Updated() time.Time {
	var t time.Time
	for _, e := range st.Ecosystems {
		if t.IsZero() || e.Updated.Before(t) {
			t = e.Updated
		}
	}
	return t
}

// Age is how long ago the stalest ecosystem was updated.
func (st *Status) Age(now time.Time) time.Duration {
	u := st.Updated()
	if u.IsZero() {
		return 0
	}
	return now.Sub(u)
}

// Stale reports whether some ecosystem's data is older than 14 days.
func (st *Status) Stale(now time.Time) bool { return st.Age(now) > StaleAfter }

// Records is the total of the ecosystems' record counts.
func (st *Status) Records() int {
	n := 0
	for _, e := range st.Ecosystems {
		n += e.Records
	}
	return n
}

// FormatStatus writes the status as `clad db status` prints it.
func FormatStatus(w io.Writer, st *Status, now time.Time) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Advisory database: %s\n", st.Dir)
	fmt.Fprintf(&b, "Generation %s, written %s\n\n", st.Generation, stamp(st.Created, now))
	fmt.Fprintln(&b, "Sources:")
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	for _, s := range st.Sources {
		verb := "imported"
		if s.Kind == KindDownload {
			verb = "fetched"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s %s\t%d records", s.Kind, s.Location, verb, stamp(s.Fetched, now), s.Records)
		if s.Skipped > 0 {
			fmt.Fprintf(tw, ", %d skipped", s.Skipped)
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	fmt.Fprintln(&b, "\nEcosystems:")
	tw = tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  ECOSYSTEM\tRECORDS\tPACKAGES\tUPDATED\tNEWEST RECORD")
	for _, e := range st.Ecosystems {
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%s\t%s\n", e.Name, e.Records, e.Packages, stamp(e.Updated, now), day(e.Newest))
	}
	tw.Flush()
	fmt.Fprintf(&b, "\nTotal: %d records in %d ecosystems; enrichment feed: %d records\n", st.Records(), len(st.Ecosystems), st.FeedRecords)
	if st.Stale(now) {
		fmt.Fprintf(&b, "Warning: the advisory data is %s old (more than 14 days): run clad db update\n", ago(st.Age(now)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// stamp formats a time with its age.
func stamp(t, now time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	age := ago(now.Sub(t))
	if age != "just now" {
		age += " ago"
	}
	return t.UTC().Format("2006-01-02 15:04 UTC") + " (" + age + ")"
}

func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02")
}

// ago formats a duration coarsely.
func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h", int(d.Hours()))
	}
	return fmt.Sprintf("%d days", int(d.Hours()/24))
}
