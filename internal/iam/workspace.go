package iam

import (
	"fmt"

	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/walk"
)

// workspace loads and caches the files of a scan for the analysis. A file
// is parsed and copied once; it is analysed once per code directory (Python
// resolves absolute imports from the function's code root), whatever the
// number of functions reaching it.
type workspace struct {
	tree    *walk.Tree
	sources *source.Cache // shared parses; nil: parse and free each file here
	files   map[fileKey]*codeFile
	trees   map[string]treeResult // the copied syntax tree per path
}

type treeResult struct {
	t   *tree
	err error
}

type fileKey struct{ path, codeDir string }

// codeFile is one parsed file: its syntax tree, the bindings the language
// front end collected, and (once scanned) its SDK calls and gaps.
type codeFile struct {
	path    string
	codeDir string
	lang    source.Lang
	t       *tree
	err     error // why the file could not be analysed

	js *jsFile
	py *pyFile
	gf *goFile

	scanned  bool
	calls    []rawCall
	gaps     []rawGap
	defs     *defTable
	bindings map[string]bindingResult
}

func newWorkspace(t *walk.Tree, sources *source.Cache) *workspace {
	return &workspace{tree: t, sources: sources, files: map[fileKey]*codeFile{}, trees: map[string]treeResult{}}
}

// syntax returns path's syntax tree copied into Go memory, once per path.
func (w *workspace) syntax(path string) (*tree, error) {
	if r, ok := w.trees[path]; ok {
		return r.t, r.err
	}
	var r treeResult
	if w.sources != nil {
		sf, err := w.sources.File(path)
		if err != nil {
			r.err = err
		} else {
			r.t = copyTree(sf)
		}
	} else if src, err := w.tree.ReadFile(path); err != nil {
		r.err = fmt.Errorf("read %s: %w", path, err)
	} else if sf, err := source.Parse(path, src); err != nil {
		r.err = err
	} else {
		r.t = copyTree(sf)
		sf.Close()
	}
	if r.err == nil && (r.t == nil || r.t.root == nil) {
		r.t, r.err = nil, fmt.Errorf("%s: %w", path, source.ErrParser)
	}
	w.trees[path] = r
	return r.t, r.err
}

// file returns the parsed file; its err is set when it cannot be analysed.
func (w *workspace) file(path, codeDir string) *codeFile {
	k := fileKey{path, codeDir}
	if f, ok := w.files[k]; ok {
		return f
	}
	f := &codeFile{path: path, codeDir: codeDir, lang: source.DetectLang(path)}
	w.files[k] = f
	if f.lang == source.Unsupported {
		f.err = fmt.Errorf("%s: %w", path, source.ErrUnsupported)
		return f
	}
	t, err := w.syntax(path)
	if err != nil {
		f.err = err
		return f
	}
	f.t = t
	switch {
	case f.lang.IsJS():
		f.js = newJSFile(w, f)
	case f.lang == source.Python:
		f.py = newPyFile(w, f)
	case f.lang == source.Go:
		f.gf = newGoFile(w, f)
	}
	return f
}

// scan finds the file's SDK calls, gaps and top-level definitions, once.
func (w *workspace) scan(path, codeDir string) *codeFile {
	f := w.file(path, codeDir)
	if f.scanned || f.err != nil {
		return f
	}
	f.scanned = true
	if f.t.truncated {
		f.gaps = append(f.gaps, rawGap{file: path, line: 1, reason: "file too large to analyse completely", def: -1})
	}
	switch {
	case f.js != nil:
		f.js.scan()
	case f.py != nil:
		f.py.scan()
	case f.gf != nil:
		f.gf.scan()
	}
	return f
}

// resolveImport finds the local file an import names.
func (w *workspace) resolveImport(from, codeDir string, imp source.Import) (string, bool) {
	return source.ResolveImport(w.tree, from, codeDir, imp)
}
