package iam

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// Review compares, role by role, what the functions' code needs with what
// their statements grant.
type Review struct {
	// Unused are grants no function holding them uses.
	Unused []Unused `json:"unused"`
	// Narrowable are wildcards the code needs only a few actions of.
	Narrowable []Narrowable `json:"narrowable"`
	// Missing are calls the function's role does not allow.
	Missing []Missing `json:"missing"`
}

// Grant names a statement or managed policy.
type Grant struct {
	Source model.Location `json:"source"`
	Origin string         `json:"origin"`
	// Label is "statement", "managed policy <name>" or "SAM policy
	// template <name>".
	Label     string   `json:"label"`
	Resources []string `json:"resources,omitempty"`
	// Functions are the functions holding the grant through one role.
	Functions []string `json:"functions"`
	Role      string   `json:"role,omitempty"`
}

// Unused is a grant (or some of its actions) that no function on the role
// needs.
type Unused struct {
	Grant
	// Actions are the unused action patterns, as written.
	Actions []string `json:"actions"`
	// Level is the most powerful level they cover.
	Level Level `json:"-"`
	// Examples are powerful actions a wildcard among them grants.
	Examples []string `json:"examples,omitempty"`
	// Replacement names a SAM policy template that covers what the code
	// does use of a broader template ("DynamoDBReadPolicy").
	Replacement string `json:"replacement,omitempty"`
}

// Narrowable is a wildcard whose use the code proves is narrow.
type Narrowable struct {
	Grant
	Pattern string `json:"pattern"`
	// Needed are the actions under the wildcard the code needs.
	Needed []Use `json:"needed"`
	// Extra counts the known actions the wildcard grants beyond them;
	// Examples names powerful ones.
	Extra    int      `json:"extra"`
	Examples []string `json:"examples,omitempty"`
}

// Use is an action and the functions whose code needs it.
type Use struct {
	Action    string   `json:"action"`
	Functions []string `json:"functions"`
	Evidence  []Call   `json:"evidence"`
}

// Missing is a call its function's role does not allow.
type Missing struct {
	Function string `json:"function"`
	Action   string `json:"action"`
	Resource string `json:"resource"`
	Evidence Call   `json:"evidence"`
	// Certain is true when nothing clad can see allows it (the call fails
	// with AccessDenied); false when only unresolved statements or unknown
	// managed policies might, or when it is granted on other resources.
	Certain bool `json:"certain"`
	// Reason explains the verdict.
	Reason string `json:"reason"`
}

// Review analyses every AWS function of the project.
func (a *Analyzer) Review() *Review {
	r := &Review{}
	groups := a.grantGroups()
	for _, g := range groups {
		a.reviewGrant(r, g)
	}
	for _, fn := range a.project.Functions {
		a.reviewMissing(r, fn)
	}
	sortReview(r)
	return r
}

// grantGroup is one grant as held through one role.
type grantGroup struct {
	grant   grantStmt
	managed *managedDef
	fns     []*model.Function
	role    string
}

// grantGroups lists every grant with the functions holding it, one group
// per role.
func (a *Analyzer) grantGroups() []*grantGroup {
	byKey := map[string]*grantGroup{}
	var order []string
	add := func(key string, g grantStmt, md *managedDef, fn *model.Function) {
		k := key + "\x00" + roleKey(fn)
		gg, ok := byKey[k]
		if !ok {
			gg = &grantGroup{grant: g, managed: md, role: fn.Role}
			byKey[k] = gg
			order = append(order, k)
		}
		gg.fns = append(gg.fns, fn)
	}
	for _, fn := range a.project.Functions {
		if fn.Provider != model.AWS || !a.roleKnown(fn) {
			continue
		}
		for _, st := range fn.Statements {
			g := normStatement(st)
			g.label = statementLabel(st)
			add(statementKey(st), g, nil, fn)
		}
		for _, p := range fn.ManagedPolicies {
			g, def, ok := managedStatement(p)
			if !ok || def.platform {
				continue
			}
			d := def
			add("managed\x00"+p.ARN+"\x00"+p.Origin, g, &d, fn)
		}
	}
	out := make([]*grantGroup, 0, len(order))
	for _, k := range order {
		out = append(out, byKey[k])
	}
	return out
}

