package azure

import (
	"testing"

	"github.com/cladsec/clad/internal/model"
)

func TestAuthOf(t *testing.T) {
	cases := []struct {
		level, auth string
		public      bool
	}{
		{"anonymous", "none", true},
		{"Anonymous", "none", true},
		{" ANONYMOUS ", "none", true},
		{"function", "function", false},
		{"Function", "function", false},
		{"admin", "admin", false},
		{"Admin", "admin", false},
		{"system", "function", false},
		{"user", "function", false},
		{"", "function", false},
		{"%AUTH_LEVEL%", "function", false},
	}
	for _, c := range cases {
		auth, public := authOf(c.level)
		if auth != c.auth || public != c.public {
			t.Errorf("authOf(%q) = %q, %v; want %q, %v", c.level, auth, public, c.auth, c.public)
		}
	}
}

func TestWeakestAuth(t *testing.T) {
	http := func(auth string) model.Trigger { return model.Trigger{Type: typeHTTP, Auth: auth} }
	cases := []struct {
		name string
		in   []model.Trigger
		want string
	}{
		{"no triggers", nil, ""},
		{"no http trigger", []model.Trigger{{Type: "timerTrigger"}}, ""},
		{"one admin", []model.Trigger{http("admin")}, "admin"},
		{"function beats admin", []model.Trigger{http("admin"), http("function")}, "function"},
		{"none beats all", []model.Trigger{http("function"), http("none"), http("admin")}, "none"},
	}
	for _, c := range cases {
		if got := weakestAuth(c.in); got != c.want {
			t.Errorf("%s: weakestAuth = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestFullRoute(t *testing.T) {
	cases := []struct {
		prefix, route, fn, want string
	}{
		{"api", "", "hello", "/api/hello"},
		{"api", "todo/{id?}", "todo", "/api/todo/{id?}"},
		{"api", "/todo/", "todo", "/api/todo"},
		{"", "ghost", "ghost", "/ghost"},
		{"", "", "hello", "/hello"},
		{"/v1/", "items", "x", "/v1/items"},
	}
	for _, c := range cases {
		if got := fullRoute(c.prefix, c.route, c.fn); got != c.want {
			t.Errorf("fullRoute(%q, %q, %q) = %q, want %q", c.prefix, c.route, c.fn, got, c.want)
		}
	}
}

func TestParseTimeSpan(t *testing.T) {
	cases := []struct {
		in        string
		secs      int
		unlimited bool
		err       bool
	}{
		{"00:05:00", 300, false, false},
		{"00:10:00.500", 600, false, false},
		{"01:30:15", 5415, false, false},
		{"00:05", 300, false, false},
		{"1.00:00:00", 86400, false, false},
		{"2.01:00:00.25", 2*86400 + 3600, false, false},
		{"1", 86400, false, false},
		{" 00:00:30 ", 30, false, false},
		{"-1", 0, true, false},
		{"", 0, false, true},
		{"5 minutes", 0, false, true},
		{"00:60:00", 0, false, true},
		{"24:00:00", 0, false, true},
		{"-00:05:00", 0, false, true},
		{"00:05:00:00", 0, false, true},
		{"00::00", 0, false, true},
		{".00:05:00", 0, false, true},
		{"99999999999999999999", 0, false, true},
		{"PT5M", 0, false, true},
	}
	for _, c := range cases {
		secs, unlimited, err := parseTimeSpan(c.in)
		if (err != nil) != c.err || secs != c.secs || unlimited != c.unlimited {
			t.Errorf("parseTimeSpan(%q) = %d, %v, %v; want %d, %v, err %v", c.in, secs, unlimited, err, c.secs, c.unlimited, c.err)
		}
	}
}

func TestWorkerRuntime(t *testing.T) {
	cases := []struct {
		values        map[string]string
		runtime, lang string
	}{
		{nil, "", ""},
		{map[string]string{"FUNCTIONS_WORKER_RUNTIME": "node"}, "node", langNode},
		{map[string]string{"FUNCTIONS_WORKER_RUNTIME": "node", "WEBSITE_NODE_DEFAULT_VERSION": "~18"}, "nodejs18", langNode},
		{map[string]string{"FUNCTIONS_WORKER_RUNTIME": "Node", "WEBSITE_NODE_DEFAULT_VERSION": "20.11.1"}, "nodejs20", langNode},
		{map[string]string{"FUNCTIONS_WORKER_RUNTIME": "node", "WEBSITE_NODE_DEFAULT_VERSION": "latest"}, "node", langNode},
		{map[string]string{"FUNCTIONS_WORKER_RUNTIME": "python"}, "python", langPython},
		{map[string]string{"FUNCTIONS_WORKER_RUNTIME": "python", "FUNCTIONS_WORKER_RUNTIME_VERSION": "3.11"}, "python3.11", langPython},
		{map[string]string{"FUNCTIONS_WORKER_RUNTIME": "powershell", "FUNCTIONS_WORKER_RUNTIME_VERSION": "~7.2"}, "powershell7.2", langPowerShell},
		{map[string]string{"FUNCTIONS_WORKER_RUNTIME": "java", "FUNCTIONS_WORKER_RUNTIME_VERSION": "17"}, "java17", langJava},
		{map[string]string{"FUNCTIONS_WORKER_RUNTIME": "dotnet"}, "dotnet", langDotnet},
		{map[string]string{"FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated"}, "dotnet-isolated", langDotnet},
		{map[string]string{"FUNCTIONS_WORKER_RUNTIME": "custom"}, "custom", langCustom},
		{map[string]string{"FUNCTIONS_WORKER_RUNTIME": "cobol"}, "cobol", ""},
	}
	for _, c := range cases {
		s := &settings{values: map[string]string{}}
		for k, v := range c.values {
			s.values[k] = v
		}
		runtime, lang := workerRuntime(s)
		if runtime != c.runtime || lang != c.lang {
			t.Errorf("workerRuntime(%v) = %q, %q; want %q, %q", c.values, runtime, lang, c.runtime, c.lang)
		}
	}
}

func TestAppName(t *testing.T) {
	cases := []struct {
		dir, root, want string
	}{
		{"apps/orders", "/src/repo", "orders"},
		{".", "/src/repo", "repo"},
		{".", "/src/repo/", "repo"},
		{".", "testdata/site.zip", "site"},
		{"dist/site.zip!", "/src/repo", "site"},
		{"dist/SITE.ZIP!", "/src/repo", "SITE"},
		{".", "/", "app"},
	}
	for _, c := range cases {
		if got := appName(c.dir, c.root); got != c.want {
			t.Errorf("appName(%q, %q) = %q, want %q", c.dir, c.root, got, c.want)
		}
	}
}

func TestIsReference(t *testing.T) {
	cases := map[string]bool{
		"@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x/)": true,
		"@microsoft.keyvault(VaultName=kv;SecretName=x)":                       true,
		"@Microsoft.AppConfiguration(Endpoint=https://x.azconfig.io; Key=k)":   true,
		"UseDevelopmentStorage=true":                                           false,
		"":                                                                     false,
		"Microsoft.KeyVault(x)":                                                false,
	}
	for v, want := range cases {
		if got := isReference(v); got != want {
			t.Errorf("isReference(%q) = %v, want %v", v, got, want)
		}
	}
}
