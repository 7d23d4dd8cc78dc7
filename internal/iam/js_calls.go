package iam

import (
	"strings"
)

// Finding the SDK calls of a JavaScript/TypeScript file.

// helperMethods are client members that are not API operations.
var helperMethods = setOf("promise", "on", "once", "makeRequest", "makeUnauthenticatedRequest",
	"setupRequestListeners", "defineService", "customizeRequests", "bindServiceObject", "extractError",
	"extractData", "isGlobalEndpoint", "setEndpoint", "paginationConfig", "getSignatureVersion", "api",
	"endpoint", "config", "destroy", "middlewareStack", "then", "catch", "finally", "createSet",
	"waitFor", "waitUntil", "toString", "valueOf", "hasOwnProperty", "constructor", "resolveMiddleware")

// scan finds the file's calls, gaps and definitions.
func (j *jsFile) scan() {
	j.f.defs = j.buildDefs()
	traverse(j.t.root, func(n *node) bool {
		switch n.kind {
		case "new_expression":
			j.scanNew(n)
		case "call_expression":
			j.scanCall(n)
		}
		return true
	})
	j.f.gaps = append(j.f.gaps, libraryGaps(j.f, j.specs, npmPackageOf)...)
}

// prefixOf returns the IAM prefix of a client or command value ("" when
// the service is outside the table).
func prefixOf(v value) string {
	if v.svc != nil {
		return v.svc.prefix
	}
	return guessPrefix(v.svcName)
}

// guessPrefix turns an SDK service name outside the table into the IAM
// prefix it most likely has (Rekognition → rekognition).
func guessPrefix(name string) string {
	return strings.ToLower(strings.ReplaceAll(name, "-", ""))
}

func (j *jsFile) scanNew(n *node) {
	ctor := unwrap(j.t, n.get("constructor"))
	cv := j.eval(ctor)
	switch cv.kind {
	case vV3Command:
		j.record(cv, cv.op, j.t.text(ctor), firstArg(n), n, SDKJSv3, false)
		return
	case vUploadCtor:
		params := unwrap(j.t, j.objectNode(firstArg(n)))
		if params.kindOr() == "object" {
			params = j.propertyNode(params, "params")
		}
		j.record(cv, "Upload", "Upload", params, n, SDKJSv3, false)
		return
	case vV2Ctor, vV3Ctor:
		return
	case vUnknown:
		if ctor.kindOr() == "subscript_expression" {
			if ov := j.eval(ctor.get("object")); ov.kind == vV3Pkg || ov.kind == vV2Root {
				j.gap(n, "", "SDK class chosen at run time: "+clip(j.t.text(ctor)))
				return
			}
		}
	}
	j.escapes(n, cv)
}

func (j *jsFile) scanCall(n *node) {
	fn := unwrap(j.t, n.get("function"))
	switch fn.kindOr() {
	case "identifier", "import":
		if fn.kind == "import" || (j.t.text(fn) == "require" && j.lookup("require", fn) == nil) {
			if _, ok := jsStringValue(j.t, firstArg(n)); !ok && firstArg(n) != nil {
				j.gap(n, "", "module loaded with a computed name: "+clip(j.t.text(n)))
			}
			return
		}
	case "member_expression":
		obj := j.eval(fn.get("object"))
		method := j.t.text(fn.get("property"))
		switch obj.kind {
		case vClient:
			j.clientCall(obj, method, n)
			return
		case vUnknown:
			j.inferCall(method, n)
		}
	case "subscript_expression":
		if obj := j.eval(fn.get("object")); obj.kind == vClient {
			j.gap(n, prefixOf(obj), "operation chosen at run time: "+clip(j.t.text(fn)))
			return
		}
	}
	fv := j.eval(fn)
	switch fv.kind {
	case vV3Paginate:
		j.record(fv, fv.op, j.t.text(fn), nthArg(n, 1), n, SDKJSv3, false)
		return
	case vPresignPost:
		j.record(fv, "PutObject", j.t.text(fn), nthArg(n, 1), n, SDKJSv3, false)
		return
	case vFunc, vCapture, vV3From, vV3Command, vV3Ctor, vV2Ctor:
		return
	}
	j.escapes(n, fv)
}

// clientCall records client.method(params) on an SDK client.
func (j *jsFile) clientCall(c value, method string, call *node) {
	sdk := SDKJSv3
	if c.style == styleV2 || c.style == styleV2Doc {
		sdk = SDKJSv2
	}
	if helperMethods[method] || c.style == styleSend || c.style == styleDocSend || method == "send" {
		return // v3 commands are recorded where they are created
	}
	isS3 := c.svc != nil && c.svc.key == "s3"
	switch {
	case method == "getSignedUrl" || method == "getSignedUrlPromise":
		if s, ok := jsStringValue(j.t, firstArg(call)); ok {
			j.record(c, pascal(s), method, nthArg(call, 1), call, sdk, false)
		} else {
			j.gap(call, prefixOf(c), "presigned URL for an operation chosen at run time")
		}
		return
	case isS3 && method == "upload":
		j.record(c, "Upload", method, firstArg(call), call, sdk, false)
		return
	case isS3 && method == "createPresignedPost":
		j.record(c, "PutObject", method, firstArg(call), call, sdk, false)
		return
	}
	op := pascal(method)
	if c.style == styleV2Doc || c.style == styleDocAgg {
		mapped, ok := docClientOps[strings.ToLower(method)]
		if !ok {
			return
		}
		op = mapped
	}
	j.record(c, op, method, firstArg(call), call, sdk, false)
}

