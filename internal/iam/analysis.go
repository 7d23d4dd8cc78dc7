package iam

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/extract/handler"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/walk"
)

// Analyzer finds what each function's code needs. It caches parsed files
// and results: build one per scan and ask it about every function.
type Analyzer struct {
	tree    *walk.Tree
	project *model.Project
	ws      *workspace
	usages  map[string]*Usage
	indexes map[string]*resIndex
}

// New returns an Analyzer over a scanned tree and its function map.
func New(t *walk.Tree, p *model.Project) *Analyzer {
	return &Analyzer{tree: t, project: p, ws: newWorkspace(t, nil), usages: map[string]*Usage{}, indexes: map[string]*resIndex{}}
}

// NewShared returns an Analyzer that parses through the scan's cache. It
// copies what it needs out of each tree, so it stays usable after the cache
// is closed.
func NewShared(c *source.Cache, p *model.Project) *Analyzer {
	return &Analyzer{tree: c.Tree(), project: p, ws: newWorkspace(c.Tree(), c), usages: map[string]*Usage{}, indexes: map[string]*resIndex{}}
}

// Usage is what one function's code needs from IAM.
type Usage struct {
	Function *model.Function `json:"-"`
	// Calls are the SDK calls the function's code makes.
	Calls []Call `json:"calls"`
	// Needs are the actions the calls need, per resource.
	Needs []Need `json:"needs"`
	// Gaps are the places the analysis could not see through; a gap for
	// service "" means any service may be used.
	Gaps []Gap `json:"gaps,omitempty"`
}

// Call is one SDK call, the evidence behind a need.
type Call struct {
	File      string   `json:"file"`
	Line      int      `json:"line"`
	SDK       string   `json:"sdk"`
	Service   string   `json:"service"`
	Operation string   `json:"operation"`
	Method    string   `json:"method"`
	Code      string   `json:"code"`
	Actions   []string `json:"actions"`
	Resources []string `json:"resources"`
	// Inferred marks a call recognised from its method and parameters on
	// a receiver clad could not trace to an SDK client.
	Inferred bool `json:"inferred,omitempty"`
	// Guessed marks an operation outside the mapping table: its action is
	// named after the operation.
	Guessed bool   `json:"guessed,omitempty"`
	Note    string `json:"note,omitempty"`
}

// Need is one action on one resource.
type Need struct {
	Action   string `json:"action"`
	Resource string `json:"resource"`
	// ResourceKnown is false when the resource could not be resolved from
	// code and configuration ("*").
	ResourceKnown bool  `json:"resource_known"`
	Level         Level `json:"-"`
	Guessed       bool  `json:"guessed,omitempty"`
	Inferred      bool  `json:"inferred,omitempty"`
	// Optional marks actions only some runs need (aborting a failed
	// multipart upload).
	Optional bool   `json:"optional,omitempty"`
	Note     string `json:"note,omitempty"`
	// Calls index Usage.Calls.
	Calls []int `json:"calls"`
	// Platform marks needs of the event sources and the runtime rather
	// than of the code (reading the SQS queue that triggers the function).
	Platform bool `json:"platform,omitempty"`
}

// Gap is code whose AWS use the analysis cannot see.
type Gap struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
	// Service is the IAM prefix the unseen code may use, "" for any.
	Service string `json:"service,omitempty"`
	Reason  string `json:"reason"`
}

// Complete reports whether the function's use of the service with IAM
// prefix prefix is fully known ("" asks about every service).
func (u *Usage) Complete(prefix string) bool {
	for _, g := range u.Gaps {
		if g.Service == "" || prefix == "" || g.Service == prefix {
			return false
		}
	}
	return true
}

// Usage analyses fn (once).
func (a *Analyzer) Usage(fn *model.Function) *Usage {
	if u, ok := a.usages[fn.ID]; ok {
		return u
	}
	u := a.analyse(fn)
	a.usages[fn.ID] = u
	return u
}

// index returns the resource index of a manifest.
func (a *Analyzer) index(manifest string) *resIndex {
	if x, ok := a.indexes[manifest]; ok {
		return x
	}
	x := buildIndex(a.tree, manifest, a.project.Functions)
	a.indexes[manifest] = x
	return x
}

