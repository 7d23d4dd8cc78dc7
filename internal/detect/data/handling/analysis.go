package handling

import (
	"fmt"
	"sort"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/source/syntax"
)

// issue is one problem found in a file, before it is attributed to the
// functions that run it.
type issue struct {
	rule string
	line int
	// evidence is the offending code, shortened.
	evidence string
	// key identifies the issue within its file without line numbers.
	key string
	// detail says what the code does, for the message.
	detail string
	// at are the byte offsets of the code that runs the problem: the call
	// that sends a plaintext URL, the log call, the response. A function
	// endangered by the issue runs at least one of them.
	at    []uint
	sites []site
	// creds marks a TLS issue on a call that sends credentials.
	creds bool
	trace []finding.Step
}

// site places an offset in the file's top-level structure.
type site struct {
	top    int  // index of the top-level statement, -1 when outside all
	inFunc bool // inside a function body (runs only when called)
}

// analysis is what a file leaves behind once its tree is closed.
type analysis struct {
	path   string
	lang   source.Lang
	issues []*issue
	// stmts are the top-level statements, for attributing an issue in a
	// handler file to the handlers that reach it; nil when every issue
	// goes to every function that loads the file.
	stmts []stmt
	reach map[int][]bool // by handler line
}

// stmt is one top-level statement: the names it declares and the names
// its code refers to.
type stmt struct {
	startLine, endLine int
	start, end         uint
	names              []string
	refs               map[string]bool
}

// checker runs the checks over one file.
type checker struct {
	*syn
	b      *bindings
	issues []*issue
	byLine map[string]*issue // rule|line → issue, one per rule per line
	nth    map[string]int    // key → occurrences so far
	idents map[string][]*ts.Node
	// silenced is the line of a urllib3.disable_warnings() call (0: none).
	silenced int
	// matches counts add calls; past maxMatches the file is not examined
	// further (minified or hostile input repeating one construct).
	matches int
	// aliases and leaks memoise what a local name reveals (to a logger,
	// in an error response), so chains of names are followed once.
	aliases map[string][]string
	leaks   map[string]int
}

// maxMatches bounds the problems recorded per file.
const maxMatches = 1000

// analyze runs every check over a parsed file.
func analyze(f *source.File) *analysis {
	s := newSyn(f)
	a := &analysis{path: f.Path, lang: f.Lang}
	if s.root == nil {
		return a
	}
	c := &checker{syn: s, b: s.bind(), byLine: map[string]*issue{}, nth: map[string]int{},
		aliases: map[string][]string{}, leaks: map[string]int{}}
	c.run()
	c.noteSilenced()
	a.issues = c.issues
	if len(a.issues) == 0 {
		return a // statements and function ranges only place issues
	}
	if f.Lang != source.Go { // a Go function is its whole package
		a.stmts = s.statements()
	}
	funcs := s.funcRanges()
	for _, is := range a.issues {
		for _, off := range is.at {
			is.sites = append(is.sites, site{top: a.topOf(off), inFunc: inRanges(funcs, off)})
		}
	}
	return a
}

// run walks the file once and hands every node to the checks.
func (c *checker) run() {
	c.Walk(c.root, func(n *ts.Node, kind string) bool {
		if c.matches >= maxMatches {
			return false
		}
		switch kind {
		case "call_expression", "call", "new_expression":
			c.onCall(n)
		case "pair", "keyed_element":
			c.tlsPair(n)
		case "assignment_expression", "assignment", "assignment_statement":
			c.onAssign(n)
		case "attribute", "identifier":
			c.pyTLSRef(n, kind)
		case "catch_clause", "except_clause":
			c.errorScope(n)
		case "arrow_function", "function_expression", "function", "function_declaration", "method_declaration":
			c.callbackScope(n)
		}
		return true
	})
}

// noteSilenced adds to Python TLS issues that the file also hides
// urllib3's warning about them.
func (c *checker) noteSilenced() {
	if c.silenced == 0 {
		return
	}
	for _, is := range c.issues {
		if is.rule == ruleTLS.ID {
			is.detail += fmt.Sprintf(", and the file silences urllib3's warning about it (line %d)", c.silenced)
		}
	}
}

// onCall hands a call to the checks that look at calls.
func (c *checker) onCall(n *ts.Node) {
	callee, args, ok := c.call(n)
	if !ok {
		return
	}
	c.callbackArgs(callee, args)
	c.tlsCall(n, callee, args)
	c.transportCall(n, callee, args)
	c.logCall(n, callee, args)
}

// onAssign hands an assignment to the checks that look at assignments.
func (c *checker) onAssign(n *ts.Node) {
	c.tlsAssign(n)
}

