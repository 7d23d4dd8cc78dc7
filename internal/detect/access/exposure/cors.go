package exposure

import (
	"fmt"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/detect/access/fnmap"
	"github.com/cladsec/clad/internal/finding"
	"github.com/cladsec/clad/internal/model"
)

// cors reports a function's endpoints whose CORS allows every origin with
// credentials, once per function.
func cors(fn *model.Function, report func(finding.Finding)) {
	var hits []model.Trigger
	for _, t := range fn.Triggers {
		if fnmap.IsHTTP(t) && anyOrigin(fnmap.Detail(t, "cors")) && fnmap.Detail(t, "credentials") == "true" {
			hits = append(hits, t)
		}
	}
	if len(hits) == 0 {
		return
	}
	f := CORSRule.New()
	f.File, f.Line = hits[0].Source.File, hits[0].Source.Line
	f.Functions = []string{fn.ID}
	f.Evidence = "cors origin " + fnmap.Detail(hits[0], "cors") + ", credentials true"
	f.Key = fn.ID
	f.Message = fmt.Sprintf("%s allows cross-origin requests with credentials from every origin on %s: any web site a logged-in user visits could call it with the user's cookies or auth headers, if the origin is ever reflected.", fn.Name, fnmap.Endpoints(hits))
	report(f)
}

// anyOrigin reports an origin list that contains "*".
func anyOrigin(origins string) bool {
	for _, o := range strings.Split(origins, ",") {
		if strings.Trim(strings.TrimSpace(o), "'\"") == "*" {
			return true
		}
	}
	return false
}

// azureCORS reports Azure apps whose local.settings.json sets Host.CORS
// "*" with CORSCredentials true: the local development host only.
func azureCORS(fns []*model.Function, loc *fnmap.Locator, report func(finding.Finding)) {
	for _, g := range fnmap.ByManifest(fns) {
		if g.Provider != model.Azure {
			continue
		}
		settings := path.Join(path.Dir(g.Manifest), "local.settings.json")
		host := loc.Value(settings, "Host")
		if !anyOrigin(host.GetFold("CORS").Str()) || !truthy(host.GetFold("CORSCredentials")) {
			continue
		}
		var ids []string
		for _, fn := range g.Functions {
			if hasHTTP(fn) {
				ids = append(ids, fn.ID)
			}
		}
		if len(ids) == 0 {
			continue
		}
		f := CORSRule.New()
		f.Severity = finding.SeverityLow
		f.File, f.Line = settings, loc.KeyLine(settings, "Host", "CORS")
		f.Functions = ids
		f.Evidence = "Host.CORS *, CORSCredentials true"
		f.Key = settings
		f.Message = fmt.Sprintf("local.settings.json of %s allows every origin with credentials. It applies to the local development host only, but it is often copied to the app's CORS setting: check the deployed app.", g.Kind())
		report(f)
	}
}

func hasHTTP(fn *model.Function) bool {
	for _, t := range fn.Triggers {
		if fnmap.IsHTTP(t) {
			return true
		}
	}
	return false
}

func truthy(n *cfgtree.Node) bool {
	if v, ok := n.Bool(); ok {
		return v
	}
	return strings.EqualFold(strings.TrimSpace(n.Str()), "true")
}
