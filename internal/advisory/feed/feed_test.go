package feed_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/advisory"
	"github.com/cladsec/clad/internal/advisory/feed"
)

var idPattern = regexp.MustCompile(`^CLAD-(19|20)\d\d-\d{4}$`)

func TestFeedRecordsFollowTheRules(t *testing.T) {
	files, err := feed.Files()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("feed is empty")
	}
	seen := map[string]bool{}
	for _, f := range files {
		r, err := advisory.Decode(f.Data)
		if err != nil {
			t.Errorf("%s: %v", f.Name, err)
			continue
		}
		if !idPattern.MatchString(r.ID) || f.Name != r.ID+".json" || seen[r.ID] {
			t.Errorf("%s: id %q must be CLAD-YYYY-NNNN, unique, and match the file name", f.Name, r.ID)
		}
		seen[r.ID] = true
		checkSource(t, f, r)
		if len(r.Affected) == 0 {
			t.Errorf("%s: no affected package", f.Name)
		}
		for _, a := range r.Affected {
			if len(a.Ranges) == 0 && len(a.Versions) == 0 {
				t.Errorf("%s: %s has neither ranges nor versions", f.Name, a.Package.Name)
			}
		}
		if r.Published.IsZero() || r.Modified.IsZero() || r.Summary == "" {
			t.Errorf("%s: summary, published and modified are required", f.Name)
		}
	}
}

// checkSource checks the source note and its citation.
func checkSource(t *testing.T, f feed.File, r *advisory.Record) {
	t.Helper()
	var raw struct {
		DB struct {
			SourceNote string `json:"source_note"`
		} `json:"database_specific"`
	}
	_ = json.Unmarshal(f.Data, &raw)
	src := r.DatabaseSpecific.Source
	if !strings.HasPrefix(src, "https://") || raw.DB.SourceNote == "" {
		t.Errorf("%s: database_specific.source must be an https URL and source_note must explain the range", f.Name)
	}
	cited := false
	for _, ref := range r.References {
		cited = cited || ref.URL == src
	}
	if !cited {
		t.Errorf("%s: source %s is not among the references", f.Name, src)
	}
}

// TestDustjsRange pins the book's example: every dustjs-linkedin version
// before 2.6.0 is affected, 2.6.0 and later are not.
func TestDustjsRange(t *testing.T) {
	files, err := feed.Files()
	if err != nil {
		t.Fatal(err)
	}
	var recs []*advisory.Record
	for _, f := range files {
		r, err := advisory.Decode(f.Data)
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	ix := advisory.NewMemIndex(recs)
	tests := []struct {
		version string
		fixed   string
		hit     bool
	}{
		{"0.1.0", "2.6.0", true}, {"2.5.0", "2.6.0", true}, {"2.5.1", "2.6.0", true},
		{"2.6.0", "", false}, {"2.6.1", "", false}, {"3.0.0", "", false},
	}
	for _, tt := range tests {
		ms := ix.Query("npm", "dustjs-linkedin", tt.version)
		if got := len(ms) == 1; got != tt.hit {
			t.Errorf("dustjs-linkedin@%s: %d matches, want hit=%v", tt.version, len(ms), tt.hit)
			continue
		}
		if tt.hit {
			m := ms[0]
			if m.ID != "CLAD-2016-0001" || m.Fixed != tt.fixed || m.Severity.Level != advisory.LevelHigh || m.Severity.Score != 8.6 {
				t.Errorf("dustjs-linkedin@%s: %+v", tt.version, m)
			}
		}
	}
	if ms := ix.Query("npm", "crossbow-lang", "1.0.0"); len(ms) != 1 || ms[0].HasFix {
		t.Errorf("crossbow-lang@1.0.0: %+v, want one unfixed match", ms)
	}
}
