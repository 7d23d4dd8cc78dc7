package calls_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/detect/access/accesstest"
	"github.com/cladsec/clad/internal/detect/access/calls"
	"github.com/cladsec/clad/internal/extract/list"
	"github.com/cladsec/clad/internal/scan"
)

var update = flag.Bool("update", false, "rewrite golden files")

// render writes every call of every function, one block each.
func render(f *calls.Finder, res *scan.Result) string {
	var b strings.Builder
	for _, fn := range res.Project.Functions {
		for _, c := range f.Calls(fn) {
			var ids []string
			for _, g := range c.Callees {
				ids = append(ids, g.ID)
			}
			fmt.Fprintf(&b, "%s %s -> %s at %s:%d\n", c.Kind, fn.ID, strings.Join(ids, " "), c.File, c.Line)
			fmt.Fprintf(&b, "  target: %s\n", c.Target)
			for _, k := range c.Keys {
				var os []string
				for _, o := range k.Origins {
					os = append(os, fmt.Sprintf("%s %s %s:%d resolved=%v %s", o.Kind, o.Name, o.File, o.Line, o.Resolved, o.Setting))
				}
				fmt.Fprintf(&b, "  key via %s for %q: %s\n", k.Via, k.For, strings.Join(os, "; "))
			}
		}
	}
	return b.String()
}

// TestFixtures renders the calls found in every fixture project.
func TestFixtures(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("testdata", "fixtures"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("testdata", "fixtures", name)
			res, err := scan.Run(context.Background(), scan.Options{Target: dir, Extractors: list.All(), Offline: true})
			if err != nil {
				t.Fatal(err)
			}
			defer res.Close()
			f := calls.New(res.Tree, res.Project)
			defer f.Close()
			got := render(f, res)
			if strings.HasPrefix(name, "none") && got != "" {
				t.Errorf("expected no calls, got:\n%s", got)
			}
			accesstest.Golden(t, filepath.Join("testdata", "golden", name+".txt"), got, *update)
		})
	}
}
