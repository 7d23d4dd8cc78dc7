// Package gateway reports public "gateway" functions that call other
// functions of the project whose only protection is a key or role the
// gateway holds (access/gateway-trusted-callee): the callee trusts
// whatever reaches the gateway.
package gateway

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/calls"
	"github.com/cladsec/clad/internal/detect/access/fnmap"
	"github.com/cladsec/clad/internal/detect/shared"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Detector implements detect.Detector.
type Detector struct{}

// New returns the detector.
func New() *Detector { return &Detector{} }

// Name implements detect.Detector.
func (*Detector) Name() string { return "gateway-trust" }

// Category implements detect.Detector.
func (*Detector) Category() finding.Category { return finding.Access }

// Rules implements detect.Detector.
func (*Detector) Rules() []finding.Rule { return []finding.Rule{Rule} }

// Detect implements detect.Detector.
func (*Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	if in.Project == nil || in.Tree == nil || !anyPublic(in.Project.Functions) {
		return nil
	}
	finder := shared.Calls(in)
	for _, fn := range in.Project.Functions {
		if !fnmap.Reachable(fn) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("gateway trust: %w", err)
		}
		for _, c := range finder.Calls(fn) {
			if ts := trusting(c); len(ts) > 0 {
				report(build(c, ts))
			}
		}
	}
	return nil
}

func anyPublic(fns []*model.Function) bool {
	for _, fn := range fns {
		if fnmap.Reachable(fn) {
			return true
		}
	}
	return false
}

// trust is one callee that trusts the gateway, and what protects it.
type trust struct {
	fn *model.Function
	// guard names the callee's protection ("authLevel function").
	guard string
	// keys are the credentials the gateway sends it.
	keys []calls.Key
	// holds says what the callee has that the gateway lacks (invoke).
	holds []string
	admin []string
}

// trusting returns the callees of a call whose only protection is the
// gateway's key or role.
func trusting(c calls.Call) []trust {
	var out []trust
	for _, g := range c.Callees {
		if fnmap.Reachable(g) || g.Disabled {
			continue // a public callee trusts nobody: anyone may call it anyway
		}
		t := trust{fn: g, admin: fnmap.AdminWords(g)}
		switch c.Kind {
		case calls.KindHTTP:
			guard, ok := keyGuard(c.Endpoints[g.ID])
			t.keys = keysFor(c.Keys, g.ID)
			if !ok || len(t.keys) == 0 {
				continue
			}
			t.guard = guard
		case calls.KindInvoke:
			t.holds = holdsMore(c.Caller, g, t.admin)
			if len(t.holds) == 0 {
				continue
			}
			t.keys = c.Keys
			t.guard = "invoked directly: only IAM on lambda:InvokeFunction guards it"
		}
		out = append(out, t)
	}
	return out
}

// keyGuard reports endpoints whose only protection is a shared key, and
// names it.
func keyGuard(ts []model.Trigger) (string, bool) {
	if len(ts) == 0 {
		return "", false
	}
	var names []string
	for _, t := range ts {
		switch t.Auth {
		case "function", "admin":
			names = appendOnce(names, "authLevel "+t.Auth)
		case "private", "api-key":
			names = appendOnce(names, "an API key")
		default:
			return "", false // its own authentication (IAM, an authorizer)
		}
	}
	return strings.Join(names, ", "), true
}

// keysFor returns the keys sent to one callee.
func keysFor(keys []calls.Key, id string) []calls.Key {
	var out []calls.Key
	for _, k := range keys {
		if k.For == "" || k.For == id {
			out = append(out, k)
		}
	}
	return out
}

func appendOnce(list []string, s string) []string {
	for _, v := range list {
		if v == s {
			return list
		}
	}
	return append(list, s)
}

// build writes the finding for one call.
func build(c calls.Call, ts []trust) finding.Finding {
	f := Rule.New()
	f.Severity = severity(c, ts)
	f.File, f.Line = c.File, c.Line
	ids := []string{c.Caller.ID}
	var callees []string
	for _, t := range ts {
		ids = append(ids, t.fn.ID)
		callees = append(callees, t.fn.ID)
	}
	sort.Strings(ids)
	f.Functions = ids
	f.Evidence = c.Code
	f.Key = c.Caller.ID + "->" + strings.Join(callees, ",")
	f.Message = message(c, ts)
	return f
}

// severity: high for an admin callee or a key committed in plain text,
// low for a direct invocation of an ordinary function.
func severity(c calls.Call, ts []trust) finding.Severity {
	for _, t := range ts {
		if len(t.admin) > 0 {
			return finding.SeverityHigh
		}
		for _, k := range t.keys {
			if committed(k) {
				return finding.SeverityHigh
			}
		}
	}
	if c.Kind == calls.KindInvoke {
		return finding.SeverityLow
	}
	return finding.SeverityMedium
}

// committed reports a key whose value is written in the repository: a
// config file, a literal in code, a literal app setting.
func committed(k calls.Key) bool {
	for _, o := range k.Origins {
		switch o.Kind {
		case calls.OriginConfig, calls.OriginCode:
			return true
		case calls.OriginEnv:
			if o.Resolved && o.File != "" {
				return true
			}
		}
	}
	return false
}
