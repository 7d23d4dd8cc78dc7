package engine

import (
	"encoding/base64"
	"net/url"
	"strings"
)

var (
	csSAS      = newCharset(digits, lowers, uppers, "+/=%")
	csFuncKey  = newCharset(digits, lowers, uppers, "-_+/=%")
	csAADSec   = newCharset(digits, lowers, uppers, "_~.-")
	csURLChars = newCharset(digits, lowers, uppers, "-._~:/?#[]@!$&*+,;=%")
)

// azureAccountKey validates AccountKey= in a storage or Cosmos DB
// connection string: 88 base64 characters (64 bytes).
func azureAccountKey(sc *scan, at int) {
	d := sc.data
	if !hasPrefixFoldAt(d, at, "accountkey=") || !boundaryBefore(d, at, csAlnum) {
		return
	}
	v := at + len("accountkey=")
	e := runEnd(d, v, csB64Pad, 100)
	val := string(d[v:e])
	if !azureKey88(val) {
		return
	}
	rule, why := RuleAzureStorageKey, "AccountKey= in a storage connection string"
	ls, _ := lineBounds(d, at, 600)
	before := strings.ToLower(string(d[ls:at]))
	if strings.Contains(before, "accountendpoint=") || strings.Contains(before, ".documents.azure.com") {
		rule, why = RuleCosmosDBKey, "AccountKey= in a Cosmos DB connection string"
	}
	sc.add(cand{rule: rule, start: v, end: e, why: why, key: "AccountKey"})
}

func azureKey88(v string) bool {
	return len(v) == 88 && strings.HasSuffix(v, "==") && allIn(v[:86], csB64)
}

// azureSAS validates the sig= of a shared access signature: a base64
// HMAC-SHA256 (32 bytes) in a query that also carries sv= and an expiry
// or permissions.
func azureSAS(sc *scan, at int) {
	d := sc.data
	if at == 0 || !hasPrefixFoldAt(d, at, "sig=") || strings.IndexByte("?&;", d[at-1]) < 0 {
		return
	}
	v := at + 4
	e := runEnd(d, v, csSAS, 200)
	raw := string(d[v:e])
	sig, err := url.QueryUnescape(raw)
	if err != nil {
		return
	}
	if b, err := base64.StdEncoding.DecodeString(sig); err != nil || len(b) != 32 {
		return
	}
	qs := runStart(d, at, csURLChars, 2000)
	q := strings.ToLower(string(d[qs:at]))
	if !strings.Contains(q, "sv=") || !(strings.Contains(q, "se=") || strings.Contains(q, "sp=") || strings.Contains(q, "sr=")) {
		return
	}
	sc.add(cand{rule: RuleAzureSAS, start: v, end: e, secret: raw, why: "sig= of a shared access signature (sv, se/sp present)", key: "sig"})
}

// azureSharedAccessKey validates SharedAccessKey= in a Service Bus, Event
// Hubs or IoT Hub connection string: 44 base64 characters (32 bytes).
func azureSharedAccessKey(sc *scan, at int) {
	d := sc.data
	if !hasPrefixFoldAt(d, at, "sharedaccesskey=") || !boundaryBefore(d, at, csAlnum) {
		return
	}
	v := at + len("sharedaccesskey=")
	e := runEnd(d, v, csB64Pad, 60)
	val := string(d[v:e])
	if b, err := base64.StdEncoding.DecodeString(val); err != nil || len(b) != 32 {
		return
	}
	sc.add(cand{rule: RuleAzureSharedKey, start: v, end: e, key: "SharedAccessKey",
		why: "SharedAccessKey= in a Service Bus / Event Hubs / IoT Hub connection string"})
}

// azureFunctionCode validates a function key passed as ?code= in a URL to
// an Azure Functions app (*.azurewebsites.net).
func azureFunctionCode(sc *scan, at int) {
	d := sc.data
	if at == 0 || !hasPrefixFoldAt(d, at, "code=") || (d[at-1] != '?' && d[at-1] != '&') {
		return
	}
	v := at + 5
	e := runEnd(d, v, csFuncKey, 200)
	if e-v < 40 {
		return
	}
	us := runStart(d, at, csURLChars, 2000)
	u := strings.ToLower(string(d[us:at]))
	if !strings.Contains(u, ".azurewebsites.net") {
		return
	}
	sc.add(cand{rule: RuleAzureFunctionKey, start: v, end: e, key: "code", why: "code= in a URL to an Azure Functions app"})
}

