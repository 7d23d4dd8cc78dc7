package engine

import (
	"encoding/base64"
	"fmt"
	"strings"
)

// generic reads the assignment around a secret-ish keyword (password,
// secret, token, key, auth, cred, pwd) and reports its value when the name
// says secret and the value looks like one: a vendor format recognised by
// the name (data/aws-secret-key, data/datadog-key…), or a literal that is
// neither a reference nor a placeholder and is random enough
// (data/hardcoded-secret, or the rule of the credential file it sits in).
func generic(sc *scan, at int) {
	a, ok := sc.parseAssignment(at)
	if !ok || a.continuesAfter || (a.query && badgeQuery(sc.data, a.keyStart)) {
		return
	}
	if a.vEnd-a.vStart > 512 || a.vEnd-a.vStart < 6 {
		return
	}
	k, ok := classifyKey(a.key)
	if !ok {
		return
	}
	v := string(sc.data[a.vStart:a.vEnd])
	if len(v) < 6 || reference(v) {
		return
	}
	start, end := a.vStart, a.vEnd
	if k.noun == nounAuthorization {
		scheme, tok, ok := splitScheme(v)
		if !ok {
			return
		}
		start += len(v) - len(tok)
		v = tok
		if strings.EqualFold(scheme, "basic") {
			k.noun = nounAuth
		}
	}
	if rule, why, ok := sc.vendor(k, v, start); ok {
		sc.add(cand{rule: rule, start: start, end: end, key: a.key, why: why, conf: High})
		return
	}
	malformed := ""
	if p, ok := knownPrefix(v); ok {
		if len(v)-len(p.prefix) < p.min {
			return // a truncated or placeholder token
		}
		malformed = "; looks like a " + p.prefix + " token but fails its format check"
	}
	conf, why, ok := genericValue(k, v)
	if !ok {
		return
	}
	if malformed != "" {
		conf, why = Low, why+malformed
	}
	sc.add(cand{rule: sc.fileRule(k, a.key), start: start, end: end, key: a.key, conf: conf,
		why: fmt.Sprintf(why, a.key), raw: true})
}

// knownPrefix returns the self-identifying format v starts with.
func knownPrefix(v string) (prefixed, bool) {
	for _, p := range prefixedTokens {
		if strings.HasPrefix(v, p.prefix) {
			return p, true
		}
	}
	return prefixed{}, false
}

// splitScheme splits "Bearer xyz" / "Basic xyz" / "token xyz".
func splitScheme(v string) (string, string, bool) {
	i := strings.IndexByte(v, ' ')
	if i < 0 {
		return "", "", false
	}
	scheme, tok := v[:i], strings.TrimSpace(v[i+1:])
	switch strings.ToLower(scheme) {
	case "bearer", "basic", "token", "bot", "ssws", "apikey", "key", "digest", "sharedaccesssignature":
		return scheme, tok, tok != ""
	}
	return "", "", false
}

// fileRule names the rule for a generic secret: the credential file's own
// rule in .netrc, .pypirc and .npmrc, else data/hardcoded-secret.
func (sc *scan) fileRule(k keyName, key string) string {
	switch {
	case sc.file.kind == kindNetrc && k.noun == nounPassword:
		return RuleNetrcPassword
	case sc.file.pypirc && k.noun == nounPassword:
		return RulePyPIRCPassword
	case sc.file.npmrc || strings.HasPrefix(key, "_auth") || strings.HasPrefix(key, "_password"):
		return RuleNPMRCAuth
	}
	return RuleGeneric
}

// genericValue decides whether v, assigned to a key of this kind, is a
// secret, and how sure that is. The why string holds a %s for the key.
func genericValue(k keyName, v string) (Confidence, string, bool) {
	if len(v) > 512 || !ascii(v) || placeholderValue(v, k.words) || strings.ContainsAny(v, " \t") || notSecretShape(v) {
		return 0, "", false
	}
	if strings.HasPrefix(v, "eyJ") && strings.Contains(v, ".") {
		return 0, "", false // a JWT: the JWT rule judges it
	}
	if encodedNonSecret(v) {
		return 0, "", false
	}
	switch k.noun {
	case nounPassword:
		return passwordValue(v)
	case nounSecretID:
		if isUUID(v) {
			return Medium, "UUID assigned to %s (a Vault AppRole secret id)", true
		}
		return 0, "", false
	case nounAuth:
		if user, pass, ok := basicPair(v); ok {
			if placeholderValue(pass, nil) || pass == user || len(pass) < 6 {
				return 0, "", false
			}
			return Medium, "user:password credentials assigned to %s", true
		}
	}
	if isUUID(v) {
		if k.noun == nounBareKey {
			return 0, "", false
		}
		return Medium, "UUID assigned to %s", true
	}
	minLen, minH := 8, 3.0
	if k.noun == nounBareKey {
		minLen, minH = 20, 3.5
	}
	if len(v) < minLen || wordLike(v) || classes(v) < 2 {
		return 0, "", false
	}
	h := entropy(v)
	switch {
	case len(v) >= 24 && h >= 3.8:
		return High, fmt.Sprintf("random value (entropy %.1f) assigned to %%s", h), true
	case len(v) >= 16 && h >= minH:
		return Medium, fmt.Sprintf("random value (entropy %.1f) assigned to %%s", h), true
	case len(v) >= minLen && h >= 2.8 && hasDigit(v) && k.noun != nounBareKey:
		return Medium, fmt.Sprintf("short random value (entropy %.1f) assigned to %%s", h), true
	}
	return 0, "", false
}

