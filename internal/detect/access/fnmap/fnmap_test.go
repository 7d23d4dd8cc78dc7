package fnmap

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/model"
	"github.com/cladsec/clad/internal/walk"
)

func TestTokens(t *testing.T) {
	cases := map[string][]string{
		"adminGateway":         {"admin", "gateway"},
		"/api/internal/backup": {"api", "internal", "backup"},
		"DB_PASSWORD":          {"db", "password"},
		"HTTPServerKey":        {"http", "server", "key"},
		"src/orders.create":    {"src", "orders", "create"},
		"":                     nil,
	}
	for in, want := range cases {
		if diff := cmp.Diff(want, Tokens(in)); diff != "" {
			t.Errorf("Tokens(%q) (-want +got):\n%s", in, diff)
		}
	}
}

func TestAdminWords(t *testing.T) {
	fn := &model.Function{Name: "cleanupJob", Handler: "src/jobs.deleteAllUsers", Triggers: []model.Trigger{
		{Type: "httpTrigger", Details: map[string]string{"route": "/api/internal/backup"}},
		{Type: "sqs", Details: map[string]string{"queue": "admin-queue"}},
	}}
	want := []string{"backup", "delete-all", "internal"}
	if diff := cmp.Diff(want, AdminWords(fn)); diff != "" {
		t.Errorf("AdminWords (-want +got):\n%s", diff)
	}
	if got := AdminWords(&model.Function{Name: "createOrder", Handler: "src/orders.create"}); len(got) != 0 {
		t.Errorf("createOrder: %v", got)
	}
}

func TestSecretName(t *testing.T) {
	for name, want := range map[string]bool{
		"DB_PASSWORD": true, "PAYMENT_API_KEY": true, "stripeSecret": true, "AUTH_TOKEN": true,
		"MAIL_API_KEY": true, "KMS_KEY_ID": false, "SECRET_ARN": false, "TOKEN_URL": false,
		"ORDERS_TABLE": false, "MONKEY": false, "KEYSPACE": false, "AzureWebJobsStorage": false,
	} {
		if got := SecretName(name); got != want {
			t.Errorf("SecretName(%q) = %v, want %v", name, got, want)
		}
	}
	fn := &model.Function{Environment: []model.EnvVar{
		{Name: "DB_PASSWORD", Value: "correct-horse", Resolved: true},
		{Name: "API_KEY", Value: "${ssm:/x}", Resolved: false},
		{Name: "SHORT_TOKEN", Value: "abc", Resolved: true},
	}}
	if got := Names(SecretEnv(fn)); got != "DB_PASSWORD" {
		t.Errorf("SecretEnv = %q", got)
	}
}

func TestEndpoint(t *testing.T) {
	cases := []struct {
		t    model.Trigger
		want string
	}{
		{model.Trigger{Type: "http", Details: map[string]string{"method": "POST", "path": "orders"}}, "POST /orders"},
		{model.Trigger{Type: "httpTrigger", Details: map[string]string{"methods": "get,post", "route": "/api/x"}}, "GET,POST /api/x"},
		{model.Trigger{Type: "httpApi", Details: map[string]string{"method": "*", "path": "*"}}, "* *"},
		{model.Trigger{Type: "websocket", Details: map[string]string{"route": "$connect"}}, "websocket $connect"},
		{model.Trigger{Type: "url"}, "function URL"},
		{model.Trigger{Type: "alb"}, "alb endpoint"},
		{model.Trigger{Type: "permission", Details: map[string]string{"principal": "*"}}, "resource policy for *"},
	}
	for _, c := range cases {
		if got := Endpoint(c.t); got != c.want {
			t.Errorf("Endpoint(%+v) = %q, want %q", c.t, got, c.want)
		}
	}
}

func TestLocator(t *testing.T) {
	dir := t.TempDir()
	yml := "service: s\nprovider:\n  name: aws\n  runtime: nodejs12.x\nfunctions:\n  a:\n    handler: h.a\n    runtime: python3.8\n"
	fj := "{\n  \"bindings\": [\n    {\n      \"type\": \"httpTrigger\",\n      \"authLevel\": \"anonymous\"\n    }\n  ]\n}\n"
	for name, body := range map[string]string{"serverless.yml": yml, "f/function.json": fj, "bad.yml": "a: [\n"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tree, err := walk.Open(context.Background(), dir, walk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tree.Close()
	l := NewLocator(tree)
	if got := l.KeyLine("serverless.yml", "provider", "RUNTIME"); got != 4 {
		t.Errorf("KeyLine provider.runtime = %d", got)
	}
	if got := FindKey(l.BlockAt("serverless.yml", 6), "runtime", 2, nil); got != 8 {
		t.Errorf("runtime in block a = %d", got)
	}
	if got := FindKey(l.Root("serverless.yml"), "runtime", 3, func(v string) bool { return v == "nodejs12.x" }); got != 4 {
		t.Errorf("FindKey nodejs12.x = %d", got)
	}
	if got := l.BindingKeyLine("f/function.json", 3, "authLevel"); got != 5 {
		t.Errorf("BindingKeyLine = %d", got)
	}
	if l.Root("bad.yml") != nil || l.Root("missing.yml") != nil || l.KeyLine("bad.yml", "a") != 0 {
		t.Error("unreadable files must yield nothing")
	}
	if NewLocator(nil).KeyLine("serverless.yml", "provider") != 0 {
		t.Error("nil tree must yield nothing")
	}
}

func TestByManifest(t *testing.T) {
	fns := []*model.Function{
		{ID: "b/x", Name: "x", Manifest: "b/serverless.yml", Service: "b", Provider: model.AWS},
		{ID: "a/z", Name: "z", Manifest: "a/template.yaml", Service: "a", Provider: model.AWS},
		{ID: "a/y", Name: "y", Manifest: "a/template.yaml", Service: "a", Provider: model.AWS},
		{ID: "c/w", Name: "w", Manifest: "host.json", Service: "c", Provider: model.Azure},
	}
	gs := ByManifest(fns)
	if len(gs) != 3 || gs[0].Manifest != "a/template.yaml" || gs[0].Functions[0].ID != "a/y" {
		t.Fatalf("ByManifest = %+v", gs)
	}
	kinds := []string{gs[0].Kind(), gs[1].Kind(), gs[2].Kind()}
	if diff := cmp.Diff([]string{"stack a", "service b", "function app c"}, kinds); diff != "" {
		t.Errorf("kinds (-want +got):\n%s", diff)
	}
	if got := Holders([]string{"a/y", "a/z"}, fns); got != "all 2 functions of stack a (y, z)" {
		t.Errorf("Holders = %q", got)
	}
	if got := ShortNames(fns, 2); got != "w, x and 2 more" {
		t.Errorf("ShortNames = %q", got)
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"adminGateway", "/api/x", "ÄÖÜbackup", "\xff\xfe", "DB_PASSWORD"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tok := range Tokens(s) {
			if tok == "" {
				t.Fatal("empty token")
			}
		}
		_ = SecretName(s)
	})
}
