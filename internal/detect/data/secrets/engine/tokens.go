package engine

import "strings"

// prefixed describes a token that announces itself with a fixed,
// case-sensitive prefix followed by a body of known alphabet and length.
type prefixed struct {
	rule   string
	prefix string
	body   *charset
	min    int
	max    int
	// check validates the whole token (checksum, structure).
	check func(tok string) bool
	conf  Confidence
	why   string
}

func (p prefixed) validate(sc *scan, at int) {
	d := sc.data
	if !hasPrefixAt(d, at, p.prefix) || !boundaryBefore(d, at, csAlnum) {
		return
	}
	bs := at + len(p.prefix)
	be := runEnd(d, bs, p.body, p.max+1)
	for be > bs && d[be-1] == '.' {
		be-- // a full stop after a token
	}
	if n := be - bs; n < p.min || n > p.max {
		return
	}
	tok := string(d[at:be])
	if p.check != nil && !p.check(tok) {
		return
	}
	why := p.why
	if why == "" {
		why = "prefix " + p.prefix + " and token format"
	}
	sc.add(cand{rule: p.rule, start: at, end: be, conf: p.conf, why: why})
}

var (
	csGitLab  = newCharset(digits, lowers, uppers, "-_.")
	csLetters = newCharset(lowers, uppers)
	csUpNum   = newCharset(uppers, digits)
	csBech32U = newCharset("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L")
	csAtlas   = newCharset(digits, lowers, uppers, "-_=")
	csSentry  = newCharset(digits, lowers, uppers, "-_=+/.")
	csMapbox  = newCharset(digits, lowers, uppers, "-_.")
)

func githubChecksum(tok string) bool { return checksummed(tok, 4) }

func fineGrained(tok string) bool {
	body := strings.TrimPrefix(tok, "github_pat_")
	return len(body) == 82 && body[22] == '_' && !strings.Contains(body[:22], "_") && !strings.Contains(body[23:], "_")
}

func hasDot(tok string) bool { return strings.Count(tok, ".") >= 2 }

