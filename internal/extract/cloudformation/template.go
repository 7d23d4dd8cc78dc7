package cloudformation

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// Resource types the extractor reads.
const (
	typeSAMFunction    = "AWS::Serverless::Function"
	typeLambdaFunction = "AWS::Lambda::Function"
	typeRole           = "AWS::IAM::Role"
	typePolicy         = "AWS::IAM::Policy"
	typeManagedPolicy  = "AWS::IAM::ManagedPolicy"
)

// template is one template being extracted.
type template struct {
	tree    *walk.Tree
	file    string
	dir     string // directory the template's relative paths start from
	root    *cfgtree.Node
	res     *cfgtree.Node // the Resources section
	ev      *evaluator
	kind    string
	service string
	stage   string // serverless-package only: the stage the package was built for
	out     *extract.Result
	fns     map[string]*model.Function // by logical id
	order   []string                   // logical ids of fns, in file order
	names   map[string]string          // literal FunctionName → logical id, built by target
	// routePerms are API Gateway permissions naming one route, added as
	// triggers once every other trigger is known.
	routePerms []routePermission
}

func newTemplate(in *extract.Input, root *cfgtree.Node, out *extract.Result) *template {
	t := &template{
		tree: in.Tree,
		file: in.File.Path,
		dir:  templateDir(in.File.Path),
		root: root,
		res:  root.Get("Resources"),
		ev:   newEvaluator(root, in.Vars),
		kind: manifestKind(in.File.Path, root),
		out:  out,
		fns:  map[string]*model.Function{},
	}
	t.service, t.stage = t.serviceName()
	return t
}

// templateDir is the directory of a template, keeping the archive separator
// of templates inside a zip ("pkg.zip!/template.yaml" → "pkg.zip!/").
func templateDir(file string) string {
	if i := strings.LastIndex(file, walk.ArchiveSep); i >= 0 && !strings.Contains(file[i+len(walk.ArchiveSep):], "/") {
		return file[:i+len(walk.ArchiveSep)]
	}
	return path.Dir(file)
}

// extract builds every function of the template, wires the triggers other
// resources declare, and records the manifest.
func (t *template) extract() {
	t.checkTransforms()
	if t.res != nil {
		for _, en := range t.res.Entries {
			t.resource(en)
		}
	}
	t.wire()
	for _, id := range t.order {
		f := t.fns[id]
		t.finish(f)
		t.out.Functions = append(t.out.Functions, f)
	}
	t.out.Manifests = append(t.out.Manifests, model.Manifest{
		File: t.file, Kind: t.kind, Service: t.service, Stage: t.stage, Functions: len(t.order),
	})
}

// resource builds the function a resource declares, if it declares one.
func (t *template) resource(en cfgtree.Entry) {
	if en.Value == nil || en.Value.Kind != cfgtree.Map {
		if strings.HasPrefix(en.Key, "Fn::ForEach") {
			t.warn(en.Line, "unsupported", fmt.Sprintf("%s is not expanded; functions it generates are not analysed", en.Key))
		}
		return
	}
	typ := en.Value.Get("Type").Str()
	if typ != typeSAMFunction && typ != typeLambdaFunction {
		return
	}
	cond := en.Value.Get("Condition").Str()
	deployed, decided := true, true
	if cond != "" {
		deployed, decided = t.ev.condition(cond)
		if decided && !deployed {
			return // the stack never creates it with these parameters
		}
	}
	var f *model.Function
	if typ == typeSAMFunction {
		f = t.samFunction(en.Key, en.Line, en.Value)
	} else {
		f = t.lambdaFunction(en.Key, en.Line, en.Value)
	}
	if !decided {
		unresolved(f, "condition")
	}
	t.fns[en.Key] = f
	t.order = append(t.order, en.Key)
}

// newFunction starts a function with empty lists, so JSON shows [] not null.
func (t *template) newFunction(name string, line int) *model.Function {
	return &model.Function{
		ID:            t.service + "/" + name,
		Name:          name,
		Service:       t.service,
		Provider:      model.AWS,
		HandlerStatus: model.HandlerUnresolved,
		Manifest:      t.file,
		Source:        t.loc(line),
		Triggers:      []model.Trigger{},
		Statements:    []model.Statement{},
		Environment:   []model.EnvVar{},
	}
}

func (t *template) loc(line int) model.Location { return model.Location{File: t.file, Line: line} }

func (t *template) warn(line int, kind, msg string) { t.out.Warn(Name, t.file, line, kind, msg) }

// typeOf returns the type of a resource of the template.
func (t *template) typeOf(id string) string { return t.ev.types[id] }

// props returns the Properties of a resource of the template.
func (t *template) props(id string) *cfgtree.Node { return t.res.Path(id, "Properties") }

// resourcesOfType lists the logical ids of the resources of a type, in
// file order.
func (t *template) resourcesOfType(typ string) []cfgtree.Entry {
	var out []cfgtree.Entry
	if t.res == nil {
		return nil
	}
	for _, en := range t.res.Entries {
		if en.Value.Get("Type").Str() == typ {
			out = append(out, en)
		}
	}
	return out
}

// text evaluates a property, noting field as unresolved when it is not a
// literal. An absent property is "".
func (t *template) text(f *model.Function, n *cfgtree.Node, field string) string {
	if n == nil {
		return ""
	}
	v := t.ev.Eval(n)
	if v.NoValue {
		return ""
	}
	if !v.Resolved {
		unresolved(f, field)
	}
	return v.Text
}

// unresolved records a field whose value clad cannot know.
func unresolved(f *model.Function, field string) {
	if !contains(f.Unresolved, field) {
		f.Unresolved = append(f.Unresolved, field)
	}
}

// archiveInTree reports whether p is a file of the tree or a zip whose
// entries the walker mounted ("p!/…").
func (t *template) archiveInTree(p string) bool {
	if t.tree.Exists(p) {
		return true
	}
	prefix := p + walk.ArchiveSep
	files := t.tree.Files
	i := sort.Search(len(files), func(i int) bool { return files[i].Path >= prefix })
	return i < len(files) && strings.HasPrefix(files[i].Path, prefix)
}

// checkTransforms warns about macros clad does not expand.
func (t *template) checkTransforms() {
	tr := t.root.Get("Transform")
	for _, it := range tr.List() {
		name := it.Str()
		if it.Kind == cfgtree.Map {
			name = it.Get("Name").Str()
		}
		if strings.HasPrefix(name, "AWS::Serverless") || name == "AWS::LanguageExtensions" {
			continue
		}
		t.warn(it.Line, "unsupported", fmt.Sprintf("Transform %q is not expanded; resources it generates are not analysed", name))
	}
}
