package rotation

import (
	"fmt"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/extract/handler"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// resource is one CloudFormation resource of a manifest.
type resource struct {
	id    string
	file  string // where it is declared (a Serverless include may differ from the manifest)
	line  int
	typ   string
	props *cfgtree.Node
}

// maxTemplateSize bounds the template files read.
const maxTemplateSize = 8 << 20

// templateKinds are the manifest kinds whose Resources are CloudFormation.
var templateKinds = map[string]bool{"sam": true, "cloudformation": true, "serverless-package": true}

// loadResources reads the resources a manifest declares: a template's
// Resources, or a Serverless service's resources: (a map, a list of maps,
// or ${file(...)} includes of either).
// The files a Serverless manifest includes are added to included.
func loadResources(t *walk.Tree, m model.Manifest, included map[string]bool) ([]resource, error) {
	root, err := parseFile(t, m.File)
	if err != nil {
		return nil, err
	}
	if templateKinds[m.Kind] {
		return entries(root.Get("Resources"), m.File), nil
	}
	var out []resource
	for _, part := range root.Get("resources").List() {
		node, file := part, m.File
		if inc, ok := include(part); ok {
			if node, file, err = loadInclude(t, m.File, inc); err != nil {
				return out, err
			}
			included[file] = true
		}
		rs := node.Get("Resources")
		if inc, ok := include(rs); ok {
			if rs, file, err = loadInclude(t, m.File, inc); err != nil {
				return out, err
			}
			included[file] = true
		}
		out = append(out, entries(rs, file)...)
	}
	return out, nil
}

// entries turns a Resources map into resources.
func entries(rs *cfgtree.Node, file string) []resource {
	if rs == nil || rs.Kind != cfgtree.Map {
		return nil
	}
	var out []resource
	for _, e := range rs.Entries {
		if e.Value == nil || e.Value.Kind != cfgtree.Map {
			continue
		}
		out = append(out, resource{id: e.Key, file: file, line: e.Line, typ: e.Value.Get("Type").Str(), props: e.Value.Get("Properties")})
	}
	return out
}

// parseFile reads and parses a YAML or JSON file of the tree.
func parseFile(t *walk.Tree, file string) (*cfgtree.Node, error) {
	if t == nil {
		return nil, fmt.Errorf("%s: no file tree", file)
	}
	data, err := t.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	if len(data) > maxTemplateSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", file, maxTemplateSize)
	}
	root, err := cfgtree.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", file, err)
	}
	return root, nil
}

// fileInclude is a ${file(path):selector} reference.
type fileInclude struct {
	path, selector string
}

// include recognises a scalar that is exactly one ${file(...)} reference.
func include(n *cfgtree.Node) (fileInclude, bool) {
	if n == nil || n.Kind != cfgtree.Scalar {
		return fileInclude{}, false
	}
	v := strings.TrimSpace(n.Value)
	if !strings.HasPrefix(v, "${file(") || !strings.HasSuffix(v, "}") || strings.Count(v, "${") != 1 {
		return fileInclude{}, false
	}
	inner := strings.TrimSuffix(strings.TrimPrefix(v, "${file("), "}")
	p, sel, ok := strings.Cut(inner, ")")
	if !ok || p == "" {
		return fileInclude{}, false
	}
	return fileInclude{path: strings.Trim(strings.TrimSpace(p), `"'`), selector: strings.TrimPrefix(sel, ":")}, true
}

// loadInclude reads an included file relative to the manifest and applies
// its selector (a dotted path of keys).
func loadInclude(t *walk.Tree, manifest string, inc fileInclude) (*cfgtree.Node, string, error) {
	file := handler.Join(path.Dir(manifest), inc.path)
	root, err := parseFile(t, file)
	if err != nil {
		return nil, file, err
	}
	if inc.selector != "" {
		root = root.Path(strings.Split(inc.selector, ".")...)
	}
	return root, file, nil
}
