package cloudformation

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// Auth values (see model.Function.Auth).
const (
	authNone    = "none"
	authIAM     = "iam"
	authCognito = "cognito"
	authJWT     = "jwt"
	authCustom  = "custom"
	authAPIKey  = "api-key"
	authPrivate = "private"
)

// Implicit APIs SAM creates for events without RestApiId/ApiId.
const (
	implicitRestAPI = "ServerlessRestApi"
	implicitHTTPAPI = "ServerlessHttpApi"
)

// apiEvent reads a SAM Api event: the route, and the auth it gets from the
// event's own Auth or the API's (the AWS::Serverless::Api it names, or the
// implicit API, both under Globals.Api).
func (t *template) apiEvent(tr *model.Trigger, p *cfgtree.Node) {
	tr.Type = "http"
	setDetail(tr, "method", strings.ToUpper(t.ev.Eval(p.Get("Method")).Text))
	setDetail(tr, "path", t.ev.Eval(p.Get("Path")).Text)
	api := t.apiRef(p.Get("RestApiId"), implicitRestAPI)
	setDetail(tr, "api", api.Name())
	props := mergeGlobals(t.root.Path("Globals", "Api"), t.apiProps(api, "AWS::Serverless::Api"))
	auth := props.Get("Auth")
	own := p.Get("Auth")
	apiKey := boolProp(t.ev, own.Get("ApiKeyRequired"), auth.Get("ApiKeyRequired"))
	private := t.privateEndpoint(props.Get("EndpointConfiguration"))
	if private {
		setDetail(tr, "private", "true")
	}
	t.restCors(tr, props.Get("Cors"))
	t.apiValidation(tr, p)
	t.restThrottle(tr, api, props)
	t.applyAuth(tr, own.Get("Authorizer"), auth, apiKey, private)
}

// httpAPIEvent reads a SAM HttpApi event, with the HttpApi's default auth.
func (t *template) httpAPIEvent(tr *model.Trigger, p *cfgtree.Node) {
	tr.Type = "httpApi"
	method := strings.ToUpper(t.ev.Eval(p.Get("Method")).Text)
	path := t.ev.Eval(p.Get("Path")).Text
	if method == "" {
		method = "ANY"
	}
	if path == "" {
		path = "$default"
	}
	setDetail(tr, "method", method)
	setDetail(tr, "path", path)
	api := t.apiRef(p.Get("ApiId"), implicitHTTPAPI)
	setDetail(tr, "api", api.Name())
	props := mergeGlobals(t.root.Path("Globals", "HttpApi"), t.apiProps(api, "AWS::Serverless::HttpApi"))
	t.corsConfig(tr, props.Get("CorsConfiguration"))
	t.httpAPIThrottle(tr, api, props)
	t.applyAuth(tr, p.Path("Auth", "Authorizer"), props.Get("Auth"), false, false)
}

// applyAuth sets a route's auth from its own authorizer (or the API's
// DefaultAuthorizer); "NONE" means none.
func (t *template) applyAuth(tr *model.Trigger, own, apiAuth *cfgtree.Node, apiKey, private bool) {
	name := t.ev.Eval(own)
	if own == nil {
		name = t.ev.Eval(apiAuth.Get("DefaultAuthorizer"))
	}
	if !name.Resolved {
		setDetail(tr, "authorizer", name.Text)
		return // auth depends on a value clad cannot know
	}
	kind := authorizerKind(name.Text, apiAuth.Get("Authorizers"))
	if kind != authNone {
		setDetail(tr, "authorizer", name.Text)
	}
	tr.Auth, tr.Public = routeAuth(kind, apiKey, private)
}

// apiRef evaluates RestApiId/ApiId, naming SAM's implicit API when absent.
func (t *template) apiRef(n *cfgtree.Node, implicit string) Value {
	if n == nil {
		return lit(implicit)
	}
	return t.ev.Eval(n)
}

// apiProps returns the Properties of the API resource v refers to.
func (t *template) apiProps(v Value, typ string) *cfgtree.Node {
	if v.Ref != "" && t.typeOf(v.Ref) == typ {
		return t.props(v.Ref)
	}
	return nil
}

// authorizerKind classifies an authorizer by name: NONE, AWS_IAM, or an
// entry of the API's Authorizers.
func authorizerKind(name string, authorizers *cfgtree.Node) string {
	switch name {
	case "", "NONE":
		return authNone
	case "AWS_IAM":
		return authIAM
	}
	a := authorizers.Get(name)
	switch {
	case a.Get("UserPoolArn") != nil:
		return authCognito
	case a.Get("JwtConfiguration") != nil:
		return authJWT
	}
	return authCustom
}

// routeAuth combines an authorizer kind with API keys and private endpoints.
func routeAuth(kind string, apiKey, private bool) (auth string, public bool) {
	if kind != authNone {
		return kind, false
	}
	switch {
	case apiKey:
		return authAPIKey, false
	case private:
		return authPrivate, false
	}
	return authNone, true
}

// privateEndpoint reads EndpointConfiguration ("PRIVATE", {Type: PRIVATE}
// or {Types: [PRIVATE]}).
func (t *template) privateEndpoint(n *cfgtree.Node) bool {
	var vals []Value
	switch {
	case isPlain(n, cfgtree.Map):
		vals = append(t.ev.Eval(n.Get("Type")).Flat(), t.ev.Eval(n.Get("Types")).Flat()...)
	case n != nil:
		vals = t.ev.Eval(n).Flat()
	}
	for _, v := range vals {
		if v.Resolved && strings.EqualFold(v.Text, "PRIVATE") {
			return true
		}
	}
	return false
}

// boolProp evaluates the first present boolean property.
func boolProp(ev *evaluator, nodes ...*cfgtree.Node) bool {
	for _, n := range nodes {
		if n == nil {
			continue
		}
		v := ev.Eval(n)
		return v.Resolved && strings.EqualFold(v.Text, "true")
	}
	return false
}

// setDetail sets a trigger detail unless the value is empty.
func setDetail(tr *model.Trigger, key, value string) {
	if value == "" {
		return
	}
	if tr.Details == nil {
		tr.Details = map[string]string{}
	}
	tr.Details[key] = value
}