// roleKey identifies the role a function runs with.
func roleKey(fn *model.Function) string {
	if fn.Role == "function" || fn.Role == "" {
		return "fn:" + fn.ID
	}
	return fn.Manifest + "#" + fn.Role
}

func statementKey(st model.Statement) string {
	return strings.Join([]string{st.Origin, st.Source.File, strconv.Itoa(st.Source.Line), st.Effect,
		strings.Join(st.Action, ","), strings.Join(st.NotAction, ","), strings.Join(st.Resource, ",")}, "\x00")
}

// statementLabel names a statement for messages.
func statementLabel(st model.Statement) string {
	if t, ok := strings.CutPrefix(st.Origin, "sam-policy:"); ok {
		return "SAM policy template " + t
	}
	return "statement"
}

// roleKnown reports whether clad sees every policy of fn's role: a role
// the framework generates, or a role the manifest defines.
func (a *Analyzer) roleKnown(fn *model.Function) bool {
	for _, u := range fn.Unresolved {
		if u == "role" {
			return false
		}
	}
	switch fn.Role {
	case "provider", "function":
		return true
	case "":
		return false
	}
	for _, st := range fn.Statements {
		if st.Origin == "role:"+fn.Role {
			return true
		}
	}
	for _, p := range fn.ManagedPolicies {
		if p.Origin == "role:"+fn.Role {
			return true
		}
	}
	return idRe.MatchString(fn.Role) && a.index(fn.Manifest).roles[fn.Role]
}

var idRe = regexp.MustCompile(`^[A-Za-z0-9]+$`)

// holderUse is a need with the function needing it.
type holderUse struct {
	fn   *model.Function
	u    *Usage
	need *Need
}

// reviewGrant looks for unused and narrowable parts of one grant.
func (a *Analyzer) reviewGrant(r *Review, g *grantGroup) {
	st := &g.grant
	if !st.allow || len(st.notActions) > 0 || (st.managed && g.managed == nil) {
		return
	}
	usages := make([]*Usage, len(g.fns))
	for i, fn := range g.fns {
		usages[i] = a.Usage(fn)
	}
	base := a.grantOf(g)
	var unused, usedActions []string
	level := LevelUnknown
	var examples []string
	for _, p := range st.actions {
		prefix, judged := patternPrefix(p)
		if !judged || !completeFor(usages, prefix) {
			continue
		}
		used, elsewhere := usesOf(st, p, g.fns, usages)
		if len(used) == 0 {
			// Used on other resources: access/missing-permission tells the
			// fix; an async destination may need it.
			if len(elsewhere) > 0 || a.maybeAsync(g, p) {
				continue
			}
			unused = append(unused, p)
			lv, ex := patternPower(p)
			if lv > level {
				level = lv
			}
			examples = append(examples, ex...)
			continue
		}
		for _, h := range used {
			usedActions = appendUnique(usedActions, h.need.Action)
		}
		if strings.ContainsAny(p, "*?") {
			if n, ok := narrowable(base, p, used); ok {
				r.Narrowable = append(r.Narrowable, n)
			}
		}
	}
	if len(unused) == 0 {
		return
	}
	u := Unused{Grant: base, Actions: unused, Level: level, Examples: firstN(dedupStrings(examples), 5)}
	// A SAM policy template is a fixed bundle: extra reads are what it
	// costs to use one, only unused writes are worth replacing it.
	if strings.HasPrefix(st.src.Origin, "sam-policy:") {
		if !level.Powerful() {
			return
		}
		u.Actions = powerfulOnly(unused)
		u.Replacement = replacementTemplate(strings.TrimPrefix(st.src.Origin, "sam-policy:"), usedActions)
	}
	r.Unused = append(r.Unused, u)
}

// grantOf describes a grant group.
func (a *Analyzer) grantOf(g *grantGroup) Grant {
	gr := Grant{Source: g.grant.src.Source, Origin: g.grant.src.Origin, Label: g.grant.label,
		Resources: g.grant.resources, Role: g.role}
	for _, fn := range g.fns {
		gr.Functions = append(gr.Functions, fn.ID)
	}
	sort.Strings(gr.Functions)
	return gr
}

