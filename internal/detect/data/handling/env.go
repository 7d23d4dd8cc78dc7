package handling

import (
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/extract/handler"
	"github.com/cladsec/clad/internal/model"
)

// Configuration checks over the function map: each function's
// environment (Serverless/SAM environment, Azure app settings) carries
// NODE_TLS_REJECT_UNAUTHORIZED=0, an http:// endpoint, or Powertools'
// event logging switch.

// cfgIssue is a problem in a configuration value, with the functions
// that receive it.
type cfgIssue struct {
	rule, file string
	line       int
	evidence   string
	key        string
	detail     string
	fns        []*model.Function
}

// nonEndpointWords mark settings whose URL is not called by the function:
// browser origins, links put in e-mails, documentation, identifiers.
var nonEndpointWords = set("origin", "origins", "cors", "allowed", "homepage", "frontend", "website", "site",
	"link", "links", "docs", "documentation", "schema", "namespace", "issuer", "audience", "referer", "referrer", "redirect")

// endpointSetting reports whether a setting's name allows its URL to be
// an endpoint the function calls.
func endpointSetting(name string) bool {
	for _, w := range words(name) {
		if nonEndpointWords[w] {
			return false
		}
	}
	return true
}

// checkSetting classifies one name=value setting; ok false when fine.
// The detail reads after "setting …" in a message.
func checkSetting(name, value string) (rule, detail, evidence string, ok bool) {
	v := strings.Trim(strings.TrimSpace(value), `"'`)
	switch {
	case tlsEnvVars[name] != "" && v == "0":
		return ruleTLS.ID, fmt.Sprintf("%s=0 turns off certificate verification for %s", name, tlsEnvVars[name]),
			name + "=0", true
	case name == "POWERTOOLS_LOGGER_LOG_EVENT" && strings.EqualFold(v, "true"):
		return ruleLogging.ID, "POWERTOOLS_LOGGER_LOG_EVENT=true makes Powertools write the whole incoming event to the logs on every invocation",
			name + "=" + v, true
	}
	if u, ok := plainURL(v); ok && endpointSetting(name) {
		return ruleTransport.ID, fmt.Sprintf("%s=%s points the function at a plaintext HTTP endpoint", name, u), name + "=" + u, true
	}
	return "", "", "", false
}

// envIssues checks every resolved environment value, one issue per
// declaration however many functions inherit it.
func envIssues(fns []*model.Function) []*cfgIssue {
	byLoc := map[string]*cfgIssue{}
	var out []*cfgIssue
	for _, fn := range fns {
		for _, e := range fn.Environment {
			if !e.Resolved || e.Source.File == "" {
				continue
			}
			rule, detail, ev, ok := checkSetting(e.Name, e.Value)
			if !ok || !affects(e.Name, fn.Runtime) {
				continue
			}
			k := fmt.Sprintf("%s|%s|%d|%s", rule, e.Source.File, e.Source.Line, e.Name)
			is := byLoc[k]
			if is == nil {
				is = &cfgIssue{rule: rule, file: e.Source.File, line: e.Source.Line, evidence: ev, key: "env|" + ev, detail: detail}
				byLoc[k] = is
				out = append(out, is)
			}
			is.fns = append(is.fns, fn)
		}
	}
	return out
}

// tlsEnvRuntimes are the runtimes each TLS switch applies to.
var tlsEnvRuntimes = map[string]string{"NODE_TLS_REJECT_UNAUTHORIZED": "node", "PYTHONHTTPSVERIFY": "python"}

// affects reports whether a setting changes the behaviour of a function
// with that runtime: NODE_TLS_REJECT_UNAUTHORIZED means nothing to a
// Python function. An unknown runtime is affected.
func affects(name, runtime string) bool {
	want, ok := tlsEnvRuntimes[name]
	if !ok {
		return true
	}
	lang := handler.Lang(runtime)
	return lang == "" || lang == want
}
