package iam

import "strings"

// Finding the boto3 calls of a Python file.

// pyHelperMethods are client members that are not API operations.
var pyHelperMethods = setOf("meta", "exceptions", "close", "can_paginate", "get_waiter", "get_paginator")

// pyResourceOps maps the methods of boto3 resource objects to the API
// operation they call, per object kind.
var pyResourceOps = map[vkind]map[string]string{
	vPyTable: {"put_item": "PutItem", "get_item": "GetItem", "update_item": "UpdateItem",
		"delete_item": "DeleteItem", "query": "Query", "scan": "Scan", "batch_writer": "BatchWriteItem",
		"load": "DescribeTable", "reload": "DescribeTable", "delete": "DeleteTable", "update": "UpdateTable",
		"wait_until_exists": "DescribeTable", "wait_until_not_exists": "DescribeTable"},
	vPyBucket: {"upload_file": "Upload", "upload_fileobj": "Upload", "download_file": "Download",
		"download_fileobj": "Download", "put_object": "PutObject", "delete_objects": "DeleteObjects",
		"copy": "Copy", "delete": "DeleteBucket", "create": "CreateBucket", "load": "ListBuckets"},
	vPyS3Obj: {"get": "GetObject", "put": "PutObject", "delete": "DeleteObject", "upload_file": "Upload",
		"upload_fileobj": "Upload", "download_file": "Download", "download_fileobj": "Download",
		"copy_from": "CopyObject", "copy": "Copy", "load": "HeadObject", "reload": "HeadObject",
		"restore_object": "RestoreObject"},
	vPyQueue: {"send_message": "SendMessage", "send_messages": "SendMessageBatch",
		"receive_messages": "ReceiveMessage", "delete_messages": "DeleteMessageBatch", "purge": "PurgeQueue",
		"delete": "DeleteQueue", "load": "GetQueueAttributes", "reload": "GetQueueAttributes",
		"change_message_visibility_batch": "ChangeMessageVisibilityBatch", "set_attributes": "SetQueueAttributes"},
	vPyTopic: {"publish": "Publish", "subscribe": "Subscribe", "delete": "DeleteTopic",
		"load": "GetTopicAttributes", "reload": "GetTopicAttributes", "set_attributes": "SetTopicAttributes"},
}

// pyTransfer gives, for the S3 managed-transfer methods of a client, the
// operation and the position of the Bucket argument (the CopySource
// argument for copy is at 0).
var pyTransfer = map[string]struct {
	op     string
	bucket int
}{
	"upload_file": {"Upload", 1}, "upload_fileobj": {"Upload", 1}, "download_file": {"Download", 0},
	"download_fileobj": {"Download", 0}, "copy": {"Copy", 1},
}

// scan finds the file's calls, gaps and definitions.
func (p *pyFile) scan() {
	p.f.defs = p.buildDefs()
	traverse(p.t.root, func(n *node) bool {
		if n.kind == "call" {
			p.scanCall(n)
		}
		return true
	})
	p.f.gaps = append(p.f.gaps, libraryGaps(p.f, p.specs, pyTopModule)...)
}

func (p *pyFile) scanCall(n *node) {
	fn := pyUnwrap(n.get("function"))
	if fn.kindOr() == "identifier" && p.t.text(fn) == "getattr" {
		if v := p.eval(p.arg(n, 0, "")); v.kind == vClient || v.kind == vPyTable || v.kind == vPyResource {
			p.gap(n, prefixOf(v), "operation chosen at run time: "+clip(p.t.text(n)))
		}
		return
	}
	if fv := p.eval(fn); fv.kind == vPyFactory {
		if _, ok := pyStringContent(p.t, pyUnwrap(p.arg(n, 0, "service_name"))); !ok {
			p.gap(n, "", "boto3 "+fv.op+" for a service chosen at run time")
		}
		return
	}
	if fn.kindOr() != "attribute" {
		return
	}
	obj := p.eval(fn.get("object"))
	method := p.t.text(fn.get("attribute"))
	switch obj.kind {
	case vClient:
		p.clientCall(obj, method, n)
	case vPyPaginator:
		if method == "paginate" {
			p.record(obj.svc, obj.svcName, obj.op, "get_paginator", n, p.kwParams(n, obj.svc, obj.op), false)
		}
	case vPyResource:
		p.resourceCall(obj, method, n)
	case vPyTable, vPyBucket, vPyS3Obj, vPyQueue, vPyTopic:
		p.objectCall(obj, method, n)
	case vPyCollection:
		p.collectionCall(obj, method, n)
	case vUnknown:
		p.inferCall(method, n)
	}
}

