package report

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Redaction of environment values.
//
// Detectors redact the evidence of their findings, but the function map
// carries every environment variable a manifest declares, and some of them
// hold secrets. RedactEnv masks a resolved literal value when either
//
//   - the variable name looks sensitive: after lower-casing, the name with
//     separators removed contains one of sensitiveNameParts (password,
//     secret, token, apikey, credential, private, connectionstring,
//     signature…), or one of its words (split at separators and camelCase
//     humps) is in sensitiveNameWords (key, pwd, pass, auth, conn, dsn,
//     salt…); or
//   - the value looks like a credential: it starts with a well-known
//     token prefix (AKIA, ghp_, xox, sk_live_…), contains a connection
//     string secret (AccountKey=, Password=…), a private key header or a
//     URL with a password, or it is a random-looking token: at least
//     minTokenLen characters without spaces, Shannon entropy of at least
//     minEntropy bits per character, and not made only of words and
//     numbers (so "orders-table-2024-prod" stays).
//
// Empty values, already masked values and booleans (true, false, yes, no,
// on, off) are never masked: they hold no secret and tell whether a
// feature is on.
// A masked value keeps its first 4 characters when it has at least 12
// (so at most a third is shown), then "…" and its length:
// "AKIA…(20 chars)", "…(8 chars)".

const (
	minTokenLen   = 16
	minEntropy    = 3.5
	keepPrefix    = 4
	minKeepLength = 12
)

// sensitiveNameParts are matched anywhere in the squashed lower-case name.
var sensitiveNameParts = []string{
	"password", "passwd", "passphrase", "secret", "token", "apikey",
	"accesskey", "privatekey", "private", "credential", "connectionstring",
	"connstr", "signature", "signingkey", "masterkey", "accountkey",
}

// sensitiveNameWords are matched against whole words of the name.
var sensitiveNameWords = map[string]bool{
	"key": true, "keys": true, "pwd": true, "pass": true, "pw": true,
	"auth": true, "authorization": true, "conn": true, "dsn": true,
	"salt": true, "pepper": true, "jwt": true, "creds": true, "cred": true,
	"sas": true, "hmac": true,
}

// credentialPrefixes start well-known token formats.
var credentialPrefixes = []string{
	"AKIA", "ASIA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_",
	"glpat-", "xox", "sk_live_", "rk_live_", "sk_test_", "AIza", "SG.",
	"npm_", "pypi-", "-----BEGIN",
}

// credentialMarkers appear inside connection strings and key files.
var credentialMarkers = []string{
	"accountkey=", "sharedaccesskey=", "password=", "pwd=", "sig=",
	"private key-----",
}

// urlWithPassword matches scheme://user:password@host.
var urlWithPassword = regexp.MustCompile(`[a-zA-Z][a-zA-Z0-9+.-]*://[^/\s:@]*:[^/\s@]+@`)

// masked matches a value RedactEnv already masked, so redaction is
// idempotent.
var masked = regexp.MustCompile(`^[^…]{0,4}…\(\d+ chars\)$`)

// RedactEnv returns value masked when the variable name or the value looks
// like a secret (see the rules above), and value unchanged otherwise.
func RedactEnv(value, name string) string {
	if value == "" || isBoolean(value) || masked.MatchString(value) {
		return value
	}
	if !SensitiveName(name) && !LooksLikeCredential(value) {
		return value
	}
	return mask(value)
}

// mask keeps a short prefix of long values and the length.
func mask(value string) string {
	n := utf8.RuneCountInString(value)
	prefix := ""
	if n >= minKeepLength {
		prefix = string([]rune(value)[:keepPrefix])
	}
	return fmt.Sprintf("%s…(%d chars)", prefix, n)
}

// SensitiveName reports whether an environment variable name suggests a
// secret value.
func SensitiveName(name string) bool {
	words := nameWords(name)
	squashed := strings.Join(words, "")
	for _, p := range sensitiveNameParts {
		if strings.Contains(squashed, p) {
			return true
		}
	}
	for _, w := range words {
		if sensitiveNameWords[w] {
			return true
		}
	}
	return false
}

// nameWords splits a name at non-alphanumerics and lower→upper camelCase
// humps and lower-cases the words: "dbConnString" → db, conn, string.
func nameWords(name string) []string {
	var words []string
	var cur []rune
	prevLower := false
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for _, r := range name {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			prevLower = false
			continue
		case unicode.IsUpper(r) && prevLower:
			flush()
		}
		cur = append(cur, r)
		prevLower = unicode.IsLower(r) || unicode.IsDigit(r)
	}
	flush()
	return words
}

// LooksLikeCredential reports whether a value looks like a secret whatever
// its name: a known token prefix, a connection-string secret, a URL with a
// password, or a long random-looking token.
func LooksLikeCredential(value string) bool {
	for _, p := range credentialPrefixes {
		if strings.HasPrefix(value, p) && len(value) >= len(p)+8 {
			return true
		}
	}
	lower := strings.ToLower(value)
	for _, m := range credentialMarkers {
		if strings.Contains(lower, m) {
			return true
		}
	}
	if urlWithPassword.MatchString(value) {
		return true
	}
	return randomToken(value)
}

// randomToken reports a long, high-entropy value without spaces that is not
// an ARN, a plain URL or a run of words and numbers.
func randomToken(v string) bool {
	if utf8.RuneCountInString(v) < minTokenLen || strings.ContainsFunc(v, unicode.IsSpace) {
		return false
	}
	if strings.HasPrefix(v, "arn:") || strings.Contains(v, "://") {
		return false
	}
	if wordish(v) {
		return false
	}
	return entropy(v) >= minEntropy
}

// wordish reports whether every segment of v (split at - _ . : / @ , + =
// ;) is short, a number, a word in one letter case (optionally
// capitalised) or camelCase words.
func wordish(v string) bool {
	segs := strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune("-_.:/@,+=;", r) })
	for _, s := range segs {
		if utf8.RuneCountInString(s) > 5 && !oneClass(s) && !camelWords(s) {
			return false
		}
	}
	return true
}

// camelWords reports whether s is made of words of at least three letters
// joined in camelCase or PascalCase ("UseDevelopmentStorage"), which random
// mixed-case tokens almost never are.
func camelWords(s string) bool {
	n := 0
	for i, r := range s {
		switch {
		case unicode.IsUpper(r):
			if i > 0 && n < 3 {
				return false
			}
			n = 1
		case unicode.IsLower(r):
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// oneClass reports whether s is all digits, all lower-case, all upper-case
// or a capitalised word.
func oneClass(s string) bool {
	var lower, upper, digit, other int
	for i, r := range s {
		switch {
		case unicode.IsDigit(r):
			digit++
		case unicode.IsLower(r):
			lower++
		case unicode.IsUpper(r) && i == 0:
			// a capital first letter keeps a word a word
		case unicode.IsUpper(r):
			upper++
		default:
			other++
		}
	}
	if other > 0 {
		return false
	}
	classes := 0
	for _, n := range []int{lower, upper, digit} {
		if n > 0 {
			classes++
		}
	}
	return classes <= 1
}

// entropy is the Shannon entropy of s in bits per character.
func entropy(s string) float64 {
	counts := map[rune]int{}
	n := 0
	for _, r := range s {
		counts[r]++
		n++
	}
	var h float64
	for _, c := range counts {
		p := float64(c) / float64(n)
		h -= p * math.Log2(p)
	}
	return h
}

// isBoolean reports the usual spellings of a boolean flag.
func isBoolean(v string) bool {
	switch strings.ToLower(v) {
	case "true", "false", "yes", "no", "on", "off":
		return true
	}
	return false
}
