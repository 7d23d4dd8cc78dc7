package calls

import (
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/detect/access/fnmap"
	"github.com/cladsec/clad/internal/iam"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/walk"
)

// Call kinds.
const (
	KindHTTP   = "http"   // an HTTP request to another function's endpoint
	KindInvoke = "invoke" // an AWS SDK Lambda Invoke
)

// Call is one place where a function's code calls other functions of the
// project.
type Call struct {
	Kind   string
	Caller *model.Function
	// Callees are the functions the call reaches, sorted by ID.
	Callees []*model.Function
	File    string
	Line    int
	Code    string
	// Target is the URL (with "*" for pieces known only at run time) or
	// the invoked function name or ARN.
	Target string
	// Endpoints are, per callee ID, the HTTP triggers the URL reaches.
	Endpoints map[string][]model.Trigger
	// Keys are the credentials the call sends.
	Keys []Key
}

// Key is a credential a call sends.
type Key struct {
	// Via says how: "x-functions-key header", "code query parameter",
	// "x-api-key header", "execution role".
	Via string
	// For is the ID of the callee this value is chosen for ("" when the
	// same value goes to every callee).
	For string
	// Origins say where the value lives.
	Origins []Origin
}

// Finder finds the calls between the functions of a project. Build one
// per scan; Close it to free the parsed sources.
type Finder struct {
	w         *world
	project   *model.Project
	analyzer  *iam.Analyzer
	loc       *fnmap.Locator
	endpoints []endpoint
	cache     map[string][]Call
	raws      map[string][]rawHTTP
}

// New returns a Finder over a scanned tree and its function map, with its
// own parse cache and IAM analysis; Close it when done.
func New(t *walk.Tree, p *model.Project) *Finder {
	c := source.NewCache(t)
	return newFinder(newWorld(c, c.Close), p, iam.New(t, p))
}

// NewShared returns a Finder that parses through the scan's cache and
// reads SDK calls from the scan's IAM analysis of the same project. Its
// Close frees nothing; it must not be used after the cache is closed.
func NewShared(c *source.Cache, p *model.Project, a *iam.Analyzer) *Finder {
	return newFinder(newWorld(c, nil), p, a)
}

func newFinder(w *world, p *model.Project, a *iam.Analyzer) *Finder {
	return &Finder{
		w: w, project: p, analyzer: a, loc: fnmap.NewLocator(w.tree),
		endpoints: endpoints(p.Functions), cache: map[string][]Call{}, raws: map[string][]rawHTTP{},
	}
}

// Close frees the parsed sources.
func (f *Finder) Close() { f.w.close() }

