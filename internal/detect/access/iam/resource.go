package iam

import (
	"regexp"
	"strings"
)

// placeholder matches a ${...} substitution (CloudFormation Sub, Serverless
// variables), which names one thing and may itself contain colons.
var placeholder = regexp.MustCompile(`\$\{[^{}]*\}`)

// stripPlaceholders replaces every placeholder, innermost first, by "{ref}".
func stripPlaceholders(r string) string {
	for i := 0; i < 8 && strings.Contains(r, "${"); i++ {
		next := placeholder.ReplaceAllString(r, "{ref}")
		if next == r {
			break
		}
		r = next
	}
	return r
}

// Scope says how much of an account a resource covers, from narrowest.
type Scope int

// Resource scopes.
const (
	// Specific names one resource (or the objects, indexes, versions of
	// one): "table/orders", "table/orders/index/*", "bucket/*", a Ref.
	Specific Scope = iota
	// Prefix names resources by a name prefix: "table/orders-*".
	Prefix
	// Service covers every resource of a type: "table/*", "arn:aws:s3:::*".
	Service
	// All is "*" or an ARN whose service is a wildcard.
	All
)

// String names the scope.
func (s Scope) String() string {
	return [...]string{"specific", "prefix", "service", "all"}[s]
}

// noTypeServices have ARNs whose resource part is the bare name (a bucket,
// a queue, a topic).
var noTypeServices = map[string]bool{"s3": true, "sqs": true, "sns": true}

// ResourceScope weighs one resource. References that name a resource of
// the template (Ref(X), GetAtt(X.Arn)) and ${Placeholders} count as the
// specific resource they name.
func ResourceScope(r string) Scope {
	r = stripPlaceholders(strings.TrimSpace(r))
	if r == "*" {
		return All
	}
	if !strings.HasPrefix(r, "arn:") {
		if strings.ContainsAny(r, "*?") && !strings.ContainsAny(r, "({") {
			return Prefix
		}
		return Specific
	}
	parts := strings.SplitN(r, ":", 6)
	if len(parts) < 6 {
		return Specific
	}
	service, res := parts[2], parts[5]
	if strings.ContainsAny(service, "*?") {
		return All
	}
	return nameScope(nameOf(strings.ToLower(service), res))
}

// nameOf returns the resource-name part of an ARN's resource section:
// "orders" of "table/orders/index/*", "bucket" of "bucket/key",
// "my-fn" of "function:my-fn:prod".
func nameOf(service, res string) string {
	if res == "*" || res == "" {
		return res
	}
	if service == "s3" {
		name, _, _ := strings.Cut(res, "/")
		return name
	}
	rest := res
	if !noTypeServices[service] {
		i := strings.IndexAny(res, "/:")
		if i < 0 {
			return res // a type-less resource such as a SQS-like name
		}
		if strings.ContainsAny(res[:i], "*?") {
			return "*" // the type itself is a wildcard
		}
		rest = res[i+1:]
	}
	segs := strings.FieldsFunc(rest, func(r rune) bool { return r == '/' || r == ':' })
	if len(segs) == 0 {
		return "*"
	}
	return segs[0]
}

// nameScope weighs the name part.
func nameScope(name string) Scope {
	switch {
	case strings.Trim(name, "*?") == "":
		return Service
	case strings.HasPrefix(name, "{ref}") || strings.Contains(name, "("):
		return Specific
	case strings.ContainsAny(name, "*?"):
		if strings.IndexAny(name, "*?") == 0 {
			return Service // "*-prod": any name ending so
		}
		return Prefix
	}
	return Specific
}

// Broadest returns the broadest scope of a statement's resources.
func Broadest(resources []string) Scope {
	s := Specific
	for _, r := range resources {
		if rs := ResourceScope(r); rs > s {
			s = rs
		}
	}
	return s
}

// FineOnAnyResource lists actions that either do not support resource-level
// permissions or are harmless on "*", so Resource "*" is how they are
// written: X-Ray segments, CloudWatch metrics, log group creation, the ENI
// actions of VPC functions, and listings.
func FineOnAnyResource(action string) bool {
	a := strings.ToLower(strings.TrimSpace(action))
	if fineOnAny[a] {
		return true
	}
	svc, name, _ := strings.Cut(a, ":")
	switch svc {
	case "xray", "cloudwatch":
		return !strings.HasPrefix(name, "delete")
	case "ec2":
		return strings.HasPrefix(name, "describe")
	}
	return false
}

var fineOnAny = map[string]bool{
	"logs:createloggroup": true, "logs:createlogstream": true, "logs:putlogevents": true,
	"logs:describeloggroups": true, "logs:describelogstreams": true,
	"ec2:createnetworkinterface": true, "ec2:deletenetworkinterface": true,
	"ec2:assignprivateipaddresses": true, "ec2:unassignprivateipaddresses": true,
	"ec2:detachnetworkinterface": true,
	"s3:listallmybuckets":        true, "sqs:listqueues": true, "sns:listtopics": true,
	"lambda:listfunctions": true, "dynamodb:listtables": true, "kms:listkeys": true,
	"kms:listaliases": true, "secretsmanager:listsecrets": true, "secretsmanager:getrandompassword": true,
	"sts:getcalleridentity": true, "ssm:describeparameters": true,
	"cognito-idp:listuserpools": true, "states:liststatemachines": true, "tag:getresources": true,
}
