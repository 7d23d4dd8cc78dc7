package cloudformation

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// A function used as an API Gateway Lambda authorizer runs on every request
// to the routes it guards, before any authentication is decided: whoever
// can send a request reaches it. It gets a trigger of type "authorizer".

// Authorizer trigger type and kinds.
const (
	typeAuthorizer = "authorizer"
	kindToken      = "TOKEN"
	kindRequest    = "REQUEST"
)

// samAuthorizers reads the Lambda authorizers of SAM APIs (Auth.Authorizers
// entries with a FunctionArn), Globals included; the implicit APIs count
// when some event uses them.
func (t *template) samAuthorizers() {
	apis := []struct{ typ, globals, implicit string }{
		{"AWS::Serverless::Api", "Api", implicitRestAPI},
		{"AWS::Serverless::HttpApi", "HttpApi", implicitHTTPAPI},
	}
	for _, a := range apis {
		global := t.root.Path("Globals", a.globals)
		for _, en := range t.resourcesOfType(a.typ) {
			props := mergeGlobals(global, t.props(en.Key))
			t.samAPIAuthorizers(en.Key, props.Path("Auth", "Authorizers"), a.typ == "AWS::Serverless::Api")
		}
		if t.usesAPI(a.implicit) {
			t.samAPIAuthorizers(a.implicit, global.Path("Auth", "Authorizers"), a.typ == "AWS::Serverless::Api")
		}
	}
}

// usesAPI reports whether some function has a route on the API.
func (t *template) usesAPI(api string) bool {
	for _, f := range t.fns {
		for _, tr := range f.Triggers {
			if tr.Details["api"] == api && (tr.Type == "http" || tr.Type == "httpApi") {
				return true
			}
		}
	}
	return false
}

// samAPIAuthorizers adds a trigger to the function of each Lambda
// authorizer of one API. A REST API authorizer is TOKEN unless
// FunctionPayloadType says REQUEST; an HTTP API one always reads the
// request.
func (t *template) samAPIAuthorizers(api string, auths *cfgtree.Node, rest bool) {
	if !isPlain(auths, cfgtree.Map) {
		return
	}
	for _, en := range auths.Entries {
		a := en.Value
		if !isPlain(a, cfgtree.Map) || a.Get("FunctionArn") == nil {
			continue // Cognito and JWT authorizers run no function
		}
		kind, identity := kindRequest, ""
		if rest && !strings.EqualFold(t.ev.Eval(a.Get("FunctionPayloadType")).Text, kindRequest) {
			kind, identity = kindToken, "Authorization"
			if h := t.ev.Eval(a.Path("Identity", "Header")); h.Resolved && h.Text != "" {
				identity = h.Text
			}
		}
		if hs := a.Path("Identity", "Headers"); hs != nil {
			identity = t.detail(hs)
		}
		tr := authorizerTrigger(api, en.Key, kind, identity, t.loc(en.Line))
		t.addTrigger(t.ev.Eval(a.Get("FunctionArn")), tr)
	}
}

// wireRestAuthorizer reads an AWS::ApiGateway::Authorizer of type TOKEN or
// REQUEST.
func (t *template) wireRestAuthorizer(en cfgtree.Entry, p *cfgtree.Node) {
	kind := strings.ToUpper(t.ev.Eval(p.Get("Type")).Text)
	if kind != kindToken && kind != kindRequest {
		return // COGNITO_USER_POOLS
	}
	t.wireAuthorizer(en, p, t.ev.Eval(p.Get("RestApiId")), kind)
}

// wireV2Authorizer reads an AWS::ApiGatewayV2::Authorizer of type REQUEST.
func (t *template) wireV2Authorizer(en cfgtree.Entry, p *cfgtree.Node) {
	if !strings.EqualFold(t.ev.Eval(p.Get("AuthorizerType")).Text, kindRequest) {
		return // JWT
	}
	t.wireAuthorizer(en, p, t.ev.Eval(p.Get("ApiId")), kindRequest)
}

// wireAuthorizer adds the trigger of an authorizer resource to the
// function its AuthorizerUri invokes.
func (t *template) wireAuthorizer(en cfgtree.Entry, p *cfgtree.Node, api Value, kind string) {
	name := t.ev.Eval(p.Get("Name")).Text
	if name == "" {
		name = en.Key
	}
	var sources []string
	for _, v := range t.ev.Eval(p.Get("IdentitySource")).Flat() {
		for _, s := range strings.Split(v.Text, ",") {
			if s = identityHeader(strings.TrimSpace(s)); s != "" {
				sources = append(sources, s)
			}
		}
	}
	tr := authorizerTrigger(api.Name(), name, kind, strings.Join(sources, ","), t.loc(en.Line))
	t.addTrigger(t.ev.Eval(p.Get("AuthorizerUri")), tr)
}

// authorizerTrigger builds the trigger of an authorizer function: public,
// since it runs before any authentication.
func authorizerTrigger(api, name, kind, identity string, at model.Location) model.Trigger {
	tr := model.Trigger{Type: typeAuthorizer, Auth: authNone, Public: true, Source: at}
	setDetail(&tr, "api", api)
	setDetail(&tr, "authorizer", name)
	setDetail(&tr, "kind", kind)
	setDetail(&tr, "identity", identity)
	return tr
}

// identityHeader returns the header an identity source reads, or the
// source itself when it is not a header.
func identityHeader(src string) string {
	for _, prefix := range []string{"method.request.header.", "$request.header.", "route.request.header."} {
		if len(src) > len(prefix) && strings.EqualFold(src[:len(prefix)], prefix) {
			return src[len(prefix):]
		}
	}
	return src
}
