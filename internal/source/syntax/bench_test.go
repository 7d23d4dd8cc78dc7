package syntax_test

import (
	"fmt"
	"strings"
	"testing"

	ts "github.com/tree-sitter/go-tree-sitter"
)

// BenchmarkWalk walks a 2,000-line handler module asking every node's kind
// and the named children of every call: the taint front-ends' hot path.
func BenchmarkWalk(b *testing.B) {
	var src strings.Builder
	for i := range 200 {
		fmt.Fprintf(&src, "async function f%d(event) {\n  const id = event.body.id;\n  await db.get({ key: id, n: %d }); // read\n  return { statusCode: 200, body: `x ${id}` };\n}\n\n", i, i)
	}
	f, root := parse(b, "h.js", src.String())
	d := f.Syntax()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		calls := 0
		d.Walk(root, func(n *ts.Node, kind string) bool {
			if kind == "call_expression" {
				calls += len(d.Named(n))
			}
			return true
		})
		if calls == 0 {
			b.Fatal("no calls")
		}
	}
}
