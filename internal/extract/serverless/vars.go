package serverless

import (
	"fmt"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// Resolver bounds.
const (
	// maxDepth caps how many references may be followed inside one another.
	maxDepth = 20
	// maxSteps caps the references evaluated for one manifest.
	maxSteps = 100_000
	// maxValueLen caps a string built by interpolation.
	maxValueLen = 64 << 10
	// maxIncludes caps the files ${file(...)} may read for one manifest.
	maxIncludes = 200
)

// resolver evaluates the variables of one Serverless manifest the way the
// framework does before it deploys, without executing anything and without
// the network. Values that depend on deploy-time sources (${ssm:...},
// ${cf:...}, ...) keep their reference text and are marked unresolved.
//
// The input tree is never modified: full returns resolved copies, and the
// same output node may be shared by several references.
type resolver struct {
	root *cfgtree.Node
	tree *walk.Tree
	file string // the manifest, relative to the scan root
	dir  string // the service directory
	vars extract.Vars

	memo       map[*cfgtree.Node]*cfgtree.Node // input (and output) node → output node
	derefs     map[*cfgtree.Node]outcome       // whole-reference scalar → what it points to
	fulling    map[*cfgtree.Node]bool          // nodes being resolved, for cycle detection
	derefing   map[*cfgtree.Node]bool
	unresolved map[*cfgtree.Node]bool   // output nodes that hold something symbolic
	origin     map[*cfgtree.Node]string // nodes read from another file → that file
	files      map[string]included      // ${file(...)} cache
	depth      int
	steps      int

	// stageVal and regionVal cache the deployment target; probing is set
	// while it is being worked out (see probe).
	stageVal, regionVal string
	probing             bool

	problems []model.Problem
	warned   map[string]bool
}

// state says what evaluating a reference gave.
type state int

const (
	found    state = iota // a value
	missing               // no value: the next fallback applies
	symbolic              // known only at deploy time: the text is kept
	literal               // not a Serverless variable (CloudFormation's ${AWS::Region}): kept as written
)

// outcome is the result of evaluating a reference.
type outcome struct {
	node  *cfgtree.Node
	state state
	// note explains a missing value; it is reported when no fallback applies.
	note string
	// dflt is the value used when every alternative is missing (${opt:stage}
	// falls back to provider.stage, then "dev").
	dflt *cfgtree.Node
}

func newResolver(in *extract.Input, root *cfgtree.Node) *resolver {
	return &resolver{
		root:       root,
		tree:       in.Tree,
		file:       in.File.Path,
		dir:        serviceDir(in.File.Path),
		vars:       in.Vars,
		memo:       map[*cfgtree.Node]*cfgtree.Node{},
		derefs:     map[*cfgtree.Node]outcome{},
		fulling:    map[*cfgtree.Node]bool{},
		derefing:   map[*cfgtree.Node]bool{},
		unresolved: map[*cfgtree.Node]bool{},
		origin:     map[*cfgtree.Node]string{},
		files:      map[string]included{},
		warned:     map[string]bool{},
	}
}

// isUnresolved reports whether an output node (or anything below it) kept a
// reference clad could not evaluate.
func (r *resolver) isUnresolved(n *cfgtree.Node) bool { return n != nil && r.unresolved[n] }

// fileOf returns the file a node was read from.
func (r *resolver) fileOf(n *cfgtree.Node) string {
	if f, ok := r.origin[n]; ok {
		return f
	}
	return r.file
}

// loc returns the location of a node.
func (r *resolver) loc(n *cfgtree.Node) model.Location {
	if n == nil {
		return model.Location{File: r.file}
	}
	return model.Location{File: r.fileOf(n), Line: n.Line}
}

// warn records a warning once per place and message.
func (r *resolver) warn(at *cfgtree.Node, kind, format string, args ...any) {
	l := r.loc(at)
	msg := fmt.Sprintf(format, args...)
	key := fmt.Sprintf("%s:%d:%s", l.File, l.Line, msg)
	if r.warned[key] {
		return
	}
	r.warned[key] = true
	r.problems = append(r.problems, model.Problem{File: l.File, Line: l.Line, Level: model.LevelWarning, Kind: kind, Stage: stageName, Message: msg})
}

// enter counts one level of reference nesting; it reports false (after a
// warning) when the bound is reached.
func (r *resolver) enter(at *cfgtree.Node) bool {
	if r.depth >= maxDepth {
		r.warn(at, "limit", "variable references nested deeper than %d levels; left unresolved", maxDepth)
		return false
	}
	r.depth++
	return true
}

func (r *resolver) leave() { r.depth-- }

// full returns n with every variable resolved. It returns nil only when n is
// already being resolved further up (a cycle), which the caller reports.
func (r *resolver) full(n *cfgtree.Node) *cfgtree.Node {
	if out, ok := r.memo[n]; ok {
		return out
	}
	if n.Kind == cfgtree.Scalar && len(findRefs(n.Value)) == 0 || n.Kind == cfgtree.Null {
		r.memo[n] = n
		return n
	}
	if r.fulling[n] {
		return nil
	}
	r.fulling[n] = true
	defer delete(r.fulling, n)
	var out *cfgtree.Node
	switch {
	case n.Kind == cfgtree.Map:
		out = r.fullMap(n)
	case n.Kind == cfgtree.Seq:
		out = r.fullSeq(n)
	case !r.enter(n):
		out = r.symbolic(n)
	default:
		if n.Tag == "" && isWholeRef(n.Value) {
			out = r.fullWhole(n)
		} else {
			out = r.fullEmbedded(n)
		}
		r.leave()
	}
	r.memo[n], r.memo[out] = out, out
	return out
}

func (r *resolver) fullMap(n *cfgtree.Node) *cfgtree.Node {
	out := r.copyShape(n)
	out.Entries = make([]cfgtree.Entry, 0, len(n.Entries))
	for _, e := range n.Entries {
		v := r.child(e.Value)
		out.Entries = append(out.Entries, cfgtree.Entry{Key: e.Key, Line: e.Line, Value: v})
		r.unresolved[out] = r.unresolved[out] || r.unresolved[v]
	}
	return out
}

func (r *resolver) fullSeq(n *cfgtree.Node) *cfgtree.Node {
	out := r.copyShape(n)
	out.Items = make([]*cfgtree.Node, 0, len(n.Items))
	for _, it := range n.Items {
		v := r.child(it)
		out.Items = append(out.Items, v)
		r.unresolved[out] = r.unresolved[out] || r.unresolved[v]
	}
	return out
}

// child resolves one element of a map or list.
func (r *resolver) child(n *cfgtree.Node) *cfgtree.Node {
	if n == nil {
		return &cfgtree.Node{Kind: cfgtree.Null}
	}
	if v := r.full(n); v != nil {
		return v
	}
	r.warn(n, "resolve", "circular reference; left unresolved")
	return r.symbolic(n)
}

// copyShape starts the output copy of a container.
func (r *resolver) copyShape(n *cfgtree.Node) *cfgtree.Node {
	out := &cfgtree.Node{Kind: n.Kind, Tag: n.Tag, Line: n.Line, Column: n.Column}
	if f, ok := r.origin[n]; ok {
		r.origin[out] = f
	}
	return out
}

// fullWhole resolves a scalar that is exactly one reference: the result is
// the referenced node itself, so it keeps its type.
func (r *resolver) fullWhole(n *cfgtree.Node) *cfgtree.Node {
	o := r.deref(n)
	switch o.state {
	case found:
		if o.node == n { // a CloudFormation ${...} that stands for itself
			return n
		}
		if t := r.full(o.node); t != nil {
			return t
		}
		r.warn(n, "resolve", "circular reference %s; left unresolved", n.Value)
	case missing:
		if o.note != "" {
			r.warn(n, "resolve", "%s; left unresolved", o.note)
		}
	}
	return r.symbolic(n)
}

// fullEmbedded interpolates the references inside a longer string.
func (r *resolver) fullEmbedded(n *cfgtree.Node) *cfgtree.Node {
	text, ok := r.interpolate(n.Value, n)
	out := r.scalarAt(text, n)
	out.Tag, out.Quoted, out.Column = n.Tag, n.Quoted, n.Column
	r.unresolved[out] = !ok
	return out
}

// symbolic is the output for a value that stays a reference: its own text,
// marked unresolved (never empty).
func (r *resolver) symbolic(n *cfgtree.Node) *cfgtree.Node {
	text := n.Value
	if n.Kind != cfgtree.Scalar {
		text = "${...}"
	}
	out := r.scalarAt(text, n)
	out.Tag, out.Quoted = n.Tag, true
	r.unresolved[out] = true
	return out
}

// scalarAt makes a new scalar placed where at is.
func (r *resolver) scalarAt(v string, at *cfgtree.Node) *cfgtree.Node {
	out := &cfgtree.Node{Kind: cfgtree.Scalar, Value: v, Line: at.Line, Column: at.Column}
	if f, ok := r.origin[at]; ok {
		r.origin[out] = f
	}
	r.memo[out] = out
	return out
}

// deref follows a whole-reference scalar to the node it points to, without
// resolving that node's own inner variables. Other nodes are returned as
// they are.
func (r *resolver) deref(n *cfgtree.Node) outcome {
	if n.Kind != cfgtree.Scalar || n.Tag != "" || !isWholeRef(n.Value) {
		return outcome{node: n}
	}
	if o, ok := r.derefs[n]; ok {
		return o
	}
	if r.derefing[n] {
		r.warn(n, "resolve", "circular reference %s; left unresolved", n.Value)
		return outcome{state: symbolic}
	}
	if !r.enter(n) {
		return outcome{state: symbolic}
	}
	r.derefing[n] = true
	o := r.eval(n.Value[2:len(n.Value)-1], n)
	delete(r.derefing, n)
	r.leave()
	if o.state == literal {
		o = outcome{node: n}
	}
	r.derefs[n] = o
	return o
}

// inFlight reports whether n is being resolved further up.
func (r *resolver) inFlight(n *cfgtree.Node) bool { return r.fulling[n] || r.derefing[n] }
