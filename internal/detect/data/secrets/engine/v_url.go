package engine

import (
	"bytes"
	"strings"
)

var (
	csScheme   = newCharset(digits, lowers, uppers, "+.-")
	csUserinfo = newCharset(digits, lowers, uppers, "-._~%!$&*+=:@{}")
)

// dbSchemes are URL schemes of databases and brokers.
var dbSchemes = map[string]bool{
	"postgres": true, "postgresql": true, "mysql": true, "mysqlx": true, "mariadb": true, "mongodb": true,
	"mongodb+srv": true, "redis": true, "rediss": true, "amqp": true, "amqps": true, "mssql": true,
	"sqlserver": true, "cockroachdb": true, "clickhouse": true, "neo4j": true, "neo4j+s": true,
	"bolt": true, "couchbase": true, "couchbases": true, "cassandra": true, "oracle": true, "db2": true,
	"nats": true, "kafka": true, "memcached": true, "elasticsearch": true, "influxdb": true,
	"postgis": true, "timescaledb": true, "snowflake": true, "redshift": true,
}

// urlCredentials validates user:password@ in a URL. Database and broker
// schemes report data/database-url; others data/url-credentials. A token
// alone in the user part (https://<token>@host, <token>:x-oauth-basic@)
// counts too.
func urlCredentials(sc *scan, at int) {
	d := sc.data
	if !hasPrefixAt(d, at, "://") {
		return
	}
	ss := runStart(d, at, csScheme, 24)
	scheme := strings.ToLower(string(d[ss:at]))
	if scheme == "" || !csLetters[scheme[0]] {
		return
	}
	a := at + 3
	e := runEnd(d, a, csUserinfo, 512)
	sign := bytes.LastIndexByte(d[a:e], '@')
	if sign < 0 {
		return
	}
	sign += a
	userinfo := string(d[a:sign])
	host := hostOf(d, sign+1)
	if docHost(host) {
		return
	}
	rule := RuleURLCredentials
	if dbSchemes[scheme] || strings.HasPrefix(scheme, "jdbc") {
		rule = RuleDatabaseURL
	}
	colon := strings.IndexByte(userinfo, ':')
	user, pass := userinfo, ""
	if colon >= 0 {
		user, pass = userinfo[:colon], userinfo[colon+1:]
	}
	if pass == "" || pass == "x-oauth-basic" || pass == "x-oauth" {
		// a token as the user name
		if len(user) < 20 || !looksRandom(user, 20) || reference(user) || publicDSN(host) {
			return
		}
		sc.add(cand{rule: rule, start: a, end: a + len(user), conf: Medium, key: scheme + "://…@" + host,
			why: "token as the user name of a " + scheme + " URL"})
		return
	}
	if len(pass) < 3 || pass == user || reference(pass) || placeholderValue(pass, nil) || strings.HasPrefix(pass, "{") {
		return
	}
	c := cand{rule: rule, start: a + colon + 1, end: sign, conf: Medium, key: scheme + "://" + user + "@" + host,
		why: "password in a " + scheme + " URL"}
	if localHost(host) {
		c.conf, c.why = Low, c.why+" to a local development host ("+host+")"
	}
	sc.add(c)
}

func hostOf(d []byte, i int) string {
	e := runEnd(d, i, csHostPort, 256)
	h := string(d[i:e])
	if k := strings.LastIndexByte(h, ':'); k >= 0 && !strings.Contains(h, "]") {
		h = h[:k]
	}
	return h
}

// localHost: loopback, Docker's host alias, or a single-label name (a
// docker-compose service such as "db").
func localHost(h string) bool {
	h = strings.ToLower(h)
	switch h {
	case "localhost", "127.0.0.1", "0.0.0.0", "[::1]", "::1", "host.docker.internal":
		return true
	}
	return !strings.Contains(h, ".")
}

// looksRandom: long enough, mixed, high entropy, not words.
func looksRandom(v string, minLen int) bool {
	return len(v) >= minLen && entropy(v) >= 3.5 && classes(v) >= 2 && !wordLike(v) && !fakeToken(v)
}

// publicDSN: error-reporting DSNs carry a public key in the user part by
// design (Sentry and its compatibles).
func publicDSN(host string) bool {
	h := strings.ToLower(host)
	return strings.HasSuffix(h, "sentry.io") || strings.HasPrefix(h, "ingest.") || strings.Contains(h, ".ingest.")
}
