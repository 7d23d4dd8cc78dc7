// Package handling is the detector of the book's data-handling checks in
// code and configuration: TLS certificate verification turned off,
// plaintext http:// endpoints, sensitive data written to logs, and error
// details returned to callers. It reads each function's code (the handler
// and the local files it reaches, each file parsed once per scan with
// tree-sitter), the files' attribution following the handler's own code
// within its file, the functions' environments and app settings, and the
// JSON and .env files that ship with them. A finding in code shared by
// several functions is one finding listing all of them.
package handling

import (
	"context"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/source"
)

// Detector reports data-handling problems.
type Detector struct{}

// New returns the data-handling detector.
func New() *Detector { return &Detector{} }

// Name identifies the detector.
func (*Detector) Name() string { return "data-handling" }

// Category is Data.
func (*Detector) Category() finding.Category { return finding.Data }

// Rules documents every rule the detector reports.
func (*Detector) Rules() []finding.Rule { return rules() }

// merged is one issue and every function it endangers.
type merged struct {
	rule, file string
	line       int
	evidence   string
	key        string
	detail     string
	creds      bool
	trace      []finding.Step
	fns        map[string]*model.Function
}

// state is one scan's work: files analysed once, issues merged.
type state struct {
	in     *detect.Input
	code   map[string]*analysis // nil entry: not analysable
	json   map[string][]jsonIssue
	byKey  map[string]*merged
	order  []string
	public map[string]bool
}

// Detect implements detect.Detector.
func (*Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	if in == nil || in.Project == nil {
		return nil
	}
	st := &state{in: in, code: map[string]*analysis{}, json: map[string][]jsonIssue{}, byKey: map[string]*merged{}, public: map[string]bool{}}
	for _, fn := range in.Project.Functions {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		st.public[fn.ID] = fn.Public
		st.function(fn)
	}
	for _, is := range envIssues(in.Project.Functions) {
		st.addConfig(is.rule, is.file, is.line, is.evidence, is.detail, is.fns)
	}
	if err := st.dotenvFiles(ctx); err != nil {
		return err
	}
	for _, k := range st.order {
		report(st.finding(st.byKey[k]))
	}
	return nil
}

// function collects the issues of the code and config files fn runs.
func (st *state) function(fn *model.Function) {
	files := fn.Files
	if len(files) == 0 && fn.File != "" && fn.HandlerStatus == model.HandlerResolved {
		files = []string{fn.File}
	}
	for _, p := range files {
		if isTestFile(p) {
			continue
		}
		if source.DetectLang(p) == source.Unsupported {
			if strings.EqualFold(path.Ext(p), ".json") {
				for _, j := range st.jsonFile(p) {
					st.addConfig(j.rule, p, j.line, j.evidence, j.detail, []*model.Function{fn})
				}
			}
			continue
		}
		a := st.analysis(p)
		if a == nil {
			continue
		}
		handlerLine := 0
		if p == fn.File {
			handlerLine = fn.HandlerLine
		}
		for _, is := range a.issues {
			if a.runs(is, handlerLine) {
				st.addCode(a, is, fn)
			}
		}
	}
}

// analysis parses and checks a source file once per scan.
func (st *state) analysis(p string) *analysis {
	if a, ok := st.code[p]; ok {
		return a
	}
	st.code[p] = nil
	if st.in.Tree == nil {
		return nil
	}
	f, err := st.in.SourceCache().File(p)
	if err != nil {
		return nil // unreadable code is reported by the extractors
	}
	a := analyze(f)
	st.code[p] = a
	return a
}

// jsonFile checks a JSON file a handler loads, once per scan.
func (st *state) jsonFile(p string) []jsonIssue {
	if js, ok := st.json[p]; ok {
		return js
	}
	var js []jsonIssue
	if st.in.Tree != nil {
		if data, err := st.in.Tree.ReadFile(p); err == nil {
			js, _ = jsonSettings(data) // data files that are not config parse or fail quietly
		}
	}
	st.json[p] = js
	return js
}

