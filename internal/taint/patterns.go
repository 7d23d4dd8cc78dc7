package taint

import (
	"regexp"
	"strings"

	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Patterns that need no taint: an authorisation check that sets a 401 but
// lets execution go on, a token compared with == against a literal, a JWT
// decoded and never verified, a JWT verification that accepts "none".

// checkFallthrough looks at an if statement followed by rest: the branch
// sets a 401/403 response, does not leave the function, and more code
// runs after it.
func (in *interp) checkFallthrough(fr *frame, s *If, rest []Stmt) {
	if in.fn == nil || len(s.Else) > 0 || endsPath(s.Then) || !meaningful(rest) {
		return
	}
	deny := denialIn(s.Then)
	if deny == nil {
		return
	}
	is := &Issue{
		Rule: RuleAuthFallthrough, File: fr.mod.m.Path, Line: s.Line, Func: frameName(fr),
		Sink: "authorisation check", Evidence: in.snippet(fr, s.Cond),
		Detail: "the check at line " + itoa(s.Line) + " sets a " + deny.status + " response at line " + itoa(deny.line) + " but does not return",
	}
	next := rest[0].pos().Line
	is.Trace = []finding.Step{
		{File: is.File, Line: s.Line, Note: "authorisation check " + in.snippet(fr, s.Cond)},
		{File: is.File, Line: deny.line, Note: "sets a " + deny.status + " response but does not return"},
		{File: is.File, Line: next, Note: "execution continues: " + snippetOf(fr.mod.m.Src, rest[0].pos())},
	}
	is.Key = strings.Join([]string{RuleAuthFallthrough, is.File, is.Func, is.Evidence}, "|")
	in.report(is)
}

// endsPath reports whether a statement list always leaves (return,
// throw, break, continue).
func endsPath(b []Stmt) bool {
	if len(b) == 0 {
		return false
	}
	switch s := b[len(b)-1].(type) {
	case *Return, *Throw, *Jump:
		return true
	case *If:
		return endsPath(s.Then) && endsPath(s.Else)
	case *Block:
		return endsPath(s.Body)
	case *ExprStmt:
		return isExit(s.X)
	}
	return false
}

// isExit: process.exit(), sys.exit(), os.Exit(), panic().
func isExit(e Expr) bool {
	c, ok := e.(*Call)
	if !ok {
		return false
	}
	switch p := pathOf(c.Fn); p {
	case "process.exit", "sys.exit", "os.Exit", "panic", "exit", "abort", "os._exit":
		return true
	}
	return false
}

// meaningful reports whether statements do more than hand back a value
// already built (return response;).
func meaningful(rest []Stmt) bool {
	for _, s := range rest {
		switch x := s.(type) {
		case *Return:
			if x.X == nil {
				continue
			}
			if _, ok := x.X.(*Ident); ok {
				continue
			}
			return true
		case *FuncDecl, *ClassDecl:
			continue
		default:
			return true
		}
	}
	return false
}

type denial struct {
	status string
	line   int
}

// denialIn finds a 401/403 response set in a branch (not in nested
// functions): context.res = {status: 401}, res.status(403).send(),
// callback(null, {statusCode: 401}), response = {statusCode: 401}.
func denialIn(b []Stmt) *denial {
	for _, s := range b {
		switch x := s.(type) {
		case *Assign:
			if st := statusOf(x.Value); st != "" {
				return &denial{status: st, line: x.Line}
			}
			if pe, ok := x.Target.(*PExpr); ok {
				if m, ok := pe.X.(*Member); ok && (m.Name == "status" || m.Name == "statusCode") {
					if st := deniedLit(x.Value); st != "" {
						return &denial{status: st, line: x.Line}
					}
				}
			}
		case *ExprStmt:
			if st := statusOf(x.X); st != "" {
				return &denial{status: st, line: x.Line}
			}
		case *Block:
			if d := denialIn(x.Body); d != nil {
				return d
			}
		}
	}
	return nil
}

// statusOf returns "401"/"403" when an expression builds or sends such a
// response.
func statusOf(e Expr) string {
	switch x := e.(type) {
	case *Object:
		for _, p := range x.Props {
			if p.Key == "status" || p.Key == "statusCode" || p.Key == "status_code" {
				if st := deniedLit(p.Value); st != "" {
					return st
				}
			}
		}
	case *Call:
		if m, ok := x.Fn.(*Member); ok {
			switch m.Name {
			case "status", "sendStatus", "writeHead", "code":
				if len(x.Args) > 0 {
					if st := deniedLit(x.Args[0]); st != "" {
						return st
					}
				}
			}
			if st := statusOf(m.X); st != "" { // res.status(401).send()
				return st
			}
		}
		for _, a := range x.Args {
			if st := statusOf(a); st != "" {
				return st
			}
		}
		for _, k := range x.KW {
			if k.Name == "status_code" || k.Name == "status" {
				if st := deniedLit(k.Value); st != "" {
					return st
				}
			}
		}
	case *Unary:
		return statusOf(x.X)
	}
	return ""
}

func deniedLit(e Expr) string {
	if l, ok := e.(*Lit); ok && (l.Val == "401" || l.Val == "403") {
		return l.Val
	}
	return ""
}

var secretName = regexp.MustCompile(`(?i)token|secret|passw|api[-_]?key|apikey|auth|signature|x-[a-z-]*key|credential`)

// checkCompare: a request value compared with == / === to a hard-coded
// secret (a literal that looks like one): not constant-time, and the
// secret lives in the code.
func (in *interp) checkCompare(fr *frame, x *Binary, l, r *Value) {
	if in.fn == nil {
		return
	}
	litX, otherX := x.L, x.R
	if !secretLiteral(l) {
		l, r = r, l
		litX, otherX = otherX, litX
		if !secretLiteral(l) {
			return
		}
	}
	// The other side must be named like a credential, and be request
	// data or at least not a constant.
	named := secretName.MatchString(snippetOf(fr.mod.m.Src, otherX.pos())) || secretName.MatchString(snippetOf(fr.mod.m.Src, litX.pos()))
	if !named || r != nil && r.str != nil {
		return
	}
	is := &Issue{
		Rule: RuleSecretCompare, File: fr.mod.m.Path, Line: x.Line, Func: frameName(fr), Sink: x.Op + " comparison",
		Evidence: in.snippet(fr, x), Detail: "a request value is compared with " + x.Op + " to a secret written in the code",
	}
	is.Trace = []finding.Step{{File: is.File, Line: x.Line, Note: "compared with " + x.Op + " (not constant-time) to a hard-coded secret"}}
	is.Key = strings.Join([]string{RuleSecretCompare, is.File, is.Func, is.Evidence}, "|")
	in.report(is)
}

// secretLiteral reports whether a value is a constant that looks like a
// secret: 8+ characters, no spaces, letters and digits mixed (or 16+).
func secretLiteral(v *Value) bool {
	if v == nil || v.str == nil || v.isTainted() {
		return false
	}
	s := *v.str
	if len(s) < 8 || strings.ContainsAny(s, " \t\n/") || strings.HasPrefix(s, "http") {
		return false
	}
	letters, digits := false, false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			letters = true
		}
	}
	return letters && digits && !strings.Contains(s, "::")
}

