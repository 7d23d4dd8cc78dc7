package calls

import (
	"strings"

	"github.com/cladsec/clad/internal/detect/access/fnmap"
	"github.com/cladsec/clad/internal/model"
)

// keysOf collects the credentials a request sends: key headers and query
// parameters, and a code= parameter written into the URL.
func keysOf(r rawHTTP, urls []str, callees []*model.Function) []Key {
	var out []Key
	add := func(k Key) {
		for _, o := range out {
			if o.Via == k.Via && o.For == k.For && sameOrigins(o.Origins, k.Origins) {
				return
			}
		}
		out = append(out, k)
	}
	for _, kr := range r.keys {
		for _, s := range kr.strs {
			os := s.originsIn(0, len(s.text))
			add(Key{Via: kr.via, For: chosenFor(os, callees), Origins: orUnknown(os)})
		}
	}
	for _, u := range urls {
		start, end, ok := codeParam(u.text)
		if !ok {
			continue
		}
		os := u.originsIn(start, end)
		add(Key{Via: "code query parameter", For: chosenFor(os, callees), Origins: orUnknown(os)})
	}
	return out
}

// codeParam locates the value of a code= query parameter.
func codeParam(u string) (int, int, bool) {
	lower := strings.ToLower(u)
	for _, sep := range []string{"?code=", "&code="} {
		if i := strings.Index(lower, sep); i >= 0 {
			start := i + len(sep)
			end := len(u)
			if j := strings.IndexAny(u[start:], "&#"); j >= 0 {
				end = start + j
			}
			return start, end, end > start
		}
	}
	return 0, 0, false
}

// chosenFor names the one callee whose name the key's origin spells
// (config key functions.backup, setting BACKUP_KEY), or "".
func chosenFor(os []Origin, callees []*model.Function) string {
	if len(callees) < 2 {
		return ""
	}
	found := ""
	for _, g := range callees {
		for _, o := range os {
			if o.Name != "" && containsTokens(fnmap.Tokens(o.Name), fnmap.Tokens(g.Name)) {
				if found != "" && found != g.ID {
					return ""
				}
				found = g.ID
			}
		}
	}
	return found
}

// containsTokens reports whether every token of want is in have.
func containsTokens(have, want []string) bool {
	if len(want) == 0 {
		return false
	}
	for _, w := range want {
		ok := false
		for _, h := range have {
			if h == w {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func orUnknown(os []Origin) []Origin {
	if len(os) == 0 {
		return []Origin{{Kind: OriginUnknown}}
	}
	return os
}

func sameOrigins(a, b []Origin) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
