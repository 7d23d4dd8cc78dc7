package forgotten

import (
	"strings"

	"github.com/cladsec/clad/internal/deployed"
	"github.com/cladsec/clad/internal/model"
)

// minLogicalPrefix is the shortest piece of a logical id accepted in a
// generated name (CloudFormation shortens long ids).
const minLogicalPrefix = 8

// matcher tells whether a deployed function is one the function map
// declares.
type matcher struct {
	exact   map[string]bool   // provider + name, names the manifests fix
	sls     []*model.Function // Serverless functions without a fixed name
	logical map[string]bool   // logical ids of CloudFormation functions whose name is generated
	azure   map[string]bool   // Azure function names (case-insensitive)
	kinds   map[string]string // manifest file → kind
}

func newMatcher(p *model.Project) *matcher {
	m := &matcher{exact: map[string]bool{}, logical: map[string]bool{}, azure: map[string]bool{}, kinds: map[string]string{}}
	if p == nil {
		return m
	}
	for _, mf := range p.Manifests {
		m.kinds[mf.File] = mf.Kind
	}
	for _, fn := range p.Functions {
		switch {
		case fn.Provider == model.Azure:
			m.azure[strings.ToLower(nameOr(fn.DeployedName, fn.Name))] = true
		case fn.Provider != model.AWS:
		case m.kinds[fn.Manifest] == "serverless":
			if fn.DeployedName != "" {
				m.exact[fn.DeployedName] = true
			}
			if fn.DeployedName == "" || slsDefault(fn, fn.DeployedName) {
				m.sls = append(m.sls, fn) // no name: of its own, so any stage
			}
		case fn.DeployedName != "":
			m.exact[fn.DeployedName] = true
		default:
			m.logical[fn.Name] = true
		}
	}
	return m
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
		return m.azure[strings.ToLower(df.Name)]
	}
	if m.exact[df.Name] {
		return true
	}
	for _, fn := range m.sls {
		if slsDefault(fn, df.Name) { // in a stage other than the one scanned
			return true
		}
	}
	return m.generated(df.Name)
}

// slsDefault reports whether name is the framework's default name of fn,
// <service>-<stage>-<key>, in any stage.
func slsDefault(fn *model.Function, name string) bool {
	return fn.Service != "" && strings.HasPrefix(name, fn.Service+"-") && strings.HasSuffix(name, "-"+fn.Name) &&
		len(name) > len(fn.Service)+len(fn.Name)+2
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