// patternPrefix returns the service prefix of an action pattern ("*" for
// every service) and whether clad can judge it: only services of the
// mapping table are.
func patternPrefix(p string) (string, bool) {
	if p == "*" {
		return "*", true
	}
	prefix, _, ok := strings.Cut(p, ":")
	if !ok || strings.ContainsAny(prefix, "*?") {
		return "", false
	}
	prefix = strings.ToLower(prefix)
	return prefix, len(services.byPrefix[prefix]) > 0
}

// completeFor reports whether every holder's use of prefix is known.
func completeFor(us []*Usage, prefix string) bool {
	for _, u := range us {
		p := prefix
		if p == "*" {
			p = ""
		}
		if !u.Complete(p) {
			return false
		}
		if prefix == "*" {
			for _, c := range u.Calls {
				if c.Guessed && len(services.byPrefix[c.Service]) == 0 {
					return false // a service outside the table: its grants cannot be judged
				}
			}
		}
	}
	return true
}

// usesOf returns the needs the pattern (on the statement's resources)
// covers, and the resources of needs it covers by action only.
func usesOf(st *grantStmt, p string, fns []*model.Function, us []*Usage) ([]holderUse, []string) {
	var out []holderUse
	var elsewhere []string
	for i, u := range us {
		for k := range u.Needs {
			n := &u.Needs[k]
			if !actionMatch(p, n.Action) {
				continue
			}
			if st.coversResource(n.Action, n.Resource, n.ResourceKnown) == triNo {
				elsewhere = append(elsewhere, n.Resource)
				continue
			}
			out = append(out, holderUse{fn: fns[i], u: u, need: n})
		}
	}
	return out, elsewhere
}

// maybeAsync reports whether an unused send/publish/invoke grant may be
// the target of asynchronous-invocation destinations or a dead-letter
// queue the manifest configures.
func (a *Analyzer) maybeAsync(g *grantGroup, p string) bool {
	if len(g.fns) == 0 || !a.index(g.fns[0].Manifest).asyncTargets {
		return false
	}
	for _, act := range []string{"sqs:SendMessage", "sns:Publish", "lambda:InvokeFunction", "events:PutEvents"} {
		if actionMatch(p, act) {
			return true
		}
	}
	return false
}

func sortReview(r *Review) {
	key := func(g Grant) string { return g.Source.File + "\x00" + pad(g.Source.Line) + "\x00" + g.Role }
	sort.SliceStable(r.Unused, func(i, j int) bool { return key(r.Unused[i].Grant) < key(r.Unused[j].Grant) })
	sort.SliceStable(r.Narrowable, func(i, j int) bool {
		a, b := r.Narrowable[i], r.Narrowable[j]
		if key(a.Grant) != key(b.Grant) {
			return key(a.Grant) < key(b.Grant)
		}
		return a.Pattern < b.Pattern
	})
	sort.SliceStable(r.Missing, func(i, j int) bool {
		a, b := r.Missing[i], r.Missing[j]
		if a.Function != b.Function {
			return a.Function < b.Function
		}
		if a.Action != b.Action {
			return a.Action < b.Action
		}
		return a.Resource < b.Resource
	})
}

func pad(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 9 {
		s = "0" + s
	}
	return s
}

func firstN(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func dedupStrings(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// sortByPower orders actions permissions management first, then by name.
func sortByPower(acts []string) {
	lv := func(a string) Level {
		prefix, name, _ := strings.Cut(a, ":")
		return actionLevel(prefix, name)
	}
	sort.SliceStable(acts, func(i, j int) bool {
		if li, lj := lv(acts[i]), lv(acts[j]); li != lj {
			return li > lj
		}
		return acts[i] < acts[j]
	})
}

// powerfulOnly keeps the write and permissions actions of a list.
func powerfulOnly(acts []string) []string {
	var out []string
	for _, a := range acts {
		if lv, _ := patternPower(a); lv.Powerful() {
			out = append(out, a)
		}
	}
	return out
}

// replacementTemplate names a narrower SAM template covering the actions
// used of template cur, or "" (none used: remove it).
func replacementTemplate(cur string, used []string) string {
	if len(used) == 0 {
		return ""
	}
	for _, t := range samTemplates {
		if t.name != cur && templateCovers(t, used) {
			return t.name
		}
	}
	return ""
}
