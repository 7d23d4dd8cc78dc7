package engine

import (
	"bytes"
	"strings"
)

// vendorRule recognises a vendor credential from the name it is assigned
// to and the exact shape of the value (a Datadog API key is 32 hex
// characters under a name that says datadog).
type vendorRule struct {
	rule  string
	why   string
	key   func(k keyName) bool
	value func(v string) bool
	// context, when set, must appear (lower case) within five lines.
	context string
}

func anyWord(ws ...string) func(keyName) bool {
	return func(k keyName) bool {
		for _, w := range ws {
			if k.has(w) {
				return true
			}
		}
		return false
	}
}

func allWords(ws ...string) func(keyName) bool {
	return func(k keyName) bool {
		for _, w := range ws {
			if !k.has(w) {
				return false
			}
		}
		return true
	}
}

func anyOf(fs ...func(keyName) bool) func(keyName) bool {
	return func(k keyName) bool {
		for _, f := range fs {
			if f(k) {
				return true
			}
		}
		return false
	}
}

func hexLen(n int) func(string) bool {
	return func(v string) bool { return len(v) == n && allIn(v, csHex) && classes(v) >= 2 }
}

func orShape(fs ...func(string) bool) func(string) bool {
	return func(v string) bool {
		for _, f := range fs {
			if f(v) {
				return true
			}
		}
		return false
	}
}

func b64Len(min, max int) func(string) bool {
	return func(v string) bool {
		return len(v) >= min && len(v) <= max && allIn(v, csB64Pad) && classes(v) >= 3 && entropy(v) >= 4.0
	}
}

func tokenLen(min, max int) func(string) bool {
	return func(v string) bool {
		return len(v) >= min && len(v) <= max && allIn(v, csAADSec) && classes(v) >= 2 && entropy(v) >= 3.5
	}
}

var vendorRules = []vendorRule{
	{rule: RuleAWSSecretKey, why: "40-character secret access key assigned to an AWS secret name",
		key: anyOf(allWords("secret", "access"), allWords("aws", "secret")), value: awsSecretShape},
	{rule: RuleAWSSessionToken, why: "AWS session token assigned to a session token name",
		key: anyOf(allWords("session", "token"), allWords("security", "token")), value: b64Len(100, 4096)},
	{rule: RuleCosmosDBKey, why: "88-character account key assigned to a Cosmos DB name",
		key: anyWord("cosmos", "cosmosdb", "documentdb"), value: azureKey88},
	{rule: RuleAzureStorageKey, why: "88-character account key assigned to a storage account key name",
		key: anyWord("storage", "account"), value: azureKey88},
	{rule: RuleAzureFunctionKey, why: "function key assigned to an Azure Functions key name",
		key: anyWord("functions", "function", "master", "host", "system"), value: functionKeyShape},
	{rule: RuleAzureADSecret, why: "client secret of an Azure AD / Entra ID application",
		key: allWords("client", "secret"), value: tokenLen(30, 44), context: "azure"},
	{rule: RuleHerokuKey, why: "API key assigned to a Heroku name", key: anyWord("heroku"),
		value: func(v string) bool { return isUUID(v) || strings.HasPrefix(v, "HRKU-") }},
	{rule: RuleDatadogKey, why: "Datadog API/application key assigned to a Datadog name",
		key: anyOf(anyWord("datadog"), allWords("dd", "api"), allWords("dd", "app")), value: orShape(hexLen(32), hexLen(40))},
	{rule: RuleDatadogKey, why: "Datadog key in a datadog settings block",
		key: anyWord("api", "app"), value: orShape(hexLen(32), hexLen(40)), context: "datadog"},
	{rule: RuleNewRelicKey, why: "New Relic key assigned to a New Relic name",
		key: anyOf(anyWord("newrelic"), allWords("new", "relic"), allWords("nr", "license")), value: orShape(hexLen(40), func(v string) bool { return len(v) == 32 && strings.HasPrefix(v, "NRAK-") && allIn(v[5:], csUpNum) })},
	{rule: RuleOktaToken, why: "Okta API token (00…) assigned to an Okta name", key: anyWord("okta"),
		value: func(v string) bool { return len(v) == 42 && strings.HasPrefix(v, "00") && allIn(v, csB64URL) }},
	{rule: RuleTwilio, why: "32-hex Twilio auth token or API key", key: anyWord("twilio"),
		value: orShape(hexLen(32), func(v string) bool { return len(v) == 34 && strings.HasPrefix(v, "SK") && allIn(v[2:], csHex) })},
	{rule: RuleTwilio, why: "32-hex auth token next to a Twilio account", key: anyWord("auth", "token"),
		value: hexLen(32), context: "twilio"},
	{rule: RuleAtlassianToken, why: "API token assigned to a Jira/Confluence/Atlassian name",
		key: anyWord("jira", "confluence", "atlassian"), value: func(v string) bool {
			return (len(v) == 24 && allIn(v, csAlnum) && classes(v) >= 2) || strings.HasPrefix(v, "ATATT3")
		}},
	{rule: RuleVaultToken, why: "Vault token assigned to a Vault name", key: anyWord("vault"),
		value: func(v string) bool { return len(v) == 26 && strings.HasPrefix(v, "s.") && allIn(v[2:], csAlnum) }},
	{rule: RuleMailgunKey, why: "Mailgun key assigned to a Mailgun name", key: anyWord("mailgun"),
		value: func(v string) bool {
			p := strings.Split(v, "-")
			return len(p) == 3 && len(p[0]) == 32 && len(p[1]) == 8 && len(p[2]) == 8 && allIn(strings.ReplaceAll(v, "-", ""), csLowHex)
		}},
	{rule: RuleSlackToken, why: "Slack signing secret", key: allWords("slack", "secret"), value: hexLen(32)},
}

// vendor classifies an assignment as a vendor credential, or as a
// registry credential by its file (Docker auths).
func (sc *scan) vendor(k keyName, v string, at int) (string, string, bool) {
	if strings.EqualFold(strings.Join(k.words, ""), "accountkey") {
		return "", "", false // AccountKey= in a connection string: its validator knows storage from Cosmos DB
	}
	for _, r := range vendorRules {
		if !r.key(k) || !r.value(v) || (placeholderValue(v, nil) && !azureKey88(v)) {
			continue
		}
		if r.context != "" {
			s, e := window(sc.data, at, 5, 1500)
			if !bytes.Contains(bytes.ToLower(sc.data[s:e]), []byte(r.context)) {
				continue
			}
		}
		return r.rule, r.why, true
	}
	if len(k.words) == 1 && k.words[0] == "auth" && sc.dockerConfig() {
		if user, pass, ok := basicPair(v); ok && !strings.Contains(v, ":") && !placeholderValue(pass, nil) && pass != user {
			return RuleDockerAuth, "base64 user:password in a Docker registry auths entry", true
		}
	}
	return "", "", false
}

// dockerConfig: a Docker client config (config.json, .dockercfg,
// .dockerconfigjson) or any JSON with an "auths" object.
func (sc *scan) dockerConfig() bool {
	b := sc.file.base
	return b == ".dockercfg" || b == ".dockerconfigjson" || bytes.Contains(sc.data, []byte(`"auths"`))
}
