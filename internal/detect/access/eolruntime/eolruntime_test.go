package eolruntime_test

import (
	"flag"
	"path/filepath"
	"testing"
	"time"

	"github.com/cladsec/clad/internal/detect/access/accesstest"
	"github.com/cladsec/clad/internal/detect/access/eolruntime"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

// clock is the fixed day the golden files were written for.
func clock() time.Time { return time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC) }

func detector() *eolruntime.Detector {
	d := eolruntime.New()
	d.Now = clock
	return d
}

func TestRules(t *testing.T) { accesstest.CheckRules(t, detector()) }

func TestFixtures(t *testing.T) { accesstest.Fixtures(t, *update, detector()) }

// TestWindow checks the three states of one runtime as the clock moves.
func TestWindow(t *testing.T) {
	fn := &model.Function{ID: "s/f", Name: "f", Provider: model.AWS, Runtime: "nodejs16.x", Manifest: "serverless.yml",
		Source: model.Location{File: "serverless.yml", Line: 7}}
	cases := []struct {
		day  time.Time
		want finding.Severity
	}{
		{time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), 0},
		{time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), finding.SeverityMedium},
		{time.Date(2024, 6, 12, 0, 0, 0, 0, time.UTC), finding.SeverityHigh},
	}
	for _, c := range cases {
		d := eolruntime.New()
		d.Now = func() time.Time { return c.day }
		got := accesstest.Collect(t, d, accesstest.Project(fn))
		switch {
		case c.want == 0 && len(got) != 0:
			t.Errorf("%s: want nothing, got %+v", c.day, got)
		case c.want != 0 && (len(got) != 1 || got[0].Severity != c.want):
			t.Errorf("%s: want one %v finding, got %+v", c.day, c.want, got)
		}
	}
}

// TestAzureV1 checks the host version read from a host.json without
// "version", near the end of 1.x support.
func TestAzureV1(t *testing.T) {
	d := eolruntime.New()
	d.Now = func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }
	got := accesstest.Scan(t, filepath.Join("testdata", "fixtures", "azure-v1"), d)
	if len(got) != 1 || got[0].Severity != finding.SeverityMedium || got[0].File != "host.json" || got[0].Evidence != `host.json without "version" (Functions 1.x)` {
		t.Errorf("want one medium finding on host.json, got %+v", got)
	}
}
