package calls

import (
	"path"
	"strconv"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
)

// cfgRef is a node of a config file and the key path that leads to it.
type cfgRef struct {
	file string
	node *cfgtree.Node
	path string
	line int
}

// config parses a JSON or YAML config file of the tree (once).
func (w *world) config(file string) *cfgtree.Node {
	if n, ok := w.configs[file]; ok {
		return n
	}
	var root *cfgtree.Node
	if w.tree != nil && w.tree.Exists(file) {
		if data, err := w.tree.ReadFile(file); err == nil {
			if n, err := cfgtree.Parse(data); err == nil {
				root = n
			}
		}
	}
	w.configs[file] = root
	return root
}

// isConfigFile reports a data file a program may load as configuration.
func isConfigFile(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".json", ".yml", ".yaml":
		return true
	}
	return false
}

// configVal is the value of a whole config file.
func (w *world) configVal(file string) val {
	root := w.config(file)
	if root == nil {
		return unknown
	}
	return val{kind: vConfig, cfg: []cfgRef{{file: file, node: root, line: root.Line}}}
}

// cfgMember follows one key into config nodes; "*" takes every entry.
func cfgMember(refs []cfgRef, key string) val {
	var out []cfgRef
	for _, r := range refs {
		if r.node == nil {
			continue
		}
		for _, e := range r.node.Entries {
			if key != "*" && e.Key != key {
				continue
			}
			p := e.Key
			if r.path != "" {
				p = r.path + "." + e.Key
			}
			out = append(out, cfgRef{file: r.file, node: e.Value, path: p, line: e.Line})
			if len(out) >= maxAlts {
				break
			}
		}
		if key == "*" || r.node.Kind != cfgtree.Map {
			for i, it := range r.node.Items {
				if len(out) >= maxAlts {
					break
				}
				out = append(out, cfgRef{file: r.file, node: it, path: r.path + "[" + strconv.Itoa(i) + "]", line: it.Line})
			}
		}
	}
	if len(out) == 0 {
		return unknown
	}
	return val{kind: vConfig, cfg: out}
}

// cfgStrs returns the scalar config values as strings with their origin.
func cfgStrs(refs []cfgRef) []str {
	var out []str
	for _, r := range refs {
		if r.node == nil || r.node.Kind != cfgtree.Scalar {
			out = append(out, hole())
			continue
		}
		out = append(out, from(r.node.Value, Origin{Kind: OriginConfig, Name: r.path, File: r.file, Line: r.line, Resolved: true}))
	}
	return out
}
