package source

import (
	"fmt"
	"strings"
	"testing"
)

// jsBlock is one function of the generated handler module (9 lines).
const jsBlock = `async function step%[1]d(event, ctx) {
  const id = event.pathParameters && event.pathParameters.id;
  const row = await db.get({ table: 'users', key: { id: id + '-%[1]d' } });
  if (!row) {
    return { statusCode: 404, body: JSON.stringify({ error: ` + "`missing ${id}`" + ` }) };
  }
  return { statusCode: 200, body: JSON.stringify(row.items.map((x) => x.value * %[1]d)) };
}

`

// genJS writes a handler module of n lines in the style of real serverless
// code: requires, async functions, object literals, template strings.
func genJS(n int) []byte {
	var b strings.Builder
	b.WriteString("'use strict';\nconst AWS = require('aws-sdk');\nconst db = require('./lib/db');\n\n")
	lines := 4
	for i := 0; lines+9 < n; i++ {
		fmt.Fprintf(&b, jsBlock, i)
		lines += 9
	}
	for ; lines < n-1; lines++ {
		b.WriteString("// padding\n")
	}
	b.WriteString("exports.handler = async (event, ctx) => step0(event, ctx);\n")
	return []byte(b.String())
}

func TestGenJS(t *testing.T) {
	src := genJS(2000)
	if got := strings.Count(string(src), "\n"); got != 2000 {
		t.Errorf("genJS(2000) has %d lines", got)
	}
	f := mustParse(t, "handler.js", string(src))
	if f.HasErrors() || f.ExportLine("handler") != 2000 {
		t.Errorf("generated module: errors %v, handler line %d", f.HasErrors(), f.ExportLine("handler"))
	}
}

// BenchmarkParse parses a generated 2000-line handler, then also answers the
// questions the scan asks of it.
func BenchmarkParse(b *testing.B) {
	src := genJS(2000)
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			f, err := Parse("handler.js", src)
			if err != nil {
				b.Fatal(err)
			}
			f.Close()
		}
	})
	b.Run("parse+export+imports", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			f, err := Parse("handler.js", src)
			if err != nil {
				b.Fatal(err)
			}
			if f.ExportLine("handler") == 0 || len(f.LocalImports()) != 1 || len(f.Packages()) != 1 {
				b.Fatal("generated handler not understood")
			}
			f.Close()
		}
	})
}
