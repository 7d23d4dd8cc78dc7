package calls

import (
	"testing"

	"github.com/cladsec/clad/internal/model"
)

func TestOverlap(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"/api/internal/*", "/api/internal/backup", true},
		{"/api/internal/*", "/api/todos/*", false},
		{"*", "anything", true},
		{"", "", true},
		{"a*c", "ab*", true},
		{"a*c", "*d", false},
		{"shop-*-api", "shop-*-admintask", false},
		{"shop-*-admin-api", "shop-*-api", true},
		{"x", "y", false},
		{"/a/*/c", "/a/b/*", true},
	}
	for _, c := range cases {
		if got := Overlap(c.a, c.b); got != c.want {
			t.Errorf("Overlap(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
		if got := Overlap(c.b, c.a); got != c.want {
			t.Errorf("Overlap(%q, %q) = %v, want %v (swapped)", c.b, c.a, got, c.want)
		}
	}
}

func TestMatches(t *testing.T) {
	az := func(route string) endpoint {
		ep, ok := newEndpoint(&model.Function{ID: "a/f"}, model.Trigger{Type: "httpTrigger", Details: map[string]string{"route": route}})
		if !ok {
			t.Fatalf("no endpoint for %q", route)
		}
		return ep
	}
	aws := func(p string) endpoint {
		ep, ok := newEndpoint(&model.Function{ID: "a/f"}, model.Trigger{Type: "http", Details: map[string]string{"path": p}})
		if !ok {
			t.Fatalf("no endpoint for %q", p)
		}
		return ep
	}
	cases := []struct {
		url  string
		ep   endpoint
		want bool
	}{
		{"https://todo.azurewebsites.net/api/internal/*", az("/api/internal/backup"), true},
		{"https://todo.azurewebsites.net/api/internal/backup?code=*", az("/api/internal/backup"), true},
		{"*/internal/backup", az("/api/internal/backup"), true},
		{"http://localhost:7071/api/todos", az("/api/todos/{id?}"), true},
		{"https://todo.azurewebsites.net/api/*", az("/api/internal/backup"), false},
		{"https://example.com/api/internal/backup", az("/api/internal/backup"), false},
		{"/api/internal/backup", az("/api/internal/backup"), false},
		{"ftp://todo.azurewebsites.net/api/internal/backup", az("/api/internal/backup"), false},
		{"https://abc.execute-api.eu-west-1.amazonaws.com/dev/orders/*", aws("orders/{id}"), true},
		{"https://abc.execute-api.eu-west-1.amazonaws.com/orders/12", aws("orders/{id}"), true},
		{"https://abc.azurewebsites.net/orders/12", aws("orders/{id}"), false},
		{"*", aws("orders/{id}"), false},
	}
	for _, c := range cases {
		if got := matches(c.url, c.ep); got != c.want {
			t.Errorf("matches(%q, %v) = %v, want %v", c.url, c.ep.patterns, got, c.want)
		}
	}
	if _, ok := newEndpoint(&model.Function{}, model.Trigger{Type: "httpApi", Details: map[string]string{"path": "*"}}); ok {
		t.Error("a catch-all route must not be an endpoint")
	}
}

func TestCodeParamAndRedact(t *testing.T) {
	u := concat([]str{lit("https://h/api/x?code=")}, []str{from("s3cr3tvalue", Origin{Kind: OriginCode})})
	start, end, ok := codeParam(u[0].text)
	if !ok || u[0].text[start:end] != "s3cr3tvalue" {
		t.Fatalf("codeParam = %d %d %v", start, end, ok)
	}
	got := redact("fetch('https://h/api/x?code=s3cr3tvalue')", rawHTTP{}, u)
	if got != "fetch('https://h/api/x?code=<redacted>')" {
		t.Errorf("redact = %q", got)
	}
}