// functionKeyShape: a function or host key, 40 random bytes in base64
// (56 characters ending "==") or the newer format carrying "AzFu".
func functionKeyShape(v string) bool {
	if len(v) == 56 && strings.HasSuffix(v, "==") && allIn(v[:54], csB64URLStd) {
		return classes(v[:54]) >= 3
	}
	return len(v) >= 50 && len(v) <= 60 && strings.Contains(v, "AzFu") && allIn(strings.TrimRight(v, "="), csB64URLStd)
}

var csB64URLStd = newCharset(digits, lowers, uppers, "-_+/")

// azureFunctionKeyAzFu validates a new-format function key around "AzFu".
func azureFunctionKeyAzFu(sc *scan, at int) {
	d := sc.data
	if !hasPrefixAt(d, at, "AzFu") {
		return
	}
	s := runStart(d, at, csB64URLStd, 60)
	e := runEnd(d, at, csB64AnyPad, 64)
	if !boundaryBefore(d, s, csB64URLStd) || !functionKeyShape(string(d[s:e])) || at-s < 30 {
		return
	}
	sc.add(cand{rule: RuleAzureFunctionKey, start: s, end: e, why: "function key format (AzFu signature)"})
}

// azureKeysInFile runs once for a file that talks to *.azurewebsites.net:
// every quoted value shaped like a function key is one.
func azureKeysInFile(sc *scan, _ int) {
	if sc.onceDone("azure-keys") {
		return
	}
	d := sc.data
	if len(d) > 1<<20 {
		d = d[:1<<20]
	}
	for i := 0; i < len(d); i++ {
		if d[i] != '"' && d[i] != '\'' {
			continue
		}
		e := runEnd(d, i+1, csFuncKey, 64)
		if e < len(d) && d[e] == d[i] && functionKeyShape(string(d[i+1:e])) {
			sc.add(cand{rule: RuleAzureFunctionKey, start: i + 1, end: e, conf: Medium,
				why: "function key shape in a file that calls an Azure Functions app (*.azurewebsites.net)"})
		}
		i = e
	}
}

// azureHostSecrets reads the host secrets file format (masterKey,
// functionKeys, systemKeys: {"name": …, "value": …, "encrypted": false}).
func azureHostSecrets(sc *scan, at int) {
	d := sc.data
	_, we := window(d, at, 8, 2000)
	seg := d[at:we]
	if strings.Contains(strings.ToLower(string(seg)), `"encrypted": true`) || strings.Contains(strings.ToLower(string(seg)), `"encrypted":true`) {
		return
	}
	for off := 0; off < len(seg); {
		k := strings.Index(string(seg[off:]), `"value"`)
		if k < 0 {
			return
		}
		p := off + k + len(`"value"`)
		for p < len(seg) && (csSpace[seg[p]] || seg[p] == ':') {
			p++
		}
		if p < len(seg) && seg[p] == '"' {
			e := runEnd(seg, p+1, csFuncKey, 100)
			if e < len(seg) && seg[e] == '"' && e-(p+1) >= 40 && entropy(string(seg[p+1:e])) >= 4.0 {
				sc.add(cand{rule: RuleAzureFunctionKey, start: at + p + 1, end: at + e, key: "value",
					why: "key value in an Azure Functions host secrets file"})
			}
		}
		off = p
	}
}

// azureADSecret validates an Entra ID (Azure AD) client secret of the
// current format: 3 characters, a digit, "Q~", then 31 to 34 characters.
func azureADSecret(sc *scan, at int) {
	d := sc.data
	if at < 4 || d[at] != 'Q' || !csDigits[d[at-1]] {
		return
	}
	s := at - 4
	if !allIn(string(d[s:at-1]), csAADSec) || !boundaryBefore(d, s, csAADSec) {
		return
	}
	e := runEnd(d, at+2, csAADSec, 36)
	if n := e - (at + 2); n < 31 || n > 34 || !boundaryAfter(d, e, csAADSec) {
		return
	}
	sc.add(cand{rule: RuleAzureADSecret, start: s, end: e, why: "client secret format (…Q~…)"})
}

func (sc *scan) onceDone(name string) bool {
	if sc.once == nil {
		sc.once = map[string]bool{}
	}
	if sc.once[name] {
		return true
	}
	sc.once[name] = true
	return false
}
