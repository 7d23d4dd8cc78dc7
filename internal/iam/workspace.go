package iam

import (
	"fmt"

	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/walk"
)

// workspace loads and caches the files of a scan for the analysis. A file
// is parsed once per code directory (Python resolves absolute imports from
// the function's code root), whatever the number of functions reaching it.
type workspace struct {
	tree  *walk.Tree
	files map[fileKey]*codeFile
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

func newWorkspace(t *walk.Tree) *workspace {
	return &workspace{tree: t, files: map[fileKey]*codeFile{}}
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
	src, err := w.tree.ReadFile(path)
	if err != nil {
		f.err = fmt.Errorf("read %s: %w", path, err)
		return f
	}
	sf, err := source.Parse(path, src)
	if err != nil {
		f.err = err
		return f
	}
	f.t = copyTree(sf)
	sf.Close()
	if f.t == nil || f.t.root == nil {
		f.err = fmt.Errorf("%s: %w", path, source.ErrParser)
		return f
	}
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
