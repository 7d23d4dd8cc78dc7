package cloudformation

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
)

// Trigger details the access detectors read. Keys are single words so every
// extractor spells them alike.
const (
	detailCORS        = "cors"        // allowed origins, comma-separated
	detailCredentials = "credentials" // "true" when CORS allows credentials
	detailValidation  = "validation"  // schema, parameters, validator (comma-separated)
)

// restCors reads the Cors of a SAM Api: a string (the AllowOrigin value,
// quoted for API Gateway: "'*'") or {AllowOrigin, AllowCredentials}.
func (t *template) restCors(tr *model.Trigger, cors *cfgtree.Node) {
	if cors == nil {
		return
	}
	origin := cors
	if isPlain(cors, cfgtree.Map) {
		origin = cors.Get("AllowOrigin")
		t.corsCredentials(tr, cors.Get("AllowCredentials"))
	}
	setDetail(tr, detailCORS, strings.Trim(t.detail(origin), "'\""))
}

// corsConfig reads a CORS map of an HTTP API, a function URL or an
// AWS::Lambda::Url ({AllowOrigins: [...], AllowCredentials: true}); the
// HTTP API's CorsConfiguration: true allows every origin.
func (t *template) corsConfig(tr *model.Trigger, cors *cfgtree.Node) {
	if cors == nil {
		return
	}
	if !isPlain(cors, cfgtree.Map) {
		if v := t.ev.Eval(cors); v.Resolved && strings.EqualFold(v.Text, "true") {
			setDetail(tr, detailCORS, "*")
		}
		return
	}
	setDetail(tr, detailCORS, t.detail(cors.Get("AllowOrigins")))
	t.corsCredentials(tr, cors.Get("AllowCredentials"))
}

func (t *template) corsCredentials(tr *model.Trigger, n *cfgtree.Node) {
	if boolProp(t.ev, n) {
		setDetail(tr, detailCredentials, "true")
	}
}

// apiValidation records what a SAM Api event makes API Gateway validate:
// a RequestModel (unless ValidateBody is false) and required
// RequestParameters.
func (t *template) apiValidation(tr *model.Trigger, p *cfgtree.Node) {
	var kinds []string
	if m := p.Get("RequestModel"); isPlain(m, cfgtree.Map) && m.Get("Model") != nil {
		if vb := t.ev.Eval(m.Get("ValidateBody")); m.Get("ValidateBody") == nil || !(vb.Resolved && strings.EqualFold(vb.Text, "false")) {
			kinds = append(kinds, "schema")
		}
	}
	if t.requiredParameter(p.Get("RequestParameters")) {
		kinds = append(kinds, "parameters")
	}
	setDetail(tr, detailValidation, strings.Join(kinds, ","))
}

// requiredParameter reports a RequestParameters entry with Required: true
// (["method.request.header.X"] alone does not make API Gateway validate).
func (t *template) requiredParameter(n *cfgtree.Node) bool {
	for _, it := range n.List() {
		if !isPlain(it, cfgtree.Map) {
			continue
		}
		for _, e := range it.Entries {
			if isPlain(e.Value, cfgtree.Map) && boolProp(t.ev, e.Value.Get("Required")) {
				return true
			}
		}
	}
	return false
}
