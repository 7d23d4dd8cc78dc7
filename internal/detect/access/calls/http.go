package calls

import (
	"regexp"
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// endpoint is one HTTP route of a function, as path patterns.
type endpoint struct {
	fn       *model.Function
	trig     model.Trigger
	azure    bool
	patterns []string
	literals map[string]bool
}

// routeParam matches a route parameter: {id}, {id?}, {id:int}, {*rest},
// {proxy+}.
var routeParam = regexp.MustCompile(`\{[^{}]*\}`)

// endpoints lists the routes of every function with an HTTP trigger
// served by API Gateway or Azure Functions.
func endpoints(fns []*model.Function) []endpoint {
	var out []endpoint
	for _, fn := range fns {
		for _, t := range fn.Triggers {
			if ep, ok := newEndpoint(fn, t); ok {
				out = append(out, ep)
			}
		}
	}
	return out
}

func newEndpoint(fn *model.Function, t model.Trigger) (endpoint, bool) {
	var route string
	switch {
	case t.Type == "httpTrigger":
		route = t.Details["route"]
	case t.Type == "http" || t.Type == "httpApi":
		route = t.Details["path"]
	default:
		return endpoint{}, false
	}
	route = strings.ToLower(strings.TrimSpace(route))
	if route == "" || route == "*" || strings.Contains(route, "${") || strings.Contains(route, "(") {
		return endpoint{}, false
	}
	route = "/" + strings.Trim(route, "/")
	ep := endpoint{fn: fn, trig: t, azure: t.Type == "httpTrigger", literals: map[string]bool{}}
	ep.patterns = []string{routeParam.ReplaceAllString(route, "*")}
	if i := strings.LastIndex(route, "/"); i >= 0 && strings.HasSuffix(route, "?}") && routeParam.MatchString(route[i:]) {
		ep.patterns = append(ep.patterns, routeParam.ReplaceAllString(route[:i], "*"))
	}
	for _, seg := range strings.Split(route, "/") {
		if seg != "" && !strings.Contains(seg, "{") && seg != "api" {
			ep.literals[seg] = true
		}
	}
	return ep, len(ep.literals) > 0
}

// splitURL returns a URL's host and path (query and fragment dropped); ok
// is false for a relative URL, whose server clad cannot know.
func splitURL(u string) (host, p string, ok bool) {
	u = strings.ToLower(collapse(u))
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	rest := u
	if i := strings.Index(u, "://"); i >= 0 {
		scheme := u[:i]
		if scheme != "http" && scheme != "https" && !strings.Contains(scheme, "*") {
			return "", "", false
		}
		rest = u[i+3:]
	} else if strings.HasPrefix(u, "/") || u == "" {
		return "", "", false
	}
	host, p, _ = strings.Cut(rest, "/")
	p = "/" + p
	if strings.HasSuffix(host, "*") {
		p = "*" + p // an unknown base may carry a path of its own
	}
	return host, p, true
}

// hostFits reports a host that may serve the endpoint: unknown, the
// platform's own domain, or a local development host.
func hostFits(host string, ep endpoint) bool {
	if strings.Contains(host, "*") {
		return true
	}
	name, _, _ := strings.Cut(host, ":")
	switch name {
	case "localhost", "127.0.0.1", "0.0.0.0", "[":
		return true
	}
	if ep.azure {
		return strings.HasSuffix(name, ".azurewebsites.net")
	}
	return strings.Contains(name, ".execute-api.") && strings.HasSuffix(name, ".amazonaws.com")
}

// matches reports whether a URL reaches the endpoint. The path must agree
// with the route and share a literal segment with it beyond "api", so a
// URL known only as "https://host/*" reaches nothing.
func matches(u string, ep endpoint) bool {
	host, p, ok := splitURL(u)
	if !ok || !hostFits(host, ep) {
		return false
	}
	paths := []string{p}
	if !ep.azure && strings.Contains(host, "execute-api") {
		if rest := strings.SplitN(strings.TrimPrefix(p, "/"), "/", 2); len(rest) == 2 {
			paths = append(paths, "/"+rest[1]) // the stage
		}
	}
	for _, cand := range paths {
		if !shareLiteral(cand, ep) {
			continue
		}
		for _, pat := range ep.patterns {
			if Overlap(cand, pat) {
				return true
			}
		}
	}
	return false
}

// shareLiteral reports a literal path segment the URL and the route share.
func shareLiteral(p string, ep endpoint) bool {
	for _, seg := range strings.Split(p, "/") {
		if seg != "" && !strings.Contains(seg, "*") && ep.literals[seg] {
			return true
		}
	}
	return false
}

// keyAuth reports an authentication level whose only secret is a key
// shared with callers: an Azure function or master key, an API Gateway
// API key.
func keyAuth(auth string) bool {
	switch auth {
	case "function", "admin", "private", "api-key":
		return true
	}
	return false
}

// unknownHost reports a URL whose host clad could not evaluate.
func unknownHost(u string) bool {
	host, _, ok := splitURL(u)
	return ok && strings.Contains(host, "*")
}
