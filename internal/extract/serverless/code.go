package serverless

import (
	"path"
	"strings"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/extract/handler"
	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

// code finds the function's code: a container image, or the handler file
// relative to the service directory (or inside the packaged artifact when
// that zip is in the scanned tree).
func (b *builder) code() {
	if img := b.def.Get("image"); isSet(img) {
		b.pkg().Image = b.imageName(img)
		b.f.Runtime = "" // the image brings its own
		b.f.HandlerStatus = model.HandlerExternal
		return
	}
	h := b.def.Get("handler")
	if !isSet(h) && b.symbolicDef {
		b.f.HandlerStatus = model.HandlerUnresolved
		return
	}
	if !isSet(h) {
		switch b.f.Provider {
		case model.AWS, model.Azure, model.GCP:
			b.f.HandlerStatus = model.HandlerMissing
			b.s.warnAt(b.key, "config", "function %q has neither handler nor image", b.f.Name)
		default: // other providers' plugins name code differently (script:, path:)
			b.f.HandlerStatus = model.HandlerUnresolved
		}
		return
	}
	b.f.Handler = b.text(h, "handler")
	if b.s.r.isUnresolved(h) {
		b.f.HandlerStatus = model.HandlerUnresolved
		return
	}
	if b.s.provider == model.GCP {
		b.gcpHandler()
		return
	}
	b.awsHandler()
}

// awsHandler resolves an AWS-style handler ("src/orders.create").
func (b *builder) awsHandler() {
	codeDir, external := b.s.dir, false
	if b.f.Package != nil && b.f.Package.Artifact != "" {
		codeDir, external = b.artifactDir(b.f.Package.Artifact)
	}
	res := handler.Resolve(b.s.in.Tree, codeDir, b.f.Runtime, b.f.Handler)
	b.f.CodeDir, b.f.File, b.f.HandlerStatus = codeDir, res.File, res.Status
	switch {
	case res.Status == model.HandlerResolved:
	case external:
		b.f.HandlerStatus = model.HandlerExternal
	case res.Status == model.HandlerMissing:
		b.s.warnAt(b.key, "resolve", "handler %q of function %q not found (looked for %s)", b.f.Handler, b.f.Name, triedText(res.Tried, b.f.Runtime))
	}
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

// artifactDir returns where a prebuilt artifact's code is: the root of the
// zip when the scan holds it, else the service directory, with external set
// because the deployed code is built elsewhere.
func (b *builder) artifactDir(artifact string) (dir string, external bool) {
	p, ok := insideJoin(b.s.dir, artifact)
	if ok && strings.EqualFold(path.Ext(p), ".zip") && len(b.s.in.Tree.Under(p+"!")) > 0 {
		return p + walk.ArchiveSep, false
	}
	return b.s.dir, true
}

// imageName reads image: uri, image: {uri}, or image: {name} which names an
// image under provider.ecr.images.
func (b *builder) imageName(img *cfgtree.Node) string {
	if img.Kind != cfgtree.Map {
		return b.text(img, "image")
	}
	if uri := img.Get("uri"); isSet(uri) {
		return b.text(uri, "image")
	}
	name := b.text(img.Get("name"), "image")
	if uri := b.s.provSetting("ecr", "images", name, "uri"); isSet(uri) {
		return b.text(uri, "image")
	}
	return name
}

// gcpHandler resolves a Google Cloud Functions handler, which names an
// export of the service's main module (index.js, main.py).
func (b *builder) gcpHandler() {
	var cands []string
	switch handler.Lang(b.f.Runtime) {
	case "node", "":
		cands = []string{"index.js", "index.mjs", "index.cjs", "index.ts"}
	case "python":
		cands = []string{"main.py"}
	}
	if handler.Lang(b.f.Runtime) == "" {
		cands = append(cands, "main.py")
	}
	for _, c := range cands {
		if p := handler.Join(b.s.dir, c); b.s.in.Tree.Exists(p) {
			b.f.File, b.f.HandlerStatus = p, model.HandlerResolved
			return
		}
	}
	if len(cands) == 0 {
		b.f.HandlerStatus = model.HandlerUnresolved
		return
	}
	b.f.HandlerStatus = model.HandlerMissing
	b.s.warnAt(b.key, "resolve", "module of handler %q of function %q not found (looked for %s)", b.f.Handler, b.f.Name, strings.Join(cands, ", "))
}
