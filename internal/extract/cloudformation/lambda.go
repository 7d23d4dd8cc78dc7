package cloudformation

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// lambdaFunction builds a plain AWS::Lambda::Function. Its triggers come
// from other resources (see wire).
func (t *template) lambdaFunction(id string, line int, res *cfgtree.Node) *model.Function {
	props := res.Get("Properties")
	f := t.newFunction(t.functionName(id), line)
	runtime := t.ev.Eval(props.Get("Runtime"))
	f.Runtime = t.text(f, props.Get("Runtime"), "runtime")
	if name := t.ev.Eval(props.Get("FunctionName")); name.Resolved && !name.IsList {
		f.DeployedName = name.Text
	}
	f.Handler = t.text(f, props.Get("Handler"), "handler")
	f.Timeout = t.intProp(f, props.Get("Timeout"), "timeout")
	f.MemorySize = t.intProp(f, props.Get("MemorySize"), "memory_size")
	f.ReservedConcurrency = t.intProp(f, props.Get("ReservedConcurrentExecutions"), "reserved_concurrency")
	f.Layers = t.layers(f, props.Get("Layers"))
	f.Tracing = t.text(f, props.Path("TracingConfig", "Mode"), "tracing")
	t.environment(f, nil, props.Path("Environment", "Variables"))
	t.resolveHandler(f, t.lambdaCode(f, props), runtime, props.Get("Handler"))
	if r := props.Get("Role"); r != nil {
		if v := t.ev.Eval(r); !v.NoValue {
			t.useRole(f, v)
		}
	}
	f.LogRetention = t.logRetention(id, props)
	return f
}

// lambdaCode says where a plain Lambda function's code is: an image, inline
// ZipFile, an S3 object (looked for next to the template), or a local path
// (templates written for `aws cloudformation package`).
func (t *template) lambdaCode(f *model.Function, props *cfgtree.Node) codeLoc {
	code := props.Get("Code")
	if image := code.Get("ImageUri"); image != nil || t.ev.Eval(props.Get("PackageType")).Text == "Image" {
		ref := t.text(f, image, "image")
		if ref == "" {
			ref = "image"
		}
		return codeLoc{external: true, image: ref}
	}
	switch {
	case code == nil || code.Get("ZipFile") != nil:
		return codeLoc{external: true}
	case code.Get("S3Key") != nil:
		return t.s3Code(t.ev.Eval(code.Get("S3Bucket")), t.ev.Eval(code.Get("S3Key")))
	case isPlain(code, cfgtree.Map):
		return codeLoc{external: true}
	}
	v := t.ev.Eval(code)
	switch {
	case !v.Resolved:
		unresolved(f, "code")
		return codeLoc{unresolved: true}
	case strings.HasPrefix(v.Text, "s3://"):
		return t.s3Code(s3URI(v.Text))
	}
	return t.localCode(v.Text, "Code", code.Line)
}
