package engine

import "testing"

// TestDocumentation: documentation files, documentation hosts, example
// comments, badge tokens and idempotency tokens produce nothing, while
// self-identifying tokens there, and the same values outside, are still
// reported.
func TestDocumentation(t *testing.T) {
	pat := "gh·p_M0XvqZjxTW3xvboSRt5Mh3dAwVtRMf3LeZiJ"
	for _, tc := range []struct {
		name, path, text string
		want             string // rule expected, "" for nothing
	}{
		{"readme password", "README.md", "    password: 'Vq8s·K2mPz9Lw4'\n", ""},
		{"readme db url", "docs/setup.rst", "DATABASE_URL=postgres://app:Vq8s·K2mPz9Lw4@db.acme.io/app\n", ""},
		{"readme checksummed token", "README.md", "GITHUB_TOKEN=" + pat + "\n", RuleGitHubToken},
		{"api examples", "aws-sdk/apis/iam-2010-05-08.examples.json", `{"NewPassword": "]35d/{pB9Fo9wJ", "OldPassword": "3s0K_;xh4~8XXI"}` + "\n", ""},
		{"same values in config", "config/prod.json", `{"NewPassword": "]35d/{pB9Fo9wJ"}` + "\n", RuleGeneric},
		{"doc host", "src/url.js", "const options = new URL('http://abc:Vq8s·K2mPz9Lw4@example.com');\n", ""},
		{"real host", "src/url.js", "const options = new URL('https://abc:Vq8s·K2mPz9Lw4@api.acme.io');\n", RuleURLCredentials},
		{"example comment", "lib/main.js", "  // example: DOTENV_KEY=\"dotenv://:key_7f3Kq9Lm2Vx8@dotenvx.com/vault/.env.vault?environment=prod\"\n", ""},
		{"doc comment looks like", "clients/x.d.ts", "   * A key looks something like this: " + pat + "\n", ""},
		{"url is not a comment", "src/maps.js", "fetch('https://maps.example.com/api', { headers: { 'x-api-key': '" + pat + "' } });\n", RuleGitHubToken},
		{"hash in value is not a comment", ".env", "COLOR=#example\nTOKEN=" + pat + "\n", RuleGitHubToken},
		{"badge token", "README.rst", "[![codecov](https://codecov.io/gh/acme/app/branch/main/graph/badge.svg?token=bRzR3RyOXZ)](https://codecov.io)\n", ""},
		{"badge token in html", "index.html", `<img src="https://codecov.io/gh/acme/app/graph/badge.svg?token=bRzR3RyOXZ">` + "\n", ""},
		{"request token", "src/api.js", "const params = { ClientRequestToken: '550e8400-e29b-41d4-a716-446655440000', ChangeToken: 'abcd12f2-46da-4fdb-b8d5-fbd4c466928f' };\n", ""},
		{"session token kept", "src/api.js", "const sessionToken = '9f2c·4e7a1b3d5f6e8a0c2d4f6b8e0a2c';\n", RuleGeneric},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms := scanOne(t, tc.path, tc.text)
			switch {
			case tc.want == "" && len(ms) > 0:
				t.Errorf("want nothing, got %v", ms)
			case tc.want != "" && !hasRule(ms, tc.want):
				t.Errorf("want %s, got %v", tc.want, ms)
			}
		})
	}
}

// TestExampleLinesAndFixtures: prose that calls a value an example, weak
// user:password pairs and low-confidence matches in tests are dropped.
func TestExampleLinesAndFixtures(t *testing.T) {
	for _, tc := range []struct {
		name, path, text string
		want             string
	}{
		{"format like", "lib/main.js", "throw new Error('Must be in valid uri format like dotenv://:key_7f3K·q9Lm@dotenvx.com/vault/.env.vault')\n", ""},
		{"short basic password", "src/url.js", "const parsed = { auth: 'user:pw' };\n", ""},
		{"basic password", "src/url.js", "const parsed = { auth: 'deploy:Vq8s·K2mPz9Lw4' };\n", RuleGeneric},
		{"abc123 value", "src/client.js", "const accessKey = 'abc123Key9';\n", ""},
		{"local url in a test", "test/url.js", "const u = 'http://atpass:Vq8s·K2mPz9Lw4@127.0.0.1:8080/path';\n", ""},
		{"local url in code", "src/url.js", "const u = 'http://atpass:Vq8s·K2mPz9Lw4@127.0.0.1:8080/path';\n", RuleURLCredentials},
		{"real url in a test", "test/url.js", "const u = 'https://atpass:Vq8s·K2mPz9Lw4@api.acme.io/path';\n", RuleURLCredentials},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms := scanOne(t, tc.path, tc.text)
			switch {
			case tc.want == "" && len(ms) > 0:
				t.Errorf("want nothing, got %v", ms)
			case tc.want != "" && !hasRule(ms, tc.want):
				t.Errorf("want %s, got %v", tc.want, ms)
			}
		})
	}
}