// prefixedTokens lists the self-identifying token formats.
var prefixedTokens = []prefixed{
	{rule: RuleGitHubToken, prefix: "ghp_", body: csAlnum, min: 36, max: 36, check: githubChecksum, why: "ghp_ prefix and valid CRC-32 checksum"},
	{rule: RuleGitHubToken, prefix: "gho_", body: csAlnum, min: 36, max: 36, check: githubChecksum, why: "gho_ prefix and valid CRC-32 checksum"},
	{rule: RuleGitHubAppToken, prefix: "ghu_", body: csAlnum, min: 36, max: 36, check: githubChecksum, why: "ghu_ prefix and valid CRC-32 checksum"},
	{rule: RuleGitHubAppToken, prefix: "ghs_", body: csAlnum, min: 36, max: 36, check: githubChecksum, why: "ghs_ prefix and valid CRC-32 checksum"},
	{rule: RuleGitHubAppToken, prefix: "ghr_", body: csAlnum, min: 36, max: 36, check: githubChecksum, why: "ghr_ prefix and valid CRC-32 checksum"},
	{rule: RuleGitHubFineGrained, prefix: "github_pat_", body: newCharset(digits, lowers, uppers, "_"), min: 82, max: 82, check: fineGrained},
	{rule: RuleGitLabToken, prefix: "glpat-", body: csGitLab, min: 20, max: 300},
	{rule: RuleGitLabToken, prefix: "gldt-", body: csGitLab, min: 20, max: 300},
	{rule: RuleGitLabToken, prefix: "glrt-", body: csGitLab, min: 20, max: 300},
	{rule: RuleGitLabToken, prefix: "glptt-", body: csGitLab, min: 20, max: 300},
	{rule: RuleGitLabToken, prefix: "glft-", body: csGitLab, min: 20, max: 300},
	{rule: RuleGitLabToken, prefix: "glsoat-", body: csGitLab, min: 20, max: 300},
	{rule: RuleGitLabToken, prefix: "gloas-", body: csGitLab, min: 20, max: 300},
	{rule: RuleGitLabToken, prefix: "glcbt-", body: csGitLab, min: 20, max: 300},
	{rule: RuleStripeKey, prefix: "sk_live_", body: csAlnum, min: 24, max: 247},
	{rule: RuleStripeKey, prefix: "rk_live_", body: csAlnum, min: 24, max: 247},
	{rule: RuleStripeKey, prefix: "sk_test_", body: csAlnum, min: 24, max: 247, conf: Low, why: "sk_test_ prefix: a test-mode key (no live money, but account data)"},
	{rule: RuleStripeKey, prefix: "rk_test_", body: csAlnum, min: 24, max: 247, conf: Low, why: "rk_test_ prefix: a test-mode key (no live money, but account data)"},
	{rule: RuleStripeWebhook, prefix: "whsec_", body: csB64, min: 32, max: 100},
	{rule: RuleGoogleAPIKey, prefix: "AIza", body: csB64URL, min: 35, max: 35},
	{rule: RuleGoogleOAuth, prefix: "GOCSPX-", body: csB64URL, min: 28, max: 28},
	{rule: RuleNPMToken, prefix: "npm_", body: csAlnum, min: 36, max: 36, check: githubChecksum, why: "npm_ prefix and valid CRC-32 checksum"},
	{rule: RulePyPIToken, prefix: "pypi-AgEIcHlwaS5vcmc", body: csB64URL, min: 50, max: 400},
	{rule: RulePyPIToken, prefix: "pypi-AgENdGVzdC5weXBpLm9yZw", body: csB64URL, min: 50, max: 400, conf: Low, why: "a test.pypi.org token"},
	{rule: RuleShopifyToken, prefix: "shpat_", body: csHex, min: 32, max: 32},
	{rule: RuleShopifyToken, prefix: "shpca_", body: csHex, min: 32, max: 32},
	{rule: RuleShopifyToken, prefix: "shppa_", body: csHex, min: 32, max: 32},
	{rule: RuleShopifyToken, prefix: "shpss_", body: csHex, min: 32, max: 32},
	{rule: RuleSquareToken, prefix: "sq0atp-", body: csB64URL, min: 22, max: 22},
	{rule: RuleSquareToken, prefix: "sq0csp-", body: csB64URL, min: 43, max: 43},
	{rule: RuleSquareToken, prefix: "EAAA", body: csB64URL, min: 60, max: 60},
	{rule: RuleOpenAIKey, prefix: "sk-proj-", body: csB64URL, min: 40, max: 300},
	{rule: RuleOpenAIKey, prefix: "sk-svcacct-", body: csB64URL, min: 40, max: 300},
	{rule: RuleOpenAIKey, prefix: "sk-admin-", body: csB64URL, min: 40, max: 300},
	{rule: RuleAnthropicKey, prefix: "sk-ant-api03-", body: csB64URL, min: 80, max: 200},
	{rule: RuleAnthropicKey, prefix: "sk-ant-admin01-", body: csB64URL, min: 80, max: 200},
	{rule: RuleAnthropicKey, prefix: "sk-ant-oat01-", body: csB64URL, min: 80, max: 200},
	{rule: RuleVaultToken, prefix: "hvs.", body: csB64URL, min: 24, max: 400},
	{rule: RuleVaultToken, prefix: "hvb.", body: csB64URL, min: 100, max: 400},
	{rule: RuleHerokuKey, prefix: "HRKU-", body: csB64URL, min: 30, max: 100},
	{rule: RuleNewRelicKey, prefix: "NRAK-", body: csUpNum, min: 27, max: 27},
	{rule: RuleNewRelicKey, prefix: "NRII-", body: csB64URL, min: 32, max: 32},
	{rule: RuleAgeKey, prefix: "AGE-SECRET-KEY-1", body: csBech32U, min: 58, max: 58},
	{rule: RuleDigitalOcean, prefix: "dop_v1_", body: csLowHex, min: 64, max: 64},
	{rule: RuleDigitalOcean, prefix: "doo_v1_", body: csLowHex, min: 64, max: 64},
	{rule: RuleDigitalOcean, prefix: "dor_v1_", body: csLowHex, min: 64, max: 64},
	{rule: RulePlanetScale, prefix: "pscale_tkn_", body: csB64URL, min: 32, max: 64},
	{rule: RulePlanetScale, prefix: "pscale_pw_", body: csB64URL, min: 32, max: 64},
	{rule: RulePlanetScale, prefix: "pscale_oauth_", body: csB64URL, min: 32, max: 64},
	{rule: RuleHuggingFace, prefix: "hf_", body: csLetters, min: 34, max: 34},
	{rule: RulePulumiToken, prefix: "pul-", body: csLowHex, min: 40, max: 40},
	{rule: RuleSentryToken, prefix: "sntrys_", body: csSentry, min: 60, max: 400},
	{rule: RuleSentryToken, prefix: "sntryu_", body: csLowHex, min: 64, max: 64},
	{rule: RuleAtlassianToken, prefix: "ATATT3", body: csAtlas, min: 150, max: 300},
	{rule: RuleMapboxToken, prefix: "sk.eyJ", body: csMapbox, min: 60, max: 400, check: hasDot},
}
