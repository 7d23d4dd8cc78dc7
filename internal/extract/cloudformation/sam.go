package cloudformation

import (
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// Managed policies SAM attaches to the role it generates.
const (
	arnBasicExecution = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
	arnXRayWrite      = "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess"
)

// samFunction builds an AWS::Serverless::Function, with Globals applied.
func (t *template) samFunction(id string, line int, res *cfgtree.Node) *model.Function {
	own := res.Get("Properties")
	globals := t.root.Path("Globals", "Function")
	props := mergeGlobals(globals, own)
	f := t.newFunction(t.functionName(id), line)

	runtime := t.ev.Eval(props.Get("Runtime"))
	f.Runtime = t.text(f, props.Get("Runtime"), "runtime")
	if name := t.ev.Eval(own.Get("FunctionName")); name.Resolved && !name.IsList {
		f.DeployedName = name.Text
	}
	f.Handler = t.text(f, props.Get("Handler"), "handler")
	f.Timeout = t.intProp(f, props.Get("Timeout"), "timeout")
	f.MemorySize = t.intProp(f, props.Get("MemorySize"), "memory_size")
	f.ReservedConcurrency = t.intProp(f, props.Get("ReservedConcurrentExecutions"), "reserved_concurrency")
	f.Layers = t.layers(f, props.Get("Layers"))
	f.Tracing = t.text(f, props.Get("Tracing"), "tracing")
	t.environment(f, globals.Path("Environment", "Variables"), own.Path("Environment", "Variables"))
	t.resolveHandler(f, t.samCode(f, res, props), runtime, props.Get("Handler"))
	t.samRole(f, props)
	t.samEvents(f, props.Get("Events"))
	t.functionURL(f, props.Get("FunctionUrlConfig"), props.Line)
	f.LogRetention = t.logRetention(id, props)
	return f
}

// samCode says where a SAM function's code is: an image, inline code, or
// CodeUri (a local path relative to the template, or S3).
func (t *template) samCode(f *model.Function, res, props *cfgtree.Node) codeLoc {
	image := props.Get("ImageUri")
	if image != nil || t.ev.Eval(props.Get("PackageType")).Text == "Image" {
		ref := t.text(f, image, "image")
		if ref == "" {
			ref = t.ev.Eval(res.Path("Metadata", "DockerContext")).Text
		}
		if ref == "" {
			ref = "image"
		}
		return codeLoc{external: true, image: ref}
	}
	if props.Get("InlineCode") != nil {
		return codeLoc{external: true}
	}
	cu := props.Get("CodeUri")
	if cu == nil {
		return codeLoc{dir: t.dir}
	}
	if isPlain(cu, cfgtree.Map) {
		return t.s3Code(t.ev.Eval(cu.Get("Bucket")), t.ev.Eval(cu.Get("Key")))
	}
	v := t.ev.Eval(cu)
	if !v.Resolved {
		unresolved(f, "code_uri")
		return codeLoc{unresolved: true}
	}
	if strings.HasPrefix(v.Text, "s3://") {
		return t.s3Code(s3URI(v.Text))
	}
	return t.localCode(v.Text, "CodeUri", cu.Line)
}

// samRole sets the execution role: the one Role names, else the per-function
// role SAM generates from Policies (SAM ignores Policies when Role is set).
func (t *template) samRole(f *model.Function, props *cfgtree.Node) {
	if r := props.Get("Role"); r != nil {
		if v := t.ev.Eval(r); !v.NoValue {
			t.useRole(f, v)
			if p := props.Get("Policies"); p != nil {
				t.warn(p.Line, "config", fmt.Sprintf("function %s: Policies are ignored because Role is set", f.Name))
			}
			return
		}
	}
	f.Role = originFunction
	addManaged(f, arnBasicExecution, originSAM, f.Source)
	if f.Tracing == "Active" {
		addManaged(f, arnXRayWrite, originSAM, f.Source)
	}
	t.samPolicies(f, props.Get("Policies"))
}

// functionURL adds the trigger of a SAM FunctionUrlConfig.
func (t *template) functionURL(f *model.Function, cfg *cfgtree.Node, line int) {
	if cfg == nil {
		return
	}
	if cfg.Line > 0 {
		line = cfg.Line
	}
	authType := t.ev.Eval(cfg.Get("AuthType"))
	tr := urlTrigger(authType, t.loc(line))
	t.corsConfig(&tr, cfg.Get("Cors"))
	f.Triggers = append(f.Triggers, tr)
}

// urlTrigger is a Lambda function URL: AuthType NONE is public.
func urlTrigger(authType Value, loc model.Location) model.Trigger {
	tr := model.Trigger{Type: "url", Details: map[string]string{"authType": authType.Text}, Source: loc}
	switch {
	case authType.Resolved && authType.Text == "NONE":
		tr.Auth, tr.Public = authNone, true
	case authType.Resolved && authType.Text == "AWS_IAM":
		tr.Auth = authIAM
	}
	return tr
}
