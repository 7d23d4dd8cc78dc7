package scan

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sort"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// parseDeps offers every file to every dependency parser. A parser that
// fails is an error problem for that file; warnings (a refused include, a
// dangling edge) keep the lockfile and become warning problems.
func parseDeps(ctx context.Context, tree *walk.Tree, parsers []deps.Parser) ([]*deps.Lockfile, []model.Problem) {
	var out []*deps.Lockfile
	var probs []model.Problem
	for _, f := range tree.Files {
		if ctx.Err() != nil {
			break
		}
		for _, p := range parsers {
			if !p.FileRequired(f.Path) {
				continue
			}
			lf, err := safeParse(ctx, p, tree, f.Path)
			switch {
			case err != nil && lockbuild.IsWarnings(err) && lf != nil:
				probs = append(probs, warnings(p.Name(), f.Path, warningTexts(err))...)
			case err != nil:
				probs = append(probs, depProblem(p.Name(), f.Path, err))
				continue
			}
			if lf == nil {
				continue
			}
			probs = append(probs, warnings(p.Name(), lf.File, lf.Warnings)...)
			out = append(out, lf)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out, probs
}

func safeParse(ctx context.Context, p deps.Parser, tree *walk.Tree, file string) (lf *deps.Lockfile, err error) {
	defer func() {
		if r := recover(); r != nil {
			lf, err = nil, fmt.Errorf("internal error in the %s parser (please report it): %v\n%s", p.Name(), r, debug.Stack())
		}
	}()
	return p.Parse(ctx, tree, file)
}

func depProblem(stage, file string, err error) model.Problem {
	p := model.Problem{File: file, Level: model.LevelError, Kind: "parse", Stage: stage, Message: err.Error()}
	var le *lockbuild.Error
	if errors.As(err, &le) {
		p.Line = le.Line
	}
	if errors.Is(err, walk.ErrTooLarge) {
		p.Kind = "limit"
	}
	return p
}

func warningTexts(err error) []string {
	var w lockbuild.Warnings
	if !errors.As(err, &w) {
		return []string{err.Error()}
	}
	out := make([]string, 0, len(w))
	for _, e := range w {
		out = append(out, e.Error())
	}
	return out
}

func warnings(stage, file string, msgs []string) []model.Problem {
	out := make([]model.Problem, 0, len(msgs))
	for _, m := range msgs {
		out = append(out, model.Problem{File: file, Level: model.LevelWarning, Kind: "resolve", Stage: stage, Message: m})
	}
	return out
}
