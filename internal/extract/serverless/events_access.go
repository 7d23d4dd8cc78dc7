package serverless

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
)

// Trigger details the access detectors read: CORS credentials and request
// validation. Keys are single words so every extractor spells them alike.
const (
	detailCredentials = "credentials" // "true" when CORS allows credentials
	detailValidation  = "validation"  // schema, parameters, validator (comma-separated)
)

// corsCredentials records allowCredentials: true of a cors map.
func corsCredentials(cors *cfgtree.Node, d *details) {
	if cors != nil && cors.Kind == cfgtree.Map && boolValue(cors.Get("allowCredentials")) {
		d.put(detailCredentials, "true")
	}
}

// httpAPICors copies provider.httpApi.cors onto an HTTP API route: true
// means every origin; a map names allowedOrigins and allowCredentials.
func (b *builder) httpAPICors(d *details) {
	cors := b.s.provSetting("httpApi", "cors")
	if !isSet(cors) {
		return
	}
	if v, ok := cors.Bool(); ok {
		if v {
			d.put("cors", "*")
		}
		return
	}
	d.put("cors", corsText(cors, d))
	corsCredentials(cors, d)
}

// requestValidation records what an http event's request block makes API
// Gateway validate: a body schema (request.schemas, v2 request.schema),
// required parameters (request.parameters), or a validator set by a plugin
// (reqValidatorName).
func requestValidation(v *cfgtree.Node, d *details) {
	if v == nil || v.Kind != cfgtree.Map {
		return
	}
	var kinds []string
	req := v.Get("request")
	if isSet(req.Get("schemas")) || isSet(req.Get("schema")) {
		kinds = append(kinds, "schema")
	}
	if requiredParameter(req.Get("parameters")) {
		kinds = append(kinds, "parameters")
	}
	if isSet(v.Get("reqValidatorName")) {
		kinds = append(kinds, "validator")
	}
	d.put(detailValidation, strings.Join(kinds, ","))
}

// requiredParameter reports a parameter marked required: {querystrings:
// {id: true}} or {headers: {X: {required: true}}}.
func requiredParameter(params *cfgtree.Node) bool {
	if params == nil || params.Kind != cfgtree.Map {
		return false
	}
	for _, group := range params.Entries {
		if group.Value == nil || group.Value.Kind != cfgtree.Map {
			continue
		}
		for _, p := range group.Value.Entries {
			if boolValue(p.Value) || (p.Value != nil && p.Value.Kind == cfgtree.Map && boolValue(p.Value.Get("required"))) {
				return true
			}
		}
	}
	return false
}
