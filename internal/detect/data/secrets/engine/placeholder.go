package engine

import "strings"

// tokenFakeWords inside a token body mark a documentation or test value.
var tokenFakeWords = []string{
	"example", "sample", "dummy", "placeholder", "xxxxx", "fake", "notreal", "not_real", "not-real",
	"notarealkey", "redacted", "changeme", "your_", "your-", "yourkey", "insert", "replace",
}

// fakeToken reports a value that is a stand-in for a secret: a documented
// example, a run of one character, a sequence, filler words.
func fakeToken(v string) bool {
	l := strings.ToLower(v)
	for _, w := range tokenFakeWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return longRun(l, 6) || sequence(l, 8) || dominant(l) || strings.Contains(l, "****") || strings.Contains(l, "...") || strings.Contains(v, "…")
}

// referencePrefixes start values that name a secret kept elsewhere.
var referencePrefixes = []string{
	"$", "%", "{{", "{%", "#{", "@microsoft.keyvault", "@microsoft.appconfiguration", "<", "[", "enc[",
	"vault:", "arn:", "ssm:", "ssm/", "secretsmanager:", "resolve:", "!ref", "!sub", "!getatt", "env:", "env(",
	"ref+", "op://", "akv://", "sops:", "azurekeyvault", "keyvault:", "gcp:", "projects/", "secret:",
	"bws:", "doppler:", "infisical:", "(", "process.env", "os.environ", "os.getenv", "system.getenv",
	"environment.getenvironmentvariable", "config.", "settings.", "import.meta.env", "aqicah",
	"$ansible_vault", "-----begin public", "ssh-rsa ", "ssh-ed25519 ", "ecdsa-sha2", "sha1-", "sha256-",
	"sha384-", "sha512-", "sha256:", "$2a$", "$2b$", "$2y$", "$argon2", "pbkdf2", "{bcrypt}", "{noop}",
}

// referenceInfixes anywhere in a value make it a template or reference.
var referenceInfixes = []string{"${", "{{", "}}", "%(", "process.env", "os.environ", "getenv", "/secrets/", "secretsmanager", "keyvault", "$("}

// weakDefaults are values that appear as defaults in documentation,
// docker-compose files and tutorials far more than as real secrets.
var weakDefaults = map[string]bool{
	"admin": true, "admin123": true, "administrator": true, "root": true, "toor": true, "guest": true,
	"postgres": true, "mysql": true, "password1": true, "pass123": true, "qwerty": true, "letmein": true,
	"welcome": true, "changeit": true, "default": true, "master": true, "test": true, "test123": true,
	"testing": true, "demo": true, "user": true, "username": true, "foo": true, "bar": true, "baz": true,
	"foobar": true, "abc123": true, "hunter2": true, "p@ssw0rd": true, "p@ssword": true, "passw0rd": true,
	"none": true, "null": true, "nil": true, "undefined": true, "true": true, "false": true, "empty": true,
	"required": true, "optional": true, "hidden": true, "private": true, "string": true, "value": true,
	"secret": true, "secrets": true, "token": true, "password": true, "pass": true, "passwd": true,
	"localhost": true, "local": true, "development": true, "dev": true, "prod": true, "production": true,
	"sa": true, "rabbitmq": true, "redis": true, "mongo": true, "mongodb": true, "docker": true, "pwd": true,
	"example": true, "sample": true, "tbd": true, "todo": true, "fixme": true, "n/a": true, "na": true,
}

// placeholderWords inside a generic value make it a stand-in.
var placeholderWords = []string{
	"password", "passwd", "secret", "token", "apikey", "api_key", "api-key", "changeme", "change_me",
	"change-me", "example", "sample", "dummy", "placeholder", "your", "***", "•••", "...", "…",
	"redacted", "replace", "insert", "fake", "notreal", "not_real", "not-real", "lorem", "foobar",
	"mysecret", "mypass", "qwerty", "123456", "abcdef", "abc123", "default", "todo", "deadbeef", "cafebabe",
}

// reference reports a value that names a secret stored elsewhere or is
// filled in at deploy or run time.
func reference(v string) bool {
	l := strings.ToLower(strings.TrimSpace(v))
	for _, p := range referencePrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	for _, p := range referenceInfixes {
		if strings.Contains(l, p) {
			return true
		}
	}
	return false
}

// placeholderValue reports a generic value that is not a real secret:
// a reference, a weak default, filler words, the key's own name.
func placeholderValue(v string, keyWords []string) bool {
	l := strings.ToLower(v)
	if reference(v) || weakDefaults[l] || fakeToken(v) {
		return true
	}
	for _, w := range placeholderWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	// xxx as filler is written in one case; xXx inside a random value is chance.
	if strings.Contains(v, "xxx") || strings.Contains(v, "XXX") {
		return true
	}
	if testWord(l) {
		return true
	}
	flat := flattener.Replace(l)
	joined := strings.Join(keyWords, "")
	return flat == joined || (len(keyWords) > 0 && strings.Contains(flat, keyWords[len(keyWords)-1]) && len(keyWords[len(keyWords)-1]) >= 4)
}

// testWord reports "test" as a word of the value: at either end or
// between separators.
func testWord(l string) bool {
	if strings.HasPrefix(l, "test") || strings.HasSuffix(l, "test") {
		return true
	}
	for _, s := range []string{"_test", "-test", ".test", "test_", "test-", "test."} {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

var flattener = strings.NewReplacer("_", "", "-", "", ".", "", " ", "")

// documented are secrets published in vendor documentation and local
// emulators: never live.
var documented = map[string]bool{
	"AKIAIOSFODNN7EXAMPLE":                     true,
	"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY": true,
	"AKIAI44QH8DHBEXAMPLE":                     true,
	"je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY": true,
	// Azurite / Azure Storage Emulator account key (devstoreaccount1).
	"Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==": true,
	// Azure Cosmos DB emulator key.
	"C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==": true,
	// Stripe documentation test keys.
	"sk_test_4eC39HqLyjWDarjtT1zdp7dc": true,
	"sk_test_BQokikJOvBiI2HlWgH4olfQ2": true,
	// GitHub REST API documentation token.
	"gho_16C7e42F292c6912E7710c838347Ae178B4a": true,
	// jwt.io default token.
	"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c": true,
}
