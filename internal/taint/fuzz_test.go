package taint

import (
	"context"
	"testing"

	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/walk"
)

// FuzzLower feeds arbitrary text to every front-end and to the analysis:
// nothing may panic or run unbounded.
func FuzzLower(f *testing.F) {
	seeds := []string{
		"const {exec}=require('child_process');exports.handler=async(e)=>{exec(e.body)}",
		"export default async function (context, req) { context.res = { body: req.query.x } }",
		"def handler(event, context):\n    import os\n    os.system(event['x'])\n",
		"package main\nfunc main() { lambda.Start(h) }\nfunc h(r events.APIGatewayProxyRequest) {}",
		"a = b = c = d; ((((x))));",
		"for (const [a, {b: [c = 1]}] of x) { switch (a) { case 1: f(); default: g() } }",
		"class A extends B { static x = 1; m() { return this.n } }",
		"\x00\xff",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	dir := f.TempDir()
	tree, err := walk.Open(context.Background(), dir, walk.Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, name := range []string{"h.js", "h.ts", "h.py", "h.go"} {
			sf, err := source.Parse(name, []byte(src))
			if err != nil {
				continue
			}
			var m *Module
			switch {
			case sf.Lang.IsJS():
				m = lowerJS(sf)
			case sf.Lang == source.Python:
				m = lowerPy(sf)
			default:
				m = lowerGo(sf)
			}
			m.lowerAll() // every body, called or not
			e := New(tree, Options{MaxWork: 20_000})
			e.files[name] = m
			in := newInterp(e, context.Background(), &model.Function{ID: "f", Provider: model.AWS, File: name})
			in.entry(m, "handler")
			in.entry(m, "default")
			sf.Close()
		}
	})
}
