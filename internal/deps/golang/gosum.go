package golang

import (
	"errors"
	"path"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/walk"
	"github.com/google/osv-scalibr/semantic"
)

var errArgs = errors.New("wrong number of arguments")

// goSum holds the module versions a go.sum records: content holds those
// with a hash of their code (needed to build), any holds every line.
type goSum struct {
	content map[string][]string // path → versions
	any     map[string]bool     // path@version
	line    map[string]int      // path@version → first line
}

func readGoSum(data string) goSum {
	s := goSum{content: map[string][]string{}, any: map[string]bool{}, line: map[string]int{}}
	for i, l := range strings.Split(data, "\n") {
		f := strings.Fields(l)
		if len(f) != 3 {
			continue
		}
		v, gomodOnly := strings.CutSuffix(f[1], "/go.mod")
		key := f[0] + "@" + v
		if !s.any[key] {
			s.line[key] = i + 1
		}
		s.any[key] = true
		if !gomodOnly {
			s.content[f[0]] = append(s.content[f[0]], v)
		}
	}
	return s
}

// confirmGoSum checks the requirements against go.sum and, for go.mod
// files before Go 1.17, adds the modules only go.sum names (the highest
// version of each, which minimal version selection would pick).
func confirmGoSum(b *lockbuild.Builder, tree *walk.Tree, file string, mf *modFile) lockbuild.Warnings {
	sumFile := path.Join(path.Dir(file), "go.sum")
	if !tree.Exists(sumFile) {
		return nil
	}
	data, err := lockbuild.ReadText(tree, sumFile)
	if err != nil {
		return lockbuild.Warnings{err}
	}
	sum := readGoSum(string(data))
	var warn lockbuild.Warnings
	known := map[string]bool{}
	for _, r := range mf.requires {
		known[r.path] = true
		if !sum.any[r.path+"@"+r.version] && !replaced(mf, r) {
			warn = append(warn, lockbuild.Errorf(file, r.line, "%s %s is not in go.sum (go.sum out of date?)", r.path, r.version))
		}
	}
	if !goBefore117(mf.goVersion) {
		return warn
	}
	paths := make([]string, 0, len(sum.content))
	for p := range sum.content {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if known[p] {
			continue
		}
		v := highest(sum.content[p])
		b.Add(newModule(p, v, sumFile, sum.line[p+"@"+v]))
	}
	return warn
}

func replaced(mf *modFile, r require) bool {
	for _, rep := range mf.replaces {
		if rep.oldPath == r.path {
			return true
		}
	}
	return false
}

// goBefore117 reports whether the go directive predates module graph
// pruning (absent counts as old).
func goBefore117(v string) bool {
	n := normalizeGoVersion(v)
	if n == "" {
		return true
	}
	c, err := semantic.MustParse("1.17.0", "Go").CompareStr(n)
	return err == nil && c > 0
}

func highest(versions []string) string {
	best := versions[0]
	for _, v := range versions[1:] {
		bv, err := semantic.Parse(strings.TrimPrefix(best, "v"), "Go")
		if err != nil {
			best = v
			continue
		}
		if c, err := bv.CompareStr(strings.TrimPrefix(v, "v")); err == nil && c < 0 {
			best = v
		}
	}
	return best
}
