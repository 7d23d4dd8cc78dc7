package handling

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cladsec/clad/internal/source"
)

// fuzzExts are the languages FuzzAnalyze parses input as.
var fuzzExts = []string{".js", ".ts", ".py", ".go"}

// FuzzAnalyze runs every check over arbitrary source: no panic, issues
// with lines inside the file.
func FuzzAnalyze(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "snippets", "*", "*"))
	for _, p := range files {
		if src, err := os.ReadFile(p); err == nil {
			for i, ext := range fuzzExts {
				if filepath.Ext(p) == ext {
					f.Add(uint8(i), src)
				}
			}
		}
	}
	f.Add(uint8(0), []byte("try {} catch (e) { res.status(500).send(e.stack) } console.log(event, {...process.env})"))
	f.Add(uint8(2), []byte("try:\n  pass\nexcept Exception as e:\n  return str(e), 500\n"))
	f.Add(uint8(3), []byte("package main\nfunc f() { log.WithField(\"token\", t).With(x).Info() }"))
	f.Fuzz(func(t *testing.T, lang uint8, src []byte) {
		path := "fuzz" + fuzzExts[int(lang)%len(fuzzExts)]
		sf, err := source.Parse(path, src)
		if err != nil {
			return
		}
		defer sf.Close()
		a := analyze(sf)
		lines := 1
		for _, b := range src {
			if b == '\n' {
				lines++
			}
		}
		for _, is := range a.issues {
			if is.line < 1 || is.line > lines || is.rule == "" || is.key == "" {
				t.Fatalf("bad issue %+v", is)
			}
			for _, hl := range []int{0, 1, lines} {
				a.runs(is, hl)
			}
		}
	})
}

// FuzzConfigFiles reads arbitrary JSON and .env content.
func FuzzConfigFiles(f *testing.F) {
	f.Add([]byte(`{"apiUrl": "http://api.partner-shop.io", "a": [{"endpoint": "http://x.y.io"}]}`))
	f.Add([]byte("API_URL=http://api.partner-shop.io\nexport NODE_TLS_REJECT_UNAUTHORIZED=0\n"))
	f.Add([]byte("a: &a [*a, *a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = jsonSettings(data)
		for _, j := range dotenvSettings(data) {
			if j.line < 1 || j.rule == "" {
				t.Fatalf("bad setting %+v", j)
			}
		}
	})
}
