package taint

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// analyze writes files into a temporary tree and analyses one function.
func analyze(t testing.TB, files map[string]string, fn *model.Function, symbol string) []Issue {
	t.Helper()
	dir := t.TempDir()
	for p, s := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tree, err := walk.Open(context.Background(), dir, walk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tree.Close() })
	is, err := New(tree, Options{}).Analyze(context.Background(), Target{Fn: fn, Symbol: symbol})
	if err != nil {
		t.Fatal(err)
	}
	return is
}

func awsFn(file string, triggers ...string) *model.Function {
	fn := &model.Function{ID: "t/" + file, Provider: model.AWS, File: file, HandlerStatus: model.HandlerResolved}
	for _, tr := range triggers {
		fn.Triggers = append(fn.Triggers, model.Trigger{Type: tr})
	}
	return fn
}
