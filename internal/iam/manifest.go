package iam

import (
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// The resources a manifest defines, indexed by the name they get, so that
// a table name the code reads from the environment ("aws-orders-dev")
// becomes a reference to the table the manifest creates (OrdersTable):
// the suggested policy then follows the stage instead of hard-coding it.

// resourceFamilies maps a CloudFormation type to the family of names it
// carries and the property holding its name.
var resourceFamilies = map[string]struct{ family, prop string }{
	"AWS::DynamoDB::Table":                 {"table", "TableName"},
	"AWS::DynamoDB::GlobalTable":           {"table", "TableName"},
	"AWS::Serverless::SimpleTable":         {"table", "TableName"},
	"AWS::S3::Bucket":                      {"bucket", "BucketName"},
	"AWS::SQS::Queue":                      {"queue", "QueueName"},
	"AWS::SNS::Topic":                      {"topic", "TopicName"},
	"AWS::Lambda::Function":                {"function", "FunctionName"},
	"AWS::Serverless::Function":            {"function", "FunctionName"},
	"AWS::SecretsManager::Secret":          {"secret", "Name"},
	"AWS::SSM::Parameter":                  {"parameter", "Name"},
	"AWS::Kinesis::Stream":                 {"stream", "Name"},
	"AWS::StepFunctions::StateMachine":     {"statemachine", "StateMachineName"},
	"AWS::Serverless::StateMachine":        {"statemachine", "Name"},
	"AWS::Events::EventBus":                {"bus", "Name"},
	"AWS::KinesisFirehose::DeliveryStream": {"delivery", "DeliveryStreamName"},
}

// resIndex is one manifest's named resources.
type resIndex struct {
	// byName maps family → name → logical id ("" when two resources
	// share the name).
	byName map[string]map[string]string
	// slashParams lists SSM parameters whose literal name starts with "/".
	slashParams map[string]bool
	// roles lists the AWS::IAM::Role resources.
	roles map[string]bool
	// asyncTargets is true when the manifest configures destinations or
	// dead-letter targets for asynchronous invocations: the role then needs
	// to send to them, which no code shows.
	asyncTargets bool
}

func (x *resIndex) set(family, name, id string) {
	if name == "" {
		return
	}
	m := x.byName[family]
	if m == nil {
		m = map[string]string{}
		x.byName[family] = m
	}
	if old, ok := m[name]; ok && old != id {
		m[name] = ""
		return
	}
	m[name] = id
}

// lookup returns the logical id of the resource of family named name.
func (x *resIndex) lookup(family, name string) string {
	if x == nil {
		return ""
	}
	return x.byName[family][name]
}

// buildIndex reads the manifest's resources. Names written with variables
// (${self:custom.tableName}) are matched to the value the same variable
// gives an environment variable of a function of the manifest.
func buildIndex(t *walk.Tree, manifest string, fns []*model.Function) *resIndex {
	x := &resIndex{byName: map[string]map[string]string{}, slashParams: map[string]bool{}, roles: map[string]bool{}}
	data, err := t.ReadFile(manifest)
	if err != nil {
		return x
	}
	for _, k := range []string{"onError", "destinations", "DeadLetter", "EventInvokeConfig", "OnFailure", "OnSuccess"} {
		if strings.Contains(string(data), k) {
			x.asyncTargets = true
		}
	}
	doc, err := cfgtree.Parse(data)
	if err != nil {
		return x
	}
	raw := map[string][2]string{} // raw name text → family, id
	for _, res := range manifestResources(doc) {
		for _, e := range res.Entries {
			if e.Value.Get("Type").Str() == "AWS::IAM::Role" {
				x.roles[e.Key] = true
			}
			fam, ok := resourceFamilies[e.Value.Get("Type").Str()]
			if !ok {
				continue
			}
			n := e.Value.Path("Properties", fam.prop)
			if !n.IsScalar() {
				continue
			}
			if fam.family == "parameter" && strings.HasPrefix(n.Value, "/") {
				x.slashParams[e.Key] = true
			}
			if strings.Contains(n.Value, "${") {
				raw[n.Value] = [2]string{fam.family, e.Key}
				continue
			}
			x.set(fam.family, n.Value, e.Key)
		}
	}
	if len(raw) > 0 {
		x.joinEnvironment(doc, raw, manifest, fns)
	}
	return x
}

// manifestResources returns the Resources maps of a template or of a
// serverless.yml's resources: section (a map, or a list of maps).
func manifestResources(doc *cfgtree.Node) []*cfgtree.Node {
	if r := doc.Get("Resources"); r != nil && r.Kind == cfgtree.Map {
		return []*cfgtree.Node{r}
	}
	var out []*cfgtree.Node
	for _, part := range doc.Get("resources").List() {
		if r := part.Get("Resources"); r != nil && r.Kind == cfgtree.Map {
			out = append(out, r)
		}
	}
	return out
}

// joinEnvironment learns the resolved names of resources whose name is
// written with the same variable text as an environment variable.
func (x *resIndex) joinEnvironment(doc *cfgtree.Node, raw map[string][2]string, manifest string, fns []*model.Function) {
	envRaw := map[string]map[string]string{} // function name ("" provider) → env name → raw
	collect := func(owner string, env *cfgtree.Node) {
		if env == nil || env.Kind != cfgtree.Map {
			return
		}
		m := envRaw[owner]
		if m == nil {
			m = map[string]string{}
			envRaw[owner] = m
		}
		for _, e := range env.Entries {
			if e.Value.IsScalar() {
				m[e.Key] = e.Value.Value
			}
		}
	}
	collect("", doc.Path("provider", "environment"))
	if fs := doc.Get("functions"); fs != nil && fs.Kind == cfgtree.Map {
		for _, e := range fs.Entries {
			collect(e.Key, e.Value.Get("environment"))
		}
	}
	for _, fn := range fns {
		if fn.Manifest != manifest {
			continue
		}
		for _, ev := range fn.Environment {
			if !ev.Resolved {
				continue
			}
			r, ok := envRaw[fn.Name][ev.Name]
			if !ok {
				r, ok = envRaw[""][ev.Name]
			}
			if fam, found := raw[r]; ok && found {
				x.set(fam[0], ev.Value, fam[1])
			}
		}
	}
}
