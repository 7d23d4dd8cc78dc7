// Package validation reports public REST API endpoints that accept requests
// without the schema or parameter validation API Gateway offers, one
// finding per service so a project with many endpoints is not flooded.
package validation

import (
	"context"
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/detect"
	"github.com/cladsec/clad/internal/detect/access/fnmap"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// Rule is the documented check.
var Rule = finding.Rule{
	ID:       "access/no-request-validation",
	Category: finding.Access,
	Severity: finding.SeverityLow,
	Title:    "Public REST endpoints without request validation",
	CWE:      []string{"CWE-20"},
	Why:      "API Gateway can reject malformed requests before they reach the function; without a schema every anonymous payload runs the function.",
	Doc: `API Gateway REST APIs validate request bodies against a JSON schema and check
required parameters before invoking the function (Serverless Framework
http events with request.schemas or request.parameters, SAM Api events with
RequestModel or RequestParameters with Required, CloudFormation methods with
a RequestValidatorId). Validation at the edge is defence in depth: a payload
of the wrong shape (an array where a string is expected, an extra
__proto__ key) never reaches the handler, and the function is not billed for
it. clad reports anonymous REST endpoints without it, one finding per
service: low when an endpoint takes a body (POST, PUT, PATCH, ANY), info for
read-only endpoints with path parameters (a read-only endpoint without any,
such as GET /, has nothing to validate and is left out). HTTP APIs, ALBs, function URLs and Azure HTTP triggers
have no such feature and are not reported; validate in code there.`,
	Fix:  "Add request.schemas (Serverless) or RequestModel with ValidateBody (SAM) for bodies, and mark required path, query and header parameters.",
	Bad:  "- http:\n    path: orders\n    method: post",
	Good: "- http:\n    path: orders\n    method: post\n    request:\n      schemas:\n        application/json: ${file(schemas/order.json)}",
}

// Detector implements detect.Detector.
type Detector struct{}

// New returns the detector.
func New() *Detector { return &Detector{} }

// Name implements detect.Detector.
func (*Detector) Name() string { return "request-validation" }

// Category implements detect.Detector.
func (*Detector) Category() finding.Category { return finding.Access }

// Rules implements detect.Detector.
func (*Detector) Rules() []finding.Rule { return []finding.Rule{Rule} }

// Detect implements detect.Detector.
func (*Detector) Detect(ctx context.Context, in *detect.Input, report func(finding.Finding)) error {
	for _, g := range fnmap.ByManifest(in.Project.Functions) {
		if err := ctx.Err(); err != nil {
			return err
		}
		if f, ok := check(g); ok {
			report(f)
		}
	}
	return nil
}

// check collects a service's unvalidated public REST endpoints.
func check(g fnmap.Group) (finding.Finding, bool) {
	var first *model.Trigger
	var endpoints []string
	var ids []string
	body := false
	for _, fn := range g.Functions {
		if fn.Disabled || fn.Provider != model.AWS {
			continue // request validation is an API Gateway feature
		}
		hit := false
		for i, t := range fn.Triggers {
			if t.Type != "http" || !t.Public || fnmap.Detail(t, "validation") != "" || nothingToValidate(t) {
				continue
			}
			if first == nil {
				first = &fn.Triggers[i]
			}
			hit = true
			endpoints = append(endpoints, fnmap.Endpoint(t))
			body = body || takesBody(fnmap.Detail(t, "method"))
		}
		if hit {
			ids = append(ids, fn.ID)
		}
	}
	if first == nil {
		return finding.Finding{}, false
	}
	f := Rule.New()
	if !body {
		f.Severity = finding.SeverityInfo
	}
	f.File, f.Line = first.Source.File, first.Source.Line
	f.Functions = ids
	f.Evidence = strings.Join(endpoints, ", ")
	f.Key = g.Manifest
	f.Message = fmt.Sprintf("%s has %s anonymous REST %s without a request schema or required parameters: %s. API Gateway passes every payload to the function.",
		capitalize(g.Kind()), count(len(endpoints)), plural(len(endpoints), "endpoint", "endpoints"), strings.Join(endpoints, ", "))
	return f, true
}

// nothingToValidate reports a read-only endpoint without path parameters
// (GET /, GET /hello): no body and no parameter API Gateway could check.
func nothingToValidate(t model.Trigger) bool {
	return !takesBody(fnmap.Detail(t, "method")) && !strings.Contains(fnmap.Detail(t, "path"), "{")
}

// takesBody reports methods that carry a request body.
func takesBody(method string) bool {
	switch strings.ToUpper(method) {
	case "GET", "HEAD", "OPTIONS", "DELETE":
		return false
	}
	return true
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func count(n int) string { return fmt.Sprint(n) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
