package report

import (
	"strings"
	"testing"

	"github.com/cladsec/clad/internal/model"
)

func TestRedactEnv(t *testing.T) {
	tests := []struct {
		name, value string
		want        string
	}{
		// caught by the name
		{"DB_PASSWORD", "hunter2-correct-horse", "hunt…(21 chars)"},
		{"dbPassword", "short", "…(5 chars)"},
		{"API_KEY", "abc123", "…(6 chars)"},
		{"apiKey", "abc123", "…(6 chars)"},
		{"STRIPE_SECRET", "not-so-secret-value", "not-…(19 chars)"},
		{"GITHUB_TOKEN", "abcdefghijkl", "abcd…(12 chars)"},
		{"ConnectionStrings__Default", "Server=db;Database=shop", "Serv…(23 chars)"},
		{"DATABASE_DSN", "postgres://db/shop", "post…(18 chars)"},
		{"JWT_SIGNING_KEY", "k", "…(1 chars)"},
		{"PASSWORD_SALT", "pepper", "…(6 chars)"},
		{"X_AUTH", "basic", "…(5 chars)"},
		{"PRIVATE_CERT", "-", "…(1 chars)"},
		{"AWS_CREDENTIALS", "default", "…(7 chars)"},
		// caught by the value
		{"ANALYTICS_ID", "AKIAIOSFODNN7EXAMPLE", "AKIA…(20 chars)"},
		{"BOT", "xoxb-123456789012-abcdefghijkl", "xoxb…(30 chars)"},
		{"GH", "ghp_0123456789abcdefghijklmnopqrstuvwxyz", "ghp_…(40 chars)"},
		{"PAYMENTS", "sk_live_0123456789abcdef", "sk_l…(24 chars)"},
		{"AzureWebJobsStorage", "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=bXlrZXk=", "Defa…(64 chars)"},
		{"DATABASE_URL", "postgres://app:s3cr3t@db.internal:5432/shop", "post…(43 chars)"},
		{"SECRET_ACCESS", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJal…(40 chars)"},
		{"CHECKSUM", "9f86d081884c7d659a2feaa0c55ad015", "9f86…(32 chars)"},
		{"UNICODE_TOKEN", "ключключключключ", "ключ…(16 chars)"},
		// left alone
		{"STAGE", "dev", "dev"},
		{"TABLE", "orders", "orders"},
		{"TABLE_NAME", "orders-table-2024-prod", "orders-table-2024-prod"},
		{"BUCKET", "my-company-uploads-production", "my-company-uploads-production"},
		{"QUEUE_ARN", "arn:aws:sqs:eu-west-1:123456789012:orders", "arn:aws:sqs:eu-west-1:123456789012:orders"},
		{"API_URL", "https://api.example.com/v1/orders", "https://api.example.com/v1/orders"},
		{"AUTHOR", "Jane Doe", "Jane Doe"},
		{"MONKEY_COUNT", "12", "12"},
		{"LOG_LEVEL", "INFO", "INFO"},
		{"REGION", "eu-west-1", "eu-west-1"},
		{"HOST", "db1.internal.example.com", "db1.internal.example.com"},
		{"AUTH_ENABLED", "true", "true"},
		{"API_KEY", "", ""},
		{"API_KEY", "abcd…(20 chars)", "abcd…(20 chars)"},
		{"FUNCTIONS_WORKER_RUNTIME", "node", "node"},
		{"AzureWebJobsStorage", "UseDevelopmentStorage=true", "UseDevelopmentStorage=true"},
		{"GREETING", "Hello there, welcome to the shop", "Hello there, welcome to the shop"},
	}
	for _, tt := range tests {
		t.Run(tt.name+"="+tt.value, func(t *testing.T) {
			if got := RedactEnv(tt.value, tt.name); got != tt.want {
				t.Errorf("RedactEnv(%q, %q) = %q, want %q", tt.value, tt.name, got, tt.want)
			}
		})
	}
}

func TestRedactEnvIdempotent(t *testing.T) {
	for _, v := range []string{"hunter2-correct-horse", "AKIAIOSFODNN7EXAMPLE", "x"} {
		once := RedactEnv(v, "API_KEY")
		if twice := RedactEnv(once, "API_KEY"); twice != once {
			t.Errorf("RedactEnv not idempotent: %q then %q", once, twice)
		}
	}
}

func TestNormalizeRedactsOnlyResolvedValues(t *testing.T) {
	in := sampleReport()
	out := Normalize(in)
	env := out.Project.Functions[0].Environment
	byName := map[string]model.EnvVar{}
	for _, e := range env {
		byName[e.Name] = e
	}
	if got := byName["DB_PASSWORD"].Value; got != "hunt…(21 chars)" {
		t.Errorf("DB_PASSWORD = %q, want it redacted", got)
	}
	if got := byName["SIGNING_KEY"].Value; got != "${ssm:/shop/signing-key}" {
		t.Errorf("unresolved SIGNING_KEY = %q, want the reference text kept", got)
	}
	if got := in.Project.Functions[0].Environment[2].Value; got != plantedPassword {
		t.Errorf("Normalize modified its input: %q", got)
	}
}

func TestNoFormatLeaksSecrets(t *testing.T) {
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			out := string(render(t, format, sampleReport(), Options{}))
			for _, secret := range []string{plantedPassword, plantedAWSKey, "bXlzZWNyZXRrZXk="} {
				if strings.Contains(out, secret) {
					t.Errorf("%s output contains the secret %q", format, secret)
				}
			}
		})
	}
}

func TestSensitiveName(t *testing.T) {
	tests := map[string]bool{
		"DB_PASSWORD": true, "clientSecret": true, "SLACK_TOKEN": true, "KEY": true,
		"x-api-key": true, "SqlConnectionString": true, "DB_CONN": true, "SENTRY_DSN": true,
		"REQUEST_SIGNATURE": true, "HASH_SALT": true, "Authorization": true,
		"AUTHOR": false, "MONKEY": false, "KEYSPACE": false, "STAGE": false, "TABLE_NAME": false,
		"TOKENIZER_MODEL": true, // over-redaction is the safe side
	}
	for name, want := range tests {
		if got := SensitiveName(name); got != want {
			t.Errorf("SensitiveName(%q) = %v, want %v", name, got, want)
		}
	}
}

func FuzzRedactEnv(f *testing.F) {
	f.Add("hunter2-correct-horse", "DB_PASSWORD")
	f.Add("AKIAIOSFODNN7EXAMPLE", "ID")
	f.Add("dev", "STAGE")
	f.Add("\xff\xfe", "KEY")
	f.Fuzz(func(t *testing.T, value, name string) {
		got := RedactEnv(value, name)
		if got == value {
			return
		}
		if len(value) >= 5 && strings.Contains(got, value) {
			t.Errorf("RedactEnv(%q, %q) = %q still holds the value", value, name, got)
		}
		if again := RedactEnv(got, name); again != got {
			t.Errorf("not idempotent: %q then %q", got, again)
		}
	})
}
