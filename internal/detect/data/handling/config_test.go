package handling

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/model"
)

func TestCheckSetting(t *testing.T) {
	cases := []struct {
		name, value, rule string
	}{
		{"NODE_TLS_REJECT_UNAUTHORIZED", "0", ruleTLS.ID},
		{"NODE_TLS_REJECT_UNAUTHORIZED", `"0"`, ruleTLS.ID},
		{"NODE_TLS_REJECT_UNAUTHORIZED", "1", ""},
		{"PYTHONHTTPSVERIFY", "0", ruleTLS.ID},
		{"POWERTOOLS_LOGGER_LOG_EVENT", "TRUE", ruleLogging.ID},
		{"POWERTOOLS_LOGGER_LOG_EVENT", "false", ""},
		{"API_URL", "http://api.partner-shop.io", ruleTransport.ID},
		{"WEBHOOK", " http://hooks.partner-shop.io/x ", ruleTransport.ID},
		{"API_URL", "https://api.partner-shop.io", ""},
		{"API_URL", "http://localhost:3000", ""},
		{"CORS_ORIGIN", "http://shop.partner-shop.io", ""},
		{"FRONTEND_URL", "http://shop.partner-shop.io", ""},
		{"JWT_ISSUER", "http://auth.partner-shop.io/", ""},
		{"DESCRIPTION", "docs at http://docs.partner-shop.io", ""},
	}
	for _, tc := range cases {
		rule, _, _, ok := checkSetting(tc.name, tc.value)
		if rule != tc.rule || ok != (tc.rule != "") {
			t.Errorf("checkSetting(%q, %q) = %q, %v; want %q", tc.name, tc.value, rule, ok, tc.rule)
		}
	}
}

func TestJSONSettings(t *testing.T) {
	src := `{
  "apiUrl": "http://api.partner-shop.io",
  "links": {"homepage": "http://shop.partner-shop.io", "docs": "http://docs.partner-shop.io"},
  "services": [{"endpoint": "http://stock.partner-shop.io"}, {"endpoint": "https://safe.partner-shop.io"}],
  "description": "http://not-a-setting.partner-shop.io",
  "NODE_TLS_REJECT_UNAUTHORIZED": "0"
}`
	got, err := jsonSettings([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, j := range got {
		lines = append(lines, j.line)
	}
	if diff := cmp.Diff([]int{2, 4, 6}, lines); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	if _, err := jsonSettings([]byte(`{"a": [`)); err == nil {
		t.Error("broken JSON: no error")
	}
}

func TestDotenv(t *testing.T) {
	src := "# comment\nAPI_URL=http://api.partner-shop.io\nexport NODE_TLS_REJECT_UNAUTHORIZED=0\nSAFE=https://x.partner-shop.io\nnot a setting\nQUOTED=\"http://q.partner-shop.io\"\n"
	var lines []int
	for _, j := range dotenvSettings([]byte(src)) {
		lines = append(lines, j.line)
	}
	if diff := cmp.Diff([]int{2, 3, 6}, lines); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	for p, want := range map[string]bool{".env": true, "svc/.env.prod": true, ".env.example": false, ".envrc": false, "env": false} {
		if isDotenv(p) != want {
			t.Errorf("isDotenv(%q) = %v", p, !want)
		}
	}
}

func TestShipping(t *testing.T) {
	a := &model.Function{ID: "s/a", CodeDir: "svc", Package: &model.Package{Patterns: []string{"!.env*"}}}
	b := &model.Function{ID: "s/b", CodeDir: "svc"}
	c := &model.Function{ID: "s/c", CodeDir: "other"}
	z := &model.Function{ID: "s/z", CodeDir: "dist/fn.zip!"}
	fns := []*model.Function{a, b, c, z}
	ids := func(fs []*model.Function) []string {
		out := []string{}
		for _, f := range fs {
			out = append(out, f.ID)
		}
		return out
	}
	if diff := cmp.Diff([]string{"s/b"}, ids(shipping(fns, "svc/.env"))); diff != "" {
		t.Errorf("svc/.env (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"s/z"}, ids(shipping(fns, "dist/fn.zip!/.env"))); diff != "" {
		t.Errorf("zip (-want +got):\n%s", diff)
	}
}

func TestEnvIssuesMergeInherited(t *testing.T) {
	env := model.EnvVar{Name: "API_URL", Value: "http://api.partner-shop.io", Resolved: true, Source: model.Location{File: "serverless.yml", Line: 7}}
	unresolved := model.EnvVar{Name: "OTHER_URL", Value: "${ssm:/x}", Resolved: false, Source: model.Location{File: "serverless.yml", Line: 8}}
	fns := []*model.Function{
		{ID: "s/a", Environment: []model.EnvVar{env, unresolved}},
		{ID: "s/b", Environment: []model.EnvVar{env}},
	}
	got := envIssues(fns)
	if len(got) != 1 || len(got[0].fns) != 2 || got[0].line != 7 {
		t.Fatalf("envIssues = %+v", got)
	}
}

func TestTLSSwitchFollowsRuntime(t *testing.T) {
	env := model.EnvVar{Name: "NODE_TLS_REJECT_UNAUTHORIZED", Value: "0", Resolved: true, Source: model.Location{File: "serverless.yml", Line: 5}}
	fns := []*model.Function{
		{ID: "s/node", Runtime: "nodejs20.x", Environment: []model.EnvVar{env}},
		{ID: "s/py", Runtime: "python3.12", Environment: []model.EnvVar{env}},
		{ID: "s/unknown", Environment: []model.EnvVar{env}},
	}
	got := envIssues(fns)
	if len(got) != 1 || len(got[0].fns) != 2 || got[0].fns[1].ID != "s/unknown" {
		t.Fatalf("envIssues = %+v", got)
	}
}
