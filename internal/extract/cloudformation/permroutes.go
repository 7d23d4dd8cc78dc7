package cloudformation

import (
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// A Lambda permission for API Gateway whose SourceArn names one route
// ("arn:aws:execute-api:…:api/*/GET/notes") says the function serves that
// route even when the API itself is defined elsewhere (an OpenAPI body,
// another stack). It becomes an http (or httpApi) trigger when no other
// trigger of the function describes the route.

// routePermission is a permission read as a route, waiting for every other
// trigger to be known.
type routePermission struct {
	fn string // logical id of the function
	tr model.Trigger
}

// apiTypes maps API resource types to the trigger type of their routes.
var apiTypes = map[string]string{
	"AWS::ApiGateway::RestApi": "http", "AWS::Serverless::Api": "http",
	"AWS::ApiGatewayV2::Api": "httpApi", "AWS::Serverless::HttpApi": "httpApi",
}

// permissionRoute reads the route of an API Gateway permission's
// SourceArn; false for a permission that names no single route (every
// route "/*/*", an authorizer "/authorizers/*").
func (t *template) permissionRoute(perm model.Trigger, sourceArn Value) (model.Trigger, bool) {
	if !strings.HasPrefix(perm.Details["principal"], "apigateway.") {
		return model.Trigger{}, false
	}
	method, route, ok := executeAPIRoute(sourceArn.Text)
	if !ok {
		return model.Trigger{}, false
	}
	tr := model.Trigger{Type: "http", Source: perm.Source}
	for _, id := range sourceArn.Refs {
		if typ, isAPI := apiTypes[t.typeOf(id)]; isAPI {
			tr.Type = typ
			if t.ev.Eval(t.props(id).Get("ProtocolType")).Text == "WEBSOCKET" {
				tr.Type = "websocket"
			}
			setDetail(&tr, "api", id)
			break
		}
	}
	setDetail(&tr, "method", method)
	setDetail(&tr, "path", route)
	setDetail(&tr, "sourceArn", perm.Details["sourceArn"])
	return tr, true
}

// executeAPIRoute splits an execute-api ARN ("…:execute-api:region:account:
// api/stage/METHOD/path") into its method and path. The method "*" reads
// ANY; a path of wildcards only names no route.
func executeAPIRoute(arn string) (method, route string, ok bool) {
	i := strings.Index(arn, "execute-api:")
	if i < 0 {
		return "", "", false
	}
	parts := strings.Split(arn[i:], "/")
	if len(parts) < 4 || parts[1] == "authorizers" {
		return "", "", false
	}
	method = strings.ToUpper(parts[2])
	if method == "*" || method == "" {
		method = "ANY"
	}
	path := parts[3:]
	concrete := false
	for _, p := range path {
		concrete = concrete || (p != "*" && p != "")
	}
	if !concrete {
		return "", "", false
	}
	return method, "/" + strings.Join(path, "/"), true
}

// addRoutePermissions adds each permission route no other trigger of its
// function describes.
func (t *template) addRoutePermissions() {
	for _, rp := range t.routePerms {
		f := t.fns[rp.fn]
		if f != nil && !describesRoute(f.Triggers, rp.tr) {
			f.Triggers = append(f.Triggers, rp.tr)
		}
	}
}

// describesRoute reports whether an HTTP-like trigger serves the route of
// tr: same method (or ANY on either side), same path once path parameters
// and wildcards are made alike, same API when both name one.
func describesRoute(trs []model.Trigger, tr model.Trigger) bool {
	for _, o := range trs {
		if o.Type != "http" && o.Type != "httpApi" && o.Type != "websocket" {
			continue
		}
		if api := o.Details["api"]; api != "" && tr.Details["api"] != "" && api != tr.Details["api"] {
			continue
		}
		m1, m2 := strings.ToUpper(o.Details["method"]), tr.Details["method"]
		if m1 != m2 && m1 != "ANY" && m1 != "*" && m2 != "ANY" {
			continue
		}
		if routeShape(o.Details["path"]) == routeShape(tr.Details["path"]) {
			return true
		}
	}
	return false
}

// routeShape normalises a route path for comparison: leading "/", no
// trailing "/", every parameter ({id}, {proxy+}) and wildcard as "*".
func routeShape(p string) string {
	segs := strings.Split(strings.Trim(p, "/"), "/")
	for i, s := range segs {
		if s == "*" || (strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}")) {
			segs[i] = "*"
		}
	}
	return "/" + strings.Join(segs, "/")
}
