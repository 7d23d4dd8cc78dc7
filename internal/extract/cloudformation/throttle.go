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

// restThrottle records the throttling of a REST API route. Every stage that
// serves the route must limit it, or the open stage is the way in: the SAM
// API's stage (sam: its merged properties, nil for raw CloudFormation), or
// the AWS::ApiGateway::Stage resources and the stages Deployments create
// (StageName with StageDescription) of the same API. The weakest limit is
// recorded.
func (t *template) restThrottle(tr *model.Trigger, api Value, sam *cfgtree.Node) {
	method, path := tr.Details["method"], tr.Details["path"]
	type stage struct{ settings, wide *cfgtree.Node }
	var stages []stage
	switch {
	case sam != nil:
		stages = append(stages, stage{settings: sam.Get("MethodSettings")})
	case api.Ref != "":
		for _, en := range t.resourcesOfType("AWS::ApiGateway::Stage") {
			if p := en.Value.Get("Properties"); t.ev.Eval(p.Get("RestApiId")).Ref == api.Ref {
				stages = append(stages, stage{settings: p.Get("MethodSettings")})
			}
		}
		for _, en := range t.resourcesOfType("AWS::ApiGateway::Deployment") {
			if p := en.Value.Get("Properties"); t.ev.Eval(p.Get("RestApiId")).Ref == api.Ref && p.Get("StageName") != nil {
				sd := p.Get("StageDescription")
				stages = append(stages, stage{settings: sd.Get("MethodSettings"), wide: sd})
			}
		}
	}
	var limits []*cfgtree.Node
	for _, st := range stages {
		best, bestScore := (*cfgtree.Node)(nil), -1
		for _, s := range st.settings.List() {
			if s.Get("ThrottlingRateLimit") == nil {
				continue // settings of other kinds (logging, caching) limit nothing
			}
			if score, ok := t.methodSettingMatch(s, method, path); ok && score > bestScore {
				best, bestScore = s, score
			}
		}
		if best == nil && st.wide.Get("ThrottlingRateLimit") != nil {
			best = st.wide
		}
		limits = append(limits, best)
	}
	t.setThrottle(tr, limits)
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
// RouteSettings for its route key, else the DefaultRouteSettings, of every
// stage serving it (the SAM HttpApi's, sam; nil for raw CloudFormation, then
// the AWS::ApiGatewayV2::Stage resources of the same API).
func (t *template) httpAPIThrottle(tr *model.Trigger, api Value, sam *cfgtree.Node) {
	key := strings.TrimSpace(tr.Details["method"] + " " + tr.Details["path"])
	switch {
	case tr.Details["route"] != "":
		key = tr.Details["route"]
	case tr.Details["path"] == "$default":
		key = "$default" // the catch-all route has no method in its key
	}
	var stages []*cfgtree.Node
	switch {
	case sam != nil:
		stages = append(stages, sam)
	case api.Ref != "":
		for _, en := range t.resourcesOfType("AWS::ApiGatewayV2::Stage") {
			if p := en.Value.Get("Properties"); t.ev.Eval(p.Get("ApiId")).Ref == api.Ref {
				stages = append(stages, p)
			}
		}
	}
	var limits []*cfgtree.Node
	for _, st := range stages {
		var best *cfgtree.Node
		if r := st.Path("RouteSettings", key); r.Get("ThrottlingRateLimit") != nil {
			best = r
		} else if d := st.Get("DefaultRouteSettings"); d.Get("ThrottlingRateLimit") != nil {
			best = d
		}
		limits = append(limits, best)
	}
	t.setThrottle(tr, limits)
}

// setThrottle records the weakest of the stages' limits when every stage
// has one whose rate is a literal below the account's default; a limit
// clad cannot read is not assumed.
func (t *template) setThrottle(tr *model.Trigger, limits []*cfgtree.Node) {
	if len(limits) == 0 {
		return
	}
	var weakest *cfgtree.Node
	worst := -1.0
	for _, s := range limits {
		if s == nil {
			return // an unthrottled stage
		}
		rate, ok := t.number(s.Get("ThrottlingRateLimit"))
		if !ok || rate < 0 || rate >= accountRateLimit {
			return
		}
		if rate > worst {
			weakest, worst = s, rate
		}
	}
	text := fmt.Sprintf("rate %s/s", strconv.FormatFloat(worst, 'f', -1, 64))
	if burst, ok := t.number(weakest.Get("ThrottlingBurstLimit")); ok {
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
