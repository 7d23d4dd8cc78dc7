package forgotten

import (
	"regexp"
	"strings"

	"github.com/cladsec/clad/internal/deployed"
	"github.com/cladsec/clad/internal/model"
)

// minLogicalPrefix is the shortest piece of a logical id accepted in a
// generated name (CloudFormation shortens long ids).
const minLogicalPrefix = 8

// anyStage matches a stage name in a deployed name: no hyphen, so that
// "<service>-prod-bulk-create" is not read as the function "create" in a
// stage "prod-bulk".
const anyStage = `[A-Za-z0-9_]+`

var stageRe = regexp.MustCompile("^" + anyStage + "$")

// matcher tells whether a deployed function is one the function map
// declares.
type matcher struct {
	exact map[string]bool // provider + name: names the manifests fix
	// staged are the Serverless names with the manifest's stage replaced
	// by any stage: the same function deployed to another stage.
	staged []*regexp.Regexp
	// sls are Serverless functions whose name clad could not resolve.
	sls     []*model.Function
	logical map[string]bool // logical ids of CloudFormation functions whose name is generated
	// azure holds "app/name" and "name" (lower case) of Azure functions;
	// azureApps the scanned apps.
	azure     map[string]bool
	azureApps map[string]bool
}

func newMatcher(p *model.Project) *matcher {
	m := &matcher{exact: map[string]bool{}, logical: map[string]bool{}, azure: map[string]bool{}, azureApps: map[string]bool{}}
	if p == nil {
		return m
	}
	manifests := map[string]model.Manifest{}
	for _, mf := range p.Manifests {
		manifests[mf.File] = mf
	}
	for _, fn := range p.Functions {
		mf := manifests[fn.Manifest]
		serverless := mf.Kind == "serverless" || mf.Kind == "serverless-package"
		switch {
		case fn.Provider == model.Azure:
			name := strings.ToLower(nameOr(fn.DeployedName, fn.Name))
			m.azure[name] = true
			if fn.Service != "" {
				app := strings.ToLower(fn.Service)
				m.azureApps[app] = true
				m.azure[app+"/"+name] = true
			}
		case fn.Provider != model.AWS:
		case fn.DeployedName != "":
			m.exact[fn.DeployedName] = true
			if re := stageFree(fn.DeployedName, mf.Stage); serverless && re != nil {
				m.staged = append(m.staged, re)
			}
		case mf.Kind == "serverless":
			m.sls = append(m.sls, fn)
		default:
			m.logical[fn.Name] = true
		}
	}
	return m
}

// stageFree turns a name built with the stage ("orders-dev-create",
// "dev-api") into a pattern that accepts any stage in its place; nil when
// the stage is unknown or not a part of the name.
func stageFree(name, stage string) *regexp.Regexp {
	if stage == "" {
		return nil
	}
	parts := strings.Split(name, "-")
	found := false
	for i, p := range parts {
		if p == stage {
			parts[i], found = anyStage, true
		} else {
			parts[i] = regexp.QuoteMeta(p)
		}
	}
	if !found {
		return nil
	}
	return regexp.MustCompile("^" + strings.Join(parts, "-") + "$")
}

func nameOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// declared reports whether df matches a function of the map.
func (m *matcher) declared(df deployed.Function) bool {
	if df.Provider == model.Azure {
		name := strings.ToLower(df.Name)
		if app := strings.ToLower(df.App); m.azureApps[app] {
			return m.azure[app+"/"+name] // an app clad scanned: its own functions only
		}
		return m.azure[name] // the app's name in the cloud differs from the folder's
	}
	if m.exact[df.Name] {
		return true
	}
	for _, re := range m.staged {
		if re.MatchString(df.Name) {
			return true
		}
	}
	for _, fn := range m.sls {
		if slsDefault(fn, df.Name) {
			return true
		}
	}
	return m.generated(df.Name)
}

// slsDefault reports whether name is the framework's default name of fn,
// <service>-<stage>-<key>, in any stage without a hyphen.
func slsDefault(fn *model.Function, name string) bool {
	if fn.Service == "" || !strings.HasPrefix(name, fn.Service+"-") || !strings.HasSuffix(name, "-"+fn.Name) ||
		len(name) <= len(fn.Service)+len(fn.Name)+2 {
		return false
	}
	stage := name[len(fn.Service)+1 : len(name)-len(fn.Name)-1]
	return stageRe.MatchString(stage)
}

// generated reports a name CloudFormation generated for one of the map's
// functions: <stack>-<LogicalId>-<suffix>, the id possibly shortened.
func (m *matcher) generated(name string) bool {
	parts := strings.Split(name, "-")
	if len(parts) < 3 {
		return false
	}
	for _, seg := range parts[1 : len(parts)-1] {
		if m.logical[seg] {
			return true
		}
		if len(seg) < minLogicalPrefix {
			continue
		}
		for id := range m.logical {
			if strings.HasPrefix(id, seg) {
				return true
			}
		}
	}
	return false
}