// inferParams recognises a service from distinctive request parameters
// when the receiver is not known to be a client (a client passed in from
// code clad cannot follow).
var inferParams = []struct{ param, service string }{
	{"TableName", "dynamodb"}, {"QueueUrl", "sqs"}, {"TopicArn", "sns"}, {"SecretId", "secretsmanager"},
	{"stateMachineArn", "stepfunctions"}, {"DeliveryStreamName", "firehose"}, {"Bucket", "s3"},
	{"FunctionName", "lambda"}, {"StreamName", "kinesis"},
}

// inferCall records x.method({TableName: …}) on an unknown receiver when
// the method is an operation of the service the parameters point to.
func (j *jsFile) inferCall(method string, call *node) {
	obj := unwrap(j.t, j.objectNode(firstArg(call)))
	if obj.kindOr() != "object" {
		return
	}
	for _, ip := range inferParams {
		if j.propertyNode(obj, ip.param) == nil {
			continue
		}
		s := services.byKey[ip.service]
		op := pascal(method)
		if mapped, ok := docClientOps[strings.ToLower(method)]; ok && s.key == "dynamodb" {
			op = mapped
		}
		if s.op(op) == nil || s.op(op).noAuth {
			return
		}
		sdk := SDKJSv2
		j.record(value{svc: s}, op, method, obj, call, sdk, true)
		return
	}
}

// escapes reports a client handed to code clad does not follow (a
// library wrapping the client): what that code calls is unseen.
func (j *jsFile) escapes(call *node, callee value) {
	switch callee.kind {
	case vFunc, vModule, vObject, vClass:
		return // project code: analysed on its own
	}
	fn := unwrap(j.t, call.get("function"))
	if fn == nil {
		fn = unwrap(j.t, call.get("constructor"))
	}
	if j.sdkHelper(fn) {
		return
	}
	args := call.get("arguments")
	for _, a := range args.namedKids() {
		for _, v := range j.argValues(a) {
			if v.kind == vClient {
				j.gap(call, prefixOf(v), "SDK client handed to "+clip(j.t.text(fn)))
				return
			}
		}
	}
}

// argValues evaluates an argument, and the property values of an object
// literal argument.
func (j *jsFile) argValues(a *node) []value {
	a = unwrap(j.t, a)
	if a.kindOr() != "object" {
		return []value{j.eval(a)}
	}
	var out []value
	for _, p := range a.namedKids() {
		switch p.kind {
		case "pair":
			out = append(out, j.eval(p.get("value")))
		case "shorthand_property_identifier":
			out = append(out, j.eval(p))
		}
	}
	return out
}

// sdkHelper reports whether a callee is part of the SDKs or harmless for
// a client (console.log, JSON.stringify, X-Ray wrappers, presigners).
func (j *jsFile) sdkHelper(fn *node) bool {
	root := fn
	for root.kindOr() == "member_expression" {
		root = root.get("object")
	}
	if root.kindOr() != "identifier" {
		return false
	}
	switch j.t.text(root) {
	case "console", "JSON", "Object", "Promise", "Array", "Reflect", "util", "assert":
		return true
	}
	if d := j.lookup(j.t.text(root), root); d != nil && d.kind == declImport {
		return strings.HasPrefix(d.spec, "@aws-sdk/") || strings.HasPrefix(d.spec, "aws-sdk") ||
			strings.HasPrefix(d.spec, "aws-xray-sdk") || strings.HasPrefix(d.spec, "@smithy/")
	}
	if d := j.lookup(j.t.text(root), root); d != nil && d.kind == declVar && d.value != nil {
		if v := unwrap(j.t, d.value); v.kindOr() == "call_expression" {
			if s, ok := jsStringValue(j.t, firstArg(v)); ok && (strings.HasPrefix(s, "@aws-sdk/") || strings.HasPrefix(s, "aws-sdk") || strings.HasPrefix(s, "aws-xray-sdk")) {
				return true
			}
		}
	}
	return false
}

// objectNode follows an identifier to the object literal it holds.
func (j *jsFile) objectNode(n *node) *node {
	for range 4 {
		n = unwrap(j.t, n)
		if n.kindOr() != "identifier" && n.kindOr() != "shorthand_property_identifier" {
			return n
		}
		d := j.lookup(j.t.text(n), n)
		if d == nil || d.kind != declVar || d.value == nil || d.prop != "" {
			return n
		}
		n = d.value
	}
	return n
}

// record adds a call of op on the service of v.
func (j *jsFile) record(v value, op, method string, params, at *node, sdk string, inferred bool) {
	spec := v.svc.op(op)
	c := rawCall{file: j.f.path, line: at.line, sdk: sdk, svc: v.svc, op: op, method: method,
		inferred: inferred, def: j.f.defs.defAt(at), text: clip(j.t.text(at))}
	if v.svc == nil {
		c.guess = guessPrefix(v.svcName)
		if c.guess == "" {
			return
		}
	}
	c.params, c.sub = j.paramsOf(params, resourceParamNames(v.svc, spec))
	j.f.calls = append(j.f.calls, c)
}

// gap records code whose AWS use clad cannot see.
func (j *jsFile) gap(at *node, prefix, reason string) {
	j.f.gaps = append(j.f.gaps, rawGap{file: j.f.path, line: at.line, prefix: prefix, reason: reason, def: j.f.defs.defAt(at)})
}

// clip shortens code for evidence: its first line, at most 80 characters.
func clip(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i]) + " …"
	}
	if r := []rune(s); len(r) > 80 {
		s = string(r[:79]) + "…"
	}
	return s
}
