package cloudformation

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// restAuthTypes maps API Gateway AuthorizationType values to auth kinds.
var restAuthTypes = map[string]string{
	"NONE": authNone, "AWS_IAM": authIAM, "COGNITO_USER_POOLS": authCognito, "CUSTOM": authCustom, "JWT": authJWT,
}

// wireRestMethod reads an AWS::ApiGateway::Method whose integration invokes
// the function: an HTTP route of a REST API.
func (t *template) wireRestMethod(en cfgtree.Entry, p *cfgtree.Node) {
	tr := model.Trigger{Type: "http", Source: t.loc(en.Line)}
	setDetail(&tr, "method", strings.ToUpper(t.ev.Eval(p.Get("HttpMethod")).Text))
	setDetail(&tr, "path", t.restPath(t.ev.Eval(p.Get("ResourceId"))))
	api := t.ev.Eval(p.Get("RestApiId"))
	setDetail(&tr, "api", api.Name())
	setDetail(&tr, "authorizer", t.detail(p.Get("AuthorizerId")))
	private := false
	if t.typeOf(api.Ref) == "AWS::ApiGateway::RestApi" {
		private = t.privateEndpoint(t.props(api.Ref).Get("EndpointConfiguration"))
	}
	if private {
		setDetail(&tr, "private", "true")
	}
	if p.Get("RequestValidatorId") != nil {
		setDetail(&tr, detailValidation, "validator")
	}
	t.restThrottle(&tr, api, nil)
	t.applyRouteAuth(&tr, p.Get("AuthorizationType"), boolProp(t.ev, p.Get("ApiKeyRequired")), private)
	t.addTrigger(t.ev.Eval(p.Path("Integration", "Uri")), tr)
}

// applyRouteAuth sets the auth of a route from its AuthorizationType (NONE when
// absent).
func (t *template) applyRouteAuth(tr *model.Trigger, authType *cfgtree.Node, apiKey, private bool) {
	v := lit("NONE")
	if authType != nil {
		v = t.ev.Eval(authType)
	}
	kind, ok := restAuthTypes[strings.ToUpper(v.Text)]
	if !v.Resolved || !ok {
		setDetail(tr, "authorizationType", v.Text)
		return
	}
	tr.Auth, tr.Public = routeAuth(kind, apiKey, private)
}

// restPath rebuilds a REST API resource path from the AWS::ApiGateway::Resource
// chain (ParentId up to the API's RootResourceId); "" when it cannot.
func (t *template) restPath(v Value) string {
	var parts []string
	for i := 0; i < 64; i++ {
		if v.Attr == "RootResourceId" {
			return "/" + strings.Join(parts, "/")
		}
		if v.Ref == "" || t.typeOf(v.Ref) != "AWS::ApiGateway::Resource" {
			return ""
		}
		p := t.props(v.Ref)
		parts = append([]string{t.ev.Eval(p.Get("PathPart")).Text}, parts...)
		v = t.ev.Eval(p.Get("ParentId"))
	}
	return ""
}

// wireRoute reads an AWS::ApiGatewayV2::Route whose integration invokes the
// function: an HTTP API or WebSocket route.
func (t *template) wireRoute(en cfgtree.Entry, p *cfgtree.Node) {
	var fn Value
	for _, id := range t.ev.Eval(p.Get("Target")).Refs {
		if t.typeOf(id) == "AWS::ApiGatewayV2::Integration" {
			fn = t.ev.Eval(t.props(id).Get("IntegrationUri"))
		}
	}
	api := t.ev.Eval(p.Get("ApiId"))
	tr := model.Trigger{Type: "httpApi", Source: t.loc(en.Line)}
	if t.ev.Eval(t.props(api.Ref).Get("ProtocolType")).Text == "WEBSOCKET" {
		tr.Type = "websocket"
	}
	key := t.ev.Eval(p.Get("RouteKey")).Text
	if method, path, ok := strings.Cut(key, " "); ok {
		setDetail(&tr, "method", strings.ToUpper(method))
		setDetail(&tr, "path", path)
	} else {
		setDetail(&tr, "route", key)
	}
	setDetail(&tr, "api", api.Name())
	setDetail(&tr, "authorizer", t.detail(p.Get("AuthorizerId")))
	t.httpAPIThrottle(&tr, api, nil)
	t.applyRouteAuth(&tr, p.Get("AuthorizationType"), boolProp(t.ev, p.Get("ApiKeyRequired")), false)
	t.addTrigger(fn, tr)
}

// wireQuickAPI reads an HTTP API created with a Target: every route goes
// to the function, without auth.
func (t *template) wireQuickAPI(en cfgtree.Entry, p *cfgtree.Node) {
	target := p.Get("Target")
	if target == nil {
		return
	}
	tr := model.Trigger{Type: "httpApi", Source: t.loc(en.Line), Auth: authNone, Public: true}
	setDetail(&tr, "method", "ANY")
	setDetail(&tr, "path", "$default")
	setDetail(&tr, "api", en.Key)
	t.addTrigger(t.ev.Eval(target), tr)
}

// wireTargetGroup reads an ALB target group of type lambda.
func (t *template) wireTargetGroup(en cfgtree.Entry, p *cfgtree.Node) {
	if t.ev.Eval(p.Get("TargetType")).Text != "lambda" {
		return
	}
	for _, tg := range p.Get("Targets").List() {
		tr := model.Trigger{Type: "alb", Source: t.loc(en.Line)}
		setDetail(&tr, "targetGroup", en.Key)
		t.addTrigger(t.ev.Eval(tg.Get("Id")), tr)
	}
}
