package engine

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// unmask removes the "·" that keeps tokens in this file from matching.
func unmask(s string) string { return strings.ReplaceAll(s, "·", "") }

func scanOne(t *testing.T, path, text string, opts ...Option) []Match {
	t.Helper()
	return New(opts...).Scan(path, []byte(unmask(text)))
}

// TestSuppressions: references, placeholders, documented examples and
// look-alikes in every syntax produce nothing at all.
func TestSuppressions(t *testing.T) {
	for _, tc := range []struct{ path, text string }{
		{"serverless.yml", "    STRIPE_KEY: ${ssm:/shop/stripe-key}\n    DB_PASSWORD: ${env:DB_PASSWORD}\n    TOKEN: ${self:custom.token}\n"},
		{"template.yaml", "      Password: '{{resolve:secretsmanager:prod/db:SecretString:password}}'\n      ApiKey: !Ref ApiKeyParam\n"},
		{"src/handler.js", "const apiKey = process.env.API_KEY;\nconst secret = config.get('secret');\nconst token = req.headers.authorization;\n"},
		{"app.py", "password = os.environ['DB_PASSWORD']\napi_key = os.getenv('API_KEY')\ntoken = settings.TOKEN\n"},
		{"main.go", "password := os.Getenv(\"DB_PASSWORD\")\nvar apiKey = cfg.APIKey\n"},
		{".github/workflows/ci.yml", "    env:\n      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n      API_KEY: ${{ secrets.API_KEY }}\n"},
		{"config.yml", "api_key: <YOUR_API_KEY>\npassword: your-password-here\nsecret: changeme\ntoken: xxxxxxxxxxxxxxxx\nclient_secret: '********'\n"},
		{".env.example", "API_KEY=your-api-key\nDB_PASSWORD=\nJWT_SECRET=dummy\nSTRIPE_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\n"},
		{"README.md", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"},
		{"src/seq.js", "const secret = '1234567890abcdef';\nconst token = 'aaaaaaaaaaaaaaaaaaaa';\nconst apiKey = 'abcdefghijklmnop';\n"},
		{"package-lock.json", `{"integrity": "sha512-KuD0KQzJLrW4gdPnBZpRnV4rKtxqBneMB9R7Dx1h0lTtZg5jbcu54Tj4Be7gVsHfEnYa318kYMGp4bCS==", "resolved": "https://registry.npmjs.org/x/-/x-1.0.0.tgz"}` + "\n"},
		{"src/ids.js", "const requestId = '701beacf-6448-435b-91e8-382264d705b8';\nconst correlationId = '7f3d472f-5eb6-4b75-9e34-b5df243cf317';\nconst keyId = '2dec4a74-f674-4f39-b6f5-37a7c8d1c032';\n"},
		{"src/names.ts", "const tokenUrl = 'https://login.acme.io/oauth/token';\nconst secretName = 'prod/orders/db';\nconst passwordField = 'input[name=password]';\nconst TOKEN_HEADER = 'X-Auth-Token';\n"},
		{"src/keys.js", "const partitionKey = 'tenantId';\nconst sortKey = 'createdAt';\nconst cacheKey = `orders:${id}`;\nObject.keys(obj).forEach(key => f(key));\n"},
		{".ssh/authorized_keys", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC3p2l+/RWaX+/pyidiI2HCHexgX5xoDWjKjLmG7joIgjM ci@acme\n"},
		{"certs/ca.pem", "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAp2l+/RWaX+/pyidiI2HCHexgX5xoDWjKjLmG7joIgjM\n-----END PUBLIC KEY-----\n"},
		{"src/commit.js", "const commit = '0ad3995bd6c96fde1797abd723e1f94f401f0624';\nconst sha = '07bd8ecef4e670d262b1e23cc47c3ee38ae14e84';\n"},
		{"local.settings.json", `{"Values": {"API_KEY": "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/api-key/)", "AzureWebJobsStorage": "UseDevelopmentStorage=true"}}` + "\n"},
		{"src/form.html", `<input type="password" name="password" placeholder="Enter your password">` + "\n"},
		{"src/enc.yaml", "password: ENC[AES256_GCM,data:Tr0ub4dor,iv:abc,tag:def,type:str]\ntoken: AQICAHh8T3BlbkFJabc\n"},
		{"src/bool.js", "const hasSecret = true;\nconst secret = null;\nconst token = '';\nconst password = undefined;\n"},
		{"docker-compose.yml", "    environment:\n      POSTGRES_PASSWORD: postgres\n      DATABASE_URL: postgres://postgres:postgres@db:5432/app\n      RABBITMQ_URL: amqp://guest:guest@rabbit:5672\n"},
		{"src/map.js", "mapboxgl.accessToken = 'pk.eyJ1IjogImFjbWUiLCAiYSI6ICJja241ZncxYmk0eHlrcWFyNzA5cW44In0.1gQgCZyDofWhQwakXKYckV';\n"},
	} {
		if ms := scanOne(t, tc.path, tc.text); len(ms) > 0 {
			t.Errorf("%s: want nothing, got %v", tc.path, ms)
		}
	}
}

// TestUUIDByName: the same UUID is a secret under a secret name only.
func TestUUIDByName(t *testing.T) {
	const u = "701beacf-6448-435b-91e8-382264d705b8"
	for key, want := range map[string]bool{
		"adminSecret": true, "apiKey": true, "clientSecret": true, "AUTH_TOKEN": true, "webhookSecret": true,
		"requestId": false, "traceId": false, "tenantId": false, "keyId": false, "secretName": false, "tokenType": false,
	} {
		ms := scanOne(t, "src/a.js", "const "+key+" = '"+u+"';\n")
		if got := hasRule(ms, RuleGeneric); got != want {
			t.Errorf("%s = uuid: reported %v, want %v (%v)", key, got, want, ms)
		}
	}
}

func TestAllowMarkers(t *testing.T) {
	text := "const ADMIN_TOKEN = 'tdadm_7c2f·91e4b8a35d60f1e9c7a2b4d8e6f0'; // gitleaks:allow\nconst API_KEY = 'Ktxq·BneMB9R7Dx1h0lTtZg5-jbcu54Tj'; // clad:allow data/hardcoded-secret test key\n"
	if ms := scanOne(t, "src/a.js", text); len(ms) != 2 {
		t.Fatalf("without markers: want 2 matches, got %v", ms)
	}
	if ms := scanOne(t, "src/a.js", text, WithAllowMarkers("gitleaks:allow")); len(ms) != 1 || ms[0].Line != 2 {
		t.Errorf("gitleaks:allow: want only line 2, got %v", ms)
	}
	if ms := scanOne(t, "src/a.js", text, WithAllowMarkers("clad:allow", "gitleaks:allow")); len(ms) != 0 {
		t.Errorf("both markers: want nothing, got %v", ms)
	}
}

func TestTestFixtures(t *testing.T) {
	real := "const API_KEY = 'Ktxq·BneMB9R7Dx1h0lTtZg5-jbcu54Tj';\n"
	faked := "// fake key for the unit tests\n" + real
	if ms := scanOne(t, "src/a.js", real); len(ms) != 1 || ms[0].Confidence != High {
		t.Fatalf("source: want one high-confidence match, got %v", ms)
	}
	ms := scanOne(t, "test/client.test.js", real)
	if len(ms) != 1 || ms[0].Confidence != Medium || !strings.Contains(ms[0].Why, "test") {
		t.Errorf("test path: want one lowered match, got %v", ms)
	}
	for _, p := range []string{"test/client.test.js", "__tests__/a.js", "fixtures/keys.js", "src/a_test.go"} {
		if ms := scanOne(t, p, faked); len(ms) != 0 {
			t.Errorf("%s with a fake marker: want nothing, got %v", p, ms)
		}
	}
	if ms := scanOne(t, "src/a.js", faked); len(ms) != 1 {
		t.Errorf("marker outside a test path must not hide a secret: %v", ms)
	}
	// a name is not a comment: SAMPLE_TOKEN may hold a captured live token
	captured := "// token captured from the dev stage\nconst SAMPLE_TOKEN = 'e·yJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdmMiLCJleHAiOjE5MTgwMDAwMDB9.xi_8tXzq3pfif9sqM0Hc94uLGQ3xc3GprI6eOW4lhoD';\n"
	if ms := scanOne(t, "__tests__/handler.test.js", captured); len(ms) != 1 || ms[0].Rule != RuleJWT || ms[0].Confidence != Low {
		t.Errorf("captured token in a test: %v", ms)
	}
}

func TestAWSPair(t *testing.T) {
	ms := scanOne(t, "creds.csv", "User name,Access key ID,Secret access key\nci,AK·IAC5C6BHOQMAZ6FTV4,ytfqY6K1Qjah4dXd3eOa1Zcc/a4CgOFfqRgz7IhY\n")
	if len(ms) != 1 || ms[0].Rule != RuleAWSAccessKey || ms[0].Partner == nil {
		t.Fatalf("want one paired access key, got %v", ms)
	}
	p := ms[0].Partner
	if p.Rule != RuleAWSSecretKey || p.Line != 2 || len(p.Secret()) != 40 || ms[0].Confidence != High {
		t.Errorf("partner = %v", p)
	}
	// the secret alone near its keyword, no id: its own rule
	ms = scanOne(t, "creds", "aws_secret_access_key = ytfqY6K1Qjah4dXd3eOa1Zcc/a4CgOFfqRgz7IhY\n")
	if len(ms) != 1 || ms[0].Rule != RuleAWSSecretKey || ms[0].Partner != nil {
		t.Errorf("lone secret key: %v", ms)
	}
	// an id with a SHA-1 nearby is not a pair
	ms = scanOne(t, "x.txt", "AK·IAC5C6BHOQMAZ6FTV4 0ad3995bd6c96fde1797abd723e1f94f401f0624\n")
	if len(ms) != 1 || ms[0].Partner != nil || ms[0].Confidence != Medium {
		t.Errorf("id with a hash: %v", ms)
	}
}

func TestGitHubChecksum(t *testing.T) {
	// published vector: the 30-character body and its checksum
	if got := base62CRC("zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ"); got != "0mLq17" {
		t.Fatalf("base62CRC = %q, want 0mLq17", got)
	}
	good := unmask("gh·p_M0XvqZjxTW3xvboSRt5Mh3dAwVtRMf3LeZiJ")
	bad := good[:len(good)-1] + "K"
	if !checksummed(good, 4) || checksummed(bad, 4) {
		t.Fatalf("checksummed(good)=%v checksummed(bad)=%v", checksummed(good, 4), checksummed(bad, 4))
	}
	for _, tc := range []struct {
		text string
		rule string
	}{
		{"x = " + good + "\n", RuleGitHubToken},
		{"x = " + bad + "\n", ""},
		{"GITHUB_TOKEN=" + bad + "\n", RuleGeneric},
	} {
		ms := New().Scan("a.txt", []byte(tc.text))
		if hasRule(ms, RuleGitHubToken) != (tc.rule == RuleGitHubToken) || (tc.rule == "" && len(ms) > 0) || (tc.rule != "" && !hasRule(ms, tc.rule)) {
			t.Errorf("%q: got %v, want %s", tc.text[:10], ms, tc.rule)
		}
		if tc.rule == RuleGeneric && ms[0].Confidence != Low {
			t.Errorf("bad checksum under a token name: want low confidence, got %v", ms[0].Confidence)
		}
	}
}

func TestJWTShape(t *testing.T) {
	head := "eyJhbGciOiJIUzI1NiJ9"                       // {"alg":"HS256"}
	claims := "eyJzdWIiOiJzdmMiLCJleHAiOjE5MTgwMDAwMDB9" // {"sub":"svc","exp":1918000000}
	sig := "xi_8tXzq3pfif9sqM0Hc94uLGQ3xc3GprI6eOW4lhoD"
	for _, tc := range []struct {
		name, tok string
		want      bool
	}{
		{"signed", head + "." + claims + "." + sig, true},
		{"no signature", head + "." + claims + ".", false},
		{"short signature", head + "." + claims + ".abc", false},
		{"alg none", "eyJhbGciOiJub25lIn0." + claims + "." + sig, false},
		{"header not json", "eyJub3Rqc29u." + claims + "." + sig, false},
		{"payload not json", head + ".eyJub3Rqc29u." + sig, false},
		{"no alg", "eyJ0eXAiOiJKV1QifQ." + claims + "." + sig, false},
		{"five parts (JWE)", head + "." + claims + "." + sig + ".abc.def", false},
	} {
		ms := New().Scan("a.txt", []byte("t "+tc.tok+"\n"))
		if hasRule(ms, RuleJWT) != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, ms, tc.want)
		}
	}
}