func (a *Analyzer) analyse(fn *model.Function) *Usage {
	u := &Usage{Function: fn}
	if reason := unanalysable(fn); reason != "" {
		u.Gaps = append(u.Gaps, Gap{Reason: reason})
		return u
	}
	if len(fn.Files) >= source.DefaultMaxReach {
		u.Gaps = append(u.Gaps, Gap{Reason: fmt.Sprintf("the handler reaches %d files or more; only those were analysed", source.DefaultMaxReach)})
	}
	files := a.loadFiles(fn, u)
	reached := a.reach(fn, files)
	var calls []rawCall
	for _, f := range files {
		for _, c := range f.calls {
			if reached.has(f.path, c.def) {
				calls = append(calls, c)
			}
		}
		for _, g := range f.gaps {
			if reached.has(f.path, g.def) {
				u.Gaps = append(u.Gaps, Gap{File: g.file, Line: g.line, Service: g.prefix, Reason: g.reason})
			}
		}
	}
	for _, f := range reached.extraFiles(files) {
		for _, c := range f.calls {
			if reached.has(f.path, c.def) {
				calls = append(calls, c)
			}
		}
		for _, g := range f.gaps {
			if reached.has(f.path, g.def) {
				u.Gaps = append(u.Gaps, Gap{File: g.file, Line: g.line, Service: g.prefix, Reason: g.reason})
			}
		}
	}
	sort.SliceStable(calls, func(i, j int) bool {
		if calls[i].file != calls[j].file {
			return calls[i].file < calls[j].file
		}
		return calls[i].line < calls[j].line
	})
	for i := range calls {
		a.addCall(fn, u, &calls[i])
	}
	u.Needs = append(u.Needs, platformNeeds(fn)...)
	dedupGaps(u)
	return u
}

// unanalysable says why a function's code cannot be analysed at all.
func unanalysable(fn *model.Function) string {
	switch {
	case fn.Provider != model.AWS:
		return "not an AWS function"
	case fn.HandlerStatus != model.HandlerResolved:
		return "the handler's code is not in the scanned tree (" + fn.HandlerStatus + ")"
	case len(fn.Files) == 0:
		return "no source files are known for the handler"
	}
	switch lang := source.DetectLang(fn.Files[0]); {
	case lang.IsJS(), lang == source.Python, lang == source.Go:
		return ""
	}
	return "the handler's language is not analysed (" + fn.Files[0] + ")"
}

// loadFiles parses the function's files.
func (a *Analyzer) loadFiles(fn *model.Function, u *Usage) []*codeFile {
	var out []*codeFile
	for _, p := range fn.Files {
		if source.DetectLang(p) == source.Unsupported {
			continue // data files (JSON) make no calls
		}
		f := a.ws.scan(p, fn.CodeDir)
		if f.err != nil {
			u.Gaps = append(u.Gaps, Gap{File: p, Reason: "not analysed: " + f.err.Error()})
			continue
		}
		out = append(out, f)
	}
	return out
}

func dedupGaps(u *Usage) {
	seen := map[Gap]bool{}
	out := u.Gaps[:0]
	for _, g := range u.Gaps {
		if !seen[g] {
			seen[g] = true
			out = append(out, g)
		}
	}
	u.Gaps = out
}

// addCall binds a raw call to fn and adds its needs.
func (a *Analyzer) addCall(fn *model.Function, u *Usage, c *rawCall) {
	call := Call{File: c.file, Line: c.line, SDK: c.sdk, Operation: c.op, Method: c.method, Code: c.text, Inferred: c.inferred}
	idx := len(u.Calls)
	add := func(action string, lv Level, r resolved, guessed, optional bool) {
		call.Actions = appendUnique(call.Actions, action)
		call.Resources = appendUnique(call.Resources, r.arn)
		u.addNeed(Need{Action: action, Resource: r.arn, ResourceKnown: r.known, Level: lv, Guessed: guessed,
			Inferred: c.inferred, Optional: optional, Note: r.note, Calls: []int{idx}})
	}
	if c.svc == nil {
		call.Service, call.Guessed = c.guess, true
		call.Note = "service outside clad's mapping table: the action is named after the operation"
		add(c.guess+":"+c.op, levelByVerb(c.op), resolved{arn: anyResource}, true, false)
		u.Calls = append(u.Calls, call)
		return
	}
	call.Service = c.svc.key
	spec := c.svc.op(c.op)
	switch {
	case spec == nil:
		call.Guessed = true
		call.Note = "operation outside clad's mapping table: the action is named after it"
		add(c.svc.prefix+":"+c.op, actionLevel(c.svc.prefix, c.op), resolved{arn: anyResource}, true, false)
	case spec.noAuth:
		call.Note = "needs no IAM permission"
	default:
		for _, as := range refineActions(c, spec) {
			for _, r := range a.resourcesFor(fn, c, as.role) {
				add(c.svc.prefix+":"+as.name, as.level, r, false, as.optional)
			}
		}
	}
	u.Calls = append(u.Calls, call)
}

