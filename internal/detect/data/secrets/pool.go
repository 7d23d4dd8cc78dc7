package secrets

import (
	"context"
	"runtime"
	"sync"

	"github.com/cladsec/clad/internal/detect/data/secrets/engine"
	"github.com/cladsec/clad/internal/walk"
)

// fileResult holds the matches of one file.
type fileResult struct {
	path    string
	matches []engine.Match
}

// scanTree scans the wanted files of the tree with a bounded pool of
// GOMAXPROCS workers. Results come back in tree order whatever the
// scheduling. Files that cannot be read are skipped: the walker already
// reported them.
func (d *Detector) scanTree(ctx context.Context, t *walk.Tree) ([]fileResult, error) {
	var files []walk.File
	for _, f := range t.Files {
		if wanted(f) {
			files = append(files, f)
		}
	}
	results := make([]fileResult, len(files))
	workers := d.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				data, err := t.Read(files[i])
				if err != nil {
					continue
				}
				results[i] = fileResult{path: files[i].Path, matches: d.scanner.Scan(files[i].Path, data)}
			}
		}()
	}
	var err error
feed:
	for i := range files {
		select {
		case jobs <- i:
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	return results, err
}
