package engine

import (
	"strings"
	"sync"
	"sync/atomic"
)

// noun is what a key name says its value is.
type noun int

const (
	nounNone noun = iota
	nounPassword
	nounSecret
	nounToken
	nounKey
	nounBareKey // "key" with no qualifier: stricter value checks
	nounAuth    // "auth": user:password or a token
	nounAuthorization
	nounSecretID // Vault AppRole secret_id
)

var nounWords = map[string]noun{
	"password": nounPassword, "passwd": nounPassword, "pwd": nounPassword, "pass": nounPassword,
	"passphrase": nounPassword, "passcode": nounPassword,
	"secret": nounSecret, "credential": nounSecret, "credentials": nounSecret, "creds": nounSecret, "cred": nounSecret,
	"token": nounToken, "apikey": nounKey, "key": nounKey, "auth": nounAuth, "authorization": nounAuthorization,
}

// longNouns may start a concatenated name (passwordpolicy, tokenurl).
var longNouns = []string{"password", "passwd", "passphrase", "passcode", "secret", "credential", "credentials", "creds", "token", "apikey", "authorization"}

// strongSuffixes end concatenated lower-case names (dbpassword, authtoken).
var strongSuffixes = []string{"password", "passwd", "passphrase", "secret", "token", "apikey"}

// keyQualifiers may precede "key" in one lower-case word (apikey, secretkey).
var keyQualifiers = map[string]bool{
	"api": true, "access": true, "secret": true, "private": true, "signing": true, "encryption": true,
	"master": true, "admin": true, "auth": true, "app": true, "client": true, "license": true, "account": true,
	"service": true, "shared": true, "storage": true, "function": true, "host": true, "webhook": true,
	"consumer": true, "subscription": true, "session": true, "jwt": true, "hmac": true, "crypto": true,
	"cipher": true, "aes": true, "sign": true, "enc": true, "primary": true, "secondary": true, "root": true,
}

// allowedSuffixes may follow the noun without changing what the value is.
var allowedSuffixes = map[string]bool{
	"value": true, "val": true, "str": true, "string": true, "literal": true, "raw": true, "plain": true,
	"plaintext": true, "text": true, "b64": true, "base64": true, "hex": true, "default": true, "prod": true,
	"production": true, "dev": true, "development": true, "staging": true, "stage": true, "live": true,
	"local": true, "primary": true, "secondary": true, "old": true, "new": true, "current": true, "main": true,
	"override": true, "base": true, "v": true, "secret": true, "key": true,
}

// denyWords anywhere in a key mean its value is not a live secret: a
// public value, a hash, ciphertext, or UI and validation metadata.
var denyWords = map[string]bool{
	"public": true, "publishable": true, "pub": true, "hash": true, "hashed": true, "digest": true,
	"checksum": true, "sha": true, "sha1": true, "sha256": true, "md5": true, "salt": true, "encrypted": true,
	"ciphertext": true, "masked": true, "placeholder": true, "label": true, "hint": true, "prompt": true,
	"field": true, "input": true, "regex": true, "pattern": true, "policy": true, "length": true,
	"strength": true, "validator": true, "validation": true, "error": true, "message": true, "msg": true,
	"example": true, "sample": true, "dummy": true, "fake": true, "mock": true, "forgot": true, "reset": true,
	"confirm": true, "verify": true, "show": true, "hide": true, "toggle": true, "is": true, "has": true,
	"use": true, "enable": true, "enabled": true, "disable": true, "require": true, "required": true,
	"expected": true, "wrong": true, "invalid": true, "missing": true, "bad": true, "get": true, "set": true,
	"fetch": true, "load": true, "read": true, "create": true, "update": true, "delete": true, "rotate": true,
	"header": true, "cookie": false, "file": true, "path": true, "url": true, "uri": true, "arn": true,
	"name": true,
}

