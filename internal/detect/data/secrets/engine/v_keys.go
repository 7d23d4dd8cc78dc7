package engine

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"sort"
	"strings"
)

// privateKey validates a PEM private key block (RSA, EC, DSA, OpenSSH,
// PKCS#8, encrypted, PGP) that has a body: a header alone, or a header and
// "...", is documentation. Bodies may sit in YAML block scalars, JSON
// strings with escaped newlines, or concatenated string literals.
func privateKey(sc *scan, at int) {
	d := sc.data
	if !hasPrefixAt(d, at, "-----BEGIN ") {
		return
	}
	he := bytes.Index(d[at+11:min(len(d), at+80)], []byte("-----"))
	if he < 0 {
		return
	}
	label := string(d[at+11 : at+11+he])
	if !strings.HasSuffix(label, "PRIVATE KEY") && !strings.HasSuffix(label, "PRIVATE KEY BLOCK") {
		return
	}
	end, body, encrypted := keyBody(d, at+11+he+5)
	if len(body) < 64 || entropy(body) < 4.5 || tokenFake(body) {
		return
	}
	c := cand{rule: RulePrivateKey, start: at, end: end, raw: true, why: strings.ToLower(label) + " block with a body"}
	if encrypted || strings.HasPrefix(label, "ENCRYPTED") {
		c.conf, c.why = Medium, "passphrase-protected "+strings.ToLower(label)+" block"
	}
	sc.add(c)
}

// keyBody reads a key body from i: base64 characters, line breaks (real or
// escaped), quotes and concatenation, armor header lines ("Proc-Type: …").
// It returns where the block ends (after the END line when there is one),
// the base64 text, and whether an armor header says the key is encrypted.
func keyBody(d []byte, i int) (int, string, bool) {
	body := make([]byte, 0, 2048)
	encrypted := false
	last, lineStart, lastBefore := i, 0, i
	limit := min(len(d), i+16<<10)
	for i < limit {
		if hasPrefixAt(d, i, "-----END") {
			if e := bytes.Index(d[i+8:min(len(d), i+80)], []byte("-----")); e >= 0 {
				return i + 8 + e + 5, string(body), encrypted
			}
			return i, string(body), encrypted
		}
		b := d[i]
		switch {
		case csB64Pad[b]:
			body = append(body, b)
			last = i + 1
		case b == '\\' && i+1 < len(d) && (d[i+1] == 'n' || d[i+1] == 'r'):
			i++
			lineStart, lastBefore = len(body), last
		case b == '\n':
			lineStart, lastBefore = len(body), last
		case b == ' ' || b == '\t' || b == '\r' || b == '"' || b == '\'' || b == ',' || b == '|':
		default:
			ls, le := lineBounds(d, i, 200)
			line := d[ls:le]
			if lineStart > 0 { // armor headers only come before the body
				return lastBefore, string(body[:lineStart]), encrypted
			}
			if bytes.IndexByte(line, ':') < 0 {
				return last, string(body), encrypted
			}
			if bytes.Contains(line, []byte("ENCRYPTED")) {
				encrypted = true
			}
			if esc := bytes.Index(d[i:le], []byte("\\n")); esc >= 0 { // header inside a JSON string
				le = i + esc
			}
			body = body[:lineStart]
			i = le
			continue
		}
		i++
	}
	return last, string(body), encrypted
}

// tokenFake: filler in a key body ("xxxx", "example"), not the runs of
// "A" that real DER and OpenSSH encodings contain.
func tokenFake(s string) bool {
	l := strings.ToLower(s)
	for _, w := range []string{"example", "xxxxx", "dummy", "fake", "sample", "placeholder", "redacted"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// puttyKey validates a PuTTY private key file: Private-Lines followed by
// a base64 body.
func puttyKey(sc *scan, at int) {
	d := sc.data
	if !hasPrefixAt(d, at, "PuTTY-User-Key-File-") {
		return
	}
	lim := min(len(d), at+8<<10)
	k := bytes.Index(d[at:lim], []byte("Private-Lines:"))
	if k < 0 {
		return
	}
	_, le := lineBounds(d, at+k, 200)
	end, body, _ := keyBody(d, le)
	if len(body) < 64 || entropy(body) < 4.5 {
		return
	}
	sc.add(cand{rule: RulePrivateKey, start: at, end: end, raw: true, why: "PuTTY private key file"})
}

// jwt validates a JSON Web Token: three base64url segments whose header
// decodes to a JSON object with a signing "alg" and whose payload decodes
// to a JSON object. Unsigned tokens (alg none) and Supabase "anon" keys
// (public by design) are not secrets.
func jwt(sc *scan, at int) {
	d := sc.data
	if !hasPrefixAt(d, at, "eyJ") || !boundaryBefore(d, at, csB64URL) || (at > 0 && d[at-1] == '.') {
		return
	}
	h := runEnd(d, at, csB64URL, 4096)
	if h >= len(d) || d[h] != '.' || !hasPrefixAt(d, h+1, "eyJ") {
		return
	}
	p := runEnd(d, h+1, csB64URL, 16384)
	if p >= len(d) || d[p] != '.' {
		return
	}
	s := runEnd(d, p+1, csB64URL, 2048)
	if s-(p+1) < 16 || (s < len(d) && d[s] == '.') {
		return
	}
	var header map[string]any
	if !decodeJSON(d[at:h], &header) {
		return
	}
	alg, _ := header["alg"].(string)
	if alg == "" || strings.EqualFold(alg, "none") {
		return
	}
	var claims map[string]any
	if !decodeJSON(d[h+1:p], &claims) || len(claims) == 0 {
		return
	}
	if role, _ := claims["role"].(string); role == "anon" {
		return
	}
	sc.add(cand{rule: RuleJWT, start: at, end: s, raw: true, conf: Medium,
		why: "signed JWT (alg " + alg + ") with claims " + claimNames(claims)})
}

func decodeJSON(seg []byte, v any) bool {
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(string(seg), "="))
	if err != nil {
		return false
	}
	return json.Unmarshal(b, v) == nil
}

func claimNames(c map[string]any) string {
	var names []string
	for k := range c {
		names = append(names, k)
	}
	sort.Strings(names)
	if len(names) > 5 {
		names = append(names[:5], "…")
	}
	return strings.Join(names, ", ")
}

// gcpServiceAccount validates a Google service account key file: the
// "type": "service_account" marker and, within a few kilobytes, a
// "private_key" holding a PEM block.
func gcpServiceAccount(sc *scan, at int) {
	d := sc.data
	ls := max(0, at-40)
	if !bytes.Contains(d[ls:at], []byte("type")) {
		return
	}
	ws, we := max(0, at-4096), min(len(d), at+4096)
	for off := ws; off < we; {
		k := bytes.Index(d[off:we], []byte(`private_key`))
		if k < 0 {
			return
		}
		p := off + k + len("private_key")
		off = p
		if p < len(d) && d[p] == '_' { // private_key_id
			continue
		}
		for p < we && (d[p] == '"' || d[p] == '\\' || d[p] == ' ' || d[p] == ':') {
			p++
		}
		if !hasPrefixAt(d, p, "-----BEGIN") {
			continue
		}
		he := bytes.Index(d[p+10:min(len(d), p+80)], []byte("-----"))
		if he < 0 {
			return
		}
		end, body, _ := keyBody(d, p+10+he+5)
		if len(body) < 64 || entropy(body) < 4.5 {
			return
		}
		sc.add(cand{rule: RuleGCPServiceAccount, start: p, end: end, raw: true, key: "private_key",
			why: "service account key file (type service_account with a private_key)"})
		return
	}
}
