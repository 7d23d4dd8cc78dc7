// Package rotation reports keys and secrets declared without rotation in
// SAM/CloudFormation templates and Serverless resources: customer managed
// symmetric KMS keys without EnableKeyRotation, and Secrets Manager secrets
// without a RotationSchedule. Each finding names the functions of the
// manifest that use the key or secret (by reference in their environment
// or IAM statements), or every function of the manifest when none does.
package rotation

import (
	"context"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Detector implements detect.Detector.
type Detector struct{}

// New returns the rotation detector.
func New() *Detector { return &Detector{} }

// Name implements detect.Detector.
func (*Detector) Name() string { return "data-rotation" }

// Category implements detect.Detector.
func (*Detector) Category() finding.Category { return finding.Data }

// Rules implements detect.Detector.
func (*Detector) Rules() []finding.Rule { return Rules() }

// Detect implements detect.Detector.
func (*Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	if in == nil || in.Project == nil {
		return nil
	}
	included := map[string]bool{}
	for _, m := range manifests(in.Project.Manifests) {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if included[m.File] {
			continue // read as part of the Serverless service that includes it
		}
		rs, err := loadResources(in.Tree, m, included)
		if err != nil && in.Warn != nil {
			in.Warn(model.Problem{File: m.File, Level: model.LevelWarning, Kind: "parse", Stage: "data-rotation",
				Message: fmt.Sprintf("cannot read the template's resources: %v", err)})
		}
		fns := functionsOf(in.Project.Functions, m.File)
		for _, f := range check(rs) {
			f.Functions, f.Message = attribute(fns, f)
			report(f.Finding)
		}
	}
	return nil
}

// manifests returns the manifests whose resources are CloudFormation,
// Serverless services first, leaving out a `serverless package` output
// when its serverless.yml is scanned too (the same resources, twice).
func manifests(ms []model.Manifest) []model.Manifest {
	sls := map[string]bool{}
	for _, m := range ms {
		if m.Kind == "serverless" {
			sls[path.Dir(m.File)] = true
		}
	}
	var out, templates []model.Manifest
	for _, m := range ms {
		switch {
		case m.Kind == "serverless-package" && sls[path.Dir(path.Dir(m.File))]:
		case m.Kind == "serverless":
			out = append(out, m)
		case templateKinds[m.Kind]:
			templates = append(templates, m)
		}
	}
	return append(out, templates...) // services first: they claim their includes
}

// result is a finding before attribution, with what attribution needs.
type result struct {
	finding.Finding
	res  resource
	what string // "key" or "secret"
	name string // the secret's Name property, when literal
}

// check applies both rules to a manifest's resources.
func check(rs []resource) []*result {
	rotated := map[string]bool{}
	for _, r := range rs {
		if r.typ == "AWS::SecretsManager::RotationSchedule" {
			if id := refTarget(r.props.Get("SecretId")); id != "" {
				rotated[id] = true
			}
		}
	}
	var out []*result
	for _, r := range rs {
		switch r.typ {
		case "AWS::KMS::Key":
			if f := checkKey(r); f != nil {
				out = append(out, f)
			}
		case "AWS::SecretsManager::Secret":
			if !rotated[r.id] && !rotated[r.props.Get("Name").Str()] {
				out = append(out, secretResult(r))
			}
		}
	}
	return out
}

// checkKey reports a symmetric key whose rotation is off or unset.
func checkKey(r resource) *result {
	spec := r.props.Get("KeySpec")
	if spec == nil {
		spec = r.props.Get("CustomerMasterKeySpec")
	}
	if spec != nil && (!spec.IsScalar() || spec.Value != "SYMMETRIC_DEFAULT") {
		return nil // asymmetric, HMAC or unknown: no automatic rotation
	}
	line, evidence := r.line, r.id+": AWS::KMS::Key"
	if rot := r.props.Get("EnableKeyRotation"); rot != nil {
		v, ok := rot.Bool()
		if !rot.IsScalar() || !ok || v {
			return nil // on, or a value clad cannot evaluate
		}
		line, evidence = rot.Line, "EnableKeyRotation: "+rot.Value
	}
	f := RuleKMS.New()
	f.File, f.Line, f.Evidence, f.Key = r.file, line, evidence, r.id
	return &result{Finding: f, res: r, what: "key"}
}

// secretResult reports a secret without a rotation schedule.
func secretResult(r resource) *result {
	f := RuleSecret.New()
	f.File, f.Line, f.Evidence, f.Key = r.file, r.line, r.id+": AWS::SecretsManager::Secret", r.id
	return &result{Finding: f, res: r, what: "secret", name: r.props.Get("Name").Str()}
}

// refTarget returns the logical id a value references: !Ref X, {Ref: X},
// or a plain name.
func refTarget(n *cfgtree.Node) string {
	switch {
	case n == nil:
		return ""
	case n.Kind == cfgtree.Scalar && (n.Tag == "!Ref" || n.Tag == ""):
		return strings.TrimSpace(n.Value)
	case n.Kind == cfgtree.Map:
		return n.Get("Ref").Str()
	}
	return ""
}

// functionsOf returns the functions a manifest declares.
func functionsOf(fns []*model.Function, manifest string) []*model.Function {
	var out []*model.Function
	for _, fn := range fns {
		if fn.Manifest == manifest {
			out = append(out, fn)
		}
	}
	return out
}

// attribute picks the functions that use the resource (all of the
// manifest's when none names it) and writes the message.
func attribute(fns []*model.Function, r *result) ([]string, string) {
	var users, all []string
	byID := map[string]*model.Function{}
	for _, fn := range fns {
		byID[fn.ID] = fn
		all = append(all, fn.ID)
		if uses(fn, r.res.id, r.name) {
			users = append(users, fn.ID)
		}
	}
	ids, how := users, "use it"
	if len(ids) == 0 {
		ids, how = all, "are deployed with it"
	}
	ids = append([]string{}, ids...)
	sort.Strings(ids)
	var names []string
	for _, id := range ids {
		if n := byID[id].Name; n != "" {
			names = append(names, n)
		} else {
			names = append(names, id)
		}
	}
	var msg string
	if r.what == "key" {
		msg = fmt.Sprintf("KMS key %s (%s:%d) does not rotate its key material: EnableKeyRotation is %s, so the same key protects everything encrypted with it for its whole life",
			r.res.id, r.res.file, r.res.line, rotationState(r.res))
	} else {
		msg = fmt.Sprintf("Secret %s (%s:%d) has no AWS::SecretsManager::RotationSchedule in the template, so the credential it holds never changes and a leaked copy stays valid",
			r.res.id, r.res.file, r.res.line)
	}
	if len(names) > 0 {
		msg += fmt.Sprintf("; functions that %s: %s", how, strings.Join(names, ", "))
	}
	return ids, msg + "."
}

// rotationState describes the EnableKeyRotation setting.
func rotationState(r resource) string {
	if v := r.props.Get("EnableKeyRotation"); v != nil {
		return v.Value
	}
	return "not set"
}

// uses reports whether fn references the logical id (Ref(X), GetAtt(X.…),
// ${X} in a Sub) or the secret's literal name in its environment or IAM
// statements.
func uses(fn *model.Function, id, name string) bool {
	refs := func(v string) bool {
		return strings.Contains(v, "Ref("+id+")") || strings.Contains(v, "GetAtt("+id+".") ||
			strings.Contains(v, "${"+id+"}") || strings.Contains(v, "${"+id+".") || v == id ||
			(name != "" && strings.Contains(v, name))
	}
	for _, e := range fn.Environment {
		if refs(e.Value) {
			return true
		}
	}
	for _, s := range fn.Statements {
		for _, r := range s.Resource {
			if refs(r) {
				return true
			}
		}
	}
	return false
}
