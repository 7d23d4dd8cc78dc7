package python

import (
	"context"
	"path"
	"sort"
	"strings"

	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/lockbuild"
	"github.com/cladsec/clad/internal/walk"
)

// maxDistInfo bounds the packages read from one site directory.
const maxDistInfo = 5000

// DistInfo reads the installed packages of a deployment package: every
// *.dist-info/METADATA of one site directory makes one lockfile.
type DistInfo struct{}

// NewDistInfo returns the installed-metadata parser.
func NewDistInfo() *DistInfo { return &DistInfo{} }

// Name implements deps.Parser.
func (*DistInfo) Name() string { return "python/dist-info" }

// FileRequired matches <site>/<name>-<version>.dist-info/METADATA inside
// deployment packages (paths with "!/"); installed trees in a source
// directory are development environments.
func (*DistInfo) FileRequired(p string) bool {
	return strings.Contains(p, walk.ArchiveSep) && isMetadata(p)
}

// archiveRoot is the top of the (innermost) archive holding dir: the code
// of the deployment package imports from its site directories.
func archiveRoot(dir string) string {
	if i := strings.LastIndex(dir, walk.ArchiveSep); i >= 0 {
		return dir[:i+len(walk.ArchiveSep)]
	}
	return dir
}

func isMetadata(p string) bool {
	return path.Base(p) == "METADATA" && strings.HasSuffix(path.Dir(p), ".dist-info")
}

// Parse implements deps.Parser. Only the first METADATA of a site
// directory (in path order) yields the lockfile for the whole directory;
// the others return nil. The lockfile's File is the site directory and its
// Dir the top of the archive, whose code imports from it. A broken METADATA is a warning; the others
// still count.
func (*DistInfo) Parse(ctx context.Context, tree *walk.Tree, file string) (*deps.Lockfile, error) {
	siteRaw := path.Dir(path.Dir(file)) // "fn.zip!" at the top of an archive
	site := lockbuild.Dir(path.Dir(file))
	var files []string
	for _, f := range tree.Under(siteRaw) {
		if isMetadata(f.Path) && path.Dir(path.Dir(f.Path)) == siteRaw {
			files = append(files, f.Path)
		}
	}
	sort.Strings(files)
	if len(files) == 0 || files[0] != file {
		return nil, nil
	}
	if len(files) > maxDistInfo {
		return nil, lockbuild.Errorf(site, 0, "more than %d installed packages; not read", maxDistInfo)
	}
	b := lockbuild.New(site, deps.PyPI, "dist-info")
	b.Lockfile().Dir = archiveRoot(site)
	var warn lockbuild.Warnings
	requires := map[string][]string{}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		id, reqs, err := readDistInfo(b, tree, f)
		if err != nil {
			warn = append(warn, err)
			continue
		}
		requires[id] = reqs
	}
	distInfoGraph(b, requires)
	return b.Finish(true), warn.Err()
}

// readDistInfo adds the package a METADATA describes and returns its ID
// and the normalised names it requires.
func readDistInfo(b *lockbuild.Builder, tree *walk.Tree, file string) (string, []string, error) {
	data, err := lockbuild.ReadText(tree, file)
	if err != nil {
		return "", nil, err
	}
	m := parseMetadata(string(data))
	if m.name == "" || m.version == "" {
		return "", nil, lockbuild.Errorf(file, 0, "METADATA without Name or Version")
	}
	p := newPackage(m.name, m.version, file, m.nameLine)
	p.License = m.spdxLicense()
	p.Scope = deps.Runtime
	p = b.Add(p)
	var reqs []string
	for _, r := range m.requires {
		if req, ok := ParseRequirement(r); ok && req.Name != "" {
			reqs = append(reqs, Normalize(req.Name))
		}
	}
	return p.ID, reqs, nil
}

// distInfoGraph links each package to the installed packages it
// requires; those nothing requires are the roots.
func distInfoGraph(b *lockbuild.Builder, requires map[string][]string) {
	byName := b.ByName()
	for from, names := range requires {
		for _, n := range names {
			for _, to := range byName[n] {
				b.Edge(from, to.ID)
			}
		}
	}
	b.RootOrphans()
}