// TestConversionsAndFiller: a literal wrapped in a byte conversion is
// read; "xXx" inside a random value is not filler.
func TestConversionsAndFiller(t *testing.T) {
	for _, tc := range []struct {
		name, path, text string
		want             string
	}{
		{"go bytes", "internal/auth/token.go", "var signingKey = []byte(\"c34d·7b0987e611455ceeeefa6b8a6fdd\")\n", RuleGeneric},
		{"node buffer", "src/sign.js", "const secret = Buffer.from('Zk3j·9Qm2Lx8Vt6Rp1Ws4Yn7B', 'utf8');\n", RuleGeneric},
		{"go bytes of a call", "internal/auth/token.go", "var signingKey = []byte(os.Getenv(\"KEY\"))\n", ""},
		{"mixed-case xxx", ".env", "DATABASE_URL=postgres://admin:IIlx·XxkRJtrFuTpSoejzqq99m@db.prod.internal:5432/app\n", RuleDatabaseURL},
		{"filler xxx", ".env", "DATABASE_URL=postgres://admin:xxx·xxxxx@db.prod.internal:5432/app\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms := scanOne(t, tc.path, tc.text)
			switch {
			case tc.want == "" && len(ms) > 0:
				t.Errorf("want nothing, got %v", ms)
			case tc.want != "" && !hasRule(ms, tc.want):
				t.Errorf("want %s, got %v", tc.want, ms)
			}
		})
	}
}

// TestMinifiedMessages: a "key:" at the end of a message string in
// minified code does not make the code after it a value.
func TestMinifiedMessages(t *testing.T) {
	text := `s(!this._byKey.has(r),"Schema id conflicts with existing key:",r),this._byId.set(r,{schema:e,id:r})}t&&(s(!this._byKey.has(t),"Schema already contains key:",t),s(!this._byId.has(t),"x")` + "\n"
	if ms := scanOne(t, "dist/joi-browser.min.js", text); len(ms) > 0 {
		t.Errorf("want nothing, got %v", ms)
	}
	if ms := scanOne(t, "src/a.js", "const o = {apiKey:\"Zk3j·9Qm2Lx8Vt6Rp1Ws4Yn7B\"};\n"); !hasRule(ms, RuleGeneric) {
		t.Errorf("minified object literal: got %v", ms)
	}
}

// TestLowInComments: a low-confidence match shown in a comment (a local
// database URL in a JSDoc example) is dropped; in code it stays.
func TestLowInComments(t *testing.T) {
	doc := " *     mongoose.createConnection('mongodb://val:ps·w9@127.0.0.1:27017/mydb').user;\n"
	if ms := scanOne(t, "lib/connection.js", doc); len(ms) > 0 {
		t.Errorf("comment: got %v", ms)
	}
	code := "mongoose.createConnection('mongodb://val:ps·w9@127.0.0.1:27017/mydb');\n"
	if ms := scanOne(t, "lib/connection.js", code); !hasRule(ms, RuleDatabaseURL) {
		t.Errorf("code: got %v", ms)
	}
}

// TestNpmrcLinesAreNotComments: .npmrc lines start with "//" and hold
// data, even for a registry on an example host or a token failing its
// checksum.
func TestNpmrcLinesAreNotComments(t *testing.T) {
	text := "//npm.pkg.acme.internal/:_authToken=np·m_PsSpk2LmP4vR7sT1wY3zA5cE8gH0jNqW9xZr\n"
	if ms := scanOne(t, ".npmrc", text); len(ms) == 0 {
		t.Errorf("want the token reported, got nothing")
	}
}
