package handling

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWords(t *testing.T) {
	cases := map[string][]string{
		"apiKey":           {"api", "key"},
		"X-Api-Key":        {"x", "api", "key"},
		"DB_PASSWORD":      {"db", "password"},
		"HTTPHeaders":      {"http", "headers"},
		"creditCardNumber": {"credit", "card", "number"},
		"cvv2":             {"cvv2"},
		"":                 nil,
		"__":               nil,
	}
	for in, want := range cases {
		if diff := cmp.Diff(want, words(in)); diff != "" {
			t.Errorf("words(%q) (-want +got):\n%s", in, diff)
		}
	}
}

func TestSensitiveName(t *testing.T) {
	sensitive := []string{
		"password", "DB_PASSWORD", "newPassword", "passwd", "secret", "clientSecret", "client_secret", "token",
		"accessToken", "id_token", "authorization", "Authorization", "x-api-key", "apiKey", "api_key", "APIKEY",
		"accessKey", "secretAccessKey", "privateKey", "cookie", "cookies", "Set-Cookie", "jwt", "cvv", "ssn",
		"cardNumber", "creditCard", "sessionId", "session_token", "authHeader", "x-functions-key", "credentials",
		"resetToken", "expectedToken",
	}
	harmless := []string{
		"key", "tokens", "maxTokens", "inputTokens", "nextToken", "NextToken", "paginationToken", "hasPassword",
		"isSecret", "secretName", "secretArn", "SecretId", "passwordPolicy", "passwordHash", "tokenType",
		"tokenExpiry", "apiKeyId", "accessKeyId", "keyId", "session", "sessionTimeout", "tokenizer", "author",
		"authority", "auth", "email", "requestId", "secretsManager", "cardType", "",
	}
	for _, n := range sensitive {
		if !sensitiveName(n) {
			t.Errorf("sensitiveName(%q) = false", n)
		}
	}
	for _, n := range harmless {
		if sensitiveName(n) {
			t.Errorf("sensitiveName(%q) = true", n)
		}
	}
	if !credentialKey("auth") || !credentialKey("Authorization") || credentialKey("method") {
		t.Error("credentialKey")
	}
}

func TestLabels(t *testing.T) {
	for s, want := range map[string]bool{
		"token=": true, "Authorization: ": true, "user password:": true, "password reset for ": false,
		"token": false, "id=": false, "": false,
	} {
		if got := labelBefore(s); got != want {
			t.Errorf("labelBefore(%q) = %v", s, got)
		}
	}
	for s, want := range map[string]bool{"token": true, "password:": true, "token issued": false, "%s": false} {
		if got := isLabel(s); got != want {
			t.Errorf("isLabel(%q) = %v", s, got)
		}
	}
}

func TestIsTestFile(t *testing.T) {
	for p, want := range map[string]bool{
		"src/handler.js": false, "src/handler.test.js": true, "src/handler.spec.ts": true, "test/helpers.js": true,
		"src/__tests__/a.js": true, "pkg/main_test.go": true, "tests/test_app.py": true, "test_app.py": true,
		"conftest.py": true, "app_test.py": true, "src/testing.js": false, "contest/app.py": false,
		"dist/fn.zip!/test/a.js": true, "dist/fn.zip!/src/a.js": false, "src/fixtures/data.js": true,
	} {
		if got := isTestFile(p); got != want {
			t.Errorf("isTestFile(%q) = %v", p, got)
		}
	}
}

func TestNamedStatus(t *testing.T) {
	for name, want := range map[string]int{
		"StatusInternalServerError": 500, "INTERNAL_SERVER_ERROR": 500, "HTTP_500_INTERNAL_SERVER_ERROR": 500,
		"StatusBadRequest": 400, "HTTP_404_NOT_FOUND": 404, "BAD_GATEWAY": 502, "Whatever": 0,
	} {
		got, ok := namedStatus(name)
		if got != want || ok != (want != 0) {
			t.Errorf("namedStatus(%q) = %d, %v", name, got, ok)
		}
	}
}
