package taint

import (
	"context"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/walk"
)

// Options bound the analysis.
type Options struct {
	// MaxCallDepth is how many local calls deep the analysis follows from
	// the handler (default 5).
	MaxCallDepth int
	// MaxWork bounds the expressions evaluated per function (default 400k).
	MaxWork int
}

// Engine analyses the functions of one scanned tree. It parses and lowers
// each file once, and evaluates each module's top level once, however many
// functions reach it. Not safe for concurrent use.
type Engine struct {
	tree  *walk.Tree
	opts  Options
	files map[string]*Module // nil entry: unreadable or not parseable
	mods  map[string]*modState
	json  map[string]*Value
	dust  *dustIndex
	// sources parses the files; function bodies are lowered from their
	// trees on first use, so the trees live as long as the cache.
	sources *source.Cache
	// done closes sources when the engine made it.
	done func()
	// Parsed counts the files parsed (for benchmarks and tests).
	Parsed int
}

// Close frees the syntax trees the engine keeps. The engine analyses
// nothing more after it (bodies not lowered yet stay empty).
func (e *Engine) Close() {
	if e.done != nil {
		e.done()
		e.done = nil
	}
}

// New returns an engine over tree with its own parse cache; Close it when
// done.
func New(tree *walk.Tree, opts Options) *Engine {
	c := source.NewCache(tree)
	e := NewShared(c, opts)
	e.done = c.Close
	return e
}

// NewShared returns an engine that parses through sources (shared with the
// rest of the scan, which closes it). Its Close frees nothing, and the
// engine must not be used after the cache is closed.
func NewShared(sources *source.Cache, opts Options) *Engine {
	tree := sources.Tree()
	if opts.MaxCallDepth <= 0 {
		opts.MaxCallDepth = 5
	}
	if opts.MaxWork <= 0 {
		opts.MaxWork = 400_000
	}
	return &Engine{tree: tree, opts: opts, sources: sources, files: map[string]*Module{}, mods: map[string]*modState{}, json: map[string]*Value{}}
}

// Issue is one finding of the engine: a rule violated at a place, with the
// trace that shows how attacker data got there.
type Issue struct {
	Rule string
	File string
	Line int
	// Sink names the dangerous operation ("child_process.exec").
	Sink string
	// Source is the source kind ("s3-key"), SourceDesc its description;
	// empty for the rules that need no taint.
	Source, SourceDesc string
	// Func is the name of the code function holding the sink.
	Func string
	// Evidence is the sink's source text (one line, shortened).
	Evidence string
	// Detail adds rule-specific words for the message.
	Detail string
	Trace  []finding.Step
	// Key is a stable identity without line numbers.
	Key string
}

// Target is the function to analyse.
type Target struct {
	Fn *model.Function
	// Symbol is the handler's exported name (handler.Symbol).
	Symbol string
}

// Analyze runs the analysis of one function and returns its issues, sorted
// by file and line. An error means the handler could not be analysed at
// all (unsupported language, unreadable file); the scan goes on.
func (e *Engine) Analyze(ctx context.Context, t Target) (out []Issue, err error) {
	defer func() { // the engine must never take the scan down
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("%s: internal error in the taint analysis (please report it): %v", t.Fn.File, r)
		}
	}()
	fn := t.Fn
	if fn == nil || fn.File == "" {
		return nil, nil
	}
	lang := source.DetectLang(fn.File)
	if lang == source.Unsupported {
		return nil, nil
	}
	m := e.module(fn.File)
	if m == nil {
		return nil, fmt.Errorf("%s: cannot parse the handler file", fn.File)
	}
	in := newInterp(e, ctx, fn)
	in.entry(m, t.Symbol)
	in.patterns(fn)
	out = in.issueList()
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Rule < out[j].Rule
	})
	return out, ctx.Err()
}

// module returns the lowered module of a file, parsing it on first use.
func (e *Engine) module(p string) *Module {
	if m, ok := e.files[p]; ok {
		return m
	}
	e.files[p] = nil
	if source.DetectLang(p) == source.Unsupported || e.tree == nil {
		return nil
	}
	f, err := e.sources.File(p)
	if err != nil {
		return nil
	}
	e.Parsed++
	var m *Module
	switch {
	case f.Lang.IsJS():
		m = lowerJS(f)
	case f.Lang == source.Python:
		m = lowerPy(f)
	case f.Lang == source.Go:
		m = lowerGo(f)
	}
	e.files[p] = m
	return m
}

// goPackage returns the non-test Go files of file's directory.
func (e *Engine) goPackage(file string) []string {
	dir := path.Dir(file)
	var out []string
	under := dir
	if under == "." {
		under = ""
	}
	for _, f := range e.tree.Under(under) {
		if path.Dir(f.Path) == dir && strings.HasSuffix(f.Path, ".go") && !strings.HasSuffix(f.Path, "_test.go") {
			out = append(out, f.Path)
		}
	}
	sort.Strings(out)
	return out
}
