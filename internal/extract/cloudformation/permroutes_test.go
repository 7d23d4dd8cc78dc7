package cloudformation

import (
	"testing"

	"github.com/cladsec/clad/internal/model"
)

func TestExecuteAPIRoute(t *testing.T) {
	cases := []struct {
		arn, method, route string
		ok                 bool
	}{
		{"arn:aws:execute-api:eu-west-1:123456789012:abc/*/GET/notes", "GET", "/notes", true},
		{"arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/prod/post/notes/*", "POST", "/notes/*", true},
		{"arn:aws:execute-api:Ref(AWS::Region):Ref(AWS::AccountId):Ref(Api)/*/*/items/{id}", "ANY", "/items/{id}", true},
		{"arn:aws:execute-api:eu-west-1:1:abc/*/*", "", "", false},
		{"arn:aws:execute-api:eu-west-1:1:abc/*/GET/*", "", "", false},
		{"arn:aws:execute-api:eu-west-1:1:abc/*/GET/", "", "", false},
		{"arn:aws:execute-api:eu-west-1:1:abc/authorizers/xyz", "", "", false},
		{"arn:aws:execute-api:eu-west-1:1:abc", "", "", false},
		{"arn:aws:s3:::bucket/*/GET/notes", "", "", false},
		{"", "", "", false},
	}
	for _, c := range cases {
		method, route, ok := executeAPIRoute(c.arn)
		if method != c.method || route != c.route || ok != c.ok {
			t.Errorf("executeAPIRoute(%q) = %q, %q, %v; want %q, %q, %v", c.arn, method, route, ok, c.method, c.route, c.ok)
		}
	}
}

func TestDescribesRoute(t *testing.T) {
	route := func(typ, api, method, path string) model.Trigger {
		return model.Trigger{Type: typ, Details: map[string]string{"api": api, "method": method, "path": path}}
	}
	perm := route("http", "Api", "GET", "/notes/*")
	cases := []struct {
		name string
		have []model.Trigger
		want bool
	}{
		{"none", nil, false},
		{"same route with a parameter", []model.Trigger{route("http", "Api", "GET", "notes/{id}")}, true},
		{"ANY method", []model.Trigger{route("http", "Api", "ANY", "/notes/{id}/")}, true},
		{"other method", []model.Trigger{route("http", "Api", "POST", "/notes/{id}")}, false},
		{"other path", []model.Trigger{route("http", "Api", "GET", "/notes")}, false},
		{"other API", []model.Trigger{route("http", "Other", "GET", "/notes/{id}")}, false},
		{"API unknown on one side", []model.Trigger{route("httpApi", "", "GET", "/notes/{id}")}, true},
		{"not a route", []model.Trigger{{Type: "sqs", Details: map[string]string{"method": "GET", "path": "/notes/*"}}}, false},
	}
	for _, c := range cases {
		if got := describesRoute(c.have, perm); got != c.want {
			t.Errorf("%s: describesRoute = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestTriedText(t *testing.T) {
	cases := []struct {
		tried   []string
		runtime string
		want    string
	}{
		{nil, "nodejs20.x", "nothing"},
		{[]string{"src/a.js", "src/a/index.js", "src/a.mjs", "src/a/index.mjs"}, "nodejs20.x",
			"src/a.{js,mjs,cjs,ts,mts,cts,jsx,tsx}, src/a/index.{js,mjs,cjs,ts,mts,cts,jsx,tsx}"},
		{[]string{"fns/app.py"}, "python3.12", "fns/app.py"},
		{[]string{"h"}, "", "h"},
	}
	for _, c := range cases {
		if got := triedText(c.tried, c.runtime); got != c.want {
			t.Errorf("triedText(%q, %q) = %q, want %q", c.tried, c.runtime, got, c.want)
		}
	}
}

func TestArchiveDir(t *testing.T) {
	cases := map[string]string{
		"dist.zip":             ".",
		"build/dist.zip":       "build",
		"a/b/c.zip":            "a/b",
		"outer.zip!/inner.zip": "outer.zip!/",
		"outer.zip!/x/in.zip":  "outer.zip!/x",
	}
	for in, want := range cases {
		if got := archiveDir(in); got != want {
			t.Errorf("archiveDir(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIdentityHeader(t *testing.T) {
	cases := map[string]string{
		"method.request.header.Authorization": "Authorization",
		"$request.header.X-Key":               "X-Key",
		"route.request.header.Auth":           "Auth",
		"Method.Request.Header.X":             "X",
		"method.request.querystring.token":    "method.request.querystring.token",
		"method.request.header.":              "method.request.header.",
	}
	for in, want := range cases {
		if got := identityHeader(in); got != want {
			t.Errorf("identityHeader(%q) = %q, want %q", in, got, want)
		}
	}
}