// refineActions narrows an operation's actions with what the request
// shows: the item kinds of a DynamoDB transaction, the verbs of PartiQL
// statements.
func refineActions(c *rawCall, spec *opSpec) []actionSpec {
	if len(c.sub) == 0 {
		return spec.actions
	}
	for _, s := range c.sub {
		if s == "?" {
			return spec.actions
		}
	}
	want := map[string]bool{}
	for _, s := range c.sub {
		switch s {
		case "Put", "INSERT":
			want["PutItem"], want["PartiQLInsert"] = true, true
		case "Update", "UPDATE":
			want["UpdateItem"], want["PartiQLUpdate"] = true, true
		case "Delete", "DELETE":
			want["DeleteItem"], want["PartiQLDelete"] = true, true
		case "ConditionCheck":
			want["ConditionCheckItem"] = true
		case "Get", "SELECT", "EXISTS":
			want["GetItem"], want["PartiQLSelect"] = true, true
		default:
			return spec.actions
		}
	}
	var out []actionSpec
	for _, as := range spec.actions {
		if want[as.name] {
			out = append(out, as)
		}
	}
	if len(out) == 0 {
		return spec.actions
	}
	return out
}

// addNeed merges a need with an equal one.
func (u *Usage) addNeed(n Need) {
	for i := range u.Needs {
		m := &u.Needs[i]
		if m.Action == n.Action && m.Resource == n.Resource && m.Platform == n.Platform {
			for _, c := range n.Calls {
				if !containsInt(m.Calls, c) {
					m.Calls = append(m.Calls, c)
				}
			}
			m.Inferred = m.Inferred && n.Inferred
			m.Guessed = m.Guessed && n.Guessed
			m.Optional = m.Optional && n.Optional
			return
		}
	}
	u.Needs = append(u.Needs, n)
}

// platformNeeds are the permissions a function's event sources use to
// invoke it: the frameworks add them, and grants of them are not unused.
func platformNeeds(fn *model.Function) []Need {
	var out []Need
	add := func(arn string, actions ...string) {
		known := arn != "" && arn != anyResource
		if !known {
			arn = anyResource
		}
		for _, ac := range actions {
			out = append(out, Need{Action: ac, Resource: arn, ResourceKnown: known, Platform: true, Level: LevelRead,
				Note: "used by the event source mapping that invokes the function"})
		}
	}
	for _, tr := range fn.Triggers {
		arn := triggerARN(tr)
		switch {
		case tr.Type == "sqs":
			add(arn, "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility")
		case tr.Type == "kinesis" || (tr.Type == "stream" && strings.Contains(arn, ":kinesis:")):
			add(arn, "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream",
				"kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:ListStreams", "kinesis:SubscribeToShard")
		case tr.Type == "dynamodb" || tr.Type == "stream":
			add(arn, "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:DescribeStream", "dynamodb:ListStreams")
		}
	}
	return out
}

// triggerARN returns the ARN of a trigger's source, in Fn::Sub syntax.
func triggerARN(tr model.Trigger) string {
	for _, k := range []string{"arn", "queue", "stream"} {
		if v := tr.Details[k]; v != "" {
			if n, ok := normResource(v); ok && (strings.HasPrefix(n, "arn:") || strings.HasPrefix(n, "${")) {
				return n
			}
		}
	}
	return ""
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// handlerSymbol returns the exported name the runtime calls, first part of
// a dotted JavaScript path.
func handlerSymbol(fn *model.Function) string {
	sym := handler.Symbol(fn.Provider, fn.Runtime, fn.Handler)
	if source.DetectLang(fn.File).IsJS() {
		sym, _, _ = strings.Cut(sym, ".")
	}
	return sym
}
