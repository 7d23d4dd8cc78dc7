package iam

import (
	"net/url"
	"strings"
)

// Building ARN patterns from names, URLs and references.

// arnsFor builds the ARN patterns of a bound value.
func arnsFor(c *rawCall, role, param string, b bound, idx *resIndex) []string {
	switch b.kind {
	case bindUnknown:
		return []string{anyResource}
	case bindRef:
		return refARNs(c, role, b.id, b.attr, idx)
	}
	name := b.text
	if b.kind == bindLiteral {
		if fam := roleFamily[role]; fam != "" {
			lookupName := name
			if role == "queue" && param == "QueueUrl" {
				lookupName = queueNameOf(name)
			}
			if role == "source" {
				lookupName, _, _ = strings.Cut(name, "/")
			}
			if id := idx.lookup(fam, lookupName); id != "" {
				return refARNs(c, role, id, "", idx)
			}
		}
	}
	return literalARNs(c, role, param, name)
}

// literalARNs builds ARN patterns from a literal name (or pattern).
func literalARNs(c *rawCall, role, param, name string) []string {
	isARN := strings.HasPrefix(name, "arn:")
	svc := c.svc.key
	switch {
	case svc == "dynamodb":
		base := name
		if !isARN {
			base = "arn:aws:dynamodb:" + regionAccount + ":table/" + name
		}
		return []string{dynamoSuffix(c, role, base)}
	case svc == "s3":
		if role == "source" {
			name, _, _ = strings.Cut(strings.TrimPrefix(name, "/"), "/")
			if u, err := url.PathUnescape(name); err == nil {
				name = u
			}
			return []string{"arn:aws:s3:::" + name + "/*"}
		}
		base := name
		if !isARN {
			base = "arn:aws:s3:::" + name
		}
		if role == "object" {
			return []string{base + "/*"}
		}
		return []string{base}
	case isARN:
		return []string{name}
	}
	return namedARNs(c, role, param, name)
}

// namedARNs builds the ARN of a resource given by name, per service.
func namedARNs(c *rawCall, role, param, name string) []string {
	p := "arn:aws:" + c.svc.prefix + ":" + regionAccount + ":"
	switch c.svc.key {
	case "sqs":
		if param == "QueueUrl" {
			return []string{queueARN(name)}
		}
		return []string{p + name}
	case "sns":
		return []string{p + name}
	case "lambda":
		return []string{p + "function:" + name}
	case "secretsmanager":
		if strings.HasSuffix(name, "*") {
			return []string{p + "secret:" + name}
		}
		return []string{p + "secret:" + name + "-??????"}
	case "ssm":
		n := strings.TrimPrefix(name, "/")
		if role == "path" {
			n = strings.TrimSuffix(n, "/")
			return []string{p + "parameter/" + n, p + "parameter/" + n + "/*"}
		}
		return []string{p + "parameter/" + n}
	case "kms":
		if strings.HasPrefix(name, "alias/") {
			return []string{anyResource}
		}
		return []string{p + "key/" + name}
	case "events":
		if role == "rule" {
			return []string{p + "rule/" + name}
		}
		return []string{p + "event-bus/" + name}
	case "kinesis":
		return []string{p + "stream/" + name}
	case "firehose":
		return []string{p + "deliverystream/" + name}
	case "cognito-idp":
		return []string{p + "userpool/" + name}
	}
	return []string{anyResource}
}

// dynamoSuffix adds the index or stream part a DynamoDB action needs.
func dynamoSuffix(c *rawCall, role, base string) string {
	switch role {
	case "index":
		idx, ok := c.params["IndexName"]
		if !ok {
			return base
		}
		if len(idx) == 1 && idx[0].isLiteral() {
			return base + "/index/" + idx[0].literal()
		}
		return base + "/index/*"
	case "stream":
		return base + "/stream/*"
	}
	return base
}

// queueARN turns a queue URL (https://sqs.<region>.amazonaws.com/<account>/<name>)
// into the queue's ARN.
func queueARN(u string) string {
	rest := u
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	parts := strings.Split(rest, "/")
	if len(parts) < 3 {
		return "arn:aws:sqs:" + regionAccount + ":" + queueNameOf(u)
	}
	host, account, name := parts[0], parts[1], parts[len(parts)-1]
	region := "${AWS::Region}"
	hp := strings.Split(host, ".")
	switch {
	case len(hp) > 2 && hp[0] == "sqs":
		region = hp[1]
	case len(hp) > 2 && hp[1] == "queue":
		region = hp[0]
	}
	if account == "" || strings.ContainsAny(account, "*") && account != "*" {
		account = "${AWS::AccountId}"
	}
	return "arn:aws:sqs:" + region + ":" + account + ":" + name
}

// queueNameOf returns the last path element of a queue URL.
func queueNameOf(u string) string {
	return u[strings.LastIndex(u, "/")+1:]
}

// refARNs builds the ARN pattern of a resource of the manifest from a Ref
// (attr "") or a GetAtt.
func refARNs(c *rawCall, role, id, attr string, idx *resIndex) []string {
	svc := c.svc.key
	if attr == "Arn" || (attr == "" && refIsARN[svc]) {
		base := "${" + id + ".Arn}"
		if attr == "" {
			base = "${" + id + "}"
		}
		return []string{refSuffix(c, role, base)}
	}
	if attr == "" {
		switch svc {
		case "s3":
			return []string{refSuffix(c, role, "arn:aws:s3:::${"+id+"}")}
		case "ssm":
			sep := "/"
			if idx != nil && idx.slashParams[id] {
				sep = ""
			}
			return []string{"arn:aws:ssm:" + regionAccount + ":parameter" + sep + "${" + id + "}"}
		case "states", "stepfunctions":
			return []string{"${" + id + "}"}
		}
		return []string{refSuffix(c, role, "${"+id+".Arn}")}
	}
	switch {
	case svc == "sqs" && attr == "QueueName":
		return []string{"arn:aws:sqs:" + regionAccount + ":${" + id + ".QueueName}"}
	case svc == "sqs" && attr == "QueueUrl":
		return []string{"${" + id + ".Arn}"}
	case svc == "sns" && attr == "TopicArn":
		return []string{"${" + id + ".TopicArn}"}
	case svc == "sns" && attr == "TopicName":
		return []string{"arn:aws:sns:" + regionAccount + ":${" + id + ".TopicName}"}
	case svc == "dynamodbstreams" && attr == "StreamArn":
		return []string{"${" + id + ".StreamArn}"}
	}
	return []string{anyResource}
}

// refIsARN lists the services whose resources' Ref is their ARN.
var refIsARN = map[string]bool{"sns": true, "secretsmanager": true, "stepfunctions": true}

// refSuffix adds the object, index or stream part to a referenced ARN.
func refSuffix(c *rawCall, role, base string) string {
	switch {
	case c.svc.key == "s3" && (role == "object" || role == "source"):
		return base + "/*"
	case c.svc.key == "dynamodb":
		return dynamoSuffix(c, role, base)
	}
	return base
}
