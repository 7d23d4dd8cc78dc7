// Package isolation reports admin-like functions (backup, restore, admin,
// internal, migrate…) deployed together with functions anonymous callers
// can reach: in the same Azure function app (one set of host keys, app
// settings, file system and identity), or in the same service sharing the
// execution role or literal credentials. A flaw in the public function
// then reaches the admin operation.
package isolation

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/fnmap"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Rule is the documented check.
var Rule = finding.Rule{
	ID:       "access/admin-function-exposed-together",
	Category: finding.Access,
	Severity: finding.SeverityHigh,
	Title:    "Admin function deployed together with public functions",
	CWE:      []string{"CWE-653", "CWE-284"},
	Why:      "An admin operation that shares an app, a role or credentials with an anonymous function is one code flaw away from anyone on the internet.",
	Doc: `Functions whose name, route or handler says they run administrative work
(admin, backup, restore, internal, migrate, maintenance, debug, seed, purge,
delete-all…) and that can be called on demand (an HTTP trigger, a resource
policy, or no trigger at all) should not live next to functions anonymous
callers reach. In an Azure function app every function shares the host keys,
the app settings, the file system and the managed identity: code execution in
a public function reads the keys and calls the admin function, or does its
work directly (reported high). In a Serverless service or a SAM stack the
same holds when the functions share the execution role or literal
credentials (high); being deployed together without sharing either is
reported medium. Admin-like functions that are themselves anonymous are
reported by access/public-http-no-auth; admin jobs with only scheduled or
queue triggers are not reported.`,
	Fix:  "Deploy admin operations in their own function app or service, with their own role, keys and settings, reachable only from an admin network or identity.",
	Bad:  "app/\n  render/function.json    # authLevel anonymous\n  backup/function.json    # authLevel function, route internal/backup",
	Good: "public-app/\n  render/function.json\nadmin-app/\n  backup/function.json",
}

// Detector implements detect.Detector.
type Detector struct{}

// New returns the detector.
func New() *Detector { return &Detector{} }

// Name implements detect.Detector.
func (*Detector) Name() string { return "isolation" }

// Category implements detect.Detector.
func (*Detector) Category() finding.Category { return finding.Access }

// Rules implements detect.Detector.
func (*Detector) Rules() []finding.Rule { return []finding.Rule{Rule} }

// Detect implements detect.Detector.
func (*Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	loc := fnmap.NewLocator(in.Tree)
	for _, g := range fnmap.ByManifest(in.Project.Functions) {
		if err := ctx.Err(); err != nil {
			return err
		}
		if f, ok := check(g, loc); ok {
			report(f)
		}
	}
	return nil
}

// adminFn is an admin-like function and what it shares with public ones.
type adminFn struct {
	fn     *model.Function
	words  []string
	shares []string
}

// check reports the admin functions of one manifest deployed with public ones.
func check(g fnmap.Group, loc *fnmap.Locator) (finding.Finding, bool) {
	var public []*model.Function
	for _, fn := range g.Functions {
		if fnmap.Reachable(fn) {
			public = append(public, fn)
		}
	}
	if len(public) == 0 {
		return finding.Finding{}, false
	}
	var admins []adminFn
	for _, fn := range g.Functions {
		if fnmap.Reachable(fn) || fn.Disabled || !fnmap.OnDemand(fn) {
			continue
		}
		if words := fnmap.AdminWords(fn); len(words) > 0 {
			admins = append(admins, adminFn{fn: fn, words: words, shares: shared(fn, public)})
		}
	}
	if len(admins) == 0 {
		return finding.Finding{}, false
	}
	return build(g, admins, public, loc), true
}

// shared lists what an admin function shares with the public ones.
func shared(fn *model.Function, public []*model.Function) []string {
	if fn.Provider == model.Azure {
		return []string{"host keys", "app settings", "file system", "identity"}
	}
	var out []string
	for _, p := range public {
		if fn.Role != "" && fn.Role != "function" && fn.Role == p.Role {
			role := "execution role " + fn.Role
			if fn.Role == "provider" {
				role = "the provider execution role"
			}
			out = appendOnce(out, role)
		}
		for _, e := range commonSecrets(fn, p) {
			out = appendOnce(out, "credential "+e)
		}
	}
	return out
}

// commonSecrets names literal credentials both functions carry from the
// same place in the manifest.
func commonSecrets(a, b *model.Function) []string {
	var out []string
	for _, x := range fnmap.SecretEnv(a) {
		for _, y := range fnmap.SecretEnv(b) {
			if x.Name == y.Name && x.Source == y.Source {
				out = append(out, x.Name)
			}
		}
	}
	return out
}

func build(g fnmap.Group, admins []adminFn, public []*model.Function, loc *fnmap.Locator) finding.Finding {
	f := Rule.New()
	f.Severity = finding.SeverityMedium
	var descs, ids, shares []string
	for _, a := range admins {
		ids = append(ids, a.fn.ID)
		descs = append(descs, fmt.Sprintf("%s (%s; %s)", a.fn.Name, entry(a.fn), strings.Join(a.words, ", ")))
		for _, s := range a.shares {
			shares = appendOnce(shares, s)
		}
		if len(a.shares) > 0 {
			f.Severity = finding.SeverityHigh
		}
	}
	sort.Strings(ids)
	f.File, f.Line = location(admins[0].fn, loc)
	f.Functions = ids
	f.Evidence = strings.Join(descs, "; ")
	f.Key = g.Manifest + "|" + strings.Join(ids, ",")
	what := "no role or credential is shared, but one deployment, one package and one set of dependencies serve both"
	if len(shares) > 0 {
		what = "they share " + strings.Join(shares, ", ") + ", so code running in a public function can reach the admin operation or do its work"
	}
	f.Message = fmt.Sprintf("Admin-like %s %s %s deployed in %s together with the anonymous %s %s; %s.",
		plural(len(admins), "function", "functions"), strings.Join(descs, ", "), plural(len(admins), "is", "are"), g.Kind(),
		plural(len(public), "function", "functions"), fnmap.ShortNames(public, 6), what)
	return f
}

// entry names how the admin function is called.
func entry(fn *model.Function) string {
	var ts []model.Trigger
	for _, t := range fn.Triggers {
		if fnmap.IsHTTP(t) || t.Type == "permission" {
			ts = append(ts, t)
		}
	}
	if len(ts) == 0 {
		return "invoked directly"
	}
	return fnmap.Endpoints(ts)
}

// location is the admin function's first HTTP trigger (its authLevel line
// on Azure), else its declaration.
func location(fn *model.Function, loc *fnmap.Locator) (string, int) {
	for _, t := range fn.Triggers {
		if !fnmap.IsHTTP(t) {
			continue
		}
		if t.Type == "httpTrigger" {
			if line := loc.BindingKeyLine(t.Source.File, t.Source.Line, "authLevel"); line > 0 {
				return t.Source.File, line
			}
		}
		return t.Source.File, t.Source.Line
	}
	return fn.Source.File, fn.Source.Line
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func appendOnce(list []string, s string) []string {
	for _, v := range list {
		if v == s {
			return list
		}
	}
	return append(list, s)
}
