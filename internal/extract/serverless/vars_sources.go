package serverless

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
)

// Framework defaults for the deployment target.
const (
	defaultStage  = "dev"
	defaultRegion = "us-east-1"
)

// self reads another part of the manifest: ${self:custom.table}, ${self:}.
// provider.stage and provider.region have the framework defaults, as in v1.
func (r *resolver) self(address string, at *cfgtree.Node) outcome {
	path := splitAddress(address)
	o := r.lookup(r.root, path, "self:")
	if o.state != missing || len(path) != 2 || path[0] != "provider" {
		return o
	}
	switch path[1] {
	case "stage":
		if s := r.stage(); s != "" {
			return outcome{node: r.scalarAt(s, at)}
		}
	case "region":
		if s := r.region(); s != "" {
			return outcome{node: r.scalarAt(s, at)}
		}
	}
	return o
}

// opt reads a CLI option. Only --stage and --region are known (from
// Input.Vars); when they are not given, the fallbacks apply first and the
// manifest's provider setting (or the framework default) last.
func (r *resolver) opt(name string, at *cfgtree.Node) outcome {
	switch name {
	case "stage":
		if r.vars.Stage != "" {
			return outcome{node: r.scalarAt(r.vars.Stage, at)}
		}
		return r.withDefault(r.stage(), at)
	case "region":
		if r.vars.Region != "" {
			return outcome{node: r.scalarAt(r.vars.Region, at)}
		}
		return r.withDefault(r.region(), at)
	}
	return outcome{state: missing}
}

// sls reads the framework's own values; only the stage is known statically.
func (r *resolver) sls(name string, at *cfgtree.Node) outcome {
	if name != "stage" {
		return outcome{state: symbolic} // instanceId changes on every deploy
	}
	if s := r.stage(); s != "" {
		return outcome{node: r.scalarAt(s, at)}
	}
	return outcome{state: missing}
}

// withDefault is a missing value whose last resort is v.
func (r *resolver) withDefault(v string, at *cfgtree.Node) outcome {
	if v == "" {
		return outcome{state: missing}
	}
	return outcome{state: missing, dflt: r.scalarAt(v, at)}
}

// env reads the environment the user chose to expose (--resolve-env); with
// none, the fallback applies or the value stays unresolved.
func (r *resolver) env(name string, at *cfgtree.Node) outcome {
	if v, ok := r.vars.Env[name]; ok {
		return outcome{node: r.quotedAt(v, at)}
	}
	return outcome{state: missing}
}

// param reads a parameter: --param first, then the manifest's params for
// the stage (v3 params.<stage>, v4 stages.<stage>.params), then the defaults.
func (r *resolver) param(name string, at *cfgtree.Node) outcome {
	if v, ok := r.vars.Params[name]; ok {
		return outcome{node: r.quotedAt(v, at)}
	}
	var paths [][]string
	if stage := r.stage(); stage != "" {
		paths = append(paths, []string{"params", stage, name}, []string{"stages", stage, "params", name})
	}
	paths = append(paths, []string{"params", "default", name}, []string{"stages", "default", "params", name})
	for _, p := range paths {
		if o := r.lookup(r.root, p, ""); o.state != missing && (o.node == nil || o.node.Kind != cfgtree.Null) {
			return o
		}
	}
	return outcome{state: missing}
}

// strToBool turns "true"/"false"/"1"/"0" into a boolean.
func (r *resolver) strToBool(arg string, at *cfgtree.Node) outcome {
	if s, ok := quoted(arg); ok {
		arg = s
	}
	switch strings.ToLower(strings.TrimSpace(arg)) {
	case "true", "1":
		return outcome{node: r.scalarAt("true", at)}
	case "false", "0":
		return outcome{node: r.scalarAt("false", at)}
	}
	return outcome{state: missing, note: "strToBool(" + arg + ") is not a boolean"}
}

func (r *resolver) quotedAt(v string, at *cfgtree.Node) *cfgtree.Node {
	n := r.scalarAt(v, at)
	n.Quoted = true
	return n
}

// stage is the deployment stage: --stage, else provider.stage as far as it
// resolves without options, else "dev". Empty while that very question is
// being answered.
func (r *resolver) stage() string {
	if r.vars.Stage != "" {
		return r.vars.Stage
	}
	if r.stageVal == "" && !r.probing {
		r.stageVal = r.probe(defaultStage, "stage")
	}
	return r.stageVal
}

// region is the deployment region, as stage is the stage.
func (r *resolver) region() string {
	if r.vars.Region != "" {
		return r.vars.Region
	}
	if r.regionVal == "" && !r.probing {
		r.regionVal = r.probe(defaultRegion, "region")
	}
	return r.regionVal
}

// probe resolves provider.<key> with a throwaway resolver in which options
// have no defaults, so "stage: ${opt:stage}" cannot loop; its warnings are
// dropped (the main pass reports them).
func (r *resolver) probe(dflt, key string) string {
	p := *r
	p.probing = true
	p.memo = map[*cfgtree.Node]*cfgtree.Node{}
	p.derefs = map[*cfgtree.Node]outcome{}
	p.fulling = map[*cfgtree.Node]bool{}
	p.derefing = map[*cfgtree.Node]bool{}
	p.unresolved = map[*cfgtree.Node]bool{}
	p.warned = map[string]bool{}
	p.problems = nil
	p.depth, p.steps = 0, r.steps
	if s, ok := p.scalarOf(r.root.Path("provider", key)); ok {
		return s
	}
	return dflt
}
