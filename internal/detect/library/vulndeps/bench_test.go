package vulndeps

import (
	"context"
	"os"
	"testing"

	depslist "github.com/cladsec/clad/internal/deps/list"
	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/extract/list"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/scan"
)

// BenchmarkLibraryScan profiles a library scan of the corpus named by
// $CLAD_BENCH_CORPUS (built by bench/run.sh; skipped when unset), as
// `clad scan --category library --offline` runs it:
//
//	CLAD_BENCH_CORPUS=bench/corpus/monorepo go test ./internal/detect/library/vulndeps \
//	    -run x -bench LibraryScan -cpuprofile cpu.out
func BenchmarkLibraryScan(b *testing.B) {
	target := os.Getenv("CLAD_BENCH_CORPUS")
	if target == "" {
		b.Skip("set CLAD_BENCH_CORPUS to a corpus built by bench/run.sh")
	}
	dbDir := b.TempDir()
	if err := importShared(b, dbDir); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := scan.Run(context.Background(), scan.Options{
			Target: target, Extractors: list.All(), Parsers: depslist.All(), Detectors: []detect.Detector{New()},
			Categories: []finding.Category{finding.Library}, AdvisoryDir: dbDir, Offline: true,
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(res.Findings)), "findings")
		res.Close()
	}
}
