package cloudformation

import (
	"strings"

	"github.com/cladsec/clad/internal/model"
)

// httpLike are the trigger types whose auth Function.Auth summarises (an
// authorizer function reads every request's credentials).
var httpLike = map[string]bool{"http": true, "httpApi": true, "websocket": true, "alb": true, "url": true, typeAuthorizer: true}

// authRank orders auth kinds from weakest to strongest.
var authRank = map[string]int{
	authNone: 0, authAPIKey: 1, "function": 2, authCustom: 3, authJWT: 4, authCognito: 4,
	authIAM: 5, "admin": 6, authPrivate: 7,
}

// principalTriggers are the trigger types a service principal's permission
// merely enables; such a permission adds nothing once the trigger is known.
var principalTriggers = map[string][]string{
	"apigateway.amazonaws.com":           {"http", "httpApi", "websocket", typeAuthorizer},
	"events.amazonaws.com":               {"eventBridge", "schedule"},
	"scheduler.amazonaws.com":            {"schedule"},
	"s3.amazonaws.com":                   {"s3"},
	"sns.amazonaws.com":                  {"sns"},
	"logs.amazonaws.com":                 {"cloudwatchLog"},
	"cognito-idp.amazonaws.com":          {"cognito"},
	"iot.amazonaws.com":                  {"iot"},
	"elasticloadbalancing.amazonaws.com": {"alb"},
}

// finish drops redundant permissions and summarises auth and exposure.
func (t *template) finish(f *model.Function) {
	f.Triggers = dropExplainedPermissions(f.Triggers)
	f.Auth, f.Public = "", false
	for _, tr := range f.Triggers {
		if tr.Public {
			f.Public = true
		}
		if !httpLike[tr.Type] || tr.Auth == "" {
			continue
		}
		if f.Auth == "" || authRank[tr.Auth] < authRank[f.Auth] {
			f.Auth = tr.Auth
		}
	}
}

// dropExplainedPermissions removes non-public permission triggers for a
// service principal when the trigger that principal serves is known.
func dropExplainedPermissions(trs []model.Trigger) []model.Trigger {
	have := map[string]bool{}
	for _, tr := range trs {
		have[tr.Type] = true
	}
	out := trs[:0]
	for _, tr := range trs {
		if tr.Type == "permission" && !tr.Public && explained(tr.Details["principal"], have) {
			continue
		}
		out = append(out, tr)
	}
	return out
}

func explained(principal string, have map[string]bool) bool {
	if strings.HasPrefix(principal, "logs.") {
		principal = "logs.amazonaws.com" // logs.<region>.amazonaws.com
	}
	for _, typ := range principalTriggers[principal] {
		if have[typ] {
			return true
		}
	}
	return false
}
