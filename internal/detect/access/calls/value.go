package calls

import "strings"

// Origin kinds: where a piece of a value comes from.
const (
	OriginCode    = "code"    // a literal in source code
	OriginEnv     = "env"     // an environment variable (app setting)
	OriginConfig  = "config"  // a value of a JSON/YAML config file
	OriginUnknown = "unknown" // computed at run time
)

// Origin says where one non-trivial piece of a value comes from.
type Origin struct {
	Kind string
	// Name is the environment variable, or the key path in a config file
	// ("functions.backup").
	Name string
	// File and Line locate the value: the config entry, the environment
	// variable's declaration, the literal in code.
	File string
	Line int
	// Resolved is false when the value itself is not known (an
	// environment variable set from ${ssm:...}).
	Resolved bool
	// Setting is the environment variable's origin in the function map
	// (provider, function, local.settings…).
	Setting string
}

// maxAlts bounds the alternatives one expression evaluates to.
const maxAlts = 16

// maxDepth bounds how far evaluation follows bindings and modules.
const maxDepth = 24

// maxSteps bounds the nodes one file's evaluator visits in all.
const maxSteps = 20_000

// str is one alternative value of a string expression: its text with "*"
// for unknown pieces, and where its pieces came from.
type str struct {
	text  string
	spans []span
}

// span is the origin of text[start:end] of a str.
type span struct {
	start, end int
	o          Origin
}

// lit is a literal string.
func lit(s string) str { return str{text: s} }

// hole is an unknown piece.
func hole() str { return str{text: "*"} }

// from is a string with one origin covering all of it.
func from(s string, o Origin) str {
	return str{text: s, spans: []span{{start: 0, end: len(s), o: o}}}
}

// known reports a value without unknown pieces.
func (s str) known() bool { return !strings.Contains(s.text, "*") }

// originsIn returns the origins of the pieces overlapping text[start:end].
func (s str) originsIn(start, end int) []Origin {
	var out []Origin
	for _, sp := range s.spans {
		if sp.start < end && sp.end > start || sp.start == sp.end && sp.start >= start && sp.start <= end {
			out = append(out, sp.o)
		}
	}
	return out
}

// maxText bounds the text of one evaluated string.
const maxText = 1024

// concat joins every alternative of a with every alternative of b.
func concat(a, b []str) []str {
	if len(a) == 0 {
		a = []str{hole()}
	}
	if len(b) == 0 {
		b = []str{hole()}
	}
	var out []str
	for _, x := range a {
		for _, y := range b {
			if len(out) >= maxAlts {
				return out
			}
			if len(x.text)+len(y.text) > maxText {
				out = append(out, hole())
				continue
			}
			spans := append([]span{}, x.spans...)
			for _, sp := range y.spans {
				sp.start += len(x.text)
				sp.end += len(x.text)
				spans = append(spans, sp)
			}
			out = append(out, str{text: x.text + y.text, spans: spans})
		}
	}
	return out
}

// union joins two sets of alternatives.
func union(a, b []str) []str {
	out := append([]str{}, a...)
	for _, s := range b {
		if len(out) >= maxAlts {
			break
		}
		out = append(out, s)
	}
	return out
}

// collapse merges runs of "*".
func collapse(s string) string {
	for strings.Contains(s, "**") {
		s = strings.ReplaceAll(s, "**", "*")
	}
	return s
}

// Kinds of evaluated values.
type vkind int

const (
	vUnknown  vkind = iota
	vStr            // string alternatives
	vEnvObj         // process.env / os.environ
	vConfig         // nodes of a config file
	vObject         // an object literal / dict in some file
	vModule         // a local module (its exports)
	vExternal       // a package (and member path): "axios", "node-fetch", "requests.post"
	vClient         // an HTTP client instance with a base URL and headers (axios.create)
	vOpen           // Python open(path): a file handle
)

// val is the abstract value of an expression.
type val struct {
	kind vkind
	strs []str
	// cfg are config nodes (vConfig), several when a key was computed.
	cfg []cfgRef
	// obj is an object literal with the evaluator of its file (vObject,
	// and vClient's options).
	obj *objRef
	// module is the path of a local module (vModule).
	module string
	// ext is a package name with member path (vExternal): "axios.create".
	ext string
}

// unknown is the value of anything not understood.
var unknown = val{}

// strVal wraps string alternatives.
func strVal(s ...str) val { return val{kind: vStr, strs: s} }

// memoVal is a memoised value: complete when no cycle or depth limit cut
// its evaluation short, else good only at the depth it was computed at
// or deeper.
type memoVal struct {
	v        val
	depth    int
	complete bool
}
