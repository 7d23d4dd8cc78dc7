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
}

// localCode is code at a path relative to the template: a directory, a zip
// the walker mounted, or a built jar.
func (t *template) localCode(rel string) codeLoc {
	p := handler.Join(t.dir, rel)
	switch strings.ToLower(path.Ext(p)) {
	case ".zip":
		return codeLoc{dir: p + walk.ArchiveSep, archive: p, artifact: p}
	case ".jar", ".war":
		return codeLoc{external: true, artifact: p}
	}
	return codeLoc{dir: p}
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
		// step): the code exists, just not here.
		f.HandlerStatus = model.HandlerExternal
	default:
		rt := ""
		if runtime.Resolved {
			rt = runtime.Text
		}
		r := handler.Resolve(t.tree, loc.dir, rt, hv.Text)
		f.File, f.HandlerStatus = r.File, r.Status
		if r.Status == model.HandlerMissing {
			t.warn(f.Source.Line, "resolve", fmt.Sprintf("function %s: handler %q not found (looked for %s)",
				f.Name, hv.Text, strings.Join(r.Tried, ", ")))
		}
	}
}
