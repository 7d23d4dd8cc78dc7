package npmreg

import (
	"encoding/json"
	"testing"
)

// FuzzPackument decodes registry documents and walks their versions: bad
// documents are errors, never panics.
func FuzzPackument(f *testing.F) {
	f.Add([]byte(`{"name":"a","versions":{"1.0.0":{"version":"1.0.0","dependencies":{"b":"^1"}},"x":{}}}`), "^1.0.0", "0.9.0")
	f.Add([]byte(`{"versions":null}`), "*", "")
	f.Add([]byte(`[]`), "", "1")
	f.Fuzz(func(t *testing.T, data []byte, rng, after string) {
		var p Packument
		if json.Unmarshal(data, &p) != nil {
			return
		}
		p.Sorted()
		p.Highest(rng)
		p.After(after)
		for _, m := range p.Versions {
			m.Requires("b")
		}
	})
}
