package db

import (
	"context"
	"testing"

	"github.com/cladsec/clad/internal/advisory/advtest"
)

// BenchmarkOpenShared loads the full index of ../shared/advisories (every
// ecosystem, 11.6k records) as a scan does once: open, plus the first
// query of each ecosystem.
func BenchmarkOpenShared(b *testing.B) {
	dir := b.TempDir()
	if _, err := (&Store{Dir: dir}).Import(context.Background(), advtest.SharedDir(b)); err != nil {
		b.Fatal(err)
	}
	probes := map[string]string{"npm": "lodash", "PyPI": "requests", "Go": "golang.org/x/net", "RubyGems": "rails",
		"crates.io": "tokio", "Packagist": "symfony/http-kernel", "Maven": "org.apache.logging.log4j:log4j-core", "NuGet": "Newtonsoft.Json"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		for eco, name := range probes {
			if _, err := d.Query(eco, name, "0.0.1"); err != nil {
				b.Fatal(err)
			}
		}
		d.Close()
	}
}
