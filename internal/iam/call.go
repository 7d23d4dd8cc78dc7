package iam

import (
	"strings"
	"unicode"
)

// SDK flavours a call was written with.
const (
	SDKJSv2  = "js-v2"
	SDKJSv3  = "js-v3"
	SDKBoto3 = "boto3"
	SDKGo    = "go"
)

// partKind says what a piece of a string found in code is.
type partKind int

const (
	partLit     partKind = iota // literal text
	partEnv                     // the value of an environment variable
	partS3Event                 // the bucket of the S3 event the function was invoked by
	partUnknown                 // anything
)

// part is one piece of a string value.
type part struct {
	kind partKind
	text string // literal text, or the environment variable's name
}

// expr is a string value as the code builds it: literal pieces,
// environment variables and unknowns. A fallback expr is the right side of
// `a || b` / os.getenv(name, default): used only when the others resolve to
// nothing.
type expr struct {
	parts    []part
	fallback bool
}

func litExpr(s string) expr    { return expr{parts: []part{{kind: partLit, text: s}}} }
func envExpr(name string) expr { return expr{parts: []part{{kind: partEnv, text: name}}} }
func unknownExpr() expr        { return expr{parts: []part{{kind: partUnknown}}} }
func s3EventExpr() expr        { return expr{parts: []part{{kind: partS3Event}}} }
func (e expr) isUnknown() bool {
	return len(e.parts) == 0 || (len(e.parts) == 1 && e.parts[0].kind == partUnknown)
}
func (e expr) literal() string { return e.joinLits() }
func (e expr) isLiteral() bool { return len(e.parts) > 0 && e.allKind(partLit) }
func (e expr) allKind(k partKind) bool {
	for _, p := range e.parts {
		if p.kind != k {
			return false
		}
	}
	return true
}

func (e expr) joinLits() string {
	var b strings.Builder
	for _, p := range e.parts {
		if p.kind == partLit {
			b.WriteString(p.text)
		}
	}
	return b.String()
}

// concat joins two exprs, merging adjacent literals.
func concat(a, b expr) expr {
	out := expr{parts: append([]part(nil), a.parts...)}
	for _, p := range b.parts {
		n := len(out.parts)
		if p.kind == partLit && n > 0 && out.parts[n-1].kind == partLit {
			out.parts[n-1].text += p.text
			continue
		}
		out.parts = append(out.parts, p)
	}
	return out
}

// maxAlternatives bounds how many values one expression may stand for.
const maxAlternatives = 8

// alts is the set of values an expression may take.
type alts []expr

func (a alts) add(more ...expr) alts {
	for _, e := range more {
		if len(a) >= maxAlternatives {
			return a
		}
		a = append(a, e)
	}
	return a
}

// asFallback marks every alternative as a fallback.
func (a alts) asFallback() alts {
	out := make(alts, len(a))
	for i, e := range a {
		e.fallback = true
		out[i] = e
	}
	return out
}

// concatAlts combines two alternative sets piecewise (first of each when
// both have several, to stay bounded).
func concatAlts(a, b alts) alts {
	if len(a) == 0 {
		a = alts{unknownExpr()}
	}
	if len(b) == 0 {
		b = alts{unknownExpr()}
	}
	var out alts
	for _, x := range a {
		for _, y := range b {
			out = out.add(concat(x, y))
		}
	}
	return out
}

// rawCall is one SDK call found in a file, before it is bound to a
// function's environment.
type rawCall struct {
	file   string
	line   int
	sdk    string
	svc    *service // nil for a service outside the table
	guess  string   // the IAM prefix guessed for a service outside the table
	op     string   // API operation, PascalCase
	method string   // the method, command or helper as written
	// params holds the resource parameters found, by name.
	params map[string]alts
	// sub lists refinements: DynamoDB transaction item kinds (Put, Update,
	// Delete, ConditionCheck) or PartiQL verbs (SELECT, INSERT…).
	sub []string
	// inferred is true when the receiver is not known to be an SDK client
	// and the call was recognised from its method and parameters.
	inferred bool
	def      int // top-level definition holding the call (-1: module code)
	text     string
}

// rawGap is code the analysis cannot see through.
type rawGap struct {
	file   string
	line   int
	prefix string // IAM prefix it may use; "" for any service
	reason string
	def    int
}

// pascal turns an SDK v2 camelCase method or a boto3 snake_case method
// into the API operation name (getObject, get_object → GetObject;
// list_objects_v2 → ListObjectsV2).
func pascal(method string) string {
	if strings.Contains(method, "_") {
		var b strings.Builder
		for _, w := range strings.Split(method, "_") {
			if w == "" {
				continue
			}
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			b.WriteString(string(r))
		}
		return b.String()
	}
	if method == "" {
		return ""
	}
	r := []rune(method)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// resourceParamNames returns the parameters worth reading for an operation
// of s: the resource parameters of its actions' roles and the ones that
// refine the action set.
func resourceParamNames(s *service, op *opSpec) map[string]bool {
	names := map[string]bool{}
	if s == nil {
		return names
	}
	roles := map[string]bool{}
	if op != nil {
		for _, a := range op.actions {
			roles[a.role] = true
		}
	} else {
		for r := range s.params {
			roles[r] = true
		}
	}
	for r := range roles {
		for _, p := range s.params[r] {
			names[p] = true
		}
	}
	switch s.key {
	case "dynamodb":
		names["IndexName"] = true
		names["TableName"] = true
	case "s3":
		names["Bucket"] = true
	}
	return names
}