// passwordValue accepts human-chosen passwords: six characters or more,
// not a plain word.
func passwordValue(v string) (Confidence, string, bool) {
	if len(v) < 6 {
		return 0, "", false
	}
	lettersOnly := allIn(v, csLetters)
	if (lettersOnly && len(v) < 12) || (wordLike(v) && classes(v) < 3) {
		return 0, "", false
	}
	if len(v) >= 12 && entropy(v) >= 3.5 {
		return High, "password literal assigned to %s", true
	}
	return Medium, "password literal assigned to %s", true
}

// encodedNonSecret: base64 that decodes to a placeholder ("not my real
// password") or to a DER public key or certificate (a SEQUENCE that opens
// with a SEQUENCE, as SubjectPublicKeyInfo and X.509 do; private keys open
// with a version INTEGER).
func encodedNonSecret(v string) bool {
	if len(v) < 12 || !allIn(v, csB64Pad) {
		return false
	}
	b, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		if b, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(v, "=")); err != nil {
			return false
		}
	}
	if len(b) > 4 && b[0] == 0x30 {
		i := 2
		if b[1]&0x80 != 0 {
			i += int(b[1] & 0x7f)
		}
		return i < len(b) && b[i] == 0x30
	}
	return printable(b) && placeholderValue(string(b), nil)
}

// basicPair reads user:password, plain or base64-encoded.
func basicPair(v string) (string, string, bool) {
	s := v
	if !strings.Contains(s, ":") {
		b, err := base64.StdEncoding.DecodeString(v)
		if err != nil || !printable(b) {
			return "", "", false
		}
		s = string(b)
	}
	i := strings.IndexByte(s, ':')
	if i <= 0 || i == len(s)-1 {
		return "", "", false
	}
	return s[:i], s[i+1:], true
}

// notSecretShape: numbers, paths, URLs, e-mail addresses, file names,
// versions and dates are not secrets whatever the key says.
func notSecretShape(v string) bool {
	l := strings.ToLower(v)
	if allIn(v, csNumeric) {
		return true
	}
	for _, p := range []string{"/", "./", "../", "~/", "\\", "http:", "https:", "file:", "s3:", "gs:", "pk.", "pk_live_", "pk_test_"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	if strings.Contains(l, "://") || strings.Contains(l, "\\\\") {
		return true
	}
	// code read as a value: the closing quote of a message taken for an
	// opening one in minified code ("…existing key:",r),this._byId…)
	if strings.IndexByte(",;", v[0]) >= 0 || strings.Contains(v, "this.") || strings.Contains(v, "=>") || strings.Contains(v, "function(") {
		return true
	}
	if at := strings.IndexByte(l, '@'); at > 0 && strings.Contains(l[at:], ".") && wordLike(l[at+1:]) {
		return true
	}
	for _, ext := range []string{".pem", ".key", ".json", ".txt", ".crt", ".cer", ".p12", ".pfx", ".jks", ".yml", ".yaml", ".env", ".js", ".ts", ".py", ".sh", ".der", ".ppk"} {
		if strings.HasSuffix(l, ext) {
			return true
		}
	}
	return false
}

func printable(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	n := 0
	for _, c := range b {
		if (c >= 0x20 && c < 0x7f) || c == '\n' || c == '\r' || c == '\t' {
			n++
		}
	}
	return n*10 >= len(b)*9
}

// ascii: secrets are ASCII; a value with other characters is prose.
func ascii(v string) bool {
	for i := 0; i < len(v); i++ {
		if v[i] >= 0x80 {
			return false
		}
	}
	return true
}
