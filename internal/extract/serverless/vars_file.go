package serverless

import (
	"errors"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/walk"
)

// included is one file read by ${file(...)}: its parsed root, or the
// outcome to give when it could not be read.
type included struct {
	root *cfgtree.Node
	fail outcome
}

// fileRef reads ${file(./path):address}. The path is relative to the
// service directory and must stay inside the scanned tree; YAML and JSON are
// parsed, programs (.js, .ts) are never run, other files are read as text.
func (r *resolver) fileRef(rf ref, at *cfgtree.Node) outcome {
	name := rf.param
	if s, ok := quoted(name); ok {
		name = s
	}
	p, ok := insideJoin(r.dir, name)
	if !ok {
		r.warn(at, "unsafe", "${file(%s)} points outside the scanned tree; not read", name)
		return outcome{state: symbolic}
	}
	inc := r.include(p, name, at)
	if inc.root == nil {
		return inc.fail
	}
	return r.lookup(inc.root, splitAddress(rf.address), "file("+name+"):")
}

// include reads and parses one referenced file, once.
func (r *resolver) include(p, name string, at *cfgtree.Node) included {
	if inc, ok := r.files[p]; ok {
		return inc
	}
	inc := r.load(p, name, at)
	r.files[p] = inc
	return inc
}

func (r *resolver) load(p, name string, at *cfgtree.Node) included {
	symbolicFile := included{fail: outcome{state: symbolic}}
	if len(r.files) >= maxIncludes {
		r.warn(at, "limit", "more than %d files referenced with ${file(...)}; %s not read", maxIncludes, name)
		return symbolicFile
	}
	ext := strings.ToLower(path.Ext(p))
	switch ext {
	case ".js", ".cjs", ".mjs", ".ts", ".cts", ".mts":
		r.warn(at, "unsupported", "${file(%s)} is a program; clad never executes scanned code, so its value is unknown", name)
		return symbolicFile
	}
	if !r.tree.Exists(p) {
		return included{fail: outcome{state: missing, note: "file " + name + " (" + p + ") not found"}}
	}
	data, err := r.tree.ReadFile(p)
	if err != nil {
		r.warn(at, "io", "cannot read ${file(%s)}: %v", name, err)
		return symbolicFile
	}
	switch ext {
	case ".yml", ".yaml", ".json":
		root, err := cfgtree.Parse(data)
		if err != nil {
			r.warnFile(p, parseLine(err), "parse", "cannot parse (referenced from "+r.file+"): "+err.Error())
			return symbolicFile
		}
		r.markOrigin(root, p)
		return included{root: root}
	}
	root := &cfgtree.Node{Kind: cfgtree.Scalar, Value: string(data), Quoted: true, Line: 1}
	r.origin[root] = p
	return included{root: root}
}

// markOrigin records that every node of an included file comes from p.
func (r *resolver) markOrigin(n *cfgtree.Node, p string) {
	r.origin[n] = p
	for _, it := range n.Items {
		r.markOrigin(it, p)
	}
	for _, e := range n.Entries {
		if e.Value != nil {
			r.markOrigin(e.Value, p)
		}
	}
}

// warnFile records a warning about another file than the one at hand.
func (r *resolver) warnFile(file string, line int, kind, msg string) {
	at := &cfgtree.Node{Line: line}
	r.origin[at] = file
	r.warn(at, kind, "%s", msg)
	delete(r.origin, at)
}

// parseLine returns the line of a cfgtree parse error, or 0.
func parseLine(err error) int {
	var pe *cfgtree.Error
	if errors.As(err, &pe) {
		return pe.Line
	}
	return 0
}

// insideJoin joins a relative path to dir and reports false when the result
// would leave the scanned tree (or the archive dir is in): absolute paths,
// home directories and ".." escapes are refused.
func insideJoin(dir, rel string) (string, bool) {
	rel = strings.ReplaceAll(strings.TrimSpace(rel), `\`, "/")
	if rel == "" || strings.HasPrefix(rel, "/") || strings.HasPrefix(rel, "~") ||
		strings.Contains(rel, ":") || strings.Contains(rel, walk.ArchiveSep) {
		return "", false
	}
	prefix, inner := "", dir
	if i := strings.Index(dir, walk.ArchiveSep); i >= 0 {
		prefix, inner = dir[:i+len(walk.ArchiveSep)], dir[i+len(walk.ArchiveSep):]
	}
	joined := path.Join(inner, rel)
	if joined == ".." || strings.HasPrefix(joined, "../") {
		return "", false
	}
	return prefix + joined, true
}