// clientCall records client.method(…) on a boto3 client.
func (p *pyFile) clientCall(c value, method string, call *node) {
	if pyHelperMethods[method] {
		return
	}
	switch method {
	case "generate_presigned_url":
		op, ok := pyStringContent(p.t, pyUnwrap(p.arg(call, 0, "ClientMethod")))
		if !ok {
			p.gap(call, prefixOf(c), "presigned URL for an operation chosen at run time")
			return
		}
		params := map[string]alts{}
		if d := pyUnwrap(p.arg(call, 1, "Params")); d.kindOr() == "dictionary" {
			p.dictParams(d, resourceParamNames(c.svc, c.svc.op(pascal(op))), params, 0)
		}
		p.record(c.svc, c.svcName, pascal(op), method, call, params, false)
		return
	case "generate_presigned_post":
		p.record(c.svc, c.svcName, "PutObject", method, call, p.kwParams(call, c.svc, "PutObject"), false)
		return
	}
	if t, ok := pyTransfer[method]; ok && c.svc != nil && c.svc.key == "s3" {
		params := map[string]alts{"Bucket": p.str(p.arg(call, t.bucket, "Bucket"))}
		if t.op == "Copy" {
			params["CopySource"] = p.copySource(p.arg(call, 0, "CopySource"))
		}
		p.record(c.svc, c.svcName, t.op, method, call, params, false)
		return
	}
	op := pascal(method)
	p.record(c.svc, c.svcName, op, method, call, p.kwParams(call, c.svc, op), false)
}

// resourceCall records the operations a service resource calls itself
// (batch_get_item, create_table…); constructors of sub-resources call none.
func (p *pyFile) resourceCall(r value, method string, call *node) {
	switch method {
	case "Table", "Bucket", "Object", "Queue", "Topic", "meta", "ObjectSummary", "BucketPolicy":
		return
	case "get_queue_by_name":
		p.record(r.svc, r.svcName, "GetQueueUrl", method, call, map[string]alts{"QueueName": p.str(p.arg(call, -1, "QueueName"))}, false)
		return
	}
	if r.svc == nil {
		p.gap(call, guessPrefix(r.svcName), "boto3 resource API of "+r.svcName+" is not mapped")
		return
	}
	op := pascal(method)
	if r.svc.op(op) == nil {
		return
	}
	p.record(r.svc, "", op, method, call, p.kwParams(call, r.svc, op), false)
}

// objectCall records a method of a Table, Bucket, Object, Queue or Topic.
func (p *pyFile) objectCall(o value, method string, call *node) {
	op, ok := pyResourceOps[o.kind][method]
	if !ok {
		return
	}
	params := p.kwParams(call, o.svc, op)
	name := alts{unknownExpr()}
	if o.pf != nil && o.n != nil {
		name = o.pf.str(o.n)
	}
	switch o.kind {
	case vPyTable:
		params["TableName"] = name
	case vPyBucket, vPyS3Obj:
		params["Bucket"] = name
		if op == "Copy" || op == "CopyObject" {
			params["CopySource"] = p.copySource(p.arg(call, 0, "CopySource"))
		}
	case vPyQueue:
		if o.op == "name" {
			params["QueueName"] = name
		} else {
			params["QueueUrl"] = name
		}
	case vPyTopic:
		params["TopicArn"] = name
	}
	p.record(o.svc, o.svcName, op, method, call, params, false)
}

// collectionCall records listing (and bulk deleting) through
// bucket.objects.all()/filter()/delete() and s3.buckets.all().
func (p *pyFile) collectionCall(c value, method string, call *node) {
	params := map[string]alts{}
	if c.pf != nil && c.n != nil {
		params["Bucket"] = c.pf.str(c.n)
	}
	switch method {
	case "all", "filter", "limit", "page_size", "pages":
		p.record(c.svc, "", c.op, method, call, params, false)
	case "delete":
		p.record(c.svc, "", "DeleteObjects", method, call, params, false)
	}
}

// inferCall records x.method(TableName=…) on an unknown receiver when the
// method is an operation of the service the parameters point to.
func (p *pyFile) inferCall(method string, call *node) {
	if !strings.Contains(method, "_") && method != "query" && method != "scan" && method != "publish" && method != "invoke" {
		return
	}
	for _, ip := range inferParams {
		if p.arg(call, -1, ip.param) == nil {
			continue
		}
		s := services.byKey[ip.service]
		op := pascal(method)
		if s.op(op) == nil || s.op(op).noAuth {
			return
		}
		p.record(s, "", op, method, call, p.kwParams(call, s, op), true)
		return
	}
}

// copySource reads the source bucket of CopySource ("bucket/key" or
// {"Bucket": …, "Key": …}).
func (p *pyFile) copySource(n *node) alts {
	n = pyUnwrap(p.dictNode(n))
	if n.kindOr() == "dictionary" {
		for _, pr := range n.namedKids() {
			if pr.kind == "pair" {
				if k, ok := pyStringContent(p.t, pr.get("key")); ok && k == "Bucket" {
					return p.str(pr.get("value"))
				}
			}
		}
		return alts{unknownExpr()}
	}
	return p.str(n)
}