// deniedQualifiers before the noun, per noun.
var deniedQualifiers = map[noun]map[string]bool{
	nounKey: set("foreign", "partition", "sort", "hash", "range", "routing", "object", "s3", "i18n", "translation",
		"cache", "lookup", "query", "dedup", "dedupe", "idempotency", "unique", "composite", "row", "column",
		"map", "list", "item", "state", "event", "registry", "index", "lock", "group", "shortcut", "hot",
		"react", "child", "parent", "node", "entry", "dict", "prop", "attr", "type", "bucket", "prefix", "suffix",
		"metric", "redis", "sql", "storage.local", "local", "localstorage", "session.storage", "ssh", "gpg", "pgp",
		"public", "primary.key", "kms", "cmk", "key", "sse", "data"),
	nounToken: set("next", "page", "pagination", "continuation", "cancellation", "cancel", "sync", "csrf", "xsrf",
		"lexer", "parser", "start", "end", "eof", "delimiter", "separator", "word", "i18n", "device", "registration",
		"push", "resume", "fcm", "apns", "notification", "type", "max", "min", "count", "limit",
		"request", "change", "lifecycle", "action", "idempotency", "grant", "postman"),
	nounSecret: set("name", "id", "arn", "ref"),
}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// keyName is a classified key.
type keyName struct {
	noun  noun
	words []string
}

func (k keyName) has(w string) bool {
	for _, x := range k.words {
		if x == w {
			return true
		}
	}
	return false
}

// classifyKey decides whether a key names a secret. The secret noun must
// end the name, or be followed only by neutral words (DB_PASSWORD_PROD);
// passwordPolicy, tokenUrl, secretName and keyId are not secrets.
func classifyKey(key string) (keyName, bool) {
	if c, ok := keyCache.Load(key); ok {
		r := c.(cachedKey)
		return r.k, r.ok
	}
	k, ok := classifyKeyUncached(key)
	if keyCacheSize.Add(1) <= maxKeyCache {
		keyCache.Store(key, cachedKey{k, ok})
	}
	return k, ok
}

// keyCache remembers classified names: code repeats its identifiers.
var (
	keyCache     sync.Map
	keyCacheSize atomic.Int64
)

const maxKeyCache = 50_000

type cachedKey struct {
	k  keyName
	ok bool
}

func classifyKeyUncached(key string) (keyName, bool) {
	raw := splitWords(key, 16)
	var words []string
	for _, w := range raw {
		words = append(words, expandWord(w)...)
	}
	idx := -1
	for i, w := range words {
		if nounWords[w] != nounNone {
			idx = i
		}
	}
	if idx < 0 {
		return keyName{}, false
	}
	for _, w := range words {
		if denyWords[w] {
			return keyName{}, false
		}
	}
	n := nounWords[words[idx]]
	rest := words[idx+1:]
	if n == nounSecret && len(rest) == 1 && rest[0] == "id" {
		return keyName{noun: nounSecretID, words: words}, true
	}
	for _, w := range rest {
		if !allowedSuffixes[w] && !allIn(w, csDigits) {
			return keyName{}, false
		}
	}
	for _, q := range words[:idx] {
		if deniedQualifiers[n][q] {
			return keyName{}, false
		}
	}
	if n == nounKey && words[idx] == "key" && idx == 0 {
		n = nounBareKey
	}
	if n == nounAuth && (idx > 0 && words[idx-1] == "o") { // o-auth
		return keyName{}, false
	}
	return keyName{noun: n, words: words}, true
}

// expandWord splits lower-case concatenations: dbpassword -> db password,
// apikey -> api key, secretkey -> secret key.
func expandWord(w string) []string {
	if nounWords[w] != nounNone {
		if w == "apikey" {
			return []string{"api", "key"}
		}
		return []string{w}
	}
	for _, s := range strongSuffixes {
		if strings.HasSuffix(w, s) && len(w) > len(s) {
			return append(expandWord(w[:len(w)-len(s)]), expandWord(s)...)
		}
	}
	if strings.HasSuffix(w, "key") && keyQualifiers[w[:len(w)-3]] {
		return []string{w[:len(w)-3], "key"}
	}
	if strings.HasSuffix(w, "pwd") && len(w) <= 8 {
		return []string{w[:len(w)-3], "pwd"}
	}
	for _, s := range longNouns {
		if strings.HasPrefix(w, s) && len(w) > len(s) {
			return []string{s, w[len(s):]} // passwordpolicy -> password policy
		}
	}
	return []string{w}
}
