package main

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"strings"
)

// Character sets.
const (
	upper    = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	lowerCS  = "abcdefghijklmnopqrstuvwxyz"
	digitCS  = "0123456789"
	alnum    = upper + lowerCS + digitCS
	hexCS    = "0123456789abcdef"
	b32      = upper + "234567"
	b64std   = alnum + "+/"
	b64url   = alnum + "-_"
	b62      = digitCS + upper + lowerCS
	symbols  = "!#%&*+-.=?@^_~"
	password = alnum + symbols
)

// str returns n random characters of cs.
func (c *corpus) str(n int, cs string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = cs[c.r.IntN(len(cs))]
	}
	return string(b)
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func (c *corpus) bytes(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(c.r.IntN(256))
	}
	return b
}

// crc62 is the 6-character base62 CRC-32 GitHub and npm append to tokens.
func crc62(body string) string {
	n := crc32.ChecksumIEEE([]byte(body))
	var out [6]byte
	for i := 5; i >= 0; i-- {
		out[i] = b62[n%62]
		n /= 62
	}
	return string(out[:])
}

// Secrets: formats as issued, random parts from the corpus' generator.

func (c *corpus) githubPAT() string {
	body := c.str(30, alnum)
	return "gh" + "p_" + body + crc62(body)
}

func (c *corpus) githubApp() string {
	body := c.str(30, alnum)
	return pick(c, "ghs_", "ghu_", "gho_") + body + crc62(body)
}

func (c *corpus) githubFine() string {
	return "github_" + "pat_" + c.str(22, alnum) + "_" + c.str(59, alnum)
}

func (c *corpus) npmToken() string {
	body := c.str(30, alnum)
	return "np" + "m_" + body + crc62(body)
}

func (c *corpus) gitlabPAT() string { return "glp" + "at-" + c.str(20, alnum+"-_") }

func (c *corpus) awsKeyID() string { return pick(c, "AKIA", "AKIA", "ASIA") + c.str(16, b32) }

func (c *corpus) awsSecret() string { return c.str(40, alnum+"/+") }

func (c *corpus) stripeSecret() string {
	return pick(c, "sk_live_", "rk_live_") + c.str(pick(c, 24, 99), alnum)
}

func (c *corpus) slackBot() string {
	return pick(c, "xoxb-", "xoxp-") + c.str(11, digitCS) + "-" + c.str(13, digitCS) + "-" + c.str(24, alnum)
}

func (c *corpus) slackWebhook() string {
	return "https://hooks.slack.com/services/T" + c.str(8, upper+digitCS) + "/B" + c.str(10, upper+digitCS) + "/" + c.str(24, alnum)
}

func (c *corpus) googleAPIKey() string { return "AI" + "za" + c.str(35, alnum+"-_") }

func (c *corpus) sendgrid() string { return "SG." + c.str(22, b64url) + "." + c.str(43, b64url) }

func (c *corpus) twilioSID() string { return "AC" + c.str(32, hexCS) }

func (c *corpus) twilioAPIKey() string { return "SK" + c.str(32, hexCS) }

func (c *corpus) mailgun() string { return "key-" + c.str(32, hexCS) }

func (c *corpus) mailchimp() string { return c.str(32, hexCS) + "-us" + fmt.Sprint(1+c.r.IntN(20)) }

func (c *corpus) azureStorageKey() string { return c.str(86, b64std) + "==" }

func (c *corpus) azureConn() string {
	return "DefaultEndpointsProtocol=https;AccountName=" + c.str(10, lowerCS+digitCS) + "store;AccountKey=" + c.azureStorageKey() + ";EndpointSuffix=core.windows.net"
}

func (c *corpus) azureADSecret() string {
	return c.str(3, alnum) + fmt.Sprint(c.r.IntN(10)) + "Q~" + c.str(34, alnum+"_.-~")
}

func (c *corpus) pypi() string {
	return "pypi-" + "AgEIcHlwaS5vcmc" + c.str(140+c.r.IntN(40), b64url)
}

func (c *corpus) openai() string {
	return "sk-" + c.str(20, alnum) + "T3Blbk" + "FJ" + c.str(20, alnum)
}

func (c *corpus) anthropic() string { return "sk-" + "ant-api03-" + c.str(93, alnum+"-_") + "AA" }

func (c *corpus) shopify() string { return "shp" + "at_" + c.str(32, hexCS) }

func (c *corpus) hfToken() string { return "h" + "f_" + c.str(34, upper+lowerCS) }

func (c *corpus) doToken() string { return "dop" + "_v1_" + c.str(64, hexCS) }

func (c *corpus) vault() string { return "hv" + "s." + c.str(90, alnum+"_-") }

func (c *corpus) telegram() string {
	return fmt.Sprint(1000000000+c.r.IntN(899999999)) + ":AA" + c.str(33, alnum+"_-")
}

func (c *corpus) discordWebhook() string {
	return "https://discord.com/api/webhooks/" + c.str(18, digitCS) + "/" + c.str(68, b64url)
}

func (c *corpus) datadogKey() string { return c.str(32, hexCS) }

