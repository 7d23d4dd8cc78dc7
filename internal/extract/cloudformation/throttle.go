package cloudformation

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// accountRateLimit is API Gateway's default steady-state rate per account
// and region (requests per second); a stage or route limit at or above it
// bounds nothing the account did not already bound.
const accountRateLimit = 10000

// throttleDetail is the trigger detail that records an explicit API
// Gateway rate limit on a route ("rate 100/s, burst 50").
const throttleDetail = "throttle"

// restThrottle records the throttling of a REST API route: the
// MethodSettings of the SAM API (sam: its merged properties, nil for raw
// CloudFormation), of AWS::ApiGateway::Stage resources and of
// AWS::ApiGateway::Deployment StageDescriptions of the same API.
func (t *template) restThrottle(tr *model.Trigger, api Value, sam *cfgtree.Node) {
	method, path := tr.Details["method"], tr.Details["path"]
	sources := []*cfgtree.Node{sam.Get("MethodSettings")}
	stageWide := []*cfgtree.Node{}
	if api.Ref != "" {
		for _, en := range t.resourcesOfType("AWS::ApiGateway::Stage") {
			if p := en.Value.Get("Properties"); t.ev.Eval(p.Get("RestApiId")).Ref == api.Ref {
				sources = append(sources, p.Get("MethodSettings"))
			}
		}
		for _, en := range t.resourcesOfType("AWS::ApiGateway::Deployment") {
			if p := en.Value.Get("Properties"); t.ev.Eval(p.Get("RestApiId")).Ref == api.Ref {
				sd := p.Get("StageDescription")
				sources = append(sources, sd.Get("MethodSettings"))
				stageWide = append(stageWide, sd)
			}
		}
	}
	best, bestScore := (*cfgtree.Node)(nil), -1
	for _, list := range sources {
		for _, s := range list.List() {
			if score, ok := t.methodSettingMatch(s, method, path); ok && score > bestScore {
				best, bestScore = s, score
			}
		}
	}
	if best == nil {
		for _, sd := range stageWide {
			if sd.Get("ThrottlingRateLimit") != nil {
				best = sd
			}
		}
	}
	t.setThrottle(tr, best)
}

// methodSettingMatch tells whether a MethodSettings entry covers the route
// and how specifically (exact path and method beat wildcards).
func (t *template) methodSettingMatch(s *cfgtree.Node, method, path string) (int, bool) {
	m := strings.ToUpper(t.ev.Eval(s.Get("HttpMethod")).Text)
	// "/~1items~1{id}" encodes /items/{id}; "/*" is every resource.
	p := t.ev.Eval(s.Get("ResourcePath")).Text
	if strings.HasPrefix(p, "/~1") {
		p = p[1:]
	}
	p = strings.ReplaceAll(p, "~1", "/")
	score := 0
	switch {
	case m == "*" || m == "":
	case m == method:
		score++
	default:
		return 0, false
	}
	switch {
	case p == "/*" || p == "":
	case path != "" && p == path:
		score += 2
	default:
		return 0, false
	}
	return score, true
}

// httpAPIThrottle records the throttling of an HTTP API route: the
// RouteSettings for its route key, else the DefaultRouteSettings, of the
// SAM HttpApi (sam, nil for raw CloudFormation) or of an
// AWS::ApiGatewayV2::Stage of the same API.
func (t *template) httpAPIThrottle(tr *model.Trigger, api Value, sam *cfgtree.Node) {
	key := strings.TrimSpace(tr.Details["method"] + " " + tr.Details["path"])
	if r := tr.Details["route"]; r != "" {
		key = r
	}
	configs := []*cfgtree.Node{sam}
	if api.Ref != "" {
		for _, en := range t.resourcesOfType("AWS::ApiGatewayV2::Stage") {
			if p := en.Value.Get("Properties"); t.ev.Eval(p.Get("ApiId")).Ref == api.Ref {
				configs = append(configs, p)
			}
		}
	}
	var best *cfgtree.Node
	for _, c := range configs {
		if r := c.Path("RouteSettings", key); r != nil && r.Get("ThrottlingRateLimit") != nil {
			best = r
			break
		}
		if d := c.Get("DefaultRouteSettings"); best == nil && d.Get("ThrottlingRateLimit") != nil {
			best = d
		}
	}
	t.setThrottle(tr, best)
}

// setThrottle records the rate (and burst) of a settings node when the rate
// is a literal below the account's default; a limit clad cannot read is not
// assumed.
func (t *template) setThrottle(tr *model.Trigger, s *cfgtree.Node) {
	if s == nil {
		return
	}
	rate, ok := t.number(s.Get("ThrottlingRateLimit"))
	if !ok || rate < 0 || rate >= accountRateLimit {
		return
	}
	text := fmt.Sprintf("rate %s/s", strconv.FormatFloat(rate, 'f', -1, 64))
	if burst, ok := t.number(s.Get("ThrottlingBurstLimit")); ok {
		text += fmt.Sprintf(", burst %s", strconv.FormatFloat(burst, 'f', -1, 64))
	}
	setDetail(tr, throttleDetail, text)
}

// number evaluates a numeric property; false when absent or not a literal
// number.
func (t *template) number(n *cfgtree.Node) (float64, bool) {
	if n == nil {
		return 0, false
	}
	v := t.ev.Eval(n)
	if !v.Resolved {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(v.Text), 64)
	return f, err == nil
}
