package packagelock

import (
	"testing"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/npm/jsontree"
	"github.com/cladsec/clad/internal/deps/npm/npmtest"
)

// The demo apps' lockfiles parse without warnings, every package is
// reached from a direct dependency, and the scopes computed through the
// graph agree with the dev flags npm wrote.
func TestExamples(t *testing.T) {
	for _, app := range []string{"aws-orders", "azure-todo"} {
		t.Run(app, func(t *testing.T) {
			dir := "../../../../examples/" + app
			l := parseFile(t, dir, "package-lock.json")
			if len(l.Warnings) > 0 {
				t.Errorf("warnings: %q", l.Warnings)
			}
			flags := npmFlags(t, dir+"/package-lock.json")
			for _, p := range l.Packages {
				if len(l.Paths(p.ID, l.Roots, 1)) == 0 {
					t.Errorf("%s: no direct dependency reaches it", p.ID)
				}
				if want := flags[p.ID]; p.Scope != want {
					t.Errorf("%s: scope %s, npm says %s", p.ID, p.Scope, want)
				}
			}
			npmtest.Golden(t, "testdata/examples/"+app+".golden", npmtest.Render(l))
		})
	}
}

// npmFlags reads the scope npm recorded for each package: from "packages"
// (v2, v3), else from the nested "dependencies" (v1).
func npmFlags(t *testing.T, file string) map[string]deps.Scope {
	tree := npmtest.Tree(t, file, walkOpts)
	data, err := tree.ReadFile("package-lock.json")
	if err != nil {
		t.Fatal(err)
	}
	root, err := jsontree.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]deps.Scope{}
	if pkgs := root.Get("packages"); pkgs != nil {
		for _, e := range pkgs.Entries {
			if e.Key != "" && e.Value.Kind == cfgtree.Map {
				out[e.Key] = flagScope(e.Value)
			}
		}
		return out
	}
	var walkV1 func(prefix string, n *cfgtree.Node)
	walkV1 = func(prefix string, n *cfgtree.Node) {
		if n == nil || n.Kind != cfgtree.Map {
			return
		}
		for _, e := range n.Entries {
			key := prefix + "node_modules/" + e.Key
			out[key] = flagScope(e.Value)
			walkV1(key+"/", e.Value.Get("dependencies"))
		}
	}
	walkV1("", root.Get("dependencies"))
	return out
}
