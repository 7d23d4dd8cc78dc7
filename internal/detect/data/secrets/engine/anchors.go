package engine

import (
	"strings"
	"sync"
)

// anchorDef ties a prefilter anchor (lower case; matched ignoring case) to
// the validator that runs at each occurrence.
type anchorDef struct {
	text string
	fn   func(sc *scan, at int)
	// generic anchors feed the assignment reader, which source maps and
	// key lists skip.
	generic bool
}

var anchorTable = sync.OnceValue(func() []anchorDef {
	var t []anchorDef
	add := func(fn func(*scan, int), texts ...string) {
		for _, s := range texts {
			t = append(t, anchorDef{text: strings.ToLower(s), fn: fn})
		}
	}
	for _, p := range prefixedTokens {
		add(p.validate, p.prefix)
	}
	add(awsKeyID, "akia", "asia", "abia", "acca")
	add(prefixed{rule: RuleAWSSessionToken, prefix: "FwoGZXIvYXdz", body: csB64Pad, min: 100, max: 4096, why: "AWS STS session token"}.validate, "FwoGZXIvYXdz")
	add(prefixed{rule: RuleAWSSessionToken, prefix: "IQoJb3JpZ2luX2Vj", body: csB64Pad, min: 100, max: 4096, why: "AWS STS session token"}.validate, "IQoJb3JpZ2luX2Vj")
	add(slackToken, "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xoxe.", "xapp-")
	add(slackWebhook, "hooks.slack.com/")
	add(privateKey, "-----begin ")
	add(puttyKey, "putty-user-key-file-")
	add(jwt, "eyj")
	add(gcpServiceAccount, "service_account")
	add(azureAccountKey, "accountkey=")
	add(azureSAS, "sig=")
	add(azureSharedAccessKey, "sharedaccesskey=")
	add(azureFunctionCode, "code=")
	add(azureFunctionKeyAzFu, "azfu")
	add(azureKeysInFile, ".azurewebsites.net")
	add(azureHostSecrets, `"masterkey"`, `"functionkeys"`, `"systemkeys"`)
	add(azureADSecret, "q~")
	add(sendgrid, "sg.")
	add(mailgun, "key-")
	add(mailchimp, "-us")
	add(telegram, ":aa")
	add(discordWebhook, "/api/webhooks/")
	add(firebaseFCM, ":apa91b")
	add(braintree, "access_token$")
	add(openAIMarker, "t3blbkfj")
	add(newRelicLicense, "nral")
	add(terraformCloud, ".atlasv1.")
	add(urlCredentials, "://")
	for _, w := range []string{"pass", "pwd", "secret", "token", "key", "auth", "cred"} {
		t = append(t, anchorDef{text: w, fn: generic, generic: true})
	}
	return t
})