// jwtCall records JWT decoding and verification calls and checks the
// algorithms a verification accepts.
func (in *interp) jwtCall(cc *callCtx) {
	q, root, last := cc.q, rootOf(cc.q), lastOf(cc.q)
	switch {
	case root == "jsonwebtoken" && last == "decode", root == "jwt-decode", q == "jose.decodeJwt",
		q == "jose.jwt.get_unverified_claims", q == "jwt.get_unverified_claims":
		in.jwtDecode(cc)
	case root == "jsonwebtoken" && last == "verify", q == "jose.jwtVerify", root == "aws-jwt-verify",
		root == "jwks-rsa", q == "jose.compactVerify", q == "jose.jwt.decode", root == "cognito-express", q == "jwt.verify":
		in.sawVerify = true
		if last == "verify" {
			in.noneAlgorithm(cc, cc.arg(2), cc.argX(2))
		}
	case q == "jwt.decode" && cc.fr.mod.m.Lang == "python": // PyJWT
		if pyNoVerify(cc) {
			in.jwtDecode(cc)
		} else {
			in.sawVerify = true
			if a := cc.kw["algorithms"]; a != nil {
				in.noneAlgorithm(cc, &Value{fields: map[string]*Value{"algorithms": a}}, cc.c)
			}
		}
	}
}

// pyNoVerify: jwt.decode(t, verify=False) or options={"verify_signature": False}.
func pyNoVerify(cc *callCtx) bool {
	for _, k := range cc.c.KW {
		if k.Name == "verify" {
			if l, ok := k.Value.(*Lit); ok && l.Val == "False" {
				return true
			}
		}
		if k.Name == "options" {
			if o, ok := k.Value.(*Object); ok {
				for _, p := range o.Props {
					if l, ok := p.Value.(*Lit); ok && p.Key == "verify_signature" && l.Val == "False" {
						return true
					}
				}
			}
		}
	}
	return false
}

// jwtDecode remembers a decode without verification (reported at the
// end if the function never verifies a token).
func (in *interp) jwtDecode(cc *callCtx) {
	if in.fn == nil {
		return
	}
	is := &Issue{
		Rule: RuleJWTNotVerified, File: cc.fr.mod.m.Path, Line: cc.c.Line, Func: frameName(cc.fr), Sink: cc.calleeName(),
		Evidence: in.snippet(cc.fr, cc.c), Detail: "the token's claims are read without checking its signature",
	}
	is.Trace = []finding.Step{{File: is.File, Line: is.Line, Note: cc.calleeName() + " reads the claims without verifying the signature"}}
	is.Key = strings.Join([]string{RuleJWTNotVerified, is.File, is.Func, is.Evidence}, "|")
	if pyNoVerify(cc) {
		in.report(is)
		return
	}
	in.decodes = append(in.decodes, is)
}

// noneAlgorithm: verify options whose algorithms list "none".
func (in *interp) noneAlgorithm(cc *callCtx, opts *Value, x Expr) {
	if opts == nil || opts.fields["algorithms"] == nil {
		return
	}
	a := opts.fields["algorithms"]
	vals := []*Value{a.elem}
	for _, f := range a.fields {
		vals = append(vals, f)
	}
	for _, v := range vals {
		if v != nil && v.str != nil && strings.EqualFold(*v.str, "none") {
			is := &Issue{
				Rule: RuleJWTNone, File: cc.fr.mod.m.Path, Line: cc.c.Line, Func: frameName(cc.fr), Sink: cc.calleeName(),
				Evidence: in.snippet(cc.fr, cc.c), Detail: "the accepted algorithms include \"none\": an unsigned token passes",
			}
			is.Trace = []finding.Step{{File: is.File, Line: is.Line, Note: "algorithms include \"none\""}}
			is.Key = strings.Join([]string{RuleJWTNone, is.File, is.Func, is.Evidence}, "|")
			in.report(is)
			return
		}
	}
}

// patterns reports what is decided at the end of a function's analysis.
func (in *interp) patterns(fn *model.Function) {
	if in.sawVerify {
		return
	}
	for _, is := range in.decodes {
		in.report(is)
	}
}
