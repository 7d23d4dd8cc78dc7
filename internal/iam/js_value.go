package iam

import (
	"strings"
)

// vkind is what a JavaScript expression evaluates to, as far as the SDK
// analysis cares.
type vkind int

const (
	vUnknown     vkind = iota
	vV2Root            // require("aws-sdk")
	vV2Ctor            // AWS.S3, AWS.DynamoDB.DocumentClient
	vV3Pkg             // a namespace import of an @aws-sdk package
	vV3Ctor            // S3Client, S3, DynamoDBDocumentClient
	vV3Command         // ScanCommand
	vV3Paginate        // paginateScan
	vV3From            // DynamoDBDocumentClient.from
	vUploadCtor        // @aws-sdk/lib-storage Upload
	vPresignPost       // @aws-sdk/s3-presigned-post createPresignedPost
	vCapture           // AWSXRay.captureAWS*: returns its argument
	vClient            // an SDK client
	vModule            // a local module
	vObject            // an object literal
	vFunc              // a function
	vClass             // a class
	vProcess           // process
	vEnvObj            // process.env
)

// Python values.
const (
	vPyBoto3      vkind = iota + 100 // the boto3 (or aioboto3) module
	vPyBoto3Sub                      // boto3.session
	vPyFactory                       // boto3.client / boto3.resource / session.client (op says which)
	vPySessionCls                    // boto3.Session
	vPySession                       // a boto3 session
	vPyResource                      // a boto3 service resource
	vPyMeta                          // resource.meta
	vPyTable                         // dynamodb.Table(name)
	vPyBucket                        // s3.Bucket(name)
	vPyS3Obj                         // s3.Object(bucket, key), bucket.Object(key)
	vPyQueue                         // sqs.Queue(url), sqs.get_queue_by_name(QueueName=…)
	vPyTopic                         // sns.Topic(arn)
	vPyCollection                    // bucket.objects, s3.buckets
	vPyMethod                        // a bound method of one of the above (op is its name)
	vPyPaginator                     // client.get_paginator("op")
	vPyOs                            // the os module
	vPyEnviron                       // os.environ
	vPyGetenv                        // os.getenv, os.environ.get
)

// Client styles: how a client's operations are called.
const (
	styleV2      = "v2"      // SDK v2: client.getObject(params)
	styleV2Doc   = "v2doc"   // SDK v2 DynamoDB DocumentClient: client.get(params)
	styleSend    = "send"    // SDK v3 bare client: client.send(new XCommand(params))
	styleAgg     = "agg"     // SDK v3 aggregated client: client.getObject(params)
	styleDocSend = "docsend" // lib-dynamodb DynamoDBDocumentClient
	styleDocAgg  = "docagg"  // lib-dynamodb DynamoDBDocument
)

// value is the abstract value of an expression.
type value struct {
	kind    vkind
	svc     *service
	svcName string // service outside the table: its SDK name
	style   string
	op      string
	pkg     string
	file    *jsFile
	n       *node
	// Python: the file of n, and the object a method or collection
	// belongs to.
	pf   *pyFile
	base *value
}

var unknownValue = value{}

func (v value) known() bool { return v.kind != vUnknown }

// v2NonServices are members of the aws-sdk module that are not services.
var v2NonServices = setOf("config", "Config", "Endpoint", "Credentials", "Request", "Response", "Service",
	"EventListeners", "MetadataService", "HttpClient", "NodeHttpClient", "util", "Token", "TokenProviders",
	"CredentialProviderChain", "SharedIniFileCredentials", "EnvironmentCredentials", "ECSCredentials",
	"EC2MetadataCredentials", "TemporaryCredentials", "ChainableTemporaryCredentials", "WebIdentityCredentials",
	"CognitoIdentityCredentials", "SAMLCredentials", "ProcessCredentials", "FileSystemCredentials",
	"RemoteCredentials", "Signers", "Param", "ParamValidator", "XML", "JSON", "Model", "apiLoader",
	"SequentialExecutor", "ResourceWaiter", "Paginator", "AWS", "VERSION", "events", "Response", "HttpRequest",
	"HttpResponse", "S3Signer")

// moduleValue is what loading spec yields (require(spec) / import * as x).
func (j *jsFile) moduleValue(spec string) value {
	switch {
	case spec == "aws-sdk" || spec == "aws-sdk/global" || spec == "aws-sdk/lib/aws":
		return value{kind: vV2Root}
	case strings.HasPrefix(spec, "aws-sdk/clients/"):
		if s := services.byV2Path[strings.ToLower(spec)]; s != nil {
			return value{kind: vV2Ctor, svc: s, style: styleV2}
		}
		return value{kind: vV2Ctor, svcName: strings.TrimPrefix(spec, "aws-sdk/clients/"), style: styleV2}
	case spec == "aws-sdk/lib/dynamodb/document_client":
		return value{kind: vV2Ctor, svc: services.byKey["dynamodb"], style: styleV2Doc}
	case strings.HasPrefix(spec, "@aws-sdk/"):
		return value{kind: vV3Pkg, pkg: spec}
	case spec == "aws-xray-sdk" || spec == "aws-xray-sdk-core":
		return value{kind: vV3Pkg, pkg: spec}
	}
	if file, ok := j.localModule(spec); ok {
		return value{kind: vModule, pkg: file}
	}
	return unknownValue
}