// kwParams reads the resource parameters among a call's keyword
// arguments, following **params to a dict literal.
func (p *pyFile) kwParams(call *node, s *service, op string) map[string]alts {
	want := resourceParamNames(s, s.op(op))
	out := map[string]alts{}
	var sub []string
	for _, a := range call.get("arguments").namedKids() {
		switch a.kind {
		case "keyword_argument":
			p.param(p.t.text(a.get("name")), a.get("value"), want, out, &sub, 0)
		case "dictionary_splat":
			p.dictParams(p.dictNode(a.firstNamed()), want, out, 0)
		}
	}
	if len(sub) > 0 {
		out["\x00sub"] = nil
		for _, v := range sub {
			out["\x00sub"] = append(out["\x00sub"], litExpr(v))
		}
	}
	return out
}

// param handles one named parameter.
func (p *pyFile) param(key string, val *node, want map[string]bool, out map[string]alts, sub *[]string, depth int) {
	switch {
	case key == "RequestItems" && want["RequestItems"]:
		d := pyUnwrap(p.dictNode(val))
		if d.kindOr() != "dictionary" {
			out[key] = out[key].add(unknownExpr())
			return
		}
		for _, pr := range d.namedKids() {
			if pr.kind == "pair" {
				out[key] = out[key].add(p.str(pr.get("key"))...)
			} else {
				out[key] = out[key].add(unknownExpr())
			}
		}
	case key == "Statement":
		if s, ok := pyStringContent(p.t, pyUnwrap(val)); ok {
			*sub = append(*sub, partiQLVerb(s))
		} else {
			*sub = append(*sub, "?")
		}
	case key == "TransactItems":
		p.transactItems(val, sub)
		p.nested(val, want, out, sub, depth)
	case want[key]:
		if l := pyUnwrap(p.dictNode(val)); l.kindOr() == "list" {
			for _, el := range l.namedKids() {
				out[key] = out[key].add(p.str(el)...)
			}
		} else if key == "CopySource" {
			out[key] = out[key].add(p.copySource(val)...)
		} else {
			out[key] = out[key].add(p.str(val)...)
		}
	default:
		p.nested(val, want, out, sub, depth)
	}
}

// nested looks for parameters inside dict and list values.
func (p *pyFile) nested(val *node, want map[string]bool, out map[string]alts, sub *[]string, depth int) {
	if depth > 5 {
		return
	}
	v := pyUnwrap(p.dictNode(val))
	switch v.kindOr() {
	case "dictionary":
		for _, pr := range v.namedKids() {
			if pr.kind != "pair" {
				continue
			}
			if k, ok := pyStringContent(p.t, pr.get("key")); ok {
				p.param(k, pr.get("value"), want, out, sub, depth+1)
			}
		}
	case "list":
		for _, el := range v.namedKids() {
			p.nested(el, want, out, sub, depth+1)
		}
	}
}

// dictParams reads parameters from a dict literal.
func (p *pyFile) dictParams(d *node, want map[string]bool, out map[string]alts, depth int) {
	var sub []string
	p.nested(d, want, out, &sub, depth)
}

// transactItems lists the item kinds of a transaction.
func (p *pyFile) transactItems(n *node, sub *[]string) {
	l := pyUnwrap(p.dictNode(n))
	if l.kindOr() != "list" {
		*sub = append(*sub, "?")
		return
	}
	for _, el := range l.namedKids() {
		el = pyUnwrap(p.dictNode(el))
		if el.kindOr() != "dictionary" {
			*sub = append(*sub, "?")
			continue
		}
		for _, pr := range el.namedKids() {
			if k, ok := pyStringContent(p.t, pr.get("key")); ok && pr.kind == "pair" {
				*sub = append(*sub, k)
			} else {
				*sub = append(*sub, "?")
			}
		}
	}
}

// dictNode follows a name to the literal it is bound to.
func (p *pyFile) dictNode(n *node) *node {
	for range 4 {
		n = pyUnwrap(n)
		if n.kindOr() != "identifier" {
			return n
		}
		d := p.lookup(p.t.text(n), n)
		if d == nil || d.kind != declVar || d.value == nil {
			return n
		}
		n = d.value
	}
	return n
}

// record adds a call.
func (p *pyFile) record(s *service, svcName, op, method string, at *node, params map[string]alts, inferred bool) {
	c := rawCall{file: p.f.path, line: at.line, sdk: SDKBoto3, svc: s, op: op, method: method,
		inferred: inferred, def: p.f.defs.defAt(at), text: clip(p.t.text(at)), params: params}
	if sub, ok := params["\x00sub"]; ok {
		for _, e := range sub {
			c.sub = append(c.sub, e.literal())
		}
		delete(params, "\x00sub")
	}
	if s == nil {
		c.guess = guessPrefix(svcName)
		if c.guess == "" {
			return
		}
	}
	p.f.calls = append(p.f.calls, c)
}

func (p *pyFile) gap(at *node, prefix, reason string) {
	p.f.gaps = append(p.f.gaps, rawGap{file: p.f.path, line: at.line, prefix: prefix, reason: reason, def: p.f.defs.defAt(at)})
}
