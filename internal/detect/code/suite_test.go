package code

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// The labelled suite: small handlers under testdata/suite, each vulnerable
// case beside a fixed twin. A handler file starts with a directive
//
//	// fixture: provider=aws trigger=http handlers=vulnerable,fixed
//
// (# in Python); files without one are helpers they import. With
// model=code the handlers are Azure code-defined functions (Node.js v4,
// Python v2): a line marked `// entry: NAME` is where handler NAME starts,
// and `// entry: NAME inline` makes it an inline registration handler
// ("file#(inline)"), as the Azure extractor reports them. Sink lines
// carry `want "rule"` (the finding must be there) or `want-miss "rule"` (a
// known false negative: reported in the figures, not a failure). Every
// finding must match a want: anything else is a false positive.

var (
	fixtureRe = regexp.MustCompile(`^\s*(?://|#)\s*fixture:\s*(.*)$`)
	wantRe    = regexp.MustCompile(`(?://|#)\s*(want|want-miss)\s+((?:"[^"]+"\s*)+)`)
	quotedRe  = regexp.MustCompile(`"([^"]+)"`)
)

type label struct {
	file string
	line int
	rule string
}

type suite struct {
	fns    []*model.Function
	want   map[label]bool
	miss   map[label]bool
	labels int
}

// loadSuite reads the fixtures' directives and annotations.
func loadSuite(t testing.TB, tree *walk.Tree) *suite {
	t.Helper()
	s := &suite{want: map[label]bool{}, miss: map[label]bool{}}
	for _, f := range tree.Files {
		ext := path.Ext(f.Path)
		if ext != ".js" && ext != ".ts" && ext != ".py" && ext != ".go" {
			continue
		}
		src, err := tree.ReadFile(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(bytes.NewReader(src))
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			if m := fixtureRe.FindStringSubmatch(line); m != nil && n <= 3 {
				fns := fixtureFunctions(t, f.Path, m[1])
				if strings.Contains(m[1], "model=code") {
					entries(src, f.Path, fns)
				}
				s.fns = append(s.fns, fns...)
			}
			for _, m := range wantRe.FindAllStringSubmatch(line, -1) {
				for _, q := range quotedRe.FindAllStringSubmatch(m[2], -1) {
					l := label{file: f.Path, line: n, rule: q[1]}
					if m[1] == "want" {
						s.want[l] = true
					} else {
						s.miss[l] = true
					}
				}
			}
		}
	}
	return s
}

var entryRe = regexp.MustCompile(`(?://|#)\s*entry:\s*(\S+)(\s+inline)?\s*$`)

// entries gives code-defined Azure functions the line their handler starts
// on (the `entry:` markers) and the handler string the extractor reports.
func entries(src []byte, file string, fns []*model.Function) {
	byName := map[string]*model.Function{}
	for _, fn := range fns {
		fn.Source = model.Location{File: file, Line: 1}
		byName[strings.TrimPrefix(fn.Name, strings.TrimSuffix(file, path.Ext(file))+"#")] = fn
	}
	for n, line := range strings.Split(string(src), "\n") {
		m := entryRe.FindStringSubmatch(line)
		if m == nil || byName[m[1]] == nil {
			continue
		}
		fn := byName[m[1]]
		fn.HandlerLine = n + 1
		if m[2] != "" {
			fn.Handler = path.Base(file) + "#(inline)"
		}
	}
}

// fixtureFunctions builds the function-map entries a directive declares.
func fixtureFunctions(t testing.TB, file, directive string) []*model.Function {
	kv := map[string]string{}
	for _, f := range strings.Fields(directive) {
		k, v, _ := strings.Cut(f, "=")
		kv[k] = v
	}
	provider := kv["provider"]
	if provider == "" {
		provider = model.AWS
	}
	ext := path.Ext(file)
	runtime := map[string]string{".js": "nodejs18.x", ".ts": "nodejs18.x", ".py": "python3.12", ".go": "provided.al2"}[ext]
	if provider == model.Azure {
		runtime = map[string]string{".js": "node", ".ts": "node", ".py": "python"}[ext]
	}
	var triggers []model.Trigger
	for _, tr := range strings.Split(kv["trigger"], ",") {
		if tr != "" {
			triggers = append(triggers, model.Trigger{Type: tr, Public: tr == "http" || tr == "httpTrigger"})
		}
	}
	handlers := strings.Split(kv["handlers"], ",")
	if kv["handlers"] == "" {
		handlers = []string{""}
	}
	base := strings.TrimSuffix(path.Base(file), ext)
	var out []*model.Function
	for _, h := range handlers {
		id := strings.TrimSuffix(file, ext)
		if h != "" {
			id += "#" + h
		}
		fn := &model.Function{
			ID: "suite/" + id, Name: id, Provider: provider, Runtime: runtime, File: file,
			CodeDir: path.Dir(file), HandlerStatus: model.HandlerResolved, Triggers: triggers,
		}
		switch {
		case provider == model.Azure && h != "":
			fn.Handler = base + ext + "#" + h
		case provider == model.Azure:
			fn.Handler = base + ext
		case ext == ".go":
			fn.Handler = "main"
		default:
			fn.Handler = base + "." + h
		}
		out = append(out, fn)
	}
	return out
}

