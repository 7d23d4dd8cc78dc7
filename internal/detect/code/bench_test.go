package code

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/extract/list"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/scan"
	"github.com/cladsec/clad/internal/walk"
)

// BenchmarkSuite analyses every handler of the labelled suite (one engine
// per run, so every file is parsed and lowered once per iteration).
func BenchmarkSuite(b *testing.B) {
	tree, err := walk.Open(context.Background(), "testdata/suite", walk.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer tree.Close()
	s := loadSuite(b, tree)
	in := &detect.Input{Project: &model.Project{Functions: s.fns}, Tree: tree, Offline: true}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if err := New().Detect(context.Background(), in, func(finding.Finding) {}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(s.fns)), "functions/op")
}

// BenchmarkExampleScan is a full scan of the AWS demo with and without the
// code detector, to see its share.
func BenchmarkExampleScan(b *testing.B) {
	target := filepath.Join("..", "..", "..", "examples", "aws-orders")
	for _, tc := range []struct {
		name string
		ds   []detect.Detector
	}{{"without-code", []detect.Detector{}}, {"with-code", []detect.Detector{New()}}} {
		b.Run(tc.name, func(b *testing.B) {
			for range b.N {
				res, err := scan.Run(context.Background(), scan.Options{Target: target, Offline: true, Extractors: list.All(), Detectors: tc.ds})
				if err != nil {
					b.Fatal(err)
				}
				res.Close()
			}
		})
	}
}
