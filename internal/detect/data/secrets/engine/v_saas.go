package engine

import (
	"strings"
)

var csSlack = newCharset(digits, lowers, uppers, "-.")

// slackToken validates xoxb-/xoxp-/xoxa-/xoxr-/xoxs-/xoxe-/xapp- tokens:
// dash-separated segments with a numeric workspace or user id and a long
// random tail (or a long random refresh-token body).
func slackToken(sc *scan, at int) {
	d := sc.data
	if !boundaryBefore(d, at, csAlnum) || at+5 > len(d) {
		return
	}
	p := string(d[at : at+4])
	if !(p == "xapp" || (strings.HasPrefix(p, "xox") && strings.IndexByte("abprse", p[3]) >= 0)) {
		return
	}
	e := runEnd(d, at, csSlack, 400)
	for e > at && (d[e-1] == '.' || d[e-1] == '-') {
		e--
	}
	tok := string(d[at:e])
	segs := strings.Split(tok, "-")
	last := segs[len(segs)-1]
	numeric := false
	for _, s := range segs[1:] {
		if len(s) >= 6 && allIn(s, csDigits) {
			numeric = true
		}
	}
	if len(tok) < 30 || !allIn(last, csAlnum) || !((numeric && len(last) >= 10) || len(last) >= 60) {
		return
	}
	sc.add(cand{rule: RuleSlackToken, start: at, end: e, why: p + " token with workspace id and random tail"})
}

// slackWebhook validates an incoming webhook, workflow or trigger URL.
func slackWebhook(sc *scan, at int) {
	d := sc.data
	if !hasPrefixAt(d, at, "hooks.slack.com/") {
		return
	}
	s := at
	if hasPrefixAt(d, at-8, "https://") {
		s = at - 8
	}
	p := at + len("hooks.slack.com/")
	e := runEnd(d, p, csURLPath, 300)
	parts := strings.Split(strings.TrimRight(string(d[p:e]), "/"), "/")
	if len(parts) < 4 || (parts[0] != "services" && parts[0] != "workflows" && parts[0] != "triggers") {
		return
	}
	if !strings.HasPrefix(parts[1], "T") || len(parts[1]) < 8 {
		return
	}
	secret := parts[len(parts)-1]
	if len(secret) < 20 || !allIn(secret, csAlnum) || fakeToken(secret) || fakeToken(parts[1]) {
		return
	}
	sc.add(cand{rule: RuleSlackWebhook, start: s, end: p + len(strings.TrimRight(string(d[p:e]), "/")), raw: true,
		why: "Slack " + strings.TrimSuffix(parts[0], "s") + " URL with its secret path"})
}

// sendgrid validates SG.<22>.<43>.
func sendgrid(sc *scan, at int) {
	d := sc.data
	if !hasPrefixAt(d, at, "SG.") || !boundaryBefore(d, at, csAlnum) {
		return
	}
	a := runEnd(d, at+3, csB64URL, 23)
	if a-(at+3) != 22 || a >= len(d) || d[a] != '.' {
		return
	}
	b := runEnd(d, a+1, csB64URL, 44)
	if b-(a+1) != 43 || !boundaryAfter(d, b, csB64URL) {
		return
	}
	sc.add(cand{rule: RuleSendGridKey, start: at, end: b, why: "SG. key with id and secret parts"})
}

// mailgun validates key-<32 lower-case hex>.
func mailgun(sc *scan, at int) {
	d := sc.data
	if !hasPrefixAt(d, at, "key-") || !boundaryBefore(d, at, csB64URL) {
		return
	}
	e := runEnd(d, at+4, csLowHex, 33)
	if e-(at+4) != 32 || !boundaryAfter(d, e, csAlnum) {
		return
	}
	sc.add(cand{rule: RuleMailgunKey, start: at, end: e, why: "key- prefix and 32 hex characters"})
}

// mailchimp validates <32 hex>-us<datacenter>.
func mailchimp(sc *scan, at int) {
	d := sc.data
	if !hasPrefixAt(d, at, "-us") || at < 32 {
		return
	}
	e := runEnd(d, at+3, csDigits, 3)
	if n := e - (at + 3); n < 1 || n > 2 || !boundaryAfter(d, e, csAlnum) {
		return
	}
	s := at - 32
	if !allIn(string(d[s:at]), csLowHex) || !boundaryBefore(d, s, csAlnum) {
		return
	}
	sc.add(cand{rule: RuleMailchimpKey, start: s, end: e, why: "32 hex characters and a -usNN data centre suffix"})
}

