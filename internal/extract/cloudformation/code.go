package cloudformation

import (
	"fmt"
	"path"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/extract/handler"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// codeLoc says where a function's code is.
type codeLoc struct {
	dir        string // the directory (or "pkg.zip!/") the handler is relative to
	external   bool   // not in the scanned tree by design
	unresolved bool   // depends on a value clad cannot know
	archive    string // the local zip the code is in, when it is one
	artifact   string
	image      string
	// key and line name the property that gave a local path (CodeUri,
	// Code) and where it is; rel is the path as written.
	key  string
	line int
	rel  string
}

// localCode is code at a path relative to the template: a directory, a zip
// the walker mounted, or a built jar.
func (t *template) localCode(rel, key string, line int) codeLoc {
	p := handler.Join(t.dir, rel)
	switch strings.ToLower(path.Ext(p)) {
	case ".zip":
		return codeLoc{dir: p + walk.ArchiveSep, archive: p, artifact: p}
	case ".jar", ".war":
		return codeLoc{external: true, artifact: p}
	}
	return codeLoc{dir: p, key: key, line: line, rel: rel}
}

// s3Code is code uploaded to S3. When a zip of the same name sits next to
// the template (as in .serverless/, where `serverless package` leaves the
// artifact it uploads), the handler is looked for inside it.
func (t *template) s3Code(bucket, key Value) codeLoc {
	artifact := "s3://" + bucket.Text + "/" + key.Text
	if key.Resolved && strings.EqualFold(path.Ext(key.Text), ".zip") {
		local := handler.Join(t.dir, path.Base(key.Text))
		if t.archiveInTree(local) {
			return codeLoc{dir: local + walk.ArchiveSep, archive: local, artifact: local}
		}
	}
	return codeLoc{external: true, artifact: artifact}
}

// s3URI splits "s3://bucket/key".
func s3URI(uri string) (bucket, key Value) {
	b, k, _ := strings.Cut(strings.TrimPrefix(uri, "s3://"), "/")
	return lit(b), lit(k)
}

// resolveHandler records where the code is and finds the handler's file.
func (t *template) resolveHandler(f *model.Function, loc codeLoc, runtime Value, h *cfgtree.Node) {
	f.CodeDir = loc.dir
	if loc.artifact != "" || loc.image != "" {
		f.Package = &model.Package{Artifact: loc.artifact, Image: loc.image}
	}
	hv := t.ev.Eval(h)
	switch {
	case loc.unresolved:
		f.HandlerStatus = model.HandlerUnresolved
	case loc.external:
		f.HandlerStatus = model.HandlerExternal
	case h == nil || !hv.Resolved:
		f.HandlerStatus = model.HandlerUnresolved
	case loc.archive != "" && !t.archiveInTree(loc.archive):
		// A zip that is not in the tree is a build product (gradle, a CI
		// step): the code exists, just not here, and there is no archive
		// to point into.
		f.HandlerStatus = model.HandlerExternal
		f.CodeDir = archiveDir(loc.archive)
	case !t.codeDirExists(loc):
		t.missingCodeDir(f, loc)
	default:
		rt := ""
		if runtime.Resolved {
			rt = runtime.Text
		}
		r := handler.Resolve(t.tree, loc.dir, rt, hv.Text)
		f.File, f.HandlerStatus = r.File, r.Status
		if r.Status == model.HandlerMissing {
			t.warn(f.Source.Line, "resolve", fmt.Sprintf("function %s: handler %q not found (looked for %s)",
				f.Name, hv.Text, triedText(r.Tried, rt)))
		}
	}
}

// archiveDir is the directory holding a zip ("build/dist.zip" → "build",
// "dist.zip" → "."), keeping the separator of a zip inside a zip.
func archiveDir(zip string) string {
	d := path.Dir(zip)
	if strings.HasSuffix(d, "!") && strings.HasSuffix(zip[:len(d)+1], walk.ArchiveSep) {
		return d + "/"
	}
	return d
}

// codeDirExists reports whether the directory a CodeUri or Code path
// names is in the tree (always true without such a path).
func (t *template) codeDirExists(loc codeLoc) bool {
	if loc.line == 0 || loc.dir == t.dir {
		return true
	}
	return t.tree.Exists(loc.dir) || len(t.tree.Under(strings.TrimSuffix(loc.dir, "/"))) > 0
}

// missingCodeDir reports a CodeUri (or Code) directory that is not in the
// tree, at the property's line. A directory inside a build output (dist/,
// .aws-sam/…) is built before deploy: the code exists, just not here.
func (t *template) missingCodeDir(f *model.Function, loc codeLoc) {
	first, _, _ := strings.Cut(strings.TrimPrefix(loc.rel, "./"), "/")
	if buildDirs[first] {
		f.HandlerStatus = model.HandlerExternal
		return
	}
	f.HandlerStatus = model.HandlerMissing
	t.warn(loc.line, "resolve", fmt.Sprintf("function %s: %s directory %s does not exist", f.Name, loc.key, loc.dir))
}

// buildDirs are the directories build tools write deployable code to.
var buildDirs = map[string]bool{
	"build": true, "dist": true, "out": true, "target": true, ".build": true, "bin": true,
	".webpack": true, ".esbuild": true, "_build": true, "output": true, ".aws-sam": true,
}

// nodeExts are the extensions handler.Resolve tries for Node.js, in order.
const nodeExts = "{js,mjs,cjs,ts,mts,cts,jsx,tsx}"

// triedText describes the files looked for a missing handler. Resolve
// keeps only the first few; for Node.js every extension was tried, the
// TypeScript ones included, as file and as directory index.
func triedText(tried []string, runtime string) string {
	if len(tried) == 0 {
		return "nothing"
	}
	if handler.Lang(runtime) == "node" {
		base := strings.TrimSuffix(tried[0], path.Ext(tried[0]))
		return base + "." + nodeExts + ", " + base + "/index." + nodeExts
	}
	return strings.Join(tried, ", ")
}
