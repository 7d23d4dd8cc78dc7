package code_test

import (
	"context"
	"os"
	"testing"
	"time"

	depslist "github.com/cladsec/clad/internal/deps/list"
	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/code"
	"github.com/cladsec/clad/internal/detect/registry"
	"github.com/cladsec/clad/internal/extract/list"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/scan"
)

// BenchmarkCodeShare measures the code detector's share of a full offline
// scan of the directory in CLAD_BENCH_DIR (the benchmark corpus of
// ../shared/bench, or any project): a full scan, the same scan without the
// code detector, and the code detector alone over the scanned project
// (parsing and analysing every handler's code).
//
//	CLAD_BENCH_DIR=/tmp/benchcorpus/monorepo go test -run '^$' -bench CodeShare ./internal/detect/code
func BenchmarkCodeShare(b *testing.B) {
	dir := os.Getenv("CLAD_BENCH_DIR")
	if dir == "" {
		b.Skip("set CLAD_BENCH_DIR to the directory to scan")
	}
	all := registry.All()
	var others []detect.Detector
	for _, d := range all {
		if d.Category() != finding.Code {
			others = append(others, d)
		}
	}
	run := func(b *testing.B, ds []detect.Detector) *scan.Result {
		b.Helper()
		res, err := scan.Run(context.Background(), scan.Options{Target: dir, Offline: true, Extractors: list.All(), Parsers: depslist.All(), Detectors: ds})
		if err != nil {
			b.Fatal(err)
		}
		return res
	}
	b.Run("full", func(b *testing.B) {
		for range b.N {
			run(b, all).Close()
		}
	})
	b.Run("without-code", func(b *testing.B) {
		for range b.N {
			run(b, others).Close()
		}
	})
	b.Run("code-detector", func(b *testing.B) {
		res := run(b, []detect.Detector{})
		defer res.Close()
		in := &detect.Input{Project: res.Project, Tree: res.Tree, Offline: true}
		b.ResetTimer()
		start := time.Now()
		for range b.N {
			if err := code.New().Detect(context.Background(), in, func(finding.Finding) {}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(time.Since(start).Microseconds())/float64(b.N)/1000, "ms/detect")
		b.ReportMetric(float64(len(res.Project.Functions)), "functions")
	})
}