// member evaluates v.name.
func (j *jsFile) member(v value, name string) value {
	switch v.kind {
	case vV2Root:
		if s := services.byV2[name]; s != nil {
			return value{kind: vV2Ctor, svc: s, style: styleV2}
		}
		if name != "" && name[0] >= 'A' && name[0] <= 'Z' && !v2NonServices[name] && !strings.HasSuffix(name, "Credentials") {
			return value{kind: vV2Ctor, svcName: name, style: styleV2}
		}
	case vV2Ctor:
		if name == "DocumentClient" && v.svc != nil && v.svc.key == "dynamodb" {
			return value{kind: vV2Ctor, svc: v.svc, style: styleV2Doc}
		}
		if name == "default" {
			return v
		}
	case vV3Pkg:
		return v3Member(v.pkg, name)
	case vV3Ctor:
		if name == "from" && (v.style == styleDocSend || v.style == styleDocAgg) {
			return value{kind: vV3From, svc: v.svc, style: v.style}
		}
	case vModule:
		return j.w.exportValue(v.pkg, j.f.codeDir, name)
	case vObject:
		if v.file != nil {
			return v.file.property(v.n, name)
		}
	case vProcess:
		if name == "env" {
			return value{kind: vEnvObj}
		}
	case vClass:
		return unknownValue
	}
	return unknownValue
}

// v3Member is a named export of an @aws-sdk package (or of the X-Ray SDK).
func v3Member(pkg, name string) value {
	switch pkg {
	case "@aws-sdk/lib-dynamodb":
		ddb := services.byKey["dynamodb"]
		switch {
		case name == "DynamoDBDocumentClient":
			return value{kind: vV3Ctor, svc: ddb, style: styleDocSend}
		case name == "DynamoDBDocument":
			return value{kind: vV3Ctor, svc: ddb, style: styleDocAgg}
		case strings.HasSuffix(name, "Command"):
			op := strings.TrimSuffix(name, "Command")
			if mapped, ok := docClientOps[strings.ToLower(op)]; ok {
				op = mapped
			}
			return value{kind: vV3Command, svc: ddb, op: op}
		case strings.HasPrefix(name, "paginate"):
			return value{kind: vV3Paginate, svc: ddb, op: strings.TrimPrefix(name, "paginate")}
		}
		return unknownValue
	case "@aws-sdk/lib-storage":
		if name == "Upload" {
			return value{kind: vUploadCtor, svc: services.byKey["s3"]}
		}
		return unknownValue
	case "@aws-sdk/s3-presigned-post":
		if name == "createPresignedPost" {
			return value{kind: vPresignPost, svc: services.byKey["s3"]}
		}
		return unknownValue
	case "aws-xray-sdk", "aws-xray-sdk-core":
		if strings.HasPrefix(name, "captureAWS") {
			return value{kind: vCapture}
		}
		if name == "default" {
			return value{kind: vV3Pkg, pkg: pkg}
		}
		return unknownValue
	}
	if !strings.HasPrefix(pkg, "@aws-sdk/client-") {
		return unknownValue
	}
	s := services.byV3[pkg]
	class := services.v3Class[pkg]
	svcName := strings.TrimPrefix(pkg, "@aws-sdk/client-")
	mk := func(v value) value {
		v.svc = s
		if s == nil {
			v.svcName = svcName
		}
		return v
	}
	switch {
	case s != nil && name == class+"Client", s == nil && strings.HasSuffix(name, "Client"):
		return mk(value{kind: vV3Ctor, style: styleSend})
	case s != nil && name == class:
		return mk(value{kind: vV3Ctor, style: styleAgg})
	case strings.HasSuffix(name, "Command") && len(name) > len("Command"):
		return mk(value{kind: vV3Command, op: strings.TrimSuffix(name, "Command")})
	case strings.HasPrefix(name, "paginate") && len(name) > len("paginate"):
		return mk(value{kind: vV3Paginate, op: strings.TrimPrefix(name, "paginate")})
	}
	return unknownValue
}

// importValue evaluates an import binding.
func (j *jsFile) importValue(d *jsDecl) value {
	mod := j.moduleValue(d.spec)
	switch {
	case d.member == "":
		return mod
	case d.member == "default":
		switch mod.kind {
		case vV2Root, vV2Ctor, vV3Pkg:
			if mod.kind == vV3Pkg && !strings.HasPrefix(mod.pkg, "aws-xray") {
				return unknownValue
			}
			return mod
		case vModule:
			return j.w.exportValue(mod.pkg, j.f.codeDir, "default")
		}
		return unknownValue
	}
	return j.member(mod, d.member)
}