// Calls returns the calls fn's code makes to other functions, in file and
// line order.
func (f *Finder) Calls(fn *model.Function) []Call {
	if c, ok := f.cache[fn.ID]; ok {
		return c
	}
	var out []Call
	if fn.HandlerStatus == model.HandlerResolved {
		out = append(out, f.httpCalls(fn)...)
		if fn.Provider == model.AWS {
			out = append(out, f.invokes(fn)...)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	f.cache[fn.ID] = out
	return out
}

// CallersOf returns the calls of other functions that reach fn.
func (f *Finder) CallersOf(fn *model.Function) []Call {
	var out []Call
	for _, c := range f.project.Functions {
		if c.ID == fn.ID {
			continue
		}
		for _, call := range f.Calls(c) {
			for _, g := range call.Callees {
				if g.ID == fn.ID {
					out = append(out, call)
					break
				}
			}
		}
	}
	return out
}

// httpCalls finds fn's requests to other functions' endpoints.
func (f *Finder) httpCalls(fn *model.Function) []Call {
	var out []Call
	for _, r := range f.requests(fn) {
		if c, ok := f.matchHTTP(fn, r); ok {
			out = append(out, c)
		}
	}
	return out
}

// requests returns the HTTP requests of fn's code (once).
func (f *Finder) requests(fn *model.Function) []rawHTTP {
	if r, ok := f.raws[fn.ID]; ok {
		return r
	}
	var out []rawHTTP
	if fn.HandlerStatus == model.HandlerResolved {
		for _, file := range fn.Files {
			p := f.w.parse(file)
			if p == nil {
				continue
			}
			switch lang := p.f.Lang; {
			case lang.IsJS():
				out = append(out, newJSEval(f.w, fn, p, 0).requests()...)
			case lang == source.Python:
				out = append(out, newPyEval(f.w, fn, p, 0).requests()...)
			}
		}
	}
	f.raws[fn.ID] = out
	return out
}

// mirror reports a function that forwards its own route to another
// service (a backend-for-frontend: GET users/{id} calls
// ${USER_API_URL}/api/v1/users/{id}). A URL with an unknown host that
// matches such a route names that other service as likely as the mirror,
// so clad does not bind it to the mirror.
func (f *Finder) mirror(fn *model.Function) bool {
	for _, r := range f.requests(fn) {
		for _, u := range r.urls {
			for _, ep := range f.endpoints {
				if ep.fn.ID == fn.ID && matches(u.text, ep) {
					return true
				}
			}
		}
	}
	return false
}

// matchHTTP binds a request to the endpoints its URL reaches.
func (f *Finder) matchHTTP(fn *model.Function, r rawHTTP) (Call, bool) {
	c := Call{Kind: KindHTTP, Caller: fn, File: r.file, Line: r.line, Code: r.code, Endpoints: map[string][]model.Trigger{}}
	var hit []str
	for _, u := range r.urls {
		found := false
		for _, ep := range f.endpoints {
			if ep.fn.ID == fn.ID || !matches(u.text, ep) || unknownHost(u.text) && f.mirror(ep.fn) {
				continue
			}
			found = true
			c.Endpoints[ep.fn.ID] = append(c.Endpoints[ep.fn.ID], ep.trig)
		}
		if found {
			hit = append(hit, u)
		}
	}
	if len(hit) == 0 {
		return Call{}, false
	}
	c.Callees = f.sameApp(fn, c.Endpoints)
	var targets []string
	for _, u := range hit {
		targets = appendOnce(targets, collapse(u.text))
	}
	c.Target = strings.Join(targets, " | ")
	c.Keys = keysOf(r, hit, c.Callees)
	c.Code = redact(c.Code, r, hit)
	return c, true
}

// sameApp returns the reached functions, keeping only those deployed with
// the caller when some are.
func (f *Finder) sameApp(fn *model.Function, reached map[string][]model.Trigger) []*model.Function {
	var all, own []*model.Function
	for _, g := range f.project.Functions {
		if _, ok := reached[g.ID]; !ok {
			continue
		}
		all = append(all, g)
		if g.Manifest == fn.Manifest {
			own = append(own, g)
		}
	}
	if len(own) > 0 {
		for id := range reached {
			if !containsFn(own, id) {
				delete(reached, id)
			}
		}
		return own
	}
	return all
}

func containsFn(fns []*model.Function, id string) bool {
	for _, g := range fns {
		if g.ID == id {
			return true
		}
	}
	return false
}

func appendOnce(list []string, s string) []string {
	for _, v := range list {
		if v == s {
			return list
		}
	}
	return append(list, s)
}

// redact hides the key values written as literals in the call's code.
func redact(code string, r rawHTTP, urls []str) string {
	hide := func(s str, start, end int) {
		for _, sp := range s.spans {
			if sp.o.Kind != OriginCode || sp.end <= start || sp.start >= end {
				continue
			}
			v := s.text[max(sp.start, start):min(sp.end, end)]
			if len(v) >= 4 {
				code = strings.ReplaceAll(code, v, "<redacted>")
			}
		}
	}
	for _, k := range r.keys {
		for _, s := range k.strs {
			hide(s, 0, len(s.text))
		}
	}
	for _, u := range urls {
		if start, end, ok := codeParam(u.text); ok {
			hide(u, start, end)
		}
	}
	return code
}
