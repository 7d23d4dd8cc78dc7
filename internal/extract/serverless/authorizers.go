package serverless

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// A function of the service used as an API Gateway Lambda authorizer runs
// on every request to the routes it guards, before any authentication is
// decided: whoever can send a request reaches it. It gets a trigger of
// type "authorizer".

// Logical ids of the APIs the framework generates, as an authorizer
// trigger's api detail.
const (
	restAPIID      = "ApiGatewayRestApi"
	httpAPIID      = "HttpApi"
	websocketAPIID = "WebsocketsApi"
)

// Trigger type and detail keys of an authorizer trigger.
const (
	typeAuthorizer = "authorizer"
	kindToken      = "TOKEN"
	kindRequest    = "REQUEST"
)

// authRef is a function of the service used as an authorizer.
type authRef struct {
	fn, api, name, kind, identity string
	loc                           model.Location
}

// noteRestAuthorizer records the function an http event's authorizer
// names (authorizer: fn, or {name: fn} without arn or authorizerId).
func (b *builder) noteRestAuthorizer(a *cfgtree.Node) {
	name, kind, identity := a, kindToken, "Authorization"
	if !isShort(a) {
		if isSet(a.Get("arn")) || isSet(a.Get("authorizerId")) {
			return
		}
		name = a.Get("name")
		switch typ := strings.ToUpper(a.Get("type").Str()); typ {
		case "", kindToken:
		case kindRequest:
			kind, identity = kindRequest, ""
		default: // aws_iam, cognito_user_pools
			return
		}
		if n := a.Get("identitySource"); isSet(n) {
			identity = b.s.identityText(n)
		}
	}
	b.s.noteAuthorizer(name, restAPIID, kind, identity, b.s.r.loc(a))
}

// noteWebsocketAuthorizer records the function a $connect route's
// authorizer names.
func (b *builder) noteWebsocketAuthorizer(a *cfgtree.Node) {
	identity := ""
	if !isShort(a) {
		if isSet(a.Get("arn")) {
			return
		}
		if n := a.Get("identitySource"); isSet(n) {
			identity = b.s.identityText(n)
		}
	}
	b.s.noteAuthorizer(authorizerName(a), websocketAPIID, kindRequest, identity, b.s.r.loc(a))
}

// noteAuthorizer records a reference by name to a function of the service.
func (s *service) noteAuthorizer(name *cfgtree.Node, api, kind, identity string, at model.Location) {
	fn, c := s.rd.render(name)
	fn = strings.TrimSpace(fn)
	if !c.known() || fn == "" || strings.Contains(fn, ":") || strings.EqualFold(fn, "aws_iam") {
		return // an ARN, IAM, or a value clad cannot know
	}
	s.authRefs = append(s.authRefs, authRef{fn: fn, api: api, name: fn, kind: kind, identity: identity, loc: at})
}

// noteHTTPAPIAuthorizers records the Lambda authorizers declared under
// provider.httpApi.authorizers with a functionName.
func (s *service) noteHTTPAPIAuthorizers() {
	auths := s.provSetting("httpApi", "authorizers")
	if auths == nil || auths.Kind != cfgtree.Map {
		return
	}
	for _, e := range auths.Entries {
		fn := e.Value.Get("functionName")
		if !isSet(fn) {
			continue
		}
		name, c := s.rd.render(fn)
		if !c.known() || name == "" {
			continue
		}
		identity := ""
		if n := e.Value.Get("identitySource"); isSet(n) {
			identity = s.identityText(n)
		}
		s.authRefs = append(s.authRefs, authRef{fn: name, api: httpAPIID, name: e.Key, kind: kindRequest,
			identity: identity, loc: model.Location{File: s.r.fileOf(auths), Line: e.Line}})
	}
}

// identityText renders identity sources, a header source by its header
// name ("method.request.header.Authorization" → "Authorization").
func (s *service) identityText(n *cfgtree.Node) string {
	var parts []string
	items := n.Items
	if n.Kind != cfgtree.Seq {
		items = []*cfgtree.Node{n}
	}
	for _, it := range items {
		v, _ := s.rd.render(it)
		for _, src := range strings.Split(v, ",") {
			if src = identityHeader(strings.TrimSpace(src)); src != "" {
				parts = append(parts, src)
			}
		}
	}
	return strings.Join(parts, ",")
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

// addAuthorizerTriggers gives each function used as an authorizer its
// trigger, once per API and authorizer.
func (s *service) addAuthorizerTriggers(fns []*model.Function) {
	s.noteHTTPAPIAuthorizers()
	byName := map[string]*model.Function{}
	for _, f := range fns {
		byName[f.Name] = f
	}
	seen := map[string]bool{}
	for _, r := range s.authRefs {
		f := byName[r.fn]
		key := r.fn + "\x00" + r.api + "\x00" + r.name
		if f == nil || seen[key] {
			continue
		}
		seen[key] = true
		t := model.Trigger{Type: typeAuthorizer, Auth: authNone, Public: true, Source: r.loc,
			Details: map[string]string{"api": r.api, "authorizer": r.name, "kind": r.kind}}
		if r.identity != "" {
			t.Details["identity"] = r.identity
		}
		f.Triggers = append(f.Triggers, t)
		f.Public, f.Auth = true, authNone
	}
}
