package npm

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/npm/jsontree"
	"github.com/cladsec/clad/internal/walk"
)

// Kind is the package.json section a dependency is declared in.
type Kind int

// Dependency kinds, in the order npm reads them.
const (
	Prod Kind = iota
	Optional
	Peer
	Dev
)

// Dep is one declared dependency of a manifest.
type Dep struct {
	Name string
	// Spec is the declared range or other spec ("^1.2.0", "npm:x@1",
	// "file:../lib", "workspace:*").
	Spec string
	Kind Kind
	// OptionalPeer marks a peer dependency that peerDependenciesMeta makes
	// optional.
	OptionalPeer bool
	Line         int
}

// Scope is the scope a dependency of this kind gives the packages it
// reaches.
func (d Dep) Scope() deps.Scope {
	switch {
	case d.Kind == Dev:
		return deps.Dev
	case d.Kind == Optional, d.Kind == Peer && d.OptionalPeer:
		return deps.Optional
	}
	return deps.Runtime
}

// Manifest is what the parsers read from a package.json.
type Manifest struct {
	File    string
	Name    string
	Version string
	// VersionLine is the line of "version" (else of "name", else 1).
	VersionLine int
	License     string
	Deps        []Dep
	// Workspaces are the member globs ("packages/*").
	Workspaces []string
}

// ReadManifest reads and parses the package.json at file.
func ReadManifest(tree *walk.Tree, file string) (*Manifest, error) {
	data, err := tree.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	m, err := ParseManifest(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	m.File = file
	return m, nil
}

// ParseManifest parses package.json text.
func ParseManifest(data []byte) (*Manifest, error) {
	root, err := jsontree.Parse(data)
	if err != nil {
		return nil, err
	}
	if root.Kind != cfgtree.Map {
		return nil, &cfgtree.Error{Line: root.Line, Msg: "package.json is not a JSON object"}
	}
	return ManifestFromNode(root), nil
}

// ManifestFromNode reads a package.json already parsed (also the entries of
// package-lock v2 "packages", which share its field names).
func ManifestFromNode(root *cfgtree.Node) *Manifest {
	m := &Manifest{
		Name:        root.Get("name").Str(),
		Version:     root.Get("version").Str(),
		License:     License(root),
		Workspaces:  workspaceGlobs(root.Get("workspaces")),
		VersionLine: 1,
	}
	if n := root.Get("version"); n != nil {
		m.VersionLine = n.Line
	} else if n := root.Get("name"); n != nil {
		m.VersionLine = n.Line
	}
	m.Deps = DepsOf(root, true)
	return m
}

var sections = []struct {
	key  string
	kind Kind
}{
	{"dependencies", Prod},
	{"optionalDependencies", Optional},
	{"peerDependencies", Peer},
	{"devDependencies", Dev},
}

// DepsOf lists the dependencies a package.json-shaped node declares, in
// section order; devDependencies only when withDev. A name declared in
// both dependencies and optionalDependencies is optional, as npm installs it.
func DepsOf(n *cfgtree.Node, withDev bool) []Dep {
	var out []Dep
	var optional map[string]bool
	for _, e := range entries(n.Get("optionalDependencies")) {
		if optional == nil {
			optional = map[string]bool{}
		}
		optional[e.Key] = true
	}
	meta := n.Get("peerDependenciesMeta")
	for _, s := range sections {
		if s.kind == Dev && !withDev {
			continue
		}
		for _, e := range entries(n.Get(s.key)) {
			if e.Value.Kind != cfgtree.Scalar {
				continue
			}
			if s.kind == Prod && optional[e.Key] {
				continue
			}
			d := Dep{Name: e.Key, Spec: e.Value.Value, Kind: s.kind, Line: e.Line}
			if s.kind == Peer {
				d.OptionalPeer, _ = meta.Path(e.Key, "optional").Bool()
			}
			out = append(out, d)
		}
	}
	return out
}

func entries(n *cfgtree.Node) []cfgtree.Entry {
	if n == nil || n.Kind != cfgtree.Map {
		return nil
	}
	return n.Entries
}

// workspaceGlobs reads "workspaces": ["a/*"] or {"packages": ["a/*"]}.
func workspaceGlobs(n *cfgtree.Node) []string {
	if n != nil && n.Kind == cfgtree.Map {
		n = n.Get("packages")
	}
	if n == nil || n.Kind != cfgtree.Seq {
		return nil
	}
	return n.Strings()
}

// License reads "license" (a string or {"type": …}) or the older
// "licenses" list, joined with OR.
func License(n *cfgtree.Node) string {
	if l := licenseValue(n.Get("license")); l != "" {
		return l
	}
	var all []string
	if ls := n.Get("licenses"); ls != nil && ls.Kind == cfgtree.Seq {
		for _, it := range ls.Items {
			if l := licenseValue(it); l != "" {
				all = append(all, l)
			}
		}
	}
	if len(all) > 1 {
		for i, l := range all {
			if strings.ContainsAny(l, " ") {
				all[i] = "(" + l + ")"
			}
		}
	}
	return strings.Join(all, " OR ")
}

func licenseValue(n *cfgtree.Node) string {
	if n == nil {
		return ""
	}
	if n.Kind == cfgtree.Map {
		n = n.Get("type")
	}
	return strings.TrimSpace(n.Str())
}

// Scope returns the scope the manifest gives its dependency name (the
// section that ships the most when it is declared twice) and the declared
// spec; ok is false when the manifest does not declare it.
func (m *Manifest) Scope(name string) (s deps.Scope, spec string, ok bool) {
	for _, d := range m.Deps {
		if d.Name != name {
			continue
		}
		if !ok || ScopeRank(d.Scope()) < ScopeRank(s) {
			s, spec, ok = d.Scope(), d.Spec, true
		}
	}
	return s, spec, ok
}

// DepNames returns the declared dependency names, sorted and unique.
func (m *Manifest) DepNames() []string {
	seen := map[string]bool{}
	var out []string
	for _, d := range m.Deps {
		if !seen[d.Name] {
			seen[d.Name] = true
			out = append(out, d.Name)
		}
	}
	sort.Strings(out)
	return out
}
