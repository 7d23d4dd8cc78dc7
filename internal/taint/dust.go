package taint

import (
	"path"
	"regexp"
	"strings"

	"github.com/cladsec/clad/internal/finding"
)

// dustjs-helpers' {@if cond="…"} evaluates its condition with eval after
// substituting context references ({theme}). Dust escapes strings before
// substitution, but not arrays or objects: a context value taken from
// parsed JSON (or a query parser that makes arrays) without a string check
// reaches eval.

// dustIf is one {@if cond} of a template.
type dustIf struct {
	file string
	line int
	text string
	refs map[string]bool
}

// dustIndex maps a template's name (file base name without extension) to
// its {@if} helpers.
type dustIndex struct {
	byName map[string][]dustIf
	all    []dustIf
}

var (
	dustIfRe  = regexp.MustCompile(`\{@if\s+cond\s*=\s*"([^"]*)"`)
	dustRefRe = regexp.MustCompile(`\{([A-Za-z_$][\w$.]*)(?:\|[a-z]+)*\}`)
)

// dustTemplates indexes the .dust files of the tree once per engine.
func (e *Engine) dustTemplates() *dustIndex {
	if e.dust != nil {
		return e.dust
	}
	e.dust = &dustIndex{byName: map[string][]dustIf{}}
	n := 0
	for _, f := range e.tree.Files {
		if !strings.EqualFold(path.Ext(f.Path), ".dust") || f.Size > 1<<20 {
			continue
		}
		if n++; n > 500 {
			break
		}
		src, err := e.tree.ReadFile(f.Path)
		if err != nil {
			continue
		}
		name := strings.TrimSuffix(path.Base(f.Path), path.Ext(f.Path))
		for _, d := range scanDust(f.Path, string(src)) {
			e.dust.byName[name] = append(e.dust.byName[name], d)
			e.dust.all = append(e.dust.all, d)
		}
	}
	return e.dust
}

// scanDust finds the {@if cond="…"} helpers of a template and the context
// names each condition references.
func scanDust(file, src string) []dustIf {
	var out []dustIf
	for _, m := range dustIfRe.FindAllStringSubmatchIndex(src, -1) {
		cond := src[m[2]:m[3]]
		d := dustIf{file: file, line: 1 + strings.Count(src[:m[0]], "\n"), text: strings.TrimSpace(src[m[0]:min(len(src), m[1]+1)]), refs: map[string]bool{}}
		for _, r := range dustRefRe.FindAllStringSubmatch(cond, -1) {
			top, _, _ := strings.Cut(r[1], ".")
			d.refs[top] = true
		}
		if len(d.refs) > 0 {
			out = append(out, d)
		}
	}
	return out
}

// dustRender checks dust.render(name, context): a context property an
// {@if cond} references, holding input that may not be a string.
func (in *interp) dustRender(cc *callCtx) {
	ctx := cc.arg(1)
	if ctx == nil || ctx.fields == nil {
		return
	}
	idx := in.e.dustTemplates()
	ifs := idx.all
	if n := cc.arg(0); n != nil && n.str != nil {
		if named, ok := idx.byName[*n.str]; ok {
			ifs = named
		}
	}
	for _, d := range ifs {
		for ref := range d.refs {
			v, ok := ctx.fields[ref]
			if !ok {
				continue
			}
			for _, t := range in.allTaints(cc.fr, v, cc.argX(1)) {
				if t.Safe&cTemplate != 0 || !t.NotStr {
					continue
				}
				in.reportDust(cc, t, d, ref)
				return
			}
		}
	}
}

// reportDust reports the template injection where the value enters the
// code (its source read), with the render call and the template's helper
// in the trace.
func (in *interp) reportDust(cc *callCtx, t *Taint, d dustIf, ref string) {
	fr := cc.fr
	is := &Issue{
		Rule: RuleTemplate, Sink: "dustjs-helpers {@if cond}", Source: t.Kind, SourceDesc: t.Desc, Func: frameName(fr),
		Detail: "context value " + ref + " is evaluated by {@if cond} in " + d.file + ":" + itoa(d.line),
	}
	is.Trace = append(append([]finding.Step(nil), t.Steps...),
		in.stepAt(cc, "passed to dust.render as context."+ref),
		finding.Step{File: d.file, Line: d.line, Note: d.text + " evaluates " + ref + " with eval (dust does not escape arrays)"})
	is.File, is.Line = fr.mod.m.Path, cc.c.Line
	if len(t.Steps) > 0 {
		is.File, is.Line = t.Steps[0].File, t.Steps[0].Line
	}
	is.Evidence = in.snippet(fr, cc.c)
	if m := in.e.files[is.File]; m != nil {
		is.Evidence = lineText(m.Src, is.Line)
	}
	is.Key = RuleTemplate + "|" + is.File + "|" + ref + "|" + d.file + "|" + t.Kind
	in.report(is)
}

// lineText returns one line of a source, trimmed and shortened.
func lineText(src []byte, line int) string {
	lines := strings.SplitN(string(src), "\n", line+1)
	if line < 1 || line > len(lines) {
		return ""
	}
	s := strings.TrimSpace(lines[line-1])
	if len(s) > 90 {
		s = s[:87] + "..."
	}
	return s
}