func TestDecoding(t *testing.T) {
	// base64 of "DB_PASSWORD=Wint·3r-Sale-2021!\nDB_USER=orders\n"
	b64 := unmask("REJfUEFTU1dPUkQ9V2lu·dDNyLVNhbGUtMjAyMSEKREJfVVNFUj1vcmRlcnMK")
	ms := New().Scan("k8s/secret.yaml", []byte("data:\n  app.env: "+b64+"\n"))
	if len(ms) != 1 || ms[0].Encoding != "base64" || ms[0].Secret() != "Wint3r-Sale-2021!" || ms[0].Line != 2 {
		t.Fatalf("base64: %v", ms)
	}
	if ms[0].Start != strings.Index("data:\n  app.env: "+b64, b64) || ms[0].End-ms[0].Start != len(b64) {
		t.Errorf("base64 span = %d:%d", ms[0].Start, ms[0].End)
	}
	// hex of "api_key=Ktxq·BneMB9R7Dx1h0lTtZg5-jbcu54Tj"
	hx := unmask("6170695f6b65793d4b74·7871426e654d4239523744783168306c54745a67352d6a62637535345466")
	ms = New().Scan("blob.txt", []byte("payload "+hx+"\n"))
	if len(ms) != 1 || ms[0].Encoding != "hex" || ms[0].Rule != RuleGeneric {
		t.Errorf("hex: %v", ms)
	}
	if ms := New(WithDecoding(false)).Scan("k8s/secret.yaml", []byte("data:\n  app.env: "+b64+"\n")); len(ms) != 0 {
		t.Errorf("decoding off: %v", ms)
	}
	// binary after decoding (a hash, an image) is left alone
	if ms := New().Scan("a.txt", []byte("integrity sha512-KuD0KQzJLrW4gdPnBZpRnV4rKtxqBneMB9R7Dx1h0lTtZg5jbcu54Tj4Be7gVsHfEnYa3\n")); len(ms) != 0 {
		t.Errorf("hash: %v", ms)
	}
}

