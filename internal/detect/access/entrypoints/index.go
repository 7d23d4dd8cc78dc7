package entrypoints

import (
	"context"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/walk"
)

// Bounds of a scan.
const (
	// MaxFiles is the most source files one scan parses; a bigger tree is
	// scanned partially and Index.Truncated says so.
	MaxFiles = 5000
	// maxSize is the largest source file read: entry points are small.
	maxSize = 512 << 10
)

// Entry is a source file that looks like a function entry point.
type Entry struct {
	File string
	// Line is where the entry point is exported.
	Line int
	// Symbol is the export name (handler, main, lambda_handler) or
	// "default" for module.exports = function (context, req).
	Symbol string
	Style  string
	// Params is the signature as written: "(event, context)".
	Params string
}

// AzureFolder is a folder holding a function.json with a trigger binding.
type AzureFolder struct {
	File string // the function.json
	Dir  string
	// Trigger is the trigger binding's type.
	Trigger string
}

// Index is what a scan found.
type Index struct {
	Entries []Entry
	Azure   []AzureFolder
	// Imported holds every file a scanned source file imports.
	Imported map[string]bool
	// Truncated is true when the tree held more than MaxFiles sources.
	Truncated bool
}

// Scan reads every in-scope source file of the tree once. codeDir maps a
// file to the directory its Python imports are resolved from ("" for the
// scan root).
func Scan(ctx context.Context, t *walk.Tree, codeDir func(file string) string) (*Index, error) {
	x := &Index{Imported: map[string]bool{}}
	if t == nil {
		return x, nil
	}
	n := 0
	for _, f := range t.Files {
		if err := ctx.Err(); err != nil {
			return x, fmt.Errorf("entry points: %w", err)
		}
		if !InScope(f.Path) {
			continue
		}
		if path.Base(f.Path) == "function.json" {
			if a, ok := azureFolder(t, f.Path); ok {
				x.Azure = append(x.Azure, a)
			}
			continue
		}
		if source.DetectLang(f.Path) == source.Unsupported || f.Size > maxSize {
			continue
		}
		if n >= MaxFiles {
			x.Truncated = true
			continue
		}
		n++
		x.file(t, f.Path, codeDir)
	}
	sort.Slice(x.Entries, func(i, j int) bool { return x.Entries[i].File < x.Entries[j].File })
	return x, nil
}

// file parses one source file: its entry points and its imports.
func (x *Index) file(t *walk.Tree, p string, codeDir func(string) string) {
	data, err := t.ReadFile(p)
	if err != nil {
		return
	}
	f, err := source.Parse(p, data)
	if err != nil || f.Tree() == nil {
		return
	}
	defer f.Close()
	dir := ""
	if codeDir != nil {
		dir = codeDir(p)
	}
	for _, imp := range f.LocalImports() {
		if dep, ok := source.ResolveImport(t, p, dir, imp); ok {
			x.Imported[dep] = true
		}
	}
	doc, root := f.Syntax(), f.Tree().RootNode()
	var es []Entry
	switch {
	case f.Lang.IsJS():
		es = jsEntries(doc, root)
	case f.Lang == source.Python:
		es = pyEntries(doc, root)
	}
	if len(es) > 0 {
		e := es[0]
		e.File = p
		x.Entries = append(x.Entries, e)
	}
}

// azureFolder reads a function.json and reports its trigger binding.
func azureFolder(t *walk.Tree, p string) (AzureFolder, bool) {
	data, err := t.ReadFile(p)
	if err != nil {
		return AzureFolder{}, false
	}
	root, err := cfgtree.Parse(data)
	if err != nil {
		return AzureFolder{}, false
	}
	for _, b := range root.GetFold("bindings").List() {
		typ := b.GetFold("type").Str()
		if strings.HasSuffix(strings.ToLower(typ), "trigger") && !strings.EqualFold(b.GetFold("direction").Str(), "out") {
			return AzureFolder{File: p, Dir: path.Dir(p), Trigger: typ}, true
		}
	}
	return AzureFolder{}, false
}