func (c *corpus) uuid() string {
	b := c.bytes(16)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// passwd is a human-made-looking strong password.
func (c *corpus) passwd() string {
	for {
		p := c.str(1, alnum) + c.str(13+c.r.IntN(10), password)
		if strings.ContainsAny(p, digitCS) && strings.ContainsAny(p, upper) && strings.ContainsAny(p, lowerCS) {
			return p
		}
	}
}

// randomSecret is a generated secret: hex, base64 or alphanumeric.
func (c *corpus) randomSecret() string {
	switch c.r.IntN(3) {
	case 0:
		return hex.EncodeToString(c.bytes(pick(c, 16, 32)))
	case 1:
		return base64.StdEncoding.EncodeToString(c.bytes(pick(c, 24, 33, 48)))
	}
	return c.str(pick(c, 32, 40, 50), alnum)
}

func (c *corpus) dbURL() string {
	host := pick(c, "db.prod.internal", "orders-db.cluster-"+c.str(12, lowerCS+digitCS)+".eu-west-1.rds.amazonaws.com", "10.0."+fmt.Sprint(c.r.IntN(250))+"."+fmt.Sprint(c.r.IntN(250)))
	user := pick(c, "app_user", "orders", "svc_billing", "admin", "root")
	pass := c.str(16+c.r.IntN(12), alnum)
	switch c.r.IntN(5) {
	case 0:
		return "postgres://" + user + ":" + pass + "@" + host + ":5432/" + pick(c, "orders", "billing", "app")
	case 1:
		return "mongodb+srv://" + user + ":" + pass + "@cluster0." + c.str(5, lowerCS+digitCS) + ".mongodb.net/app?retryWrites=true&w=majority"
	case 2:
		return "mysql://" + user + ":" + pass + "@" + host + ":3306/shop"
	case 3:
		return "redis://:" + pass + "@cache." + c.str(6, lowerCS) + ".internal:6379/0"
	}
	return "amqp://" + user + ":" + pass + "@rabbit.internal:5672/%2F"
}

func (c *corpus) urlWithPassword() string {
	return "https://" + pick(c, "deploy", "ci-bot", "jenkins") + ":" + c.str(20, alnum) + "@" + pick(c, "git.acme-corp.io/platform/app.git", "artifacts.acme-corp.net/repository/npm-private/", "registry.acmecloud.dev/v2/")
}

func (c *corpus) ageKey() string {
	return "AGE-SECRET-KEY-1" + c.str(58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L")
}

// jwt is a signed token with a long expiry, as found in service configs.
func (c *corpus) jwt() string {
	enc := base64.RawURLEncoding.EncodeToString
	head := enc([]byte(`{"alg":"HS256","typ":"JWT"}`))
	body := enc([]byte(fmt.Sprintf(`{"sub":"svc-%s","iss":"https://auth.example.com","aud":"orders-api","scope":"admin","iat":%d,"exp":%d}`,
		c.str(8, lowerCS+digitCS), 1700000000+c.r.IntN(9000000), 1900000000+c.r.IntN(9000000))))
	return head + "." + body + "." + enc(c.bytes(32))
}

// Look-alikes.

func (c *corpus) sha256hex() string { return hex.EncodeToString(c.bytes(32)) }

func (c *corpus) sha1hex() string { return hex.EncodeToString(c.bytes(20)) }

func (c *corpus) sri() string { return "sha384-" + base64.StdEncoding.EncodeToString(c.bytes(48)) }

func (c *corpus) bcrypt() string { return "$2b$12$" + c.str(53, alnum+"./") }

// badChecksumPAT looks like a GitHub token but fails its checksum.
func (c *corpus) badChecksumPAT() string {
	body := c.str(30, alnum)
	sum := c.str(6, alnum)
	if sum == crc62(body) {
		sum = "000000"
	}
	return "gh" + "p_" + body + sum
}

func (c *corpus) stripePublishable() string { return "pk_" + "live_" + c.str(24, alnum) }

func (c *corpus) googleClientID() string {
	return c.str(12, digitCS) + "-" + c.str(32, lowerCS+digitCS) + ".apps.googleusercontent.com"
}

func (c *corpus) dataURI() string {
	return "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA" + base64.StdEncoding.EncodeToString(c.bytes(120))
}

func (c *corpus) secretARN() string {
	return "arn:aws:secretsmanager:eu-west-1:" + c.str(12, digitCS) + ":secret:prod/" + pick(c, "db", "stripe", "github") + "-" + c.str(6, alnum)
}

func (c *corpus) sops() string {
	return "ENC[AES256_GCM,data:" + base64.StdEncoding.EncodeToString(c.bytes(24)) + ",iv:" + base64.StdEncoding.EncodeToString(c.bytes(32)) +
		",tag:" + base64.StdEncoding.EncodeToString(c.bytes(16)) + ",type:str]"
}

// Documented example values (vendors' docs), split so this source holds
// no token a scanner would stop at.
var (
	awsExampleID     = "AKIA" + "IOSFODNN7EXAMPLE"
	awsExampleSecret = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY" // gitleaks:allow (generator code, not a secret)
	jwtIOExample     = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ." + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
	stripeDocsKey    = "sk_" + "test_" + "4eC39HqLyjWDarjtT1zdp7dc"
	slackDocsToken   = "xoxb-" + "not-a-real-token-this-will-not-work"
)

// placeholder returns a value that stands for a secret without being one.
func (c *corpus) placeholder(name string) string {
	return pick(c, "<YOUR_"+strings.ToUpper(name)+">", "changeme", "xxxxxxxxxxxxxxxxxxxxxxxx", "${"+strings.ToUpper(name)+"}",
		"REPLACE_ME", "your-"+strings.ToLower(strings.ReplaceAll(name, "_", "-"))+"-here", "********", "TODO", "<secret>", "{{ ."+name+" }}")
}
