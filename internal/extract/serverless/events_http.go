package serverless

import (
	"strconv"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// Authentication kinds (see model.Function.Auth).
const (
	authNone    = "none"
	authPrivate = "private" // API Gateway API key (http private: true)
	authCustom  = "custom"  // a Lambda authorizer
	authJWT     = "jwt"
	authCognito = "cognito"
	authIAM     = "iam"
)

// httpEvent reads a REST API (API Gateway v1) endpoint.
func (b *builder) httpEvent(v *cfgtree.Node, d *details) model.Trigger {
	t := model.Trigger{Type: "http"}
	if isShort(v) {
		methodPath(d.set("route", v), d)
		delete(d.m, "route")
	} else {
		d.put("method", strings.ToUpper(d.set("method", v.Get("method"))))
		d.set("path", v.Get("path"))
	}
	private := boolValue(v.Get("private"))
	if private {
		d.put("private", "true")
	}
	if cors := v.Get("cors"); isSet(cors) {
		d.put("cors", corsText(cors, d))
		corsCredentials(cors, d)
	}
	requestValidation(v, d)
	t.Auth = authNone
	switch a := v.Get("authorizer"); {
	case isSet(a):
		t.Auth = restAuthorizer(a, d)
		b.noteRestAuthorizer(a)
	case private:
		t.Auth = authPrivate
	}
	t.Public = t.Auth == authNone
	return t
}

// methodPath splits the one-value form "GET /users/{id}".
func methodPath(s string, d *details) {
	method, p, ok := strings.Cut(strings.TrimSpace(s), " ")
	if !ok {
		d.put("path", method)
		return
	}
	d.put("method", strings.ToUpper(method))
	d.put("path", strings.TrimSpace(p))
}

// corsText renders cors: true or cors: {origin(s): ...}.
func corsText(cors *cfgtree.Node, d *details) string {
	if v, ok := cors.Bool(); ok {
		return map[bool]string{true: "true", false: "false"}[v]
	}
	for _, k := range []string{"origins", "origin", "allowedOrigins"} {
		if o := cors.Get(k); isSet(o) {
			if o.Kind == cfgtree.Seq {
				return strings.Join(d.list(o), ", ")
			}
			s, _ := d.rd.render(o)
			return s
		}
	}
	return "true"
}

// restAuthorizer reads an http event's authorizer: a function name or ARN,
// aws_iam, a Cognito user pool ARN, or a map of those.
func restAuthorizer(a *cfgtree.Node, d *details) string {
	if isShort(a) {
		name := d.set("authorizer", a)
		switch {
		case strings.EqualFold(name, "aws_iam"):
			return authIAM
		case strings.Contains(name, "cognito-idp"):
			return authCognito
		}
		return authCustom
	}
	d.set("authorizer", a.Get("name"))
	typ := strings.ToLower(d.set("authorizerType", a.Get("type")))
	arn := d.set("authorizerArn", a.Get("arn"))
	d.set("authorizerId", a.Get("authorizerId"))
	switch {
	case typ == "aws_iam":
		return authIAM
	case typ == "cognito_user_pools" || strings.Contains(arn, "cognito-idp"):
		return authCognito
	}
	return authCustom
}

// httpAPIEvent reads an HTTP API (API Gateway v2) route.
func (b *builder) httpAPIEvent(v *cfgtree.Node, d *details) model.Trigger {
	t := model.Trigger{Type: "httpApi"}
	if isShort(v) {
		route := strings.TrimSpace(d.set("route", v))
		delete(d.m, "route")
		if route == "*" {
			d.put("method", "*")
			d.put("path", "*")
		} else {
			methodPath(route, d)
		}
	} else {
		d.put("method", strings.ToUpper(d.set("method", v.Get("method"))))
		d.set("path", v.Get("path"))
	}
	b.httpAPICors(d)
	t.Auth = authNone
	if a := v.Get("authorizer"); isSet(a) {
		t.Auth = b.httpAPIAuthorizer(a, d)
	}
	t.Public = t.Auth == authNone
	return t
}

// httpAPIAuthorizer reads {name}, {id} or {type: aws_iam}; a name points to
// provider.httpApi.authorizers, whose type is jwt unless it says request.
func (b *builder) httpAPIAuthorizer(a *cfgtree.Node, d *details) string {
	if isShort(a) {
		return b.namedHTTPAPIAuthorizer(d.set("authorizer", a), d)
	}
	if typ := d.set("authorizerType", a.Get("type")); strings.EqualFold(typ, "aws_iam") {
		return authIAM
	}
	if name := d.set("authorizer", a.Get("name")); name != "" {
		return b.namedHTTPAPIAuthorizer(name, d)
	}
	d.set("authorizerId", a.Get("id"))
	return authCustom
}

func (b *builder) namedHTTPAPIAuthorizer(name string, d *details) string {
	if strings.EqualFold(name, "aws_iam") {
		return authIAM
	}
	decl := b.s.provSetting("httpApi", "authorizers", name)
	if !isSet(decl) {
		return authCustom
	}
	switch typ := strings.ToLower(decl.Get("type").Str()); {
	case typ == "request" || isSet(decl.Get("functionName")) || isSet(decl.Get("functionArn")):
		d.put("authorizerType", "request")
		return authCustom
	default:
		d.put("authorizerType", "jwt")
		d.set("issuerUrl", decl.Get("issuerUrl"))
		return authJWT
	}
}

// websocketEvent reads a WebSocket API route. Only $connect takes an
// authorizer; it guards every other route of the API.
func (b *builder) websocketEvent(v *cfgtree.Node, d *details) model.Trigger {
	t := model.Trigger{Type: "websocket"}
	var route string
	if isShort(v) {
		route = d.set("route", v)
	} else {
		route = d.set("route", v.Get("route"))
	}
	t.Auth = authNone
	switch {
	case route == "$connect" && !isShort(v) && isSet(v.Get("authorizer")):
		d.set("authorizer", authorizerName(v.Get("authorizer")))
		b.noteWebsocketAuthorizer(v.Get("authorizer"))
		t.Auth = authCustom
	case route != "$connect" && b.s.wsConnectAuth != "":
		t.Auth = b.s.wsConnectAuth
	}
	t.Public = t.Auth == authNone
	return t
}

// authorizerName is the name (or ARN) node of an authorizer setting.
func authorizerName(a *cfgtree.Node) *cfgtree.Node {
	if a.Kind == cfgtree.Map && !isIntrinsic(a) {
		if n := a.Get("name"); isSet(n) {
			return n
		}
		return a.Get("arn")
	}
	return a
}

// websocketConnectAuth is the authentication of the service's $connect
// route ("" when none has an authorizer).
func (s *service) websocketConnectAuth(defs []fnDef) string {
	for _, d := range defs {
		for _, ev := range d.def.Get("events").List() {
			ws := ev.Get("websocket")
			if ws != nil && ws.Kind == cfgtree.Map && ws.Get("route").Str() == "$connect" && isSet(ws.Get("authorizer")) {
				return authCustom
			}
		}
	}
	return ""
}

// albEvent reads an Application Load Balancer listener rule; its
// authorizers are declared under provider.alb.authorizers.
func (b *builder) albEvent(v *cfgtree.Node, d *details) model.Trigger {
	t := model.Trigger{Type: "alb", Auth: authNone}
	if isSet(v) && v.Kind == cfgtree.Map {
		d.set("listenerArn", v.Get("listenerArn"))
		d.set("priority", v.Get("priority"))
		for _, k := range []string{"path", "method", "host", "ip"} {
			d.set(k, v.Path("conditions", k))
		}
		if a := v.Get("authorizer"); isSet(a) {
			t.Auth = b.albAuthorizer(a, d)
		}
	}
	t.Public = t.Auth == authNone
	return t
}

func (b *builder) albAuthorizer(a *cfgtree.Node, d *details) string {
	names := a.Strings()
	d.set("authorizer", a)
	auth := ""
	for _, name := range names {
		kind := authCustom
		switch strings.ToLower(b.s.provSetting("alb", "authorizers", name, "type").Str()) {
		case "cognito":
			kind = authCognito
		case "oidc":
			kind = authJWT
		}
		if auth == "" || authRank[kind] < authRank[auth] {
			auth = kind
		}
	}
	if auth == "" {
		return authCustom
	}
	return auth
}

// functionURL reads url: true or url: {authorizer: aws_iam}.
func (b *builder) functionURL() (model.Trigger, bool) {
	u := b.def.Get("url")
	if !isSet(u) {
		return model.Trigger{}, false
	}
	if on, ok := u.Bool(); ok && !on {
		return model.Trigger{}, false
	}
	d := &details{rd: b.s.rd, m: map[string]string{}}
	t := model.Trigger{Type: "url", Auth: authNone, Source: b.keyLocation(b.def, "url")}
	if u.Kind == cfgtree.Map {
		if strings.EqualFold(d.set("authorizer", u.Get("authorizer")), "aws_iam") {
			t.Auth = authIAM
		}
		if cors := u.Get("cors"); isSet(cors) {
			d.put("cors", corsText(cors, d))
			corsCredentials(cors, d)
		}
		d.set("invokeMode", u.Get("invokeMode"))
	}
	if d.unknown {
		b.unresolved("url")
	}
	if len(d.m) > 0 {
		t.Details = d.m
	}
	t.Public = t.Auth == authNone
	return t, true
}

// throttlingPlugin is the plugin that sets API Gateway stage and endpoint
// throttling from the manifest.
const throttlingPlugin = "serverless-api-gateway-throttling"

// accountRateLimit is API Gateway's default steady-state rate per account
// and region (requests per second), which is also the plugin's default: a
// limit at or above it bounds nothing.
const accountRateLimit = 10000

// apiThrottle records, as the "throttle" detail, the rate limit the
// throttling plugin gives an http or httpApi endpoint: its own throttling
// settings, else custom.apiGatewayThrottling (the stage's). Nothing is
// recorded without the plugin, for disabled endpoints, or when the rate is
// not a literal below the account default.
func (b *builder) apiThrottle(v *cfgtree.Node, d *details) {
	listed := false
	for _, p := range b.s.plugins() {
		listed = listed || p == throttlingPlugin
	}
	if !listed {
		return
	}
	var own *cfgtree.Node
	if !isShort(v) {
		own = v.Get("throttling")
	}
	if boolValue(own.Get("disabled")) {
		return
	}
	stage := b.s.doc.Path("custom", "apiGatewayThrottling")
	pick := func(key string) (float64, bool) {
		n := own.Get(key)
		if !isSet(n) {
			n = stage.Get(key)
		}
		if !isSet(n) {
			return 0, false
		}
		text, _ := d.rd.render(n)
		f, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
		return f, err == nil
	}
	rate, ok := pick("maxRequestsPerSecond")
	if !ok || rate < 0 || rate >= accountRateLimit {
		return
	}
	text := "rate " + strconv.FormatFloat(rate, 'f', -1, 64) + "/s"
	if burst, ok := pick("maxConcurrentRequests"); ok {
		text += ", burst " + strconv.FormatFloat(burst, 'f', -1, 64)
	}
	d.put("throttle", text)
}