// telegram validates <bot id>:AA<33 chars>, also inside api.telegram.org/bot… URLs.
func telegram(sc *scan, at int) {
	d := sc.data
	if !hasPrefixAt(d, at, ":AA") {
		return
	}
	s := runStart(d, at, csDigits, 11)
	if n := at - s; n < 8 || n > 10 {
		return
	}
	if !boundaryBefore(d, s, csAlnum) && !(s >= 3 && string(d[s-3:s]) == "bot") {
		return
	}
	e := runEnd(d, at+1, csB64URL, 36)
	if e-(at+1) != 35 || !boundaryAfter(d, e, csB64URL) {
		return
	}
	sc.add(cand{rule: RuleTelegramToken, start: s, end: e, why: "bot id and AA… secret"})
}

// discordWebhook validates discord(app).com/api/webhooks/<id>/<token>.
func discordWebhook(sc *scan, at int) {
	d := sc.data
	hs := runStart(d, at, csHost, 40)
	host := string(d[hs:at])
	if host != "discord.com" && host != "discordapp.com" && !strings.HasSuffix(host, ".discord.com") {
		return
	}
	p := at + len("/api/webhooks/")
	ide := runEnd(d, p, csDigits, 21)
	if n := ide - p; n < 17 || n > 20 || ide >= len(d) || d[ide] != '/' {
		return
	}
	e := runEnd(d, ide+1, csB64URL, 70)
	if n := e - (ide + 1); n < 60 || n > 68 {
		return
	}
	s := hs
	if hasPrefixAt(d, hs-8, "https://") {
		s = hs - 8
	}
	sc.add(cand{rule: RuleDiscordWebhook, start: s, end: e, why: "Discord webhook URL with its token"})
}

// firebaseFCM validates a legacy FCM server key AAAA<7>:APA91b<…>.
func firebaseFCM(sc *scan, at int) {
	d := sc.data
	if !hasPrefixAt(d, at, ":APA91b") || at < 11 {
		return
	}
	s := at - 11
	if !hasPrefixAt(d, s, "AAAA") || !allIn(string(d[s:at]), csB64URL) || !boundaryBefore(d, s, csB64URL) {
		return
	}
	e := runEnd(d, at+7, csB64URL, 220)
	if n := e - (at + 7); n < 100 || n > 200 {
		return
	}
	sc.add(cand{rule: RuleFirebaseKey, start: s, end: e, raw: true, why: "legacy FCM server key (AAAA…:APA91b…)"})
}

// braintree validates access_token$production$<16>$<32 hex>.
func braintree(sc *scan, at int) {
	d := sc.data
	if !hasPrefixAt(d, at, "access_token$") {
		return
	}
	p := at + len("access_token$")
	conf, why := High, "Braintree production access token"
	switch {
	case hasPrefixAt(d, p, "production$"):
		p += len("production$")
	case hasPrefixAt(d, p, "sandbox$"):
		p += len("sandbox$")
		conf, why = Low, "Braintree sandbox access token"
	default:
		return
	}
	m := runEnd(d, p, csLowAlnum, 17)
	if m-p != 16 || m >= len(d) || d[m] != '$' {
		return
	}
	e := runEnd(d, m+1, csLowHex, 33)
	if e-(m+1) != 32 || !boundaryAfter(d, e, csAlnum) {
		return
	}
	sc.add(cand{rule: RuleBraintreeToken, start: at, end: e, conf: conf, why: why})
}

// openAIMarker validates a key carrying T3BlbkFJ ("OpenAI" in base64).
func openAIMarker(sc *scan, at int) {
	d := sc.data
	if !hasPrefixAt(d, at, "T3BlbkFJ") {
		return
	}
	s := runStart(d, at, csB64URL, 200)
	e := runEnd(d, at+8, csB64URL, 200)
	if !hasPrefixAt(d, s, "sk-") || e-s < 40 || !boundaryAfter(d, e, csB64URL) {
		return
	}
	sc.add(cand{rule: RuleOpenAIKey, start: s, end: e, why: "sk- key with the T3BlbkFJ marker"})
}

// newRelicLicense validates <36 hex>NRAL.
func newRelicLicense(sc *scan, at int) {
	d := sc.data
	if !hasPrefixAt(d, at, "NRAL") || at < 36 || !boundaryAfter(d, at+4, csAlnum) {
		return
	}
	s := at - 36
	if !allIn(string(d[s:at]), csLowHex) || !boundaryBefore(d, s, csAlnum) {
		return
	}
	sc.add(cand{rule: RuleNewRelicKey, start: s, end: at + 4, why: "ingest license key (…NRAL)"})
}

// terraformCloud validates <14>.atlasv1.<60+>.
func terraformCloud(sc *scan, at int) {
	d := sc.data
	if !hasPrefixAt(d, at, ".atlasv1.") || at < 14 {
		return
	}
	s := at - 14
	if !allIn(string(d[s:at]), csAlnum) || !boundaryBefore(d, s, csAlnum) {
		return
	}
	e := runEnd(d, at+9, csAtlas, 80)
	if n := e - (at + 9); n < 60 || n > 70 {
		return
	}
	sc.add(cand{rule: RuleTerraformToken, start: s, end: e, why: "Terraform Cloud / Enterprise API token (.atlasv1.)"})
}