// add records an issue, merging with one of the same rule on the same
// line (one finding per rule and line) and numbering repeated keys so
// identical code in two places stays two findings.
func (c *checker) add(is *issue, at ...*ts.Node) *issue {
	c.matches++
	lk := fmt.Sprintf("%s|%d", is.rule, is.line)
	if old, ok := c.byLine[lk]; ok {
		for _, n := range at {
			old.at = append(old.at, n.StartByte())
		}
		return old
	}
	k := is.rule + "|" + is.key
	c.nth[k]++
	if c.nth[k] > 1 {
		is.key = fmt.Sprintf("%s#%d", is.key, c.nth[k])
	}
	for _, n := range at {
		is.at = append(is.at, n.StartByte())
	}
	c.byLine[lk] = is
	c.issues = append(c.issues, is)
	return is
}

// statements indexes the top-level statements of a JavaScript or Python
// module.
func (s *syn) statements() []stmt {
	var out []stmt
	for _, st := range s.Named(s.root) {
		st := st
		a, b := st.ByteRange()
		out = append(out, stmt{
			startLine: syntax.Line(&st), endLine: int(st.EndPosition().Row) + 1, start: a, end: b,
			names: s.declared(&st), refs: s.refs(&st),
		})
	}
	return out
}

// declared returns the names a top-level statement binds.
func (s *syn) declared(st *ts.Node) []string {
	switch s.Kind(st) {
	case "export_statement", "decorated_definition":
		if d := syntax.Field(st, "declaration"); d != nil {
			return s.declared(d)
		}
		if d := syntax.Field(st, "definition"); d != nil {
			return s.declared(d)
		}
	case "function_declaration", "generator_function_declaration", "class_declaration", "function_definition", "class_definition":
		return []string{s.Text(syntax.Field(st, "name"))}
	case "lexical_declaration", "variable_declaration":
		var out []string
		for _, d := range s.Named(st) {
			d := d
			if name := syntax.Field(&d, "name"); s.Kind(name) == "identifier" {
				out = append(out, s.Text(name))
			}
		}
		return out
	case "expression_statement":
		if a := s.First(st); s.Kind(a) == "assignment" || s.Kind(a) == "assignment_expression" {
			if left := syntax.Field(a, "left"); s.Kind(left) == "identifier" {
				return []string{s.Text(left)}
			}
		}
	}
	return nil
}

// refs returns the identifiers a statement's code uses.
func (s *syn) refs(st *ts.Node) map[string]bool {
	m := map[string]bool{}
	s.Walk(st, func(n *ts.Node, kind string) bool {
		if kind == "identifier" || kind == "shorthand_property_identifier" {
			m[s.Text(n)] = true
		}
		return true
	})
	return m
}

// funcRanges returns the byte ranges of every function, sorted by start.
func (s *syn) funcRanges() [][2]uint {
	var out [][2]uint
	s.Walk(s.root, func(n *ts.Node, kind string) bool {
		if isFunc(kind) {
			a, b := n.ByteRange()
			out = append(out, [2]uint{a, b})
		}
		return true
	})
	return out
}

func inRanges(rs [][2]uint, off uint) bool {
	for _, r := range rs {
		if r[0] > off {
			return false
		}
		if off < r[1] {
			return true
		}
	}
	return false
}

// topOf returns the index of the top-level statement holding off.
func (a *analysis) topOf(off uint) int {
	i := sort.Search(len(a.stmts), func(i int) bool { return a.stmts[i].end > off })
	if i < len(a.stmts) && a.stmts[i].start <= off {
		return i
	}
	return -1
}

// reachFrom returns which top-level statements the handler defined on
// handlerLine reaches through the names it uses, transitively; nil when
// the handler cannot be placed (then the whole file counts).
func (a *analysis) reachFrom(handlerLine int) []bool {
	if a.stmts == nil || handlerLine <= 0 {
		return nil
	}
	if r, ok := a.reach[handlerLine]; ok {
		return r
	}
	byName := map[string][]int{}
	for i, st := range a.stmts {
		for _, n := range st.names {
			byName[n] = append(byName[n], i)
		}
	}
	seen := make([]bool, len(a.stmts))
	var queue []int
	for i, st := range a.stmts {
		if st.startLine <= handlerLine && handlerLine <= st.endLine {
			seen[i] = true
			queue = append(queue, i)
		}
	}
	if len(queue) == 0 {
		seen = nil
	}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		for name := range a.stmts[i].refs {
			for _, j := range byName[name] {
				if !seen[j] {
					seen[j] = true
					queue = append(queue, j)
				}
			}
		}
	}
	if a.reach == nil {
		a.reach = map[int][]bool{}
	}
	a.reach[handlerLine] = seen
	return seen
}

// runs reports whether a function whose handler is at handlerLine in
// this file (0: the file is only loaded) runs the issue.
func (a *analysis) runs(is *issue, handlerLine int) bool {
	r := a.reachFrom(handlerLine)
	if r == nil || len(is.sites) == 0 {
		return true
	}
	for _, st := range is.sites {
		if !st.inFunc || st.top < 0 || r[st.top] {
			return true
		}
	}
	return false
}
