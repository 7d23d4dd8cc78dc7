package packagelock

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/deps/npm/jsontree"
	"github.com/cladsec/clad/internal/deps/npm/npmtest"
	"github.com/cladsec/clad/internal/walk"
)

// largeLock writes a v3 lockfile of n packages: every package depends on
// two others, one in ten is nested under another, and one in five is dev.
func largeLock(n int) string {
	var b strings.Builder
	b.WriteString("{\n  \"name\": \"big\",\n  \"lockfileVersion\": 3,\n  \"requires\": true,\n  \"packages\": {\n")
	b.WriteString("    \"\": {\"name\": \"big\", \"dependencies\": {\"p0\": \"^1.0.0\", \"p1\": \"^1.0.0\"}, \"devDependencies\": {\"p4\": \"^1.0.0\"}}")
	for i := 0; i < n; i++ {
		key := fmt.Sprintf("node_modules/p%d", i)
		if i%10 == 9 {
			key = fmt.Sprintf("node_modules/p%d/node_modules/p%d", i-1, i)
		}
		dev := ""
		if i%5 == 4 {
			dev = "\n      \"dev\": true,"
		}
		fmt.Fprintf(&b, ",\n    %q: {\n      \"version\": \"1.%d.0\",\n      \"resolved\": \"https://registry.npmjs.org/p%d/-/p%d-1.%d.0.tgz\",\n"+
			"      \"integrity\": \"sha512-%s==\",%s\n      \"license\": \"MIT\",\n      \"dependencies\": {\n        \"p%d\": \"^1.0.0\",\n        \"p%d\": \"^1.0.0\"\n      }\n    }",
			key, i, i, i, i, strings.Repeat("A", 86), dev, (i*7+1)%n, (i*13+5)%n)
	}
	b.WriteString("\n  }\n}\n")
	return b.String()
}

func BenchmarkParseV3(b *testing.B) {
	dir := b.TempDir()
	data := largeLock(5000)
	npmtest.WriteFiles(b, dir, map[string]string{"package-lock.json": data})
	tree := npmtest.Tree(b, dir, walk.Options{})
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		l, err := New().Parse(context.Background(), tree, "package-lock.json")
		if err != nil || len(l.Packages) != 5000 {
			b.Fatalf("%v, %d packages", err, len(l.Packages))
		}
	}
}

// BenchmarkJSONOnly is the share of BenchmarkParseV3 spent reading JSON.
func BenchmarkJSONOnly(b *testing.B) {
	data := []byte(largeLock(5000))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jsontree.Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
