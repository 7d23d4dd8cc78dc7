package engine

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzScan feeds arbitrary content and paths to the engine: it never
// panics, every match lies inside the input with sane positions, and no
// formatted match shows its secret.
func FuzzScan(f *testing.F) {
	for _, r := range Rules() {
		for _, s := range r.Catch {
			f.Add(s.Path, s.Text)
		}
	}
	f.Add(".env", "A=\"\nB='\n`\\\n")
	f.Add("x.json", "{\"auths\":{\"a\":{\"auth\":\"====\"}}} eyJ.eyJ. -----BEGIN PRIVATE KEY-----\\n\\")
	f.Add(".netrc", "machine password")
	f.Add("a.zip!/b.js", "\xff\xfe\x00secret=1")
	s := New()
	f.Fuzz(func(t *testing.T, path, text string) {
		ms := s.Scan(path, []byte(text))
		lines := strings.Count(text, "\n") + 1
		for _, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("span %d:%d outside %d bytes", m.Start, m.End, len(text))
			}
			if m.Line < 1 || m.Line > lines || m.EndLine < m.Line || m.Column < 1 {
				t.Fatalf("position %d:%d-%d of %d lines", m.Line, m.Column, m.EndLine, lines)
			}
			if _, ok := Lookup(m.Rule); !ok {
				t.Fatalf("unknown rule %s", m.Rule)
			}
			if m.Secret() == "" || !utf8.ValidString(m.Redacted()) && utf8.ValidString(m.Secret()) {
				t.Fatalf("bad secret or redaction")
			}
			if len(m.Secret()) >= 8 {
				for _, shown := range []string{m.String(), m.Why, m.Key} {
					if strings.Contains(shown, m.Secret()) {
						t.Fatalf("a printed field shows the secret")
					}
				}
			}
		}
	})
}
