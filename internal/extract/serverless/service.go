package serverless

import (
	"context"
	"fmt"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/model"
)

// service is one manifest, resolved, being turned into functions.
type service struct {
	in   *extract.Input
	r    *resolver
	rd   renderer
	doc  *cfgtree.Node // the resolved manifest
	file string
	dir  string

	name     string
	provider string        // model.AWS, model.Azure, model.GCP or the declared name
	prov     *cfgtree.Node // provider settings (a map, or nil)
	res      *cfgtree.Node // CloudFormation Resources under resources:, merged

	// perFunctionRoles is true when a plugin gives functions their own
	// roles from function-level iamRoleStatements; defaultInherit is that
	// plugin's custom.<plugin>.defaultInherit.
	perFunctionRoles bool
	defaultInherit   bool
	// wsConnectAuth is the authentication of the websocket $connect route,
	// which guards every other route of the API.
	wsConnectAuth string
	// authRefs are the functions of the service used as authorizers.
	authRefs []authRef

	extra []model.Problem
}

// fnDef is one entry under functions:.
type fnDef struct {
	name string
	key  model.Location
	def  *cfgtree.Node
}

func newService(in *extract.Input, root *cfgtree.Node) *service {
	r := newResolver(in, root)
	doc := r.full(root)
	s := &service{in: in, r: r, doc: doc, file: in.File.Path, dir: r.dir}
	if p := doc.Get("provider"); p != nil && p.Kind == cfgtree.Map {
		s.prov = p
	}
	s.rd = renderer{unresolved: r.isUnresolved, params: parameterNames(doc.Get("resources"))}
	s.res = mergedResources(doc.Get("resources"))
	s.name = s.serviceName()
	s.provider = s.providerName()
	s.rd.pseudo = pseudoParameters(s.name, r.stage(), r.region(), s.provSetting("stackName"))
	s.perFunctionRoles, s.defaultInherit = s.rolesPlugin()
	return s
}

// problems are the warnings met while reading the manifest.
func (s *service) problems() []model.Problem {
	return append(append([]model.Problem(nil), s.r.problems...), s.extra...)
}

// warn records a warning at a node of the manifest.
func (s *service) warn(at *cfgtree.Node, kind, format string, args ...any) {
	s.warnAt(s.r.loc(at), kind, format, args...)
}

// warnAt records a warning at a location.
func (s *service) warnAt(l model.Location, kind, format string, args ...any) {
	s.extra = append(s.extra, model.Problem{File: l.File, Line: l.Line, Level: model.LevelWarning, Kind: kind, Stage: stageName, Message: fmt.Sprintf(format, args...)})
}

// serviceName reads service: name, or the v1 map form service: {name: x}.
func (s *service) serviceName() string {
	n := s.doc.Get("service")
	if n != nil && n.Kind == cfgtree.Map {
		n = n.Get("name")
	}
	name, _ := s.rd.render(n)
	return name
}

// providerName maps provider.name (or the old provider: aws) to a model
// provider; AWS is the default.
func (s *service) providerName() string {
	n := s.doc.Get("provider")
	if s.prov != nil {
		n = s.prov.Get("name")
	}
	name := strings.ToLower(strings.TrimSpace(n.Str()))
	switch name {
	case "", "aws":
		return model.AWS
	case "azure":
		return model.Azure
	case "google", "gcp":
		return model.GCP
	}
	return name
}

// provSetting reads a provider-level setting.
func (s *service) provSetting(keys ...string) *cfgtree.Node { return s.prov.Path(keys...) }

// definitions lists the functions: a map, a list of maps (v1), either of
// them possibly built by ${file(...)} includes.
func (s *service) definitions() []fnDef {
	fns := s.doc.Get("functions")
	if fns == nil || fns.Kind == cfgtree.Null {
		return nil
	}
	var maps []*cfgtree.Node
	switch fns.Kind {
	case cfgtree.Map:
		maps = []*cfgtree.Node{fns}
	case cfgtree.Seq:
		maps = fns.Items
	default:
		s.notAMap(fns, "functions")
		return nil
	}
	var out []fnDef
	index := map[string]int{}
	for _, m := range maps {
		if m.Kind != cfgtree.Map {
			s.notAMap(m, "functions")
			continue
		}
		for _, e := range m.Entries {
			d := fnDef{name: e.Key, key: model.Location{File: s.r.fileOf(m), Line: e.Line}, def: e.Value}
			if i, dup := index[e.Key]; dup {
				out[i] = d // the later definition wins, as in the framework
				continue
			}
			index[e.Key] = len(out)
			out = append(out, d)
		}
	}
	return out
}

// notAMap explains a value that should list functions but does not.
func (s *service) notAMap(n *cfgtree.Node, what string) {
	if s.r.isUnresolved(n) {
		s.warn(n, "resolve", "%s is given by %s, which clad cannot resolve; those functions are not in the map", what, n.Value)
		return
	}
	if n.Kind != cfgtree.Null {
		s.warn(n, "parse", "%s must be a map of function definitions; ignored", what)
	}
}

// functions builds the model of every function.
func (s *service) functions(ctx context.Context) ([]*model.Function, error) {
	defs := s.definitions()
	s.wsConnectAuth = s.websocketConnectAuth(defs)
	out := make([]*model.Function, 0, len(defs))
	for _, d := range defs {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("serverless %s: %w", s.file, err)
		}
		out = append(out, s.function(d))
	}
	if s.provider == model.AWS {
		s.addAuthorizerTriggers(out)
	}
	return out, nil
}

// pseudoParameters are the CloudFormation pseudo parameters whose value the
// manifest tells: the partition and URL suffix follow the region, the stack
// is named <service>-<stage> unless provider.stackName says otherwise.
func pseudoParameters(service, stage, region string, stackName *cfgtree.Node) map[string]string {
	partition, suffix := "aws", "amazonaws.com"
	switch {
	case strings.HasPrefix(region, "cn-"):
		partition, suffix = "aws-cn", "amazonaws.com.cn"
	case strings.HasPrefix(region, "us-gov-"):
		partition = "aws-us-gov"
	}
	out := map[string]string{"AWS::Partition": partition, "AWS::URLSuffix": suffix, "AWS::Region": region}
	switch {
	case stackName.IsScalar() && !strings.Contains(stackName.Value, "${"):
		out["AWS::StackName"] = stackName.Value
	case stackName == nil && service != "":
		out["AWS::StackName"] = service + "-" + stage
	}
	return out
}