// dotenvFiles checks the .env files that ship in a function's package.
func (st *state) dotenvFiles(ctx context.Context) error {
	if st.in.Tree == nil {
		return nil
	}
	for _, f := range st.in.Tree.Files {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if !isDotenv(f.Path) || isTestFile(f.Path) {
			continue
		}
		fns := shipping(st.in.Project.Functions, f.Path)
		if len(fns) == 0 {
			continue
		}
		data, err := st.in.Tree.Read(f)
		if err != nil || len(data) > maxConfigSize {
			continue
		}
		for _, j := range dotenvSettings(data) {
			st.addConfig(j.rule, f.Path, j.line, j.evidence, j.detail, fns)
		}
	}
	return nil
}

// addCode merges a code issue found for fn.
func (st *state) addCode(a *analysis, is *issue, fn *model.Function) {
	m := st.get(is.rule, a.path, is.line, is.key)
	if m.detail == "" {
		m.evidence, m.detail, m.trace = is.evidence, is.detail, is.trace
	}
	m.creds = m.creds || is.creds
	m.fns[fn.ID] = fn
}

// addConfig merges a configuration issue.
func (st *state) addConfig(rule, file string, line int, evidence, detail string, fns []*model.Function) {
	m := st.get(rule, file, line, "cfg|"+evidence)
	if m.detail == "" {
		m.evidence, m.detail = evidence, "setting "+detail
	}
	for _, fn := range fns {
		m.fns[fn.ID] = fn
	}
}

// get returns the merged issue of a place, creating it.
func (st *state) get(rule, file string, line int, key string) *merged {
	k := fmt.Sprintf("%s|%s|%d|%s", rule, file, line, key)
	m, ok := st.byKey[k]
	if !ok {
		m = &merged{rule: rule, file: file, line: line, key: key, fns: map[string]*model.Function{}}
		st.byKey[k] = m
		st.order = append(st.order, k)
	}
	return m
}

// impact says why each rule's finding matters, ending its message.
var impact = map[string]string{
	ruleTLS.ID:       "anyone on the network path can pose as the server and read or change the traffic",
	ruleTransport.ID: "whatever the request carries (API keys in headers, personal data in the body) can be read and changed in transit",
	ruleLogging.ID:   "everyone who can read the logs, and every system they are shipped to, sees it for as long as the logs are kept",
	ruleErrors.ID:    "callers learn internals (stack frames, libraries, queries, resource names) that help them attack the function",
}

// finding turns a merged issue into a finding.
func (st *state) finding(m *merged) finding.Finding {
	r := ruleByID(m.rule)
	f := r.New()
	f.File, f.Line = m.file, m.line
	var names []string
	anyPublic := false
	for id := range m.fns {
		f.Functions = append(f.Functions, id)
		anyPublic = anyPublic || st.public[id]
	}
	sort.Strings(f.Functions)
	for _, id := range f.Functions {
		names = append(names, displayName(m.fns[id]))
	}
	f.Evidence = m.evidence
	f.Key = m.key
	f.Trace = m.trace
	why := impact[m.rule]
	if m.rule == ruleTLS.ID && m.creds {
		why += ", including the credentials the call sends"
		if !anyPublic { // the scan raises findings on public functions itself
			f.Severity = finding.SeverityHigh
		}
	}
	where := fmt.Sprintf("%s:%d", m.file, m.line)
	if len(m.trace) > 1 {
		var at []string
		for _, s := range m.trace[1:] {
			at = append(at, fmt.Sprintf("%s at %s:%d", s.Note, s.File, s.Line))
		}
		where += "; " + strings.Join(at, ", ")
	}
	f.Message = fmt.Sprintf("%s: %s (%s); %s.", strings.Join(names, ", "), m.detail, where, why)
	return f
}

// displayName names a function in messages.
func displayName(fn *model.Function) string {
	if fn == nil {
		return ""
	}
	if fn.Name != "" {
		return fn.Name
	}
	return fn.ID
}
