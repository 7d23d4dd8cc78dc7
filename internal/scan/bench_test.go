package scan_test

import (
	"context"
	"os"
	"testing"

	depslist "github.com/cladsec/clad/internal/deps/list"
	"github.com/cladsec/clad/internal/detect/registry"
	"github.com/cladsec/clad/internal/extract/list"
	"github.com/cladsec/clad/internal/scan"
)

// BenchmarkScan runs a whole offline scan with every detector over the AWS
// demo app, or over the project CLAD_BENCH_DIR names (a big bundled
// project shows what the shared parse cache saves):
//
//	CLAD_BENCH_DIR=/path/to/project go test ./internal/scan -run '^$' -bench Scan -cpuprofile cpu.out
func BenchmarkScan(b *testing.B) {
	dir := os.Getenv("CLAD_BENCH_DIR")
	if dir == "" {
		dir = "../../examples/aws-orders"
	}
	opts := scan.Options{Target: dir, Offline: true, Extractors: list.All(), Parsers: depslist.All(), Detectors: registry.All()}
	for b.Loop() {
		res, err := scan.Run(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Project.Functions) == 0 {
			b.Fatal("no functions")
		}
		res.Close()
	}
}
