package secrets

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// writeTree writes files (path -> content) under a temp dir and walks it.
func writeTree(t testing.TB, files map[string]string) *walk.Tree {
	t.Helper()
	dir := t.TempDir()
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tree, err := walk.Open(context.Background(), dir, walk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tree.Close() })
	return tree
}

// secretLine holds a key, written with a "·" so that this file itself is clean.
var secretLine = strings.ReplaceAll("const API_KEY = 'Ktxq·BneMB9R7Dx1h0lTtZg5-jbcu54Tj';\n", "·", "")

// TestPoolOrder: whatever the number of workers, findings come back in
// tree order, every file once.
func TestPoolOrder(t *testing.T) {
	files := map[string]string{}
	for i := 0; i < 200; i++ {
		files[fmt.Sprintf("src/f%03d.js", i)] = strings.Repeat("// filler\n", i%7) + secretLine
	}
	tree := writeTree(t, files)
	for _, workers := range []int{1, 3, 16} {
		d := New()
		d.workers = workers
		var got []string
		err := d.Detect(context.Background(), &detect.Input{Project: &model.Project{}, Tree: tree}, func(f finding.Finding) {
			got = append(got, f.File)
		})
		if err != nil || len(got) != 200 {
			t.Fatalf("workers %d: %d findings, err %v", workers, len(got), err)
		}
		for i, p := range got {
			if want := fmt.Sprintf("src/f%03d.js", i); p != want {
				t.Fatalf("workers %d: finding %d in %s, want %s", workers, i, p, want)
			}
		}
	}
}

func TestCancel(t *testing.T) {
	tree := writeTree(t, map[string]string{"a.js": secretLine, "b.js": secretLine})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := New().Detect(ctx, &detect.Input{Project: &model.Project{}, Tree: tree}, func(finding.Finding) {})
	if err == nil {
		t.Error("want the context error")
	}
}

func TestWanted(t *testing.T) {
	for p, want := range map[string]bool{
		"src/a.js": true, "serverless.yml": true, ".env": true, "dist/app.min.js": true, "a.js.map": true,
		"package-lock.json": false, "web/yarn.lock": false, "go.sum": false, "logo.PNG": false,
		"fonts/a.woff2": false, "dist/fn.zip": false, "lib/x.so": false, "Pipfile.lock": false,
	} {
		if got := wanted(walk.File{Path: p, Size: 10}); got != want {
			t.Errorf("wanted(%s) = %v, want %v", p, got, want)
		}
	}
	if wanted(walk.File{Path: "empty.js"}) {
		t.Error("empty files are not scanned")
	}
}

func TestWithinAndPackage(t *testing.T) {
	for _, tc := range []struct {
		file, dir, rel string
		ok             bool
	}{
		{"src/a.js", ".", "src/a.js", true},
		{"src/a.js", "", "src/a.js", true},
		{"svc/src/a.js", "svc", "src/a.js", true},
		{"svc2/a.js", "svc", "", false},
		{"dist/fn.zip!/handler.js", "dist/fn.zip!", "handler.js", true},
		{"dist/fn.zip!/lib/a.js", "dist/fn.zip", "lib/a.js", true},
	} {
		rel, ok := within(tc.file, tc.dir)
		if ok != tc.ok || (ok && rel != tc.rel) {
			t.Errorf("within(%s, %s) = %q, %v", tc.file, tc.dir, rel, ok)
		}
	}
}

// BenchmarkDetect runs the detector over 2000 handler files on disk,
// reading them through the walker and the worker pool.
func BenchmarkDetect(b *testing.B) {
	files := map[string]string{}
	var size int64
	for i := 0; i < 2000; i++ {
		var s strings.Builder
		for s.Len() < 6<<10 {
			fmt.Fprintf(&s, "const item%d = await ddb.get({ TableName: process.env.TABLE, Key: { id: event.pathParameters.id } }).promise();\nconsole.log('fetched', { requestId: context.awsRequestId, key: item%d.Item && item%d.Item.id });\n", i, i, i)
		}
		if i%50 == 0 {
			s.WriteString(secretLine)
		}
		files[fmt.Sprintf("services/s%02d/fn%04d/handler.js", i%20, i)] = s.String()
		size += int64(s.Len())
	}
	tree := writeTree(b, files)
	in := &detect.Input{Project: &model.Project{}, Tree: tree}
	d := New()
	b.SetBytes(size)
	b.ResetTimer()
	cpu0 := cpuTime()
	n := 0
	for i := 0; i < b.N; i++ {
		n = 0
		if err := d.Detect(context.Background(), in, func(finding.Finding) { n++ }); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := (cpuTime() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu, "MB/cpu-s")
	}
	b.ReportMetric(float64(n), "findings")
}