func TestRedaction(t *testing.T) {
	for in, want := range map[string]string{
		"sk_live_0123456789abcdefghij": "sk_l…(28 chars)",
		"hunter22":                     "hu…(8 chars)",
		"abcdef":                       "ab…(6 chars)",
		"ab":                           "…(2 chars)",
		"pässwörd-1234":                "päss…(13 chars)",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
	ms := scanOne(t, "serverless.yml", "    PAYMENT_API_KEY: sk_·live_Rz3eKFIfNhqrWO9BzG9db057ANuHlwF5SEvPMZUIKK6Q4O5W3zCVFBZSntMY467o6hHdeHHwJwRJvreuENsrgDUIvMAZCQLzPda\n")
	if len(ms) != 1 {
		t.Fatalf("got %v", ms)
	}
	m := ms[0]
	assertRedacted(t, m)
	if fp := m.Fingerprint(); len(fp) != 64 || strings.Contains(fp, m.Secret()[:8]) || fp != Fingerprint(m.Rule, m.Secret()) {
		t.Errorf("fingerprint %q", fp)
	}
	if m.Redacted() != "sk_l…(107 chars)" || m.Key != "PAYMENT_API_KEY" {
		t.Errorf("redacted %q key %q", m.Redacted(), m.Key)
	}
}

func TestPositions(t *testing.T) {
	text := unmask("a: 1\nb:\n  DB_PASSWORD: Wint·3r-Sale-2021!\n")
	ms := New().Scan("x.yml", []byte(text))
	if len(ms) != 1 {
		t.Fatalf("got %v", ms)
	}
	m := ms[0]
	if m.Line != 3 || m.Column != 16 || m.EndLine != 3 || text[m.Start:m.End] != "Wint3r-Sale-2021!" {
		t.Errorf("line %d col %d end %d span %q", m.Line, m.Column, m.EndLine, text[m.Start:m.End])
	}
	key := "-----BEGIN RSA PRIV·ATE KEY-----\n" + pemBody + "-----END RSA PRIVATE KEY-----\n"
	ms = scanOne(t, "k.pem", "\n\n"+key)
	if len(ms) != 1 || ms[0].Line != 3 || ms[0].EndLine != 8 {
		t.Errorf("key block lines: %v (end %d)", ms, ms[0].EndLine)
	}
}

func TestLimits(t *testing.T) {
	secret := []byte(unmask("const API_KEY = 'Ktxq·BneMB9R7Dx1h0lTtZg5-jbcu54Tj';\n"))
	bin := append([]byte{0x7f, 'E', 'L', 'F', 0}, secret...)
	if ms := New().Scan("a.out", bin); len(ms) != 0 {
		t.Errorf("binary: %v", ms)
	}
	big := append(bytes.Repeat([]byte("x"), 2000), secret...)
	if ms := New(WithMaxFileSize(1000)).Scan("big.js", big); len(ms) != 0 {
		t.Errorf("over the size limit: %v", ms)
	}
	many := bytes.Repeat(secret, 50)
	if ms := New(WithMaxMatches(10)).Scan("many.js", many); len(ms) != 10 {
		t.Errorf("max matches: got %d", len(ms))
	}
	// a minified bundle: one long line full of keywords stays bounded and finds the key
	line := bytes.Repeat([]byte(`var key=e.key,token=t.token,password=n.pw;`), 20000)
	line = append(line, secret...)
	if ms := New().Scan("dist/app.min.js", line); len(ms) != 1 {
		t.Errorf("minified: %v", ms)
	}
	if ms := New(WithRules(RuleStripeKey)).Scan("a.js", secret); len(ms) != 0 {
		t.Errorf("WithRules: %v", ms)
	}
}

func TestConcurrentUse(t *testing.T) {
	s := New()
	text := []byte(unmask("GITHUB_TOKEN=gh·p_M0XvqZjxTW3xvboSRt5Mh3dAwVtRMf3LeZiJ\nDB_PASSWORD=Wint3r-Sale-2021!\n"))
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				if ms := s.Scan(".env", text); len(ms) != 2 {
					t.Errorf("got %v", ms)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestOwnSource: the engine's own code, samples included, holds nothing a
// scan of clad's repository would report.
func TestOwnSource(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	s := New()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range s.Scan(f, data) {
			t.Errorf("%s:%d: %v", f, m.Line, m)
		}
	}
}
