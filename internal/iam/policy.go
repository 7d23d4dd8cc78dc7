package iam

import (
	"regexp"
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// Evaluating what a function's statements allow. Answers are three-valued:
// an unresolved statement, an unknown managed policy or a condition makes
// an answer "maybe" rather than a guess.

// tri is a three-valued answer.
type tri int8

const (
	triNo tri = iota
	triMaybe
	triYes
)

func minTri(a, b tri) tri {
	if a < b {
		return a
	}
	return b
}

func maxTri(a, b tri) tri {
	if a > b {
		return a
	}
	return b
}

// globMatch matches IAM wildcards (* and ?) against s.
func globMatch(pattern, s string, fold bool) bool {
	if fold {
		pattern, s = strings.ToLower(pattern), strings.ToLower(s)
	}
	// Iterative matcher with backtracking on the last star.
	p, i, star, mark := 0, 0, -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && (pattern[p] == '?' || pattern[p] == s[i]):
			p++
			i++
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, i
			p++
		case star >= 0:
			p = star + 1
			mark++
			i = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// actionMatch reports whether an action pattern covers an action.
func actionMatch(pattern, action string) bool { return globMatch(pattern, action, true) }

var (
	placeholderRe = regexp.MustCompile(`\$\{[^}]*\}`)
	knownPHRe     = regexp.MustCompile(`^\$\{(AWS::[A-Za-z]+|[A-Za-z0-9]+(\.[A-Za-z0-9.]+)?)\}$`)
	refTextRe     = regexp.MustCompile(`Ref\(([A-Za-z0-9:]+)\)`)
	getAttTextRe  = regexp.MustCompile(`GetAtt\(([A-Za-z0-9]+\.[A-Za-z0-9.]+)\)`)
)

// normResource rewrites the model's reference texts into Fn::Sub syntax
// ("GetAtt(T.Arn)" → "${T.Arn}", "Ref(B)" → "${B}") and reports whether
// the result is understood (literal text and known placeholders only).
func normResource(s string) (string, bool) {
	s = strings.ReplaceAll(s, "${AWS::Partition}", "aws")
	s = getAttTextRe.ReplaceAllString(s, "$${$1}")
	s = refTextRe.ReplaceAllString(s, "$${$1}")
	rest := placeholderRe.ReplaceAllStringFunc(s, func(ph string) string {
		if knownPHRe.MatchString(ph) {
			return ""
		}
		return "\x00"
	})
	if strings.ContainsAny(rest, "(){}\x00") {
		return s, false
	}
	return s, true
}

// resourceMatch says whether a statement's resource pattern covers a
// needed resource (both in Fn::Sub syntax).
func resourceMatch(pattern, need string, needKnown bool) tri {
	if pattern == "*" {
		return triYes
	}
	if !needKnown || need == anyResource {
		return triMaybe
	}
	if pattern == need || globMatch(pattern, need, false) {
		return triYes
	}
	pHas, nHas := strings.Contains(pattern, "${"), strings.Contains(need, "${")
	if !pHas && !nHas {
		return triNo
	}
	// Placeholders stand for unknown text: compare what is literal.
	p := placeholderRe.ReplaceAllString(pattern, "*")
	n := placeholderRe.ReplaceAllString(need, "*")
	if !couldOverlap(p, n) {
		return triNo
	}
	return triMaybe
}

// couldOverlap is a cheap test of whether two wildcard patterns may match
// a common string: their literal prefixes and suffixes must agree.
func couldOverlap(a, b string) bool {
	pa, pb := litPrefix(a), litPrefix(b)
	if !strings.HasPrefix(pa, pb) && !strings.HasPrefix(pb, pa) {
		return false
	}
	sa, sb := litSuffix(a), litSuffix(b)
	return strings.HasSuffix(sa, sb) || strings.HasSuffix(sb, sa)
}

func litPrefix(s string) string {
	if i := strings.IndexAny(s, "*?"); i >= 0 {
		return s[:i]
	}
	return s
}

func litSuffix(s string) string {
	if i := strings.LastIndexAny(s, "*?"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// grantStmt is a statement made ready for evaluation.
type grantStmt struct {
	src          model.Statement
	label        string // what to call it in messages
	allow        bool
	actions      []string
	notActions   []string
	resources    []string
	notResources []string
	// actionUnknown/resourceUnknown: some item could be anything.
	actionUnknown, resourceUnknown bool
	cond                           bool
	managed                        bool // synthesised from a managed policy
}

// normStatement prepares a model statement.
func normStatement(st model.Statement) grantStmt {
	g := grantStmt{src: st, allow: strings.EqualFold(st.Effect, "Allow"), cond: st.Condition}
	if !strings.EqualFold(st.Effect, "Allow") && !strings.EqualFold(st.Effect, "Deny") {
		g.allow = true // an unresolved effect: it may allow
		g.actionUnknown, g.resourceUnknown = true, true
	}
	for _, a := range st.Action {
		if a == "" || strings.ContainsAny(a, "(){}$") {
			g.actionUnknown = true
			continue
		}
		g.actions = append(g.actions, a)
	}
	for _, a := range st.NotAction {
		if strings.ContainsAny(a, "(){}$") {
			g.actionUnknown = true
			continue
		}
		g.notActions = append(g.notActions, a)
	}
	for _, r := range st.Resource {
		n, ok := normResource(r)
		if !ok {
			g.resourceUnknown = true
			continue
		}
		g.resources = append(g.resources, n)
	}
	for _, r := range st.NotResource {
		n, ok := normResource(r)
		if !ok {
			g.resourceUnknown = true
			continue
		}
		g.notResources = append(g.notResources, n)
	}
	if len(st.Action) == 0 && len(st.NotAction) == 0 {
		g.actionUnknown = true
	}
	if len(st.Resource) == 0 && len(st.NotResource) == 0 {
		g.resourceUnknown = true
	}
	return g
}

// coversAction says whether the statement's action part covers action.
func (g *grantStmt) coversAction(action string) tri {
	var t tri
	switch {
	case len(g.notActions) > 0:
		t = triYes
		for _, p := range g.notActions {
			if actionMatch(p, action) {
				t = triNo
			}
		}
	default:
		t = triNo
		for _, p := range g.actions {
			if actionMatch(p, action) {
				t = triYes
			}
		}
	}
	if t == triNo && g.actionUnknown {
		return triMaybe
	}
	return t
}

// coversResource says whether the statement's resource part covers need,
// a resource of action.
func (g *grantStmt) coversResource(action, need string, known bool) tri {
	match := func(p string) tri {
		if otherService(p, action) {
			return triNo
		}
		return resourceMatch(p, need, known)
	}
	var t tri
	switch {
	case len(g.notResources) > 0:
		t = triYes
		for _, p := range g.notResources {
			t = minTri(t, notTri(match(p)))
		}
	default:
		t = triNo
		for _, p := range g.resources {
			t = maxTri(t, match(p))
		}
	}
	if t == triNo && g.resourceUnknown {
		return triMaybe
	}
	return t
}

func notTri(t tri) tri { return triYes - t }

// covers says whether the statement applies to action on resource.
func (g *grantStmt) covers(action, resource string, known bool) tri {
	t := minTri(g.coversAction(action), g.coversResource(action, resource, known))
	if g.cond {
		t = minTri(t, triMaybe)
	}
	return t
}

// otherService reports whether a literal ARN pattern names a service other
// than the one an action's resources belong to (a DynamoDB action is never
// evaluated against an S3 ARN).
func otherService(pattern, action string) bool {
	parts := strings.SplitN(pattern, ":", 4)
	if len(parts) < 4 || parts[0] != "arn" || strings.ContainsAny(parts[2], "*?$") {
		return false
	}
	prefix, _, _ := strings.Cut(strings.ToLower(action), ":")
	want := prefix
	switch prefix {
	case "sts":
		want = "iam"
	case "":
		return false
	}
	return parts[2] != want
}
