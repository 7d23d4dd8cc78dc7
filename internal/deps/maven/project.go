package maven

import (
	"fmt"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/walk"
)

// maxParents bounds the parent chain.
const maxParents = 10

// pom is one parsed POM with its parents inside the tree.
type pom struct {
	file   string
	root   *node
	parent *pom
}

// coordinates returns the project's groupId, artifactId and version,
// inherited from the parent declaration when absent.
func (p *pom) coordinates() (string, string, string) {
	g, a, v := p.root.value("groupId"), p.root.value("artifactId"), p.root.value("version")
	par := p.root.child("parent")
	if g == "" {
		g = par.value("groupId")
	}
	if v == "" {
		v = par.value("version")
	}
	return g, a, v
}

// loadPOM reads file and its parents as far as they are in the tree; a
// parent that cannot be found or read ends the chain with a warning.
func loadPOM(tree *walk.Tree, file string) (*pom, lockbuild.Warnings, error) {
	root, err := readPOM(tree, file)
	if err != nil {
		return nil, nil, err
	}
	first := &pom{file: file, root: root}
	var warn lockbuild.Warnings
	seen := map[string]bool{file: true}
	for cur := first; len(seen) <= maxParents; cur = cur.parent {
		par := cur.root.child("parent")
		if par == nil {
			break
		}
		pfile, err := parentFile(cur.file, par)
		if err != nil {
			warn = append(warn, lockbuild.Wrap(cur.file, par.line, err))
			break
		}
		if pfile == "" || !tree.Exists(pfile) {
			break // in a repository, not in the tree: its properties stay unknown
		}
		if seen[pfile] {
			warn = append(warn, lockbuild.Errorf(cur.file, par.line, "parent cycle through %s refused", pfile))
			break
		}
		seen[pfile] = true
		proot, err := readPOM(tree, pfile)
		if err != nil {
			warn = append(warn, err)
			break
		}
		if !sameArtifact(par, proot) {
			break // relativePath points at another project: Maven ignores it too
		}
		cur.parent = &pom{file: pfile, root: proot}
	}
	return first, warn, nil
}

func readPOM(tree *walk.Tree, file string) (*node, error) {
	data, err := lockbuild.ReadText(tree, file)
	if err != nil {
		return nil, err
	}
	root, err := parseXML(data)
	if err != nil {
		return nil, lockbuild.Wrap(file, 0, err)
	}
	if root.name != "project" {
		return nil, lockbuild.Errorf(file, root.line, "not a Maven POM: root element <%s>", root.name)
	}
	return root, nil
}

// parentFile resolves <relativePath> (default ../pom.xml) inside the tree;
// an empty element means "look in the repository" and gives "".
func parentFile(file string, par *node) (string, error) {
	rel := "../pom.xml"
	if c := par.child("relativePath"); c != nil {
		rel = strings.TrimSpace(c.text)
		if rel == "" {
			return "", nil
		}
	}
	if path.IsAbs(rel) || strings.Contains(rel, "://") || strings.Contains(rel, `\`) {
		return "", fmt.Errorf("parent relativePath %q refused", rel)
	}
	prefix, inner := "", file
	if i := strings.LastIndex(file, walk.ArchiveSep); i >= 0 {
		prefix, inner = file[:i+len(walk.ArchiveSep)], file[i+len(walk.ArchiveSep):]
	}
	joined := path.Join(path.Dir(inner), rel)
	if joined == ".." || strings.HasPrefix(joined, "../") {
		return "", fmt.Errorf("parent relativePath %q leaves the scanned tree: not read, its properties stay unknown", rel)
	}
	if !strings.HasSuffix(joined, ".xml") {
		joined = path.Join(joined, "pom.xml")
	}
	return prefix + joined, nil
}

func sameArtifact(par, proot *node) bool {
	g := proot.value("groupId")
	if g == "" {
		g = proot.child("parent").value("groupId")
	}
	return par.value("artifactId") == proot.value("artifactId") && (par.value("groupId") == "" || par.value("groupId") == g)
}
