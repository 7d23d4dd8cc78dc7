package fnmap

import (
	"sort"
	"strings"
	"unicode"

	"github.com/cladsec/clad/internal/model"
)

// adminWords mark functions that run administrative operations.
var adminWords = map[string]bool{
	"admin": true, "administrator": true, "administration": true, "backoffice": true,
	"backup": true, "backups": true, "restore": true, "internal": true,
	"migrate": true, "migration": true, "migrations": true, "maintenance": true,
	"debug": true, "seed": true, "seeder": true, "purge": true, "wipe": true,
	"truncate": true, "sudo": true, "superuser": true, "impersonate": true,
}

// AdminWords returns the admin-like words in a function's name, its HTTP
// routes and its handler, sorted: "backup", "internal". A "delete … all"
// pair counts as "delete-all".
func AdminWords(fn *model.Function) []string {
	texts := []string{fn.Name, fn.Handler}
	for _, t := range fn.Triggers {
		if IsHTTP(t) {
			texts = append(texts, Detail(t, "path", "route"))
		}
	}
	found := map[string]bool{}
	for _, s := range texts {
		toks := Tokens(s)
		for i, w := range toks {
			if adminWords[w] {
				found[w] = true
			}
			if w == "delete" && i+1 < len(toks) && toks[i+1] == "all" {
				found["delete-all"] = true
			}
		}
	}
	out := make([]string, 0, len(found))
	for w := range found {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// Tokens splits an identifier, path or handler into lower-case words:
// "adminGateway" → admin gateway, "/api/internal/backup" → api internal
// backup, "DB_PASSWORD" → db password.
func Tokens(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0 && (unicode.IsLower(cur[len(cur)-1]) ||
			(i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(cur[len(cur)-1]))):
			flush()
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

// secretWords mark environment names that hold credentials.
var secretWords = map[string]bool{
	"secret": true, "password": true, "passwd": true, "pwd": true, "token": true, "key": true,
	"apikey": true, "credential": true, "credentials": true, "privatekey": true, "passphrase": true,
}

// notSecretWords mark names that point at a secret rather than hold one.
var notSecretWords = map[string]bool{
	"id": true, "arn": true, "name": true, "url": true, "uri": true, "path": true, "file": true,
	"region": true, "table": true, "bucket": true, "queue": true, "topic": true, "alias": true,
	"header": true, "length": true, "ttl": true, "expiry": true, "expires": true, "version": true,
	"param": true, "parameter": true, "ref": true,
}

// SecretEnv returns the function's environment entries whose name says
// they hold a credential (…SECRET…, …PASSWORD…, …KEY…, …TOKEN…) and whose
// value is a literal written in the manifest. Names like SECRET_ARN or
// KMS_KEY_ID, references and short values are left out.
func SecretEnv(fn *model.Function) []model.EnvVar {
	var out []model.EnvVar
	for _, e := range fn.Environment {
		if e.Resolved && len(strings.TrimSpace(e.Value)) >= 8 && SecretName(e.Name) && !Placeholder(e.Value) {
			out = append(out, e)
		}
	}
	return out
}

// placeholderWords mark values that stand in for a credential to be
// filled in ("REPLACE-WITH-YOUR-SECRET-HERE", "<your-key>", "KEYEXAMPLE").
var placeholderWords = []string{"replace", "your", "example", "changeme", "change-me", "change_me",
	"placeholder", "xxxx", "todo", "dummy", "<", "{{", "${"}

// Placeholder reports a value that is a template to fill in, not a secret.
func Placeholder(v string) bool {
	l := strings.ToLower(v)
	for _, w := range placeholderWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// SecretName reports an environment name that says it holds a credential.
func SecretName(name string) bool {
	secret := false
	for _, w := range Tokens(name) {
		if notSecretWords[w] {
			return false
		}
		if secretWords[w] {
			secret = true
		}
	}
	return secret
}

// Names lists environment names, comma-separated.
func Names(env []model.EnvVar) string {
	var out []string
	for _, e := range env {
		if !containsStr(out, e.Name) {
			out = append(out, e.Name)
		}
	}
	return strings.Join(out, ", ")
}
