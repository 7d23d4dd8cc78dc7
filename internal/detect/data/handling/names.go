package handling

import (
	"strings"
	"unicode"
)

// words splits an identifier, property name or header name into lower-case
// words: "apiKey" → [api key], "X-Api-Key" → [x api key], "DB_PASSWORD" →
// [db password], "HTTPHeaders" → [http headers].
func words(name string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0:
			prevLower := unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || (unicode.IsUpper(rs[i-1]) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

// sensitiveHeads are the words that, ending a name, make its value a
// secret or personal data worth keeping out of logs.
var sensitiveHeads = map[string]bool{
	"password": true, "passwd": true, "pwd": true, "passphrase": true, "secret": true, "secrets": true,
	"token": true, "authorization": true, "cookie": true, "cookies": true, "jwt": true,
	"cvv": true, "cvv2": true, "cvc": true, "ssn": true, "credentials": true, "credential": true,
	"apikey": true, "privatekey": true, "accesskey": true, "secretkey": true, "sessionid": true,
	"bearer": true, "otp": true, "creditcard": true, "cardnumber": true, "iban": true,
}

// sensitivePairs are two-word endings with the same meaning.
var sensitivePairs = map[[2]string]bool{
	{"api", "key"}: true, {"access", "key"}: true, {"secret", "key"}: true, {"private", "key"}: true,
	{"signing", "key"}: true, {"encryption", "key"}: true, {"client", "secret"}: true, {"card", "number"}: true,
	{"credit", "card"}: true, {"session", "id"}: true, {"session", "key"}: true, {"auth", "header"}: true,
	{"authorization", "header"}: true, {"security", "number"}: true, {"functions", "key"}: true,
	{"function", "key"}: true, {"master", "key"}: true, {"account", "key"}: true, {"set", "cookie"}: true,
	{"card", "cvc"}: true, {"pin", "code"}: true,
}

// harmlessPrefixes make a name describe a secret rather than hold one:
// hasPassword, isSecret, nextToken (pagination), maxTokens, csrf is kept.
var harmlessPrefixes = map[string]bool{
	"has": true, "is": true, "should": true, "num": true, "max": true, "min": true, "total": true,
	"count": true, "use": true, "needs": true, "require": true, "requires": true, "no": true,
	"next": true, "pagination": true, "continuation": true, "page": true, "cursor": true, "start": true,
	"sync": true, "marker": true, "idempotency": true, "cancel": true, "cancellation": true,
	"last": true, "missing": true, "empty": true, "input": true, "output": true, "prompt": true,
	"completion": true,
}

// sensitiveName reports whether a name (variable, property, key, header)
// names a secret or personal data: its last word, or last two, says so
// and no leading word turns it into a flag, count or pagination marker.
func sensitiveName(name string) bool {
	ws := words(name)
	n := len(ws)
	if n == 0 {
		return false
	}
	for _, w := range ws[:n-1] {
		if harmlessPrefixes[w] {
			return false
		}
	}
	if sensitiveHeads[ws[n-1]] {
		return true
	}
	return n >= 2 && sensitivePairs[[2]string{ws[n-2], ws[n-1]}]
}

// credentialKey reports whether a header, option or keyword name carries
// credentials on an outgoing call (Authorization, X-Api-Key, auth=…).
func credentialKey(name string) bool {
	if sensitiveName(name) {
		return true
	}
	ws := words(name)
	return len(ws) == 1 && (ws[0] == "auth" || ws[0] == "cert")
}

// wholeObjects are the names handlers give the request and the runtime
// objects that carry it: logging one of them logs everything in it.
var wholeObjects = map[string]string{
	"event": "the whole event", "evt": "the whole event", "req": "the whole request",
	"request": "the whole request", "headers": "the request headers",
}

// requestParts are the members of an event or request that carry its
// personal data and credentials.
var requestParts = map[string]string{
	"headers": "the request headers", "multiValueHeaders": "the request headers", "Headers": "the request headers",
	"Header": "the request headers", "MultiValueHeaders": "the request headers", "body": "the request body",
	"Body": "the request body", "cookies": "the request cookies", "Cookies": "the request cookies",
}