type tally struct{ tp, fp, fn, knownFN int }

func (c tally) precision() float64 {
	if c.tp+c.fp == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.tp+c.fp)
}

func (c tally) recall() float64 {
	if c.tp+c.fn+c.knownFN == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.tp+c.fn+c.knownFN)
}

// TestSuite scans every fixture and checks the findings against the
// annotations exactly; it logs precision and recall per rule and per
// language.
func TestSuite(t *testing.T) {
	tree, err := walk.Open(context.Background(), "testdata/suite", walk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	s := loadSuite(t, tree)
	if len(s.fns) < 80 {
		t.Errorf("the suite declares %d handlers, want at least 80", len(s.fns))
	}
	in := &detect.Input{Project: &model.Project{Functions: s.fns}, Tree: tree, Offline: true}
	got := map[label]finding.Finding{}
	err = New().Detect(context.Background(), in, func(f finding.Finding) {
		got[label{file: f.File, line: f.Line, rule: f.Rule}] = f
	})
	if err != nil {
		t.Fatal(err)
	}
	byRule, byLang := map[string]*tally{}, map[string]*tally{}
	count := func(l label, f func(*tally)) {
		for i, m := range []map[string]*tally{byRule, byLang} {
			k := l.rule
			if i == 1 {
				k = langOf(l.file)
			}
			if m[k] == nil {
				m[k] = &tally{}
			}
			f(m[k])
		}
	}
	for l, f := range got {
		switch {
		case s.want[l]:
			count(l, func(c *tally) { c.tp++ })
		case s.miss[l]:
			t.Errorf("%s:%d: %s is found now: turn its want-miss into want", l.file, l.line, l.rule)
			count(l, func(c *tally) { c.tp++ })
		default:
			t.Errorf("%s:%d: unexpected %s (false positive): %s", l.file, l.line, l.rule, f.Message)
			count(l, func(c *tally) { c.fp++ })
		}
	}
	for l := range s.want {
		if _, ok := got[l]; !ok {
			t.Errorf("%s:%d: missing %s (false negative)", l.file, l.line, l.rule)
			count(l, func(c *tally) { c.fn++ })
		}
	}
	for l := range s.miss {
		if _, ok := got[l]; !ok {
			count(l, func(c *tally) { c.knownFN++ })
		}
	}
	t.Logf("suite: %d handlers, %d labelled sinks (%d known misses)", len(s.fns), len(s.want)+len(s.miss), len(s.miss))
	logTallies(t, "rule", byRule)
	logTallies(t, "language", byLang)
}

func logTallies(t *testing.T, what string, m map[string]*tally) {
	keys := make([]string, 0, len(m))
	total := tally{}
	for k, c := range m {
		keys = append(keys, k)
		if what == "rule" {
			total.tp += c.tp
			total.fp += c.fp
			total.fn += c.fn
			total.knownFN += c.knownFN
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := m[k]
		t.Logf("%-9s %-36s tp=%-3d fp=%-2d fn=%-2d known-fn=%-2d precision=%.2f recall=%.2f", what, k, c.tp, c.fp, c.fn, c.knownFN, c.precision(), c.recall())
	}
	if what == "rule" {
		t.Logf("%-9s %-36s tp=%-3d fp=%-2d fn=%-2d known-fn=%-2d precision=%.2f recall=%.2f", "overall", "", total.tp, total.fp, total.fn, total.knownFN, total.precision(), total.recall())
	}
}

func langOf(file string) string {
	switch path.Ext(file) {
	case ".js":
		return "javascript"
	case ".ts":
		return "typescript"
	case ".py":
		return "python"
	case ".go":
		return "go"
	}
	return fmt.Sprintf("other(%s)", path.Ext(file))
}
