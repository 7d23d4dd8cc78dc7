package vulndeps

import (
	"sort"

	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/walk"
)

// imports reads which npm packages a function's code imports, parsing
// each source file once.
type imports struct {
	tree    *walk.Tree
	sources *source.Cache
	byFile  map[string]fileImports
}

type fileImports struct {
	names []string
	ok    bool
}

func newImports(c *source.Cache) *imports {
	return &imports{tree: c.Tree(), sources: c, byFile: map[string]fileImports{}}
}

// packages returns the npm package names the function's code (its
// handler and the local files it reaches) imports. known is false when
// the code cannot tell: the handler is not resolved, a file does not
// parse, or some code is not JavaScript/TypeScript.
func (im *imports) packages(fn *model.Function) ([]string, bool) {
	if im.tree == nil || fn.HandlerStatus != model.HandlerResolved || len(fn.Files) == 0 {
		return nil, false
	}
	set := map[string]bool{}
	for _, f := range fn.Files {
		lang := source.DetectLang(f)
		if lang == source.Unsupported {
			continue // data files (JSON, templates) import nothing
		}
		if !lang.IsJS() {
			return nil, false
		}
		fi := im.file(f)
		if !fi.ok {
			return nil, false
		}
		for _, n := range fi.names {
			set[n] = true
		}
	}
	out := make([]string, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return out, true
}

// file parses one source file for its package imports.
func (im *imports) file(path string) fileImports {
	if fi, ok := im.byFile[path]; ok {
		return fi
	}
	fi := fileImports{}
	if f, err := im.sources.File(path); err == nil {
		fi = fileImports{names: f.Packages(), ok: true}
	}
	im.byFile[path] = fi
	return fi
}
